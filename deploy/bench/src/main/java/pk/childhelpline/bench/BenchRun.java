package pk.childhelpline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One benchmark run against a running local stack. It measures service start-up times, then (after a warm-up) intake
 * at rising rates with a CPU profile of helpline-service, end-to-end SMS latency at a moderate rate and the SMS sending
 * rate under a backlog. Last comes the pgbench ceiling of the same PostgreSQL. Every phase is bounded in count and
 * time.
 */
public final class BenchRun {

    /** Run settings, with rates in reports per second and durations in seconds. */
    public record Options(List<Double> rampRates, int stepSeconds, double endToEndRate, int endToEndSeconds,
            double profileRate, int maxInFlight, boolean measureStartup, List<Integer> pgbenchClients,
            int pgbenchSeconds, long seed) {
    }

    /** The end-to-end phase: intake at a moderate rate, and the delay from each 201 to its SMS at the SMSC. */
    public record EndToEnd(OpenLoopLoad.StepResult intake, int expectedSms, int matchedSms, Histogram latencyMillis,
            ProcessSampler.Window usage, double smsPerReport) {

        public boolean measured() {
            return matchedSms > 0;
        }
    }

    /** The SMS sending rate seen at the SMSC while notification-service had a backlog. */
    public record SmsRate(Double configuredPerSecond, double offeredReportsPerSecond, double acceptedReportsPerSecond,
            double smsPerReport, int messages, double measuredPerSecond, double windowSeconds) {

        /** True when the intake accepted enough reports to need more SMS per second than the configured rate. */
        public boolean backlogFormed() {
            return acceptedReportsPerSecond * smsPerReport > configuredPerSecond;
        }
    }

    /** One step of the intake ramp with the processes' CPU and memory during it. */
    public record RampStep(OpenLoopLoad.StepResult result, ProcessSampler.Window usage) {
    }

    /** Everything the page reports. */
    public record Result(Instant startedAt, Instant finishedAt, List<StackControl.Restart> startups, EndToEnd endToEnd,
            Optional<SmsRate> smsRate, String smsRateNote, List<RampStep> ramp, Optional<Profile> profile,
            List<PgBenchCeiling.Run> pgbench, int pgbenchSeconds, String pgbenchError, String reportsBefore,
            String reportsAfter) {
    }

    /** helpline-service's CPU profile and the intake rate it was recorded at. */
    public record Profile(JfrProfile.Summary summary, double rate, boolean limiting) {
    }

    private static final String OPERATOR = "operator1";
    private static final String PASSWORD = "demo-pass";

    private final LocalStack stack;
    private final Options options;
    private final PrintStream out;
    private final ReportGenerator generator;
    private final OpenLoopLoad load;
    private final String smsRate;

    public BenchRun(LocalStack stack, Options options, ReportGenerator generator, PrintStream out) {
        this.stack = stack;
        this.options = options;
        this.out = out;
        this.generator = generator;
        this.load = new OpenLoopLoad(stack.url("HELPLINE_URL"), () -> stack.http().token(OPERATOR, PASSWORD));
        OptionalLong notification = stack.pid("notification");
        this.smsRate = notification.isPresent()
                ? LocalStack.processEnvironment(notification.getAsLong(), "SMS_RATE_PER_SECOND").orElse(null)
                : null;
    }

