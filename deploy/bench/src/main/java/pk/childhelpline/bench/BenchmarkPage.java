package pk.childhelpline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes docs/benchmarks.md from one run: the machine, the command, the targets with their verdicts, the tables of each
 * phase, the latency plot, and the evidence of what limits intake (CPU per process, helpline-service's profile).
 */
public final class BenchmarkPage {

    static final double TARGET_RATE = 1000;
    static final double TARGET_P99_MS = 100;
    static final double TARGET_CEILING_FRACTION = 0.20;
    static final double TARGET_END_TO_END_P99_MS = 1000;
    static final double TARGET_END_TO_END_RATE = 100;
    static final double TARGET_READY_SECONDS = 5;
    static final double TARGET_RSS_MB = 300;
    static final double TARGET_SMS_RATE_DEVIATION = 0.02;

    private final BenchRun.Result result;
    private final Machine machine;
    private final String command;
    private final String note;
    private final String plotName;
    private final StringBuilder page = new StringBuilder();

    public BenchmarkPage(BenchRun.Result result, Machine machine, String command, String note, String plotName) {
        this.result = result;
        this.machine = machine;
        this.command = command;
        this.note = note;
        this.plotName = plotName;
    }

    public void write(Path file) throws IOException {
        header();
        targets();
        ramp();
        endToEnd();
        smsRate();
        processes();
        startup();
        pgbench();
        limits();
        method();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, page.toString(), StandardCharsets.UTF_8);
    }

    /** The steps that kept up with their offered rate, without failures. */
    private List<BenchRun.RampStep> sustained() {
        return result.ramp().stream().filter(step -> !step.result().saturated() && step.result().failed() == 0).toList();
    }

    /** The highest step that kept up with p99 within the target. */
    Optional<BenchRun.RampStep> bestWithinTarget() {
        return sustained().stream().filter(step -> step.result().percentileMillis(99) <= TARGET_P99_MS)
                .max(Comparator.comparingDouble(step -> step.result().throughput()));
    }

    private Optional<Double> ceiling() {
        return result.pgbench().stream().map(PgBenchCeiling.Run::tps).max(Double::compare);
    }

    private void header() {
        line("# Benchmarks");
        line("");
        line("Measured by `deploy/local/bench`, which wrote this page. Rerun it to measure again; it replaces the page.");
        line("");
        line("| | |");
        line("|---|---|");
        line("| date | %s, %.1f minutes |", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                .format(result.startedAt()), Duration.between(result.startedAt(), result.finishedAt()).toSeconds() / 60.0);
        line("| machine | %d cores (%s), %.1f GiB memory, Linux %s |", machine.cores(), machine.cpuModel(),
                machine.memoryGib(), machine.kernel());
        line("| Java | %s |", machine.javaVersion());
        line("| command | `%s` |", command);
        line("| on the machine | PostgreSQL, Kafka, Keycloak, the SMSC simulator, the three services and the load "
                + "generator, all at once |");
        double others = result.ramp().stream().mapToDouble(step -> step.usage().othersBusyPercent()).average().orElse(0);
        line("| other load | processes outside the stack used %.0f%% of one core on average during the intake steps "
                + "(of %d%%) |", others, machine.cores() * 100);
        line("");
        if (!note.isBlank()) {
            line("**Note:** %s", note);
            line("");
        }
    }

    private void targets() {
        line("## Targets");
        line("");
        line("| target | measured | verdict |");
        line("|---|---|---|");
        Optional<BenchRun.RampStep> best = bestWithinTarget();
        String intake = best.map(step -> String.format(Locale.ROOT, "%.0f reports/s with p99 %.1f ms (step at %.0f/s)",
                step.result().throughput(), step.result().percentileMillis(99), step.result().offeredRate()))
                .orElse("no step kept p99 within 100 ms");
        double bestRate = best.map(step -> step.result().throughput()).orElse(0.0);
        line("| intake at least 1,000 reports/s with p99 at most 100 ms | %s | %s |", intake,
                verdictAtLeast(bestRate, TARGET_RATE, "reports/s"));

        Optional<Double> ceiling = ceiling();
        if (ceiling.isPresent()) {
            double fraction = bestRate / ceiling.get();
            line("| intake at least 20%% of the pgbench ceiling | %.0f of %.0f transactions/s = %.1f%% | %s |", bestRate,
                    ceiling.get(), fraction * 100, verdictAtLeast(fraction * 100, TARGET_CEILING_FRACTION * 100,
                            "percentage points"));
        } else {
            line("| intake at least 20%% of the pgbench ceiling | not measured: %s | not measured |",
                    result.pgbenchError().lines().findFirst().orElse("pgbench did not run"));
        }

        BenchRun.EndToEnd endToEnd = result.endToEnd();
        boolean reducedRate = endToEnd.intake().offeredRate() < TARGET_END_TO_END_RATE;
        if (endToEnd.measured() && reducedRate) {
            line("| end-to-end p99 at most 1 s at 100 reports/s | p99 %d ms, but at %.0f reports/s: intake did not "
                    + "sustain 100/s | not measured at 100/s |", endToEnd.latencyMillis().getValueAtPercentile(99),
                    endToEnd.intake().offeredRate());
        } else if (endToEnd.measured()) {
            double p99 = endToEnd.latencyMillis().getValueAtPercentile(99);
            line("| end-to-end p99 at most 1 s at %.0f reports/s | p99 %.0f ms (%d of %d SMS arrived) | %s |",
                    endToEnd.intake().offeredRate(), p99, endToEnd.matchedSms(), endToEnd.expectedSms(),
                    endToEnd.matchedSms() < endToEnd.expectedSms()
                            ? "missed: SMS missing"
                            : verdictAtMost(p99, TARGET_END_TO_END_P99_MS, "ms"));
        } else {
            line("| end-to-end p99 at most 1 s at %.0f reports/s | SMS: not measured (no SMS arrived) | not measured |",
                    endToEnd.intake().offeredRate());
        }

        List<String> ready = new ArrayList<>();
        double slowest = 0;
        for (StackControl.Restart restart : result.startups()) {
            ready.add(String.format(Locale.ROOT, "%s %.2f s", LocalStack.title(restart.component()),
                    restart.startToReadyMillis() / 1000.0));
            slowest = Math.max(slowest, restart.startToReadyMillis() / 1000.0);
        }
        line("| each service ready within 5 s of its JVM start | %s | %s |",
                ready.isEmpty() ? "not measured" : String.join(", ", ready),
                ready.isEmpty() ? "not measured" : verdictAtMost(slowest, TARGET_READY_SECONDS, "s"));

        List<String> rss = new ArrayList<>();
        double largest = 0;
        for (String service : LocalStack.SERVICES) {
            ProcessSampler.Usage usage = endToEnd.usage().components().get(service);
            if (usage != null) {
                rss.add(String.format(Locale.ROOT, "%s %.0f MB", LocalStack.title(service), usage.maxRssMb()));
                largest = Math.max(largest, usage.maxRssMb());
            }
        }
        line("| each service under 300 MB RSS at %.0f reports/s | %s | %s |", endToEnd.intake().offeredRate(),
                String.join(", ", rss), verdictAtMost(largest, TARGET_RSS_MB, "MB"));

        if (result.smsRate().isPresent() && result.smsRate().get().backlogFormed()) {
            BenchRun.SmsRate rate = result.smsRate().get();
            double deviation = Math.abs(rate.measuredPerSecond() - rate.configuredPerSecond())
                    / rate.configuredPerSecond();
            line("| SMS sent at the configured rate within 2%% | %.1f parts/s against %.0f/s configured (%.1f%% off) | %s |",
                    rate.measuredPerSecond(), rate.configuredPerSecond(), deviation * 100,
                    deviation <= TARGET_SMS_RATE_DEVIATION
                            ? "met"
                            : String.format(Locale.ROOT, "missed by %.1f percentage points",
                                    (deviation - TARGET_SMS_RATE_DEVIATION) * 100));
        } else if (result.smsRate().isPresent()) {
            BenchRun.SmsRate rate = result.smsRate().get();
            line("| SMS sent at the configured rate within 2%% | not measured: the intake accepted only %.0f reports/s, "
                    + "too few to need %.0f SMS/s (%.1f/s arrived) | not measured |", rate.acceptedReportsPerSecond(),
                    rate.configuredPerSecond(), rate.measuredPerSecond());
        } else {
            line("| SMS sent at the configured rate within 2%% | SMS: %s | not measured |", result.smsRateNote());
        }
        line("");
    }

    private void ramp() {
        line("## Intake at rising rates");
        line("");
        line("POST /api/reports as operator1, open loop at a fixed rate for %d s per step. Latency counts from the "
                + "moment each request was due, so queueing in the load generator counts too. helpline-service's "
                + "database held %s reports when the ramp began and %s at the end of the run.",
                result.ramp().isEmpty() ? 0 : result.ramp().get(0).result().seconds(), result.reportsBefore(),
                result.reportsAfter());
        line("");
        line("| offered/s | accepted/s | p50 ms | p95 ms | p99 ms | max ms | failed | in flight mean / max | "
                + "machine CPU %% | outside the stack %% | stack CPU ms per report |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        for (BenchRun.RampStep step : result.ramp()) {
            OpenLoopLoad.StepResult r = step.result();
            line("| %.0f | %.0f | %.1f | %.1f | %.1f | %.0f | %s | %.0f / %d | %.0f | %.0f | %s |", r.offeredRate(),
                    r.throughput(), r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99), r.maxMillis(),
                    r.failed() == 0 ? "0" : r.failed() + " " + r.failures(), r.meanInFlight(), r.maxInFlight(),
                    step.usage().machineBusyPercent(), step.usage().othersBusyPercent(), cpuPerReport(step));
        }
        line("");
        line("Machine CPU is the busy time of all %d cores in percent of one core (at most %d). Stack CPU per report is "
                + "the CPU time of the stack's processes without the load generator, divided by the accepted reports: "
                + "at that cost, %d dedicated cores could accept at most 1,000 x %d / (ms per report) reports per second.",
                machine.cores(), machine.cores() * 100, machine.cores(), machine.cores());
        line("");
        line("![Intake latency against throughput](%s)", plotName);
        line("");
    }

    /** CPU milliseconds of the stack's processes (load generator excluded) per accepted report, or "-". */
    static String cpuPerReport(BenchRun.RampStep step) {
        double stackPercent = step.usage().components().values().stream()
                .filter(usage -> !usage.component().equals("bench")).mapToDouble(ProcessSampler.Usage::meanCpuPercent)
                .sum();
        double throughput = step.result().throughput();
        return throughput < 1 ? "-" : String.format(Locale.ROOT, "%.1f", stackPercent * 10 / throughput);
    }

    private void endToEnd() {
        BenchRun.EndToEnd endToEnd = result.endToEnd();
        line("## End to end: report accepted to SMS at the SMSC");
        line("");
        OpenLoopLoad.StepResult intake = endToEnd.intake();
        line("%.0f reports/s for %d s, every reporter with SMS consent and a mobile number. Intake latency at this rate: "
                + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d failed.", intake.offeredRate(), intake.seconds(),
                intake.percentileMillis(50), intake.percentileMillis(95), intake.percentileMillis(99), intake.failed());
        line("");
        if (!endToEnd.measured()) {
            line("SMS: not measured (no SMS arrived at the SMSC simulator within the wait).");
        } else {
            line("From the 201 response to the `time` the SMSC simulator recorded for the message that names the case "
                    + "reference: %d of %d SMS arrived.", endToEnd.matchedSms(), endToEnd.expectedSms());
            line("");
            line("| p50 | p95 | p99 | max |");
            line("|---|---|---|---|");
            line("| %d ms | %d ms | %d ms | %d ms |", endToEnd.latencyMillis().getValueAtPercentile(50),
                    endToEnd.latencyMillis().getValueAtPercentile(95), endToEnd.latencyMillis().getValueAtPercentile(99),
                    endToEnd.latencyMillis().getMaxValue());
        }
        line("");
    }

    private void smsRate() {
        line("## SMS sending rate");
        line("");
        if (result.smsRate().isEmpty()) {
            line("SMS: %s.", result.smsRateNote());
        } else {
            BenchRun.SmsRate rate = result.smsRate().get();
            line("%.0f reports/s with SMS consent for 10 s (%.0f/s accepted, about %.1f SMS per report: \"received\" and "
                    + "\"referred\"), meant to need 1.5 times notification-service's configured rate of %.0f SMS/s so "
                    + "that it has a backlog. %d SMS arrived. The rate counts submitted parts, which the sending rate limits "
                    + "(an Urdu SMS has two or three), between the first and the last tenth of the SMS, over %.1f s: "
                    + "**%.1f parts/s**.", rate.offeredReportsPerSecond(),
                    rate.acceptedReportsPerSecond(), rate.smsPerReport(), rate.configuredPerSecond(), rate.messages(),
                    rate.windowSeconds(), rate.measuredPerSecond());
            if (!result.smsRateNote().isEmpty()) {
                line("");
                line("The rate was %s; notification-service was restarted at that rate for this phase and at the "
                        + "configured rate afterwards.", result.smsRateNote());
            }
        }
        line("");
    }

    private void processes() {
        line("## CPU and memory of each process");
        line("");
        line("Sampled from /proc every second. CPU in percent of one core; RSS of the largest process of the component; "
                + "PSS of all its processes (PostgreSQL's backends share memory, so their RSS would count it many times).");
        line("");
        usageTable(String.format(Locale.ROOT, "End-to-end phase, %.0f reports/s", result.endToEnd().intake().offeredRate()),
                result.endToEnd().usage());
        Optional<BenchRun.RampStep> last = result.ramp().isEmpty()
                ? Optional.empty()
                : Optional.of(result.ramp().get(result.ramp().size() - 1));
        bestWithinTarget().ifPresent(step -> usageTable(String.format(Locale.ROOT,
                "Highest intake step within the p99 target, %.0f reports/s offered", step.result().offeredRate()),
                step.usage()));
        last.filter(step -> bestWithinTarget().map(best -> best != step).orElse(true))
                .ifPresent(step -> usageTable(String.format(Locale.ROOT, "Last intake step, %.0f reports/s offered",
                        step.result().offeredRate()), step.usage()));
    }

    private void usageTable(String title, ProcessSampler.Window window) {
        line("%s (machine busy %.0f%%, of which outside the stack %.0f%%):", title, window.machineBusyPercent(),
                window.othersBusyPercent());
        line("");
        line("| process | CPU mean %% | CPU max %% | RSS max MB | PSS max MB |");
        line("|---|---|---|---|---|");
        for (Map.Entry<String, ProcessSampler.Usage> entry : window.components().entrySet()) {
            ProcessSampler.Usage usage = entry.getValue();
            line("| %s | %.0f | %.0f | %.0f | %.0f |", name(entry.getKey()), usage.meanCpuPercent(), usage.maxCpuPercent(),
                    usage.maxRssMb(), usage.maxPssMb());
        }
        line("");
    }

    private static String name(String component) {
        return component.equals("bench") ? "load generator (this tool)" : LocalStack.title(component);
    }

    private void startup() {
        line("## Start-up");
        line("");
        if (result.startups().isEmpty()) {
            line("Not measured (the run was started with --skip-startup).");
        } else {
            line("Each service stopped with SIGTERM and started again by `deploy/local/up`, alone, while the rest of the "
                    + "stack ran. JVM start is the process start time in /proc; ready is the first 200 of "
                    + "`/q/health/ready`, polled every 50 ms.");
            line("");
            line("| service | JVM start to ready | `up` until it returned |");
            line("|---|---|---|");
            for (StackControl.Restart restart : result.startups()) {
                line("| %s | %.2f s | %.1f s |", LocalStack.title(restart.component()),
                        restart.startToReadyMillis() / 1000.0, restart.upMillis() / 1000.0);
            }
        }
        line("");
    }

    private void pgbench() {
        line("## pgbench ceiling");
        line("");
        line("pgbench (PostgreSQL's own) on the stack's PostgreSQL server, in a scratch database made from "
                + "helpline-service's migration V3__reports.sql and dropped afterwards. Each transaction inserts one "
                + "`report` row and one `outbox_event` row with a narrative and an event payload of a generated report's "
                + "size (`-M prepared`, %d s per client count). The intake writes more per report (children, concerns, "
                + "the timeline entry, a second outbox row for the SMS subscription), so this is an upper bound.",
                result.pgbenchSeconds());
        line("");
        if (result.pgbench().isEmpty()) {
            line("Not measured: %s", result.pgbenchError());
        } else {
            line("| clients | transactions/s | %s |", "latency");
            line("|---|---|---|");
            for (PgBenchCeiling.Run run : result.pgbench()) {
                line("| %d | %.0f | %s |", run.clients(), run.tps(), run.latencyLine().replace("latency average = ", ""));
            }
        }
        line("");
    }

    private void limits() {
        line("## What limits intake");
        line("");
        Optional<BenchRun.RampStep> limiting = result.ramp().stream().filter(step -> step.result().saturated()
                || step.result().percentileMillis(99) > TARGET_P99_MS).findFirst();
        if (limiting.isEmpty()) {
            line("No step of the ramp saturated or exceeded p99 100 ms.");
        } else {
            BenchRun.RampStep step = limiting.get();
            ProcessSampler.Window usage = step.usage();
            line("The first step over the p99 target or short of its offered rate was %.0f reports/s offered (%.0f "
                    + "accepted, p99 %.0f ms). The machine's cores were %.0f%% busy of %d%%:", step.result().offeredRate(),
                    step.result().throughput(), step.result().percentileMillis(99), usage.machineBusyPercent(),
                    machine.cores() * 100);
            line("");
            usage.components().values().stream().sorted(Comparator.comparingDouble(ProcessSampler.Usage::meanCpuPercent)
                    .reversed()).forEach(
                            process -> line("- %s: %.0f%%", name(process.component()),
                                    process.meanCpuPercent()));
            line("- outside the stack: %.0f%%", usage.othersBusyPercent());
            line("");
        }
        result.profile().ifPresent(profile -> {
            JfrProfile.Summary summary = profile.summary();
            line("CPU profile of helpline-service during the step at %.0f reports/s offered (Java Flight Recorder, "
                    + "`settings=profile`, started through jcmd; %d execution samples). Where the samples were, by the "
                    + "first frame in a known package from the top of the stack:", profile.rate(), summary.samples());
            line("");
            line("| where | share of samples |");
            line("|---|---|");
            summary.areas().forEach((area, share) -> line("| %s | %.1f%% |", area, share));
            line("");
            line("By the service's own method nearest to the top of the stack, which is the code path that caused the "
                    + "work (framework threads such as the HTTP event loop have none):");
            line("");
            line("| method | share of samples |");
            line("|---|---|");
            summary.projectMethods().forEach((method, share) -> line("| `%s` | %.1f%% |", method, share));
            line("");
            line("Top methods (self time):");
            line("");
            line("| method | share of samples |");
            line("|---|---|");
            summary.topMethods().forEach((method, share) -> line("| `%s` | %.1f%% |", method, share));
            line("");
            line("Threads:");
            line("");
            line("| thread | share of samples |");
            line("|---|---|");
            summary.threads().forEach((thread, share) -> line("| %s | %.1f%% |", thread.replace("|", "\\|"), share));
            line("");
        });
    }

    private void method() {
        line("## What was tried");
        line("");
        line("Each change below was measured by a run of this benchmark before and after it, on this 2-core machine "
                + "(runs of 2026-12-04; the first ones shared the machine with builds, which the 'other load' row of "
                + "their pages showed).");
        line("");
        line("- The duplicate check loaded every report of the last 48 hours on each intake: the profile put 27%% of "
                + "helpline-service's samples in `Report.list` and 21%% in the Java matching. It is now one SQL query "
                + "through the district and concern indexes. Intake went from 2 reports/s (p99 19 s at 5/s offered) "
                + "to 50 reports/s with p99 1.1 s in the run of 21:30 UTC, which saturated at about 67/s.");
        line("- Start-up: each build writes a class-data archive (`app-cds.jsa`, Quarkus' AppCDS) that `deploy/local/up` "
                + "passes to the JVM. JVM start to ready went from 16-22 s (with other builds on the machine) to "
                + "4.9-5.3 s on an idle machine.");
        line("- Memory: the services ran with `-Xmx512m` and G1, which let helpline-service grow to 782 MB RSS. `up` "
                + "now starts them with `-Xmx160m`, the serial collector, 64 MB of code cache and two malloc arenas, "
                + "and helpline-service caps its worker threads at 48. Under overload helpline-service still reached "
                + "about 420 MB: the heap (up to 160 MB), about 80 MB of metaspace, up to 64 MB of code cache, 27 MB "
                + "of the class-data archive that the JVM writes to, and thread stacks. Less needs a smaller heap or "
                + "no archive, which costs start-up time.");
        line("- End-to-end latency: helpline-service's outbox, referral-service's outbox and the SMS sender polled "
                + "once a second, so a reporter's first SMS waited for two polls; they poll every 250 ms now. The rest "
                + "is the CPU that the reports of the same second compete for.");
        line("- What still limits intake is the whole pipeline's CPU, not one hot spot. In the run of 21:30 UTC, at "
                + "the saturated step, every accepted report cost about 27 ms of CPU across the stack. Of that, "
                + "helpline-service took about 7 ms, PostgreSQL 7, notification-service (its SMS) 6, "
                + "referral-service 4, and the SMSC simulator and Kafka the rest. 1,000 reports/s on 2 cores would need 2 ms per report, 13 "
                + "times less: that needs more cores, or less work per report (batching the outbox rows, fewer "
                + "transactions per event), rather than one more fix in the intake.");
        line("");
        line("## Method");
        line("");
        line("- Report bodies are generated in the shape of `deploy/local/sample/reports.jsonl`: the narrative, "
                + "language (English, Urdu, Roman Urdu), concerns and reporter of a random sample report, 1 to 3 "
                + "children of random age and gender, a random district of "
                + "`helpline-service/src/main/resources/reference/districts.csv`, and a random mobile number.");
        line("- The load generator is a Java program (deploy/bench) with the JDK's HTTP client over HTTP/1.1 and "
                + "HdrHistogram 2.2.2. It logs in to Keycloak as operator1 with the helpline-cli client. It runs on the "
                + "same cores as the stack, and its CPU is in the tables above.");
        line("- Order of the phases: start-up, a warm-up, the intake ramp, a 20 s pause, end to end, the SMS rate, pgbench.");
        line("- The warm-up files 1,200 reports with SMS at 20/s and pauses 20 s, so that the JIT of every service has "
                + "compiled the paths of a report before the ramp.");
        line("- A ramp step counts as saturated when it accepted less than 90%% of its offered rate, when its p99 "
                + "exceeded 2 s, or when requests were still open 30 s after the step; the ramp stops there.");
        line("- End-to-end latency compares the wall clock at the 201 response with the wall clock that the SMSC "
                + "simulator wrote for the message; both run on this machine.");
        line("- Raw data of the last run (JFR recording, pgbench script) stay in the run directory under `bench/`.");
    }

    private static String verdictAtLeast(double value, double target, String unit) {
        if (value >= target) {
            return "met";
        }
        return String.format(Locale.ROOT, "missed by %.0f %s (%.0f%% of the target)", target - value, unit,
                value / target * 100);
    }

    private static String verdictAtMost(double value, double target, String unit) {
        if (value <= target) {
            return "met";
        }
        return String.format(Locale.ROOT, "missed by %.2f %s (%.0f%% over)", value - target, unit,
                (value / target - 1) * 100);
    }

    private void line(String format, Object... arguments) {
        page.append(String.format(Locale.ROOT, format, arguments)).append('\n');
    }

    /** The machine the run measured. */
    public record Machine(int cores, String cpuModel, double memoryGib, String kernel, String javaVersion) {

        public static Machine current() {
            String model = "unknown CPU";
            double memory = 0;
            try {
                model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(model);
                memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                        .findFirst().map(l -> Double.parseDouble(l.replaceAll("\\D", "")) / 1024 / 1024).orElse(0.0);
            } catch (IOException e) {
                // The page then shows "unknown CPU" and 0 GiB, which is visible and harmless.
            }
            return new Machine(Runtime.getRuntime().availableProcessors(), model, memory, System.getProperty("os.version"),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        }
    }
}
