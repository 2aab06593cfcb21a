package pk.childhelpline.smsc;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The simulator's HTTP control API on loopback: {@code POST /deliver} {@code {"from","text"}} delivers an incoming SMS
 * to the bound client (202), {@code GET /messages} returns the received messages as a JSON array, {@code GET /health}
 * returns 200 while the simulator runs.
 */
final class ControlApi {

    private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    private ControlApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static ControlApi start(SmscSimulator simulator, String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "smsc-control");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/health", exchange -> handle(exchange, "GET", () -> respond(exchange, 200,
                Map.of("status", "UP", "bound", simulator.isBound()))));
        server.createContext("/messages", exchange -> handle(exchange, "GET",
                () -> respond(exchange, 200, simulator.messages())));
        server.createContext("/deliver", exchange -> handle(exchange, "POST", () -> deliver(simulator, exchange)));
        server.start();
        LOG.info("SMSC simulator control API on http://{}:{}", host, server.getAddress().getPort());
        return new ControlApi(server, executor);
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private interface Handler {
        void run() throws IOException;
    }

    private static void handle(HttpExchange exchange, String method, Handler handler) throws IOException {
        try (exchange) {
            if (!method.equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("error", "Use " + method + " on " + exchange.getRequestURI().getPath()));
                return;
            }
            handler.run();
        } catch (RuntimeException e) {
            LOG.error("Control request failed", e);
            respond(exchange, 500, Map.of("error", "The simulator failed to handle the request"));
        }
    }

    private static void deliver(SmscSimulator simulator, HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in.readNBytes(MAX_BODY_BYTES));
        } catch (JsonProcessingException e) {
            respond(exchange, 400,
                    Map.of("error", "The body is not valid JSON; send {\"from\": \"+92...\", \"text\": \"...\"}"));
            return;
        }
        String from = body == null ? null : body.path("from").asText(null);
        String text = body == null ? null : body.path("text").asText(null);
        if (from == null || !from.matches("\\+?[0-9]{5,15}")) {
            respond(exchange, 400, Map.of("error", "from is missing or invalid; give a phone number such as +923001234567"));
            return;
        }
        if (text == null || text.isEmpty()) {
            respond(exchange, 400, Map.of("error", "text is missing; give the SMS text"));
            return;
        }
        try {
            int parts = simulator.deliver(from, text);
            respond(exchange, 202, Map.of("parts", parts));
        } catch (IllegalStateException e) {
            respond(exchange, 409, Map.of("error", "No client is bound; start notification-service and retry"));
        } catch (IOException e) {
            LOG.warn("Delivering an incoming message failed", e);
            respond(exchange, 502, Map.of("error", "The bound client did not take the message: " + e.getMessage()));
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
