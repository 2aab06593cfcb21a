package pk.childhelpline.smsc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Encoding, splitting and decoding of short_message payloads: GSM 7-bit as unpacked septets (data_coding 0) or UCS-2
 * (data_coding 8), concatenated with an 8-bit reference user data header ({@code 05 00 03 ref total seq}).
 */
final class ShortMessages {

    static final int DATA_CODING_GSM = 0;
    static final int DATA_CODING_UCS2 = 8;

    private static final int GSM_SINGLE = 160;
    private static final int GSM_PART = 153;
    private static final int UCS2_SINGLE_OCTETS = 140;
    private static final int UCS2_PART_OCTETS = 134;

    /** One encoded payload ready for a PDU, with its user data header when the message has several parts. */
    record Segment(byte[] shortMessage, boolean udhi) {
    }

    /** The user data of one received PDU: its concatenation header, if any, and the payload after it. */
    record UserData(Optional<Concatenation> concatenation, byte[] payload) {
    }

    /** Concatenation information from a user data header. */
    record Concatenation(int reference, int total, int sequence) {
    }

    private ShortMessages() {
    }

    static int dataCodingFor(String text) {
        return GsmAlphabet.encode(text).isPresent() ? DATA_CODING_GSM : DATA_CODING_UCS2;
    }

    /** Splits text into PDU payloads, never cutting an escape pair or a surrogate pair. */
    static List<Segment> split(String text, int reference) {
        Optional<byte[]> septets = GsmAlphabet.encode(text);
        List<byte[]> chunks = septets.isPresent()
                ? chunkGsm(septets.get())
                : chunkUcs2(text.getBytes(StandardCharsets.UTF_16BE));
        if (chunks.size() == 1) {
            return List.of(new Segment(chunks.get(0), false));
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] chunk = chunks.get(i);
            ByteBuffer buffer = ByteBuffer.allocate(6 + chunk.length);
            buffer.put((byte) 5).put((byte) 0).put((byte) 3).put((byte) reference).put((byte) chunks.size())
                    .put((byte) (i + 1)).put(chunk);
            segments.add(new Segment(buffer.array(), true));
        }
        return segments;
    }

    private static List<byte[]> chunkGsm(byte[] septets) {
        if (septets.length <= GSM_SINGLE) {
            return List.of(septets);
        }
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < septets.length) {
            int end = Math.min(start + GSM_PART, septets.length);
            if (end < septets.length && septets[end - 1] == GsmAlphabet.ESCAPE) {
                end--;
            }
            chunks.add(java.util.Arrays.copyOfRange(septets, start, end));
            start = end;
        }
        return chunks;
    }

    private static List<byte[]> chunkUcs2(byte[] octets) {
        if (octets.length <= UCS2_SINGLE_OCTETS) {
            return List.of(octets);
        }
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < octets.length) {
            int end = Math.min(start + UCS2_PART_OCTETS, octets.length);
            if (end < octets.length
                    && Character.isHighSurrogate((char) (((octets[end - 2] & 0xFF) << 8) | (octets[end - 1] & 0xFF)))) {
                end -= 2;
            }
            chunks.add(java.util.Arrays.copyOfRange(octets, start, end));
            start = end;
        }
        return chunks;
    }

    /** Separates the user data header from the payload when esm_class has the UDHI bit set. */
    static UserData userData(byte[] shortMessage, boolean udhi) {
        if (!udhi || shortMessage.length == 0) {
            return new UserData(Optional.empty(), shortMessage);
        }
        int headerLength = shortMessage[0] & 0xFF;
        byte[] payload = java.util.Arrays.copyOfRange(shortMessage, Math.min(1 + headerLength, shortMessage.length),
                shortMessage.length);
        Optional<Concatenation> concatenation = Optional.empty();
        int i = 1;
        while (i + 1 < 1 + headerLength && i + 1 < shortMessage.length) {
            int identifier = shortMessage[i] & 0xFF;
            int length = shortMessage[i + 1] & 0xFF;
            if (identifier == 0x00 && length == 3 && i + 4 < shortMessage.length) {
                concatenation = Optional.of(new Concatenation(shortMessage[i + 2] & 0xFF, shortMessage[i + 3] & 0xFF,
                        shortMessage[i + 4] & 0xFF));
            } else if (identifier == 0x08 && length == 4 && i + 5 < shortMessage.length) {
                int reference = ((shortMessage[i + 2] & 0xFF) << 8) | (shortMessage[i + 3] & 0xFF);
                concatenation = Optional.of(new Concatenation(reference, shortMessage[i + 4] & 0xFF,
                        shortMessage[i + 5] & 0xFF));
            }
            i += 2 + length;
        }
        return new UserData(concatenation, payload);
    }

    /** Decodes a payload: 8 is UCS-2 (UTF-16BE), 3 is Latin-1, anything else is read as the GSM default alphabet. */
    static String decode(byte[] payload, int dataCoding) {
        return switch (dataCoding) {
            case DATA_CODING_UCS2 -> new String(payload, StandardCharsets.UTF_16BE);
            case 3 -> new String(payload, StandardCharsets.ISO_8859_1);
            default -> GsmAlphabet.decode(payload);
        };
    }
}
