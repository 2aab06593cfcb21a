package pk.childhelpline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pk.childhelpline.tools.DefaultRoutes;
import pk.childhelpline.tools.Replay;
import pk.childhelpline.tools.Stack;

/**
 * Streams reports into the stack at a steady rate while it kills referral-service, notification-service,
 * helpline-service and the Kafka broker with SIGKILL, one after the other, and stops PostgreSQL for a while, restarting
 * each through deploy/local/up. Then it checks three things. Every report that got a 201 exists once, with exactly the
 * referrals of the default routing rules. Each expected "received" SMS reached the SMSC once, and the messages that
 * notification-service marks as in doubt are counted apart. No dead-letter topic gained a record.
 */
public final class FaultRun {

    /** Run settings: the steady rate, the quiet time between faults, PostgreSQL's outage and the settle timeout. */
    public record Options(double rate, Duration between, Duration postgresOutage, Duration downtime, Duration settle,
            long seed) {
    }

    /** The counts the run prints, and whether anything was lost or duplicated. */
    public record Outcome(int sent, int accepted, int rejected, int reportsMissing, int reportsDuplicated,
            int storedWithout201, int referralsExpected, int referralsMissing, int referralsDuplicated, int referralsUnexpected,
            int smsExpected, int smsArrivedOnce, int smsMissing, int smsDuplicated, int smsInDoubt,
            boolean smsMeasured, long deadLettersAdded, List<String> problems) {

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private static final String OPERATOR = "operator1";
    private static final String SUPERVISOR = "supervisor1";
    private static final String PASSWORD = "demo-pass";
    private static final List<String> KILLED = List.of("referral", "notification", "helpline", "kafka");

    private final LocalStack stack;
    private final Options options;
    private final ReportGenerator generator;
    private final PrintStream out;

    public FaultRun(LocalStack stack, Options options, ReportGenerator generator, PrintStream out) {
        this.stack = stack;
        this.options = options;
        this.generator = generator;
        this.out = out;
    }

    public Outcome run() throws IOException, InterruptedException {
        Instant started = Instant.now();
        OptionalRate smsRate = OptionalRate.of(stack);
        StackControl control = new StackControl(stack, out, smsRate.value());
        SmscLog smsc = stack.smscLog();
        DeadLetters deadLetters = new DeadLetters(stack.url("KAFKA_BOOTSTRAP_SERVERS"));
        Map<String, Long> deadLettersBefore = deadLetters.counts();

        ConcurrentLinkedQueue<OpenLoopLoad.Accepted> accepted = new ConcurrentLinkedQueue<>();
        SteadyLoad load = new SteadyLoad(accepted);
        Thread loadThread = new Thread(load, "steady-load");
        loadThread.start();
        try {
            out.printf("Steady load: %.0f reports/s, each with SMS consent%n", options.rate());
            sleep(options.between());
            for (String component : KILLED) {
                control.kill(component);
                sleep(options.downtime());
                control.restart(component);
                sleep(options.between());
            }
            control.stopPostgres();
            sleep(options.postgresOutage());
            control.restart("postgres");
            sleep(options.between());
        } finally {
            load.stop();
            loadThread.join(Duration.ofSeconds(60).toMillis());
        }
        out.printf("Load stopped after %d s: %d sent, %d accepted, not accepted by reason %s (expected while a "
                + "component is down). Waiting up to %d s for referrals and SMS ...%n",
                Duration.between(started, Instant.now()).toSeconds(), load.sent(), accepted.size(), load.failures(),
                options.settle().toSeconds());
        return check(new ArrayList<>(accepted), load.sent(), smsc, deadLetters, deadLettersBefore, started);
    }

    private Outcome check(List<OpenLoopLoad.Accepted> accepted, int sent, SmscLog smsc, DeadLetters deadLetters,
            Map<String, Long> deadLettersBefore, Instant started) throws InterruptedException {
        Map<String, Set<String>> expectedQueues = new HashMap<>();
        accepted.removeIf(report -> report.reference() == null);
        for (OpenLoopLoad.Accepted report : accepted) {
            expectedQueues.put(report.reference(), DefaultRoutes.queuesFor(report.report()));
        }
        Instant settleStart = Instant.now();
        Instant deadline = settleStart.plus(options.settle());
        Map<String, List<String>> queues;
        Map<String, Integer> smsCounts;
        while (true) {
            queues = referralQueues(expectedQueues.keySet());
            smsCounts = smsCounts(smsc, expectedQueues.keySet());
            boolean referralsComplete = complete(expectedQueues, queues) == expectedQueues.size();
            // Without any SMS after a minute, notification-service is not sending at all, so waiting longer is useless.
            boolean smsComplete = smsCounts.size() >= expectedQueues.size()
                    || smsCounts.isEmpty() && Duration.between(settleStart, Instant.now()).toSeconds() > 60;
            if (referralsComplete && smsComplete || Instant.now().isAfter(deadline)) {
                break;
            }
            out.printf("  referrals for %d of %d reports, SMS for %d of %d ...%n", complete(expectedQueues, queues),
                    expectedQueues.size(), smsCounts.size(), expectedQueues.size());
            Thread.sleep(5000);
        }

        List<String> problems = new ArrayList<>();
        int[] reports = checkReports(accepted, problems);
        int storedWithout201 = countStoredOfRun(started, accepted, problems);

        int expected = 0;
        int missing = 0;
        int duplicated = 0;
        int unexpected = 0;
        for (Map.Entry<String, Set<String>> entry : expectedQueues.entrySet()) {
            List<String> actual = queues.getOrDefault(entry.getKey(), List.of());
            expected += entry.getValue().size();
            Map<String, Integer> counts = new TreeMap<>();
            actual.forEach(queue -> counts.merge(queue, 1, Integer::sum));
            for (String queue : entry.getValue()) {
                int count = counts.getOrDefault(queue, 0);
                if (count == 0) {
                    missing++;
                    problems.add(entry.getKey() + ": no referral to " + queue);
                } else if (count > 1) {
                    duplicated += count - 1;
                    problems.add(entry.getKey() + ": " + count + " referrals to " + queue);
                }
            }
            for (String queue : counts.keySet()) {
                if (!entry.getValue().contains(queue)) {
                    unexpected++;
                    problems.add(entry.getKey() + ": referral to " + queue + ", which the default rules do not give");
                }
            }
        }

        Map<String, String> statuses = notificationStatuses();
        boolean smsMeasured = !smsCounts.isEmpty();
        int once = 0;
        int smsMissing = 0;
        int smsDuplicated = 0;
        int inDoubt = 0;
        if (smsMeasured) {
            for (String reference : expectedQueues.keySet()) {
                int count = smsCounts.getOrDefault(reference, 0);
                boolean doubt = statuses.getOrDefault(reference, "").toUpperCase().contains("DOUBT");
                if (doubt) {
                    inDoubt++;
                } else if (count == 1) {
                    once++;
                } else if (count == 0) {
                    smsMissing++;
                    problems.add(reference + ": no SMS at the SMSC");
                } else {
                    smsDuplicated++;
                    problems.add(reference + ": " + count + " SMS at the SMSC");
                }
            }
        }

        Map<String, Long> deadLettersAfter = deadLetters.counts();
        long added = 0;
        for (Map.Entry<String, Long> entry : deadLettersAfter.entrySet()) {
            long delta = entry.getValue() - deadLettersBefore.getOrDefault(entry.getKey(), 0L);
            if (delta > 0) {
                added += delta;
                problems.add(entry.getKey() + ": " + delta + " new record(s) in the dead-letter topic");
            }
        }
        return new Outcome(sent, accepted.size(), sent - accepted.size(), reports[0], reports[1], storedWithout201,
                expected, missing, duplicated, unexpected, expectedQueues.size(), once, smsMissing, smsDuplicated,
                inDoubt, smsMeasured, added, problems);
    }

    /** Counts the reports that have at least as many referrals as the rules give them. */
    private static long complete(Map<String, Set<String>> expected, Map<String, List<String>> queues) {
        return expected.entrySet().stream()
                .filter(entry -> queues.getOrDefault(entry.getKey(), List.of()).size() >= entry.getValue().size()).count();
    }

    /** Checks each accepted reference with GET /api/reports/{reference} and returns {missing, duplicated}. */
    private int[] checkReports(List<OpenLoopLoad.Accepted> accepted, List<String> problems) {
        Stack http = stack.http();
        int missing = 0;
        int duplicated = 0;
        Map<String, Integer> byExternalId = new HashMap<>();
        for (OpenLoopLoad.Accepted report : accepted) {
            Stack.Reply reply = http.get(stack.url("HELPLINE_URL") + "/api/reports/" + report.reference(), OPERATOR,
                    PASSWORD);
            if (reply.status() != 200) {
                missing++;
                problems.add(report.reference() + ": GET /api/reports/{reference} returned " + reply.status());
                continue;
            }
            byExternalId.merge(reply.json().path("externalId").asText(), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> entry : byExternalId.entrySet()) {
            if (entry.getValue() > 1) {
                duplicated += entry.getValue() - 1;
                problems.add("external id " + entry.getKey() + ": " + entry.getValue() + " reports");
            }
        }
        return new int[]{missing, duplicated};
    }

    /**
     * Lists the reports received since the run began (the generator backdates receivedAt by up to 10 minutes) and
     * counts this run's external ids. An id stored twice is a duplicate. An id stored once without a 201 belongs to a
     * request that failed on the client's side after the server committed it, which is no loss and is counted apart.
     */
    private int countStoredOfRun(Instant started, List<OpenLoopLoad.Accepted> accepted, List<String> problems) {
        String from = URLEncoder.encode(started.minus(Duration.ofMinutes(11)).atOffset(ZoneOffset.UTC).toString(),
                StandardCharsets.UTF_8);
        Map<String, Integer> stored = new HashMap<>();
        for (int page = 0; page < 1000; page++) {
            Stack.Reply reply = stack.http().get(stack.url("HELPLINE_URL") + "/api/reports?size=1000&receivedFrom=" + from
                    + "&page=" + page, OPERATOR, PASSWORD);
            if (reply.status() != 200) {
                problems.add("GET /api/reports returned " + reply.status());
                return 0;
            }
            JsonNode items = reply.json().path("items");
            for (JsonNode report : items) {
                String externalId = report.path("externalId").asText("");
                if (externalId.startsWith(generator.externalIdPrefix())) {
                    stored.merge(externalId, 1, Integer::sum);
                }
            }
            if (items.size() < 1000) {
                break;
            }
        }
        Set<String> acceptedIds = new HashSet<>();
        accepted.forEach(report -> acceptedIds.add(report.report().path("externalId").asText()));
        int withoutResponse = 0;
        for (Map.Entry<String, Integer> entry : stored.entrySet()) {
            if (entry.getValue() > 1) {
                problems.add("external id " + entry.getKey() + ": stored " + entry.getValue() + " times");
            } else if (!acceptedIds.contains(entry.getKey())) {
                withoutResponse++;
            }
        }
        return withoutResponse;
    }

    /** Lists every referral (as supervisor1) and returns the queues of the given references, one entry per referral. */
    private Map<String, List<String>> referralQueues(Set<String> references) {
        Map<String, List<String>> queues = new HashMap<>();
        for (int page = 0; page < 1000; page++) {
            Stack.Reply reply = stack.http().get(stack.url("REFERRAL_URL") + "/api/referrals?size=1000&page=" + page,
                    SUPERVISOR, PASSWORD);
            if (reply.status() != 200) {
                throw new IllegalStateException("GET /api/referrals returned " + reply.status());
            }
            JsonNode items = reply.json().path("items");
            for (JsonNode referral : items) {
                String reference = referral.path("reference").asText();
                if (references.contains(reference)) {
                    queues.computeIfAbsent(reference, key -> new ArrayList<>()).add(Replay.queueOf(referral));
                }
            }
            if (items.size() < 1000) {
                break;
            }
        }
        return queues;
    }

    private static Map<String, Integer> smsCounts(SmscLog smsc, Set<String> references) {
        Map<String, Integer> counts = new HashMap<>();
        for (SmscLog.Message message : smsc.poll()) {
            if (smsc.isReceived(message) && references.contains(message.reference())) {
                counts.merge(message.reference(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Returns the status of each "received" message by case reference from notification-service's GET /api/messages
     * (an IN_DOUBT status wins over others of the same case), or nothing when that API fails.
     */
    private Map<String, String> notificationStatuses() {
        Map<String, String> statuses = new HashMap<>();
        try {
            for (int page = 0; page < 1000; page++) {
                Stack.Reply reply = stack.http().get(stack.url("NOTIFICATION_URL") + "/api/messages?size=1000&page=" + page,
                        SUPERVISOR, PASSWORD);
                if (reply.status() != 200) {
                    return statuses;
                }
                JsonNode items = reply.json().path("items");
                for (JsonNode message : items) {
                    if (!message.path("kind").asText("RECEIVED").equalsIgnoreCase("RECEIVED")) {
                        continue;
                    }
                    String reference = message.path("reference").asText("");
                    String status = message.path("status").asText("");
                    if (!reference.isEmpty() && (status.toUpperCase().contains("DOUBT")
                            || !statuses.containsKey(reference))) {
                        statuses.put(reference, status);
                    }
                }
                if (items.size() < 1000) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            out.println("  notification-service's message list is not available: " + e.getMessage());
        }
        return statuses;
    }

    public void print(Outcome outcome) {
        out.println();
        out.println("Fault injection result");
        out.printf("  reports sent %d, accepted (201) %d, not accepted %d%n", outcome.sent(), outcome.accepted(),
                outcome.rejected());
        out.printf("  reports missing %d, duplicated %d, stored without a 201 (request failed after the commit) %d%n",
                outcome.reportsMissing(), outcome.reportsDuplicated(), outcome.storedWithout201());
        out.printf("  referrals expected %d, missing %d, duplicated %d, not given by the rules %d%n",
                outcome.referralsExpected(), outcome.referralsMissing(), outcome.referralsDuplicated(),
                outcome.referralsUnexpected());
        if (outcome.smsMeasured()) {
            out.printf("  SMS expected %d, arrived once %d, missing %d, duplicated %d, in doubt %d%n",
                    outcome.smsExpected(), outcome.smsArrivedOnce(), outcome.smsMissing(), outcome.smsDuplicated(),
                    outcome.smsInDoubt());
        } else {
            out.printf("  SMS: not measured (no SMS arrived; %d expected)%n", outcome.smsExpected());
        }
        out.printf("  dead-letter records added %d%n", outcome.deadLettersAdded());
        if (outcome.passed()) {
            out.println("PASSED: nothing lost, nothing duplicated");
        } else {
            out.printf("FAILED: %d problem(s)%n", outcome.problems().size());
            outcome.problems().stream().limit(50).forEach(problem -> out.println("  " + problem));
            if (outcome.problems().size() > 50) {
                out.printf("  ... and %d more%n", outcome.problems().size() - 50);
            }
        }
    }

    /** Posts reports at the steady rate until stopped, one second's batch at a time, through the open-loop client. */
    private final class SteadyLoad implements Runnable {

        private final ConcurrentLinkedQueue<OpenLoopLoad.Accepted> accepted;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final OpenLoopLoad load = new OpenLoopLoad(stack.url("HELPLINE_URL"),
                () -> stack.http().token(OPERATOR, PASSWORD));
        private volatile int sent;
        private final Map<String, Integer> failures = new TreeMap<>();

        SteadyLoad(ConcurrentLinkedQueue<OpenLoopLoad.Accepted> accepted) {
            this.accepted = accepted;
        }

        @Override
        public void run() {
            // Bounded by the loop count as well: at most 3,600 one-second batches even if stop() is never called.
            for (int second = 0; second < 3600 && running.get(); second++) {
                int batch = Math.max(1, (int) Math.round(options.rate()));
                List<ObjectNode> bodies = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    bodies.add(generator.next(true));
                }
                try {
                    OpenLoopLoad.StepResult result = load.run(options.rate(), bodies, 256, Duration.ofSeconds(35),
                            accepted);
                    synchronized (failures) {
                        result.failures().forEach((reason, count) -> failures.merge(reason, count, Integer::sum));
                    }
                } catch (RuntimeException e) {
                    out.println("  load: " + e.getMessage());
                }
                sent += batch;
            }
        }

        void stop() {
            running.set(false);
        }

        int sent() {
            return sent;
        }

        Map<String, Integer> failures() {
            synchronized (failures) {
                return new TreeMap<>(failures);
            }
        }
    }

    /** The SMS rate of the running notification-service, passed on when up restarts it. */
    private record OptionalRate(String value) {

        static OptionalRate of(LocalStack stack) {
            return new OptionalRate(stack.pid("notification").stream().boxed().findFirst()
                    .flatMap(pid -> LocalStack.processEnvironment(pid, "SMS_RATE_PER_SECOND")).orElse(null));
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
