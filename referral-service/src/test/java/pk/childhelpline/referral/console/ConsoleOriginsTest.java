package pk.childhelpline.referral.console;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleOriginsTest {

    private static final URI REQUEST = URI.create("http://127.0.0.1:8082/console/queue");

    @Test
    void acceptsPostFromOwnOrigin() {
        assertTrue(ConsoleOrigins.sameOrigin("http://127.0.0.1:8082", "same-origin", REQUEST));
    }

    @Test
    void rejectsPostFromOtherPortOfSameHost() {
        assertFalse(ConsoleOrigins.sameOrigin("http://127.0.0.1:13999", "same-site", REQUEST));
    }

    @Test
    void rejectsOpaqueOriginFromOtherSite() {
        assertFalse(ConsoleOrigins.sameOrigin("null", "cross-site", REQUEST));
        assertFalse(ConsoleOrigins.sameOrigin("null", "same-site", REQUEST));
        assertFalse(ConsoleOrigins.sameOrigin("null", null, REQUEST));
    }

    @Test
    void acceptsOpaqueOriginOfOwnPage() {
        // A page with Referrer-Policy: no-referrer posts its forms with Origin: null.
        assertTrue(ConsoleOrigins.sameOrigin("null", "same-origin", REQUEST));
    }

    @Test
    void rejectsCrossSiteFetchWithoutOrigin() {
        assertFalse(ConsoleOrigins.sameOrigin(null, "cross-site", REQUEST));
        assertFalse(ConsoleOrigins.sameOrigin(null, "same-site", REQUEST));
    }

    @Test
    void leavesPostWithoutBrowserHeadersToCsrfToken() {
        assertTrue(ConsoleOrigins.sameOrigin(null, null, REQUEST));
        assertTrue(ConsoleOrigins.sameOrigin(null, "none", REQUEST));
    }
}
