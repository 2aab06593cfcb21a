package pk.childhelpline.referral.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for notification-service's {@code GET /api/messages} on a random loopback port. It returns {@link #BODY}
 * for every reference, or 503 while {@link #down} is set, and keeps the last Authorization header.
 */
public class NotificationStub implements QuarkusTestResourceLifecycleManager {

    /** One page with one discreet Urdu SMS, shaped like notification-service's MessageView. */
    public static final String BODY = """
            {"items":[{"id":"6f1c3a9e-1111-4a7e-9c55-5b8f1e0d9a10","reference":"K7M2-9XQ4-T","kind":"RECEIVED",
            "language":"ur","discreet":true,"senderId":"INFO","status":"DELIVERED","dataCoding":8,"parts":2,
            "attempts":1,"lastError":null,"createdAt":"2026-10-01T07:51:03Z","notBefore":null,
            "submittedAt":"2026-10-01T07:51:04Z","completedAt":"2026-10-01T07:51:09Z"}],"total":1}""";

    public static volatile boolean down;
    public static volatile String lastQuery;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the notification-service stub", e);
        }
        server.createContext("/api/messages", this::answer);
        server.start();
        return Map.of("quarkus.rest-client.notification.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        lastQuery = exchange.getRequestURI().getQuery();
        byte[] body = down ? new byte[0] : BODY.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(down ? 503 : 200, body.length == 0 ? -1 : body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
