package pk.childhelpline.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenLoopLoadTest {

    private HttpServer server;

    private String start(long delayMillis) throws IOException {
        AtomicInteger counter = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // One thread: requests queue behind each other, as in a saturated service.
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/api/reports", exchange -> {
            exchange.getRequestBody().readAllBytes();
            sleep(delayMillis);
            byte[] body = ("{\"reference\":\"AAAA-BBBB-" + (counter.incrementAndGet() % 10) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static List<ObjectNode> bodies(int count) {
        List<ObjectNode> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(ReportGenerator.JSON.createObjectNode().put("externalId", "X-" + i));
        }
        return bodies;
    }

    @Test
    void acceptsAtOfferedRate() throws IOException {
        OpenLoopLoad load = new OpenLoopLoad(start(0), () -> "token");
        ConcurrentLinkedQueue<OpenLoopLoad.Accepted> accepted = new ConcurrentLinkedQueue<>();

        OpenLoopLoad.StepResult result = load.run(100, bodies(100), 64, Duration.ofSeconds(10), accepted);

        assertEquals(100, result.accepted());
        assertEquals(100, accepted.size());
        assertEquals(0, result.failed());
        assertEquals(100, result.latencyMicros().getTotalCount());
        // Loose, because the test shares the machine: 100 requests at 100/s take about 1 s, not 3.
        assertTrue(result.throughput() > 30, "throughput " + result.throughput());
        assertTrue(accepted.peek().reference().startsWith("AAAA-BBBB-"));
    }

    @Test
    void countsQueueingOfSlowServer() throws IOException {
        // 50 ms per request on one thread serves 20/s. Offering 40/s for 1 s leaves the last requests waiting about
        // 1 s, which an open-loop measurement must show and a closed loop would hide.
        OpenLoopLoad load = new OpenLoopLoad(start(50), () -> "token");

        OpenLoopLoad.StepResult result = load.run(40, bodies(40), 64, Duration.ofSeconds(10),
                new ConcurrentLinkedQueue<>());

        assertEquals(40, result.accepted());
        assertTrue(result.percentileMillis(99) > 700, "p99 " + result.percentileMillis(99));
        assertTrue(result.percentileMillis(50) > 50, "p50 " + result.percentileMillis(50));
        assertTrue(result.saturated());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