    public Result run() throws IOException, InterruptedException {
        Instant started = Instant.now();
        List<StackControl.Restart> startups = options.measureStartup() ? measureStartup() : List.of();
        try (ProcessSampler sampler = new ProcessSampler(this::pids)) {
            warmUp();
            String reportsBefore = reportCount();
            List<RampStep> ramp = new ArrayList<>();
            Optional<Profile> profile = ramp(sampler, ramp);
            // A saturated last step leaves requests queued in helpline-service; they must not count against the next phase.
            pause(Duration.ofSeconds(20));
            EndToEnd endToEnd = endToEnd(sampler, endToEndRate(ramp));
            Optional<SmsRate> rate = Optional.empty();
            String rateNote;
            if (!endToEnd.measured()) {
                rateNote = "not measured (no SMS arrived)";
            } else if (smsRate == null) {
                rateNote = "not measured (SMS_RATE_PER_SECOND of notification-service unknown)";
            } else {
                double needed = Math.ceil(Double.parseDouble(smsRate) * 1.5 / endToEnd.smsPerReport());
                double sustained = sustainedRate(ramp);
                if (needed > sustained) {
                    rate = smsRateBelowIntake(sustained, endToEnd.smsPerReport());
                    rateNote = rate.isPresent()
                            ? String.format(Locale.ROOT, "measured at a sending rate of %.0f/s, because a backlog at "
                                    + "the configured %s/s needs %.0f reports/s and intake sustained only %.0f/s",
                                    rate.get().configuredPerSecond(), smsRate, needed, sustained)
                            : String.format(Locale.ROOT, "not measured (a backlog needs %.0f reports/s, but intake "
                                    + "sustained only %.0f/s)", needed, sustained);
                } else {
                    rate = Optional.of(smsRate(Double.parseDouble(smsRate), endToEnd.smsPerReport()));
                    pause(Duration.ofSeconds(5));
                    rateNote = "";
                }
            }
            List<PgBenchCeiling.Run> pgbench = List.of();
            String pgbenchError = "";
            // Lets helpline-service finish the requests that a saturated step left queued before pgbench measures.
            pause(Duration.ofSeconds(10));
            try {
                out.println("pgbench ceiling: one report row and one outbox row per transaction ...");
                pgbench = new PgBenchCeiling(stack, stack.runDir().resolve("bench")).measure(generator.next(false),
                        options.pgbenchClients(), options.pgbenchSeconds());
                pgbench.forEach(run -> out.printf("  %d clients: %.0f transactions/s%n", run.clients(), run.tps()));
            } catch (IOException e) {
                pgbenchError = e.getMessage();
                out.println("  pgbench failed: " + e.getMessage());
            }
            return new Result(started, Instant.now(), startups, endToEnd, rate, rateNote, ramp, profile, pgbench,
                    options.pgbenchSeconds(), pgbenchError, reportsBefore, reportCount());
        }
    }

