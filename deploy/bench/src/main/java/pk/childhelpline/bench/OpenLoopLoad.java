package pk.childhelpline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Posts reports to POST /api/reports at a fixed rate, open loop: request i is due at start + i / rate whatever
 * happened to earlier requests, and its latency counts from that due time, not from when it was sent. A request that
 * waits because the server is slow (or because {@code maxInFlight} requests are already open) therefore counts its
 * waiting, which corrects the coordinated omission of closed-loop load generators.
 */
public final class OpenLoopLoad {

    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

    /** A report that got 201: its body, its case reference and when the response arrived (epoch milliseconds). */
    public record Accepted(ObjectNode report, String reference, long respondedAtMillis) {
    }

    /** The outcome of one step at one rate. */
    public record StepResult(double offeredRate, int seconds, int sent, int accepted, Map<String, Integer> failures,
            double throughput, Histogram latencyMicros, double meanInFlight, int maxInFlight, boolean saturated) {

        public double percentileMillis(double percentile) {
            return latencyMicros.getTotalCount() == 0
                    ? Double.NaN
                    : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        public double maxMillis() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
        }

        public int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final HttpClient client;
    private final URI reportsUri;
    private final Supplier<String> bearerToken;

    public OpenLoopLoad(String helplineUrl, Supplier<String> bearerToken) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4, runnable -> {
                    Thread thread = new Thread(runnable, "load-http");
                    thread.setDaemon(true);
                    return thread;
                })).build();
        this.reportsUri = URI.create(helplineUrl + "/api/reports");
        this.bearerToken = bearerToken;
    }

    /**
     * Sends {@code bodies.size()} reports at {@code rate} per second and waits up to {@code drain} for the last
     * responses. Accepted reports go to {@code accepted} as their responses arrive.
     */
    public StepResult run(double rate, List<ObjectNode> bodies, int maxInFlight, Duration drain,
            ConcurrentLinkedQueue<Accepted> accepted) {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        Map<String, Integer> failures = new TreeMap<>();
        Semaphore slots = new Semaphore(maxInFlight);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        AtomicInteger acceptedCount = new AtomicInteger();
        long[] lastCompletion = {0};
        double inFlightSum = 0;
        int inFlightSamples = 0;

        List<byte[]> payloads = new ArrayList<>(bodies.size());
        bodies.forEach(body -> payloads.add(body.toString().getBytes(StandardCharsets.UTF_8)));
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < payloads.size(); i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            slots.acquireUninterruptibly();
            int open = inFlight.incrementAndGet();
            maxSeen.accumulateAndGet(open, Math::max);
            inFlightSum += open;
            inFlightSamples++;
            ObjectNode body = bodies.get(i);
            HttpRequest request = HttpRequest.newBuilder(reportsUri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Authorization", "Bearer " + bearerToken.get())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payloads.get(i))).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .whenComplete((response, error) -> {
                        long done = System.nanoTime();
                        synchronized (histogram) {
                            histogram.recordValue(Math.min((done - due) / 1000, histogram.getHighestTrackableValue()));
                            lastCompletion[0] = Math.max(lastCompletion[0], done);
                            if (error != null) {
                                failures.merge(error.getClass().getSimpleName(), 1, Integer::sum);
                            } else if (response.statusCode() != 201) {
                                failures.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                            }
                        }
                        if (error == null && response.statusCode() == 201) {
                            acceptedCount.incrementAndGet();
                            accepted.add(new Accepted(body, reference(response.body()), System.currentTimeMillis()));
                        }
                        inFlight.decrementAndGet();
                        slots.release();
                    });
        }
        long sendEnd = System.nanoTime();
        boolean drained = awaitAll(slots, maxInFlight, drain);
        if (drained) {
            slots.release(maxInFlight);
        }
        double seconds = payloads.size() / rate;
        synchronized (histogram) {
            long end = Math.max(lastCompletion[0], sendEnd);
            double elapsed = (end - start) / 1e9;
            double throughput = acceptedCount.get() / Math.max(elapsed, seconds);
            boolean saturated = !drained || throughput < rate * 0.9
                    || histogram.getTotalCount() > 0 && histogram.getValueAtPercentile(99) > 2_000_000;
            return new StepResult(rate, (int) Math.round(seconds), payloads.size(), acceptedCount.get(),
                    new TreeMap<>(failures), throughput, histogram.copy(),
                    inFlightSamples == 0 ? 0 : inFlightSum / inFlightSamples, maxSeen.get(), saturated);
        }
    }

    private static boolean awaitAll(Semaphore slots, int permits, Duration timeout) {
        try {
            return slots.tryAcquire(permits, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String reference(String body) {
        Matcher matcher = REFERENCE.matcher(body == null ? "" : body);
        return matcher.find() ? matcher.group(1) : null;
    }
}
