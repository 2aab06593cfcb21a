package pk.childhelpline.helpline.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRingTest {

    private static final String OLD = "old:" + key('o');
    private static final String NEW = "new:" + key('n');
    private static final byte[] OWNER = "case-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensValueOfRotatedKey() {
        KeyRing before = new KeyRing("TEST_KEYS", OLD);
        KeyRing after = new KeyRing("TEST_KEYS", NEW + "," + OLD);
        KeyRing.Sealed sealed = before.seal("+923001234567".getBytes(StandardCharsets.UTF_8), OWNER);

        byte[] opened = after.open(sealed.keyId(), sealed.bytes(), OWNER);

        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo("+923001234567");
        assertThat(after.seal(new byte[]{1}, OWNER).keyId()).isEqualTo("new");
    }

    @Test
    void rejectsOtherAssociatedData() {
        KeyRing ring = new KeyRing("TEST_KEYS", NEW);
        KeyRing.Sealed sealed = ring.seal("secret".getBytes(StandardCharsets.UTF_8), OWNER);

        assertThatThrownBy(() -> ring.open("new", sealed.bytes(), "case-2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsShortKey() {
        assertThatThrownBy(() -> new KeyRing("TEST_KEYS", "k:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32");
    }

    private static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
    }
}