    /** Counts the reports in helpline-service's database, because the cost of filing one may grow with them. */
    private String reportCount() {
        try {
            return new PgBenchCeiling(stack, stack.runDir().resolve("bench")).query("helpline",
                    "SELECT count(*) FROM report");
        } catch (IOException e) {
            return "unknown (" + e.getMessage().lines().findFirst().orElse("") + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private Map<String, OptionalLong> pids() {
        Map<String, OptionalLong> pids = new LinkedHashMap<>();
        for (String component : LocalStack.COMPONENTS) {
            pids.put(component, stack.pid(component));
        }
        pids.put("bench", OptionalLong.of(ProcessHandle.current().pid()));
        return pids;
    }

    private List<StackControl.Restart> measureStartup() throws IOException, InterruptedException {
        out.println("Start-up: stopping and restarting each service ...");
        StackControl control = new StackControl(stack, out, smsRate);
        List<StackControl.Restart> restarts = new ArrayList<>();
        for (String service : LocalStack.SERVICES) {
            if (stack.pid(service).isEmpty()) {
                continue;
            }
            control.terminate(service);
            restarts.add(control.restart(service));
        }
        return restarts;
    }

    /**
     * Files 1,200 reports at 20/s, with SMS, so that the JIT of every service has compiled the paths of a report before
     * the ramp, then pauses 20 s so that their referrals and SMS finish.
     */
    private void warmUp() {
        out.println("Warm-up: 20 reports/s for 60 s ...");
        load.run(20, bodies(1200, true), options.maxInFlight(), Duration.ofSeconds(30), new ConcurrentLinkedQueue<>());
        pause(Duration.ofSeconds(20));
    }

    /**
     * Returns the end-to-end rate: the configured one, or the highest ramp rate that did not saturate when intake could
     * not sustain the configured one, because a saturated intake would measure only its own queue.
     */
    private double endToEndRate(List<RampStep> ramp) {
        return Math.min(options.endToEndRate(), Math.max(sustainedRate(ramp), 2));
    }

    /** Returns the highest offered rate of the ramp that did not saturate, or 0. */
    private static double sustainedRate(List<RampStep> ramp) {
        return ramp.stream().filter(step -> !step.result().saturated()).mapToDouble(step -> step.result().offeredRate())
                .max().orElse(0);
    }

    private EndToEnd endToEnd(ProcessSampler sampler, double rate) {
        int count = (int) (rate * options.endToEndSeconds());
        out.printf("End to end: %.0f reports/s for %d s, each with SMS consent, then waiting for the SMS ...%n", rate,
                options.endToEndSeconds());
        SmscLog smsc = stack.smscLog();
        sampler.window();
        ConcurrentLinkedQueue<OpenLoopLoad.Accepted> accepted = new ConcurrentLinkedQueue<>();
        OpenLoopLoad.StepResult intake = load.run(rate, bodies(count, true), options.maxInFlight(), Duration.ofSeconds(30),
                accepted);
        Map<String, Long> respondedAt = new HashMap<>();
        accepted.forEach(report -> respondedAt.put(report.reference(), report.respondedAtMillis()));

        Map<String, Long> smsAt = awaitSms(smsc, respondedAt.keySet(), Duration.ofSeconds(30), Duration.ofSeconds(15));
        ProcessSampler.Window usage = sampler.window();
        Histogram latency = new Histogram(3_600_000, 3);
        smsAt.forEach((reference, time) -> latency.recordValue(Math.max(0, Math.min(time - respondedAt.get(reference),
                latency.getHighestTrackableValue()))));
        out.printf("  intake p99 %.1f ms; SMS matched %d of %d%s%n", intake.percentileMillis(99), smsAt.size(),
                respondedAt.size(), smsAt.isEmpty()
                        ? " (SMS: not measured, no SMS arrived)"
                        : String.format("; end-to-end p50 %d ms, p99 %d ms", latency.getValueAtPercentile(50),
                                latency.getValueAtPercentile(99)));
        long allSms = smsc.poll().stream().filter(message -> respondedAt.containsKey(message.reference())).count();
        double smsPerReport = smsAt.isEmpty() ? 0 : (double) allSms / smsAt.size();
        return new EndToEnd(intake, respondedAt.size(), smsAt.size(), latency, usage, smsPerReport);
    }

    /**
     * Waits until an SMS naming each reference arrived, for at most {@code timeout}, or for {@code firstTimeout} when
     * no SMS of this run arrived at all. Returns the arrival time (epoch milliseconds at the SMSC) of each reference's
     * first SMS.
     */
    private static Map<String, Long> awaitSms(SmscLog smsc, Set<String> references, Duration timeout,
            Duration firstTimeout) {
        long start = System.nanoTime();
        Map<String, Long> arrived = new HashMap<>();
        while (true) {
            for (SmscLog.Message message : smsc.poll()) {
                if (smsc.isReceived(message) && references.contains(message.reference())) {
                    arrived.putIfAbsent(message.reference(), message.time().toEpochMilli());
                }
            }
            long waited = System.nanoTime() - start;
            if (arrived.size() >= references.size() || waited > timeout.toNanos()
                    || arrived.isEmpty() && waited > firstTimeout.toNanos()) {
                return arrived;
            }
            pause(Duration.ofMillis(500));
        }
    }

    /**
     * Measures the sending rate with notification-service restarted at a rate that the intake can load with a backlog
     * (60% of the SMS that the sustained intake rate causes), then restarts it at the configured rate.
     */
    private Optional<SmsRate> smsRateBelowIntake(double sustained, double smsPerReport)
            throws IOException, InterruptedException {
        double perReport = smsPerReport > 0 ? smsPerReport : 1;
        long lowerRate = (long) Math.floor(sustained * perReport / 1.5 * 0.9);
        if (lowerRate < 5) {
            return Optional.empty();
        }
        out.printf("SMS rate: restarting notification-service at %d SMS/s, a rate that intake can keep busy ...%n",
                lowerRate);
        StackControl lowered = new StackControl(stack, out, Long.toString(lowerRate));
        lowered.terminate("notification");
        lowered.restart("notification");
        try {
            pause(Duration.ofSeconds(5));
            return Optional.of(smsRate(lowerRate, perReport));
        } finally {
            StackControl configured = new StackControl(stack, out, smsRate);
            configured.terminate("notification");
            configured.restart("notification");
        }
    }

    /**
     * Offers reports that need 1.5 times the configured SMS rate for 10 s, so that notification-service has a backlog,
     * and measures the rate of all SMS at the SMSC between the first and the last tenth of them.
     */
    private SmsRate smsRate(double configured, double smsPerReport) {
        double perReport = smsPerReport > 0 ? smsPerReport : 1;
        double offered = Math.ceil(configured * 1.5 / perReport);
        int seconds = 10;
        out.printf("SMS rate: %.0f reports/s with SMS consent for %d s (about %.1f SMS each) against a sending rate of "
                + "%.0f/s ...%n", offered, seconds, perReport, configured);
        SmscLog smsc = stack.smscLog();
        ConcurrentLinkedQueue<OpenLoopLoad.Accepted> accepted = new ConcurrentLinkedQueue<>();
        OpenLoopLoad.StepResult intake = load.run(offered, bodies((int) (offered * seconds), true), options.maxInFlight(),
                Duration.ofSeconds(30), accepted);
        Set<String> references = new HashSet<>();
        accepted.forEach(report -> references.add(report.reference()));
        Duration drain = Duration.ofSeconds((long) (references.size() * perReport / configured) + 30);
        awaitSms(smsc, references, drain, Duration.ofSeconds(15));
        pause(Duration.ofSeconds(3));
        // The sending rate limits every submitted part (an Urdu SMS often has two or three), whatever the message's
        // kind or case, so all parts of the phase count.
        List<SmscLog.Message> messages = smsc.poll().stream()
                .sorted(java.util.Comparator.comparing(SmscLog.Message::time)).toList();
        int from = messages.size() / 10;
        int to = messages.size() - 1 - messages.size() / 10;
        double window = to > from
                ? (messages.get(to).time().toEpochMilli() - messages.get(from).time().toEpochMilli()) / 1000.0
                : 0;
        int parts = 0;
        for (int i = from + 1; i <= to; i++) {
            parts += messages.get(i).parts();
        }
        double measured = window > 0 ? parts / window : 0;
        out.printf("  intake accepted %.0f/s; %d SMS; steady rate %.1f parts/s over %.1f s%n", intake.throughput(),
                messages.size(), measured, window);
        return new SmsRate(configured, offered, intake.throughput(), perReport, messages.size(), measured, window);
    }

    /**
     * Runs the ramp until a step saturates. helpline-service is profiled during every step at or above the profile rate,
     * and the profile kept is that of the first step that missed the p99 target or saturated, else of the last step.
     */
    private Optional<Profile> ramp(ProcessSampler sampler, List<RampStep> steps) throws IOException, InterruptedException {
        Optional<Profile> profile = Optional.empty();
        for (double rate : options.rampRates()) {
            int count = (int) (rate * options.stepSeconds());
            List<ObjectNode> bodies = bodies(count, false);
            OptionalLong helpline = stack.pid("helpline");
            boolean profiling = rate >= options.profileRate() && helpline.isPresent();
            if (profiling) {
                JfrProfile.start(helpline.getAsLong(), "bench");
            }
            out.printf("Intake: %.0f reports/s for %d s ...%n", rate, options.stepSeconds());
            sampler.window();
            OpenLoopLoad.StepResult result = load.run(rate, bodies, options.maxInFlight(), Duration.ofSeconds(30),
                    new ConcurrentLinkedQueue<>());
            ProcessSampler.Window usage = sampler.window();
            steps.add(new RampStep(result, usage));
            out.printf("  accepted %.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, failed %d, in flight mean %.0f max %d%n",
                    result.throughput(), result.percentileMillis(50), result.percentileMillis(95),
                    result.percentileMillis(99), result.failed(), result.meanInFlight(), result.maxInFlight());
            boolean limiting = result.saturated() || result.percentileMillis(99) > BenchmarkPage.TARGET_P99_MS;
            if (profiling) {
                JfrProfile.Summary summary = JfrProfile.stop(helpline.getAsLong(), "bench",
                        stack.runDir().resolve("bench/helpline-" + (int) rate + ".jfr"), "helpline-service");
                if (profile.isEmpty() || !profile.get().limiting()) {
                    profile = Optional.of(new Profile(summary, rate, limiting));
                }
            }
            if (result.saturated()) {
                out.println("  saturated: the ramp stops here");
                break;
            }
            pause(Duration.ofSeconds(3));
        }
        return profile;
    }

    private List<ObjectNode> bodies(int count, boolean smsExpected) {
        List<ObjectNode> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(generator.next(smsExpected));
        }
        return bodies;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
