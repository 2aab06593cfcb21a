package pk.childhelpline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entry point of deploy/local/bench ({@code bench}) and deploy/local/faults ({@code faults}). Both run against the
 * stack of HELPLINE_RUN_DIR, which the scripts start when it is not running. Exit codes: 0 done (faults: nothing lost
 * or duplicated), 1 faults found a loss or duplicate, 2 usage or run error.
 */
public final class BenchMain {

    private static final Set<String> FLAGS = Set.of("--skip-startup");

    private BenchMain() {
    }

    public static void main(String[] args) {
        try {
            if (args.length == 0 || !Set.of("bench", "faults").contains(args[0])) {
                throw new IllegalArgumentException(usage());
            }
            Map<String, String> options = parse(Arrays.copyOfRange(args, 1, args.length));
            Path repoRoot = Path.of(env("HELPLINE_REPO_ROOT", ".")).toAbsolutePath().normalize();
            Path runDir = Path.of(env("HELPLINE_RUN_DIR", repoRoot.resolve("deploy/local/.run").toString()));
            LocalStack stack = new LocalStack(repoRoot, runDir);
            long seed = Long.parseLong(options.getOrDefault("--seed", Long.toString(System.currentTimeMillis())));
            ReportGenerator generator = ReportGenerator.fromFiles(
                    path(options, "--sample", repoRoot.resolve("deploy/local/sample/reports.jsonl")),
                    path(options, "--districts",
                            repoRoot.resolve("helpline-service/src/main/resources/reference/districts.csv")),
                    seed, Long.toString(seed, 36).toUpperCase());
            int exit = args[0].equals("bench")
                    ? bench(stack, generator, options, seed)
                    : faults(stack, generator, options,
                            seed);
            System.exit(exit);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | IOException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("Interrupted");
            System.exit(2);
        }
    }

    private static int bench(LocalStack stack, ReportGenerator generator, Map<String, String> options, long seed)
            throws IOException, InterruptedException {
        BenchRun.Options run = new BenchRun.Options(doubles(options.getOrDefault("--rates",
                "5,10,25,50,100,250,500,1000,1500,2000")), integer(options, "--step-seconds", 15),
                number(options, "--e2e-rate", 100), integer(options, "--e2e-seconds", 30),
                number(options, "--profile-rate", 0), integer(options, "--max-in-flight", 1024),
                !options.containsKey("--skip-startup"), integers(options.getOrDefault("--pgbench-clients", "8,32")),
                integer(options, "--pgbench-seconds", 15), seed);
        if (run.stepSeconds() > 60 || run.rampRates().size() > 12 || run.endToEndSeconds() > 120) {
            throw new IllegalArgumentException("Keep a run bounded: at most 12 rates, 60 s per step, 120 s end to end");
        }
        BenchRun.Result result = new BenchRun(stack, run, generator, System.out).run();

        Path page = path(options, "--page", stack.repoRoot().resolve("docs/benchmarks.md"));
        String plotName = "benchmarks-latency.png";
        List<LatencyPlot.Point> points = new ArrayList<>();
        result.ramp().forEach(step -> points.add(new LatencyPlot.Point(step.result().throughput(),
                step.result().percentileMillis(50), step.result().percentileMillis(95),
                step.result().percentileMillis(99))));
        LatencyPlot.write(points, "Intake: POST /api/reports latency against accepted throughput",
                page.toAbsolutePath().getParent().resolve(plotName));
        new BenchmarkPage(result, BenchmarkPage.Machine.current(), options.getOrDefault("--command", "deploy/local/bench"),
                options.getOrDefault("--note", env("BENCH_NOTE", "")), plotName).write(page);
        System.out.println("Wrote " + page + " and " + plotName);
        return 0;
    }

    private static int faults(LocalStack stack, ReportGenerator generator, Map<String, String> options, long seed)
            throws IOException, InterruptedException {
        FaultRun.Options run = new FaultRun.Options(number(options, "--rate", 20),
                Duration.ofSeconds(integer(options, "--between", 15)),
                Duration.ofSeconds(integer(options, "--postgres-outage", 10)),
                Duration.ofSeconds(integer(options, "--downtime", 5)), Duration.ofSeconds(integer(options, "--settle", 180)),
                seed);
        if (run.rate() > 500 || run.between().toSeconds() > 300 || run.settle().toSeconds() > 900) {
            throw new IllegalArgumentException("Keep a run bounded: at most 500 reports/s, 300 s between faults, 900 s "
                    + "to settle");
        }
        FaultRun faults = new FaultRun(stack, run, generator, System.out);
        long started = System.nanoTime();
        FaultRun.Outcome outcome = faults.run();
        faults.print(outcome);
        System.out.printf("Took %.0f s%n", (System.nanoTime() - started) / 1e9);
        return outcome.passed() ? 0 : 1;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (FLAGS.contains(args[i])) {
                options.put(args[i], "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown or incomplete argument '" + args[i] + "'\n" + usage());
            }
        }
        return options;
    }

    private static List<Double> doubles(String list) {
        List<Double> values = new ArrayList<>();
        for (String value : list.split(",")) {
            double rate = Double.parseDouble(value.trim());
            if (rate <= 0 || rate > 10_000) {
                throw new IllegalArgumentException("Rate " + value + " is out of range: use 1 to 10000 reports/s");
            }
            values.add(rate);
        }
        return values;
    }

    private static List<Integer> integers(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
    }

    private static double number(Map<String, String> options, String name, double fallback) {
        return options.containsKey(name) ? Double.parseDouble(options.get(name)) : fallback;
    }

    private static Path path(Map<String, String> options, String name, Path fallback) {
        return options.containsKey(name) ? Path.of(options.get(name)) : fallback;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String usage() {
        return """
                usage: bench [--rates 5,10,25,...] [--step-seconds 15] [--e2e-rate 100] [--e2e-seconds 30]
                             [--profile-rate 0] [--max-in-flight 1024] [--skip-startup]
                             [--pgbench-clients 8,32] [--pgbench-seconds 15] [--page docs/benchmarks.md]
                             [--note TEXT] [--sample FILE] [--districts FILE] [--seed N]
                       faults [--rate 20] [--between 15] [--downtime 5] [--postgres-outage 10] [--settle 180]
                             [--sample FILE] [--districts FILE] [--seed N]
                Rates are reports per second, times are seconds.""";
    }
}
