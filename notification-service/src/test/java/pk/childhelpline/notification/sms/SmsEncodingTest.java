package pk.childhelpline.notification.sms;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SmsEncodingTest {

    @Test
    void englishFitsOnePartAt160() {
        SmsEncoding.Encoded encoded = SmsEncoding.encode("a".repeat(160));

        assertEquals(SmsEncoding.DATA_CODING_GSM, encoded.dataCoding());
        assertEquals(160, encoded.units());
        assertEquals(1, encoded.partCount());
    }

    @Test
    void englishNeedsTwoPartsAt161() {
        SmsEncoding.Encoded encoded = SmsEncoding.encode("a".repeat(161));

        assertEquals(2, encoded.partCount());
        assertEquals(6 + 153, encoded.parts().get(0).length);
        assertEquals(6 + 8, encoded.parts().get(1).length);
    }

    @Test
    void englishPartsAt153Boundaries() {
        assertEquals(2, SmsEncoding.encode("b".repeat(306)).partCount());
        assertEquals(3, SmsEncoding.encode("b".repeat(307)).partCount());
    }

    @Test
    void romanUrduStaysGsm() {
        SmsEncoding.Encoded encoded = SmsEncoding.encode("Aap ki report mil gayi hai. Case number: K7M2-9XQ4-T");

        assertEquals(SmsEncoding.DATA_CODING_GSM, encoded.dataCoding());
        assertEquals(1, encoded.partCount());
    }

    @Test
    void extensionCharactersTakeTwoSeptets() {
        SmsEncoding.Encoded encoded = SmsEncoding.encode("€".repeat(80));

        assertEquals(SmsEncoding.DATA_CODING_GSM, encoded.dataCoding());
        assertEquals(160, encoded.units());
        assertEquals(1, encoded.partCount());
        assertEquals(2, SmsEncoding.encode("€".repeat(80) + "a").partCount());
        assertEquals(324, SmsEncoding.encode("[]".repeat(81)).units());
    }

    @Test
    void extensionPairIsNeverSplit() {
        String text = "a".repeat(152) + "€" + "a".repeat(20);

        SmsEncoding.Encoded encoded = SmsEncoding.encode(text);

        assertEquals(2, encoded.partCount());
        assertEquals(6 + 152, encoded.parts().get(0).length);
        byte[] payload = java.util.Arrays.copyOfRange(encoded.parts().get(1), 6, encoded.parts().get(1).length);
        assertEquals("€" + "a".repeat(20), SmsEncoding.decode(payload, 0));
    }

    @Test
    void urduFitsOnePartAt70() {
        SmsEncoding.Encoded encoded = SmsEncoding.encode("ب".repeat(70));

        assertEquals(SmsEncoding.DATA_CODING_UCS2, encoded.dataCoding());
        assertEquals(1, encoded.partCount());
        assertEquals(140, encoded.parts().get(0).length);
    }

    @Test
    void urduNeedsTwoPartsAt71() {
        SmsEncoding.Encoded encoded = SmsEncoding.encode("ب".repeat(71));

        assertEquals(2, encoded.partCount());
        assertEquals(6 + 134, encoded.parts().get(0).length);
        assertEquals(2, SmsEncoding.encode("ب".repeat(134)).partCount());
        assertEquals(3, SmsEncoding.encode("ب".repeat(135)).partCount());
    }

    @Test
    void emojiTakesTwoUnits() {
        SmsEncoding.Encoded single = SmsEncoding.encode("a".repeat(68) + "🙂");
        SmsEncoding.Encoded split = SmsEncoding.encode("a".repeat(69) + "🙂");

        assertEquals(SmsEncoding.DATA_CODING_UCS2, single.dataCoding());
        assertEquals(70, single.units());
        assertEquals(1, single.partCount());
        assertEquals(71, split.units());
        assertEquals(2, split.partCount());
    }

    @Test
    void surrogatePairIsNeverSplit() {
        String text = "a".repeat(66) + "🙂" + "a".repeat(10);

        SmsEncoding.Encoded encoded = SmsEncoding.encode(text);

        assertEquals(2, encoded.partCount());
        assertEquals(6 + 132, encoded.parts().get(0).length);
    }

    @Test
    void partsCarryConcatenationHeader() {
        SmsEncoding.Encoded encoded = SmsEncoding.encode("ب".repeat(100), 0x2A);

        assertArrayEquals(new byte[]{5, 0, 3, 0x2A, 2, 1}, java.util.Arrays.copyOf(encoded.parts().get(0), 6));
        assertArrayEquals(new byte[]{5, 0, 3, 0x2A, 2, 2}, java.util.Arrays.copyOf(encoded.parts().get(1), 6));
    }

    @Test
    void decodesWhatItEncodes() {
        String text = "Hello {world} [1] ~ | € ^ \\ @£$¥ Ñ";

        SmsEncoding.Encoded encoded = SmsEncoding.encode(text);

        assertEquals(text, SmsEncoding.decode(encoded.parts().get(0), SmsEncoding.DATA_CODING_GSM));
    }
}
