package pk.childhelpline.smsc;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * The GSM 03.38 default alphabet with its extension table, as unpacked septets (one septet per octet), which is how
 * SMPP carries data_coding 0 in short_message.
 */
public final class GsmAlphabet {

    /** Marks a character of the extension table; the next septet selects it. */
    public static final int ESCAPE = 0x1B;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final char[] EXTENSION = new char[128];

    static {
        EXTENSION[0x0A] = '\f';
        EXTENSION[0x14] = '^';
        EXTENSION[0x28] = '{';
        EXTENSION[0x29] = '}';
        EXTENSION[0x2F] = '\\';
        EXTENSION[0x3C] = '[';
        EXTENSION[0x3D] = '~';
        EXTENSION[0x3E] = ']';
        EXTENSION[0x40] = '|';
        EXTENSION[0x65] = '€';
    }

    private GsmAlphabet() {
    }

    /** Decodes unpacked septets; an unknown extension code falls back to the basic character, as handsets do. */
    public static String decode(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int code = septets[i] & 0x7F;
            if (code == ESCAPE && i + 1 < septets.length) {
                int extended = septets[++i] & 0x7F;
                char c = EXTENSION[extended];
                text.append(c != 0 ? c : BASIC.charAt(extended));
            } else {
                text.append(BASIC.charAt(code));
            }
        }
        return text.toString();
    }

    /** Encodes text as unpacked septets, or returns empty when a character is outside both tables. */
    public static Optional<byte[]> encode(String text) {
        ByteArrayOutputStream septets = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                septets.write(basic);
                continue;
            }
            int extended = extensionCode(c);
            if (extended < 0) {
                return Optional.empty();
            }
            septets.write(ESCAPE);
            septets.write(extended);
        }
        return Optional.of(septets.toByteArray());
    }

    private static int extensionCode(char c) {
        for (int code = 0; code < EXTENSION.length; code++) {
            if (EXTENSION[code] == c && c != 0) {
                return code;
            }
        }
        return -1;
    }
}
