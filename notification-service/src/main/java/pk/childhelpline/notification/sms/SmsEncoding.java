package pk.childhelpline.notification.sms;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses the encoding of an SMS and splits it into parts. Text that fits the GSM 03.38 default alphabet and its
 * extension table goes as data_coding 0: unpacked septets, 160 in a single message and 153 per part of a concatenated
 * one, where {@code ^ { } \ [ ~ ] | €} and form feed take two septets. Anything else goes as UCS-2, data_coding 8: 70
 * UTF-16 units, or 67 per part, where a character outside the Basic Multilingual Plane (an emoji) takes two. Parts
 * never split an escape pair or a surrogate pair, and carry an 8-bit reference user data header
 * {@code 05 00 03 ref total seq}.
 */
public final class SmsEncoding {

    public static final int DATA_CODING_GSM = 0;
    public static final int DATA_CODING_UCS2 = 8;
    static final int ESCAPE = 0x1B;
    private static final int GSM_SINGLE = 160;
    private static final int GSM_PART = 153;
    private static final int UCS2_SINGLE = 70;
    private static final int UCS2_PART = 67;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final int[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    /** The encoding of one text: its data_coding, its length in septets or UTF-16 units, and its parts' payloads. */
    public record Encoded(int dataCoding, int units, List<byte[]> parts) {

        public int partCount() {
            return parts.size();
        }
    }

    private SmsEncoding() {
    }

    /** Encodes text without a concatenation reference; use {@link #encode(String, int)} to send it. */
    public static Encoded encode(String text) {
        return encode(text, 0);
    }

    /** Encodes and splits text, putting {@code reference} into the user data header of every part. */
    public static Encoded encode(String text, int reference) {
        byte[] septets = gsmSeptets(text);
        if (septets != null) {
            List<byte[]> chunks = septets.length <= GSM_SINGLE ? List.of(septets) : chunkGsm(septets);
            return new Encoded(DATA_CODING_GSM, septets.length, withHeaders(chunks, reference));
        }
        byte[] octets = text.getBytes(StandardCharsets.UTF_16BE);
        int units = octets.length / 2;
        List<byte[]> chunks = units <= UCS2_SINGLE ? List.of(octets) : chunkUcs2(octets);
        return new Encoded(DATA_CODING_UCS2, units, withHeaders(chunks, reference));
    }

    /** Decodes a short_message payload (without its user data header) of data_coding 0 or 8. */
    public static String decode(byte[] payload, int dataCoding) {
        if (dataCoding == DATA_CODING_UCS2) {
            return new String(payload, StandardCharsets.UTF_16BE);
        }
        if (dataCoding == 3) {
            return new String(payload, StandardCharsets.ISO_8859_1);
        }
        StringBuilder text = new StringBuilder(payload.length);
        for (int i = 0; i < payload.length; i++) {
            int code = payload[i] & 0x7F;
            if (code == ESCAPE && i + 1 < payload.length) {
                int extended = payload[++i] & 0x7F;
                int index = indexOf(EXTENSION_CODES, extended);
                text.append(index >= 0 ? EXTENSION_CHARS.charAt(index) : BASIC.charAt(extended));
            } else {
                text.append(BASIC.charAt(code));
            }
        }
        return text.toString();
    }

    /** Returns the unpacked septets of text, or null when a character is in neither GSM table. */
    static byte[] gsmSeptets(String text) {
        ByteArrayOutputStream septets = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                septets.write(basic);
                continue;
            }
            int extension = EXTENSION_CHARS.indexOf(c);
            if (extension < 0) {
                return null;
            }
            septets.write(ESCAPE);
            septets.write(EXTENSION_CODES[extension]);
        }
        return septets.toByteArray();
    }

    private static List<byte[]> chunkGsm(byte[] septets) {
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < septets.length) {
            int end = Math.min(start + GSM_PART, septets.length);
            if (end < septets.length && septets[end - 1] == ESCAPE) {
                end--;
            }
            chunks.add(Arrays.copyOfRange(septets, start, end));
            start = end;
        }
        return chunks;
    }

    private static List<byte[]> chunkUcs2(byte[] octets) {
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < octets.length) {
            int end = Math.min(start + UCS2_PART * 2, octets.length);
            char last = (char) (((octets[end - 2] & 0xFF) << 8) | (octets[end - 1] & 0xFF));
            if (end < octets.length && Character.isHighSurrogate(last)) {
                end -= 2;
            }
            chunks.add(Arrays.copyOfRange(octets, start, end));
            start = end;
        }
        return chunks;
    }

    private static List<byte[]> withHeaders(List<byte[]> chunks, int reference) {
        if (chunks.size() == 1) {
            return chunks;
        }
        List<byte[]> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            byte[] chunk = chunks.get(i);
            ByteBuffer part = ByteBuffer.allocate(6 + chunk.length);
            part.put((byte) 5).put((byte) 0).put((byte) 3).put((byte) reference).put((byte) chunks.size())
                    .put((byte) (i + 1)).put(chunk);
            parts.add(part.array());
        }
        return parts;
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
