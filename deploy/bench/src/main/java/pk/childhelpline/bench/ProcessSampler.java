package pk.childhelpline.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Samples CPU time and memory of the stack's processes from /proc once a second. A component counts with all its
 * descendants (PostgreSQL's backends, the Java process under Keycloak's kc.sh). Memory is the largest RSS of one
 * process of the component and the PSS of the whole tree, because summing the RSS of PostgreSQL's backends would
 * count its shared buffers once per backend.
 */
public final class ProcessSampler implements AutoCloseable {

    /** Linux's USER_HZ, the unit of utime and stime in /proc/PID/stat, on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** CPU and memory of one component over a sampling window. */
    public record Usage(String component, double meanCpuPercent, double maxCpuPercent, double maxRssMb,
            double maxPssMb, int samples) {
    }

    /** Usage in one sampling window: per component, plus the whole machine's busy CPU in percent of one core. */
    public record Window(Map<String, Usage> components, double machineBusyPercent, double ourBusyPercent) {

        public double othersBusyPercent() {
            return Math.max(0, machineBusyPercent - ourBusyPercent);
        }
    }

    private static final class Tracker {
        long lastTicks = -1;
        long lastNanos;
        double cpuSum;
        double cpuMax;
        double rssMax;
        double pssMax;
        int samples;
    }

    private final Supplier<Map<String, OptionalLong>> pids;
    private final Thread thread;
    private final Map<String, Tracker> trackers = new LinkedHashMap<>();
    private long machineBusyStart;
    private long machineTotalStart;
    private volatile boolean running = true;

    /** Starts sampling the processes that {@code pids} names at each sample (they change when a component restarts). */
    public ProcessSampler(Supplier<Map<String, OptionalLong>> pids) {
        this.pids = pids;
        long[] machine = machineTicks();
        machineBusyStart = machine[0];
        machineTotalStart = machine[1];
        thread = new Thread(this::loop, "process-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        Map<Long, List<Long>> children = childrenByParent();
        long now = System.nanoTime();
        for (Map.Entry<String, OptionalLong> entry : pids.get().entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            List<Long> tree = tree(entry.getValue().getAsLong(), children);
            long ticks = 0;
            double rssMax = 0;
            double pss = 0;
            for (long pid : tree) {
                ticks += cpuTicks(pid);
                rssMax = Math.max(rssMax, statusKb(pid, "VmRSS:") / 1024.0);
                pss += rollupKb(pid, "Pss:") / 1024.0;
            }
            Tracker tracker = trackers.computeIfAbsent(entry.getKey(), key -> new Tracker());
            if (tracker.lastTicks >= 0 && ticks >= tracker.lastTicks) {
                double seconds = (now - tracker.lastNanos) / 1e9;
                double percent = (ticks - tracker.lastTicks) / TICKS_PER_SECOND / seconds * 100;
                tracker.cpuSum += percent;
                tracker.cpuMax = Math.max(tracker.cpuMax, percent);
                tracker.samples++;
            }
            tracker.lastTicks = ticks;
            tracker.lastNanos = now;
            tracker.rssMax = Math.max(tracker.rssMax, rssMax);
            tracker.pssMax = Math.max(tracker.pssMax, pss);
        }
    }

    /** Returns what was seen since the last call and starts a new window. */
    public synchronized Window window() {
        sample();
        Map<String, Usage> usage = new LinkedHashMap<>();
        double ours = 0;
        for (Map.Entry<String, Tracker> entry : trackers.entrySet()) {
            Tracker tracker = entry.getValue();
            double mean = tracker.samples == 0 ? 0 : tracker.cpuSum / tracker.samples;
            ours += mean;
            usage.put(entry.getKey(), new Usage(entry.getKey(), mean, tracker.cpuMax, tracker.rssMax, tracker.pssMax,
                    tracker.samples));
            tracker.cpuSum = 0;
            tracker.cpuMax = 0;
            tracker.rssMax = 0;
            tracker.pssMax = 0;
            tracker.samples = 0;
        }
        long[] machine = machineTicks();
        long total = machine[1] - machineTotalStart;
        double busy = total <= 0
                ? 0
                : (double) (machine[0] - machineBusyStart) / total * 100
                        * Runtime.getRuntime().availableProcessors();
        machineBusyStart = machine[0];
        machineTotalStart = machine[1];
        return new Window(usage, busy, ours);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    static List<Long> tree(long root, Map<Long, List<Long>> children) {
        List<Long> result = new ArrayList<>();
        List<Long> queue = new ArrayList<>(List.of(root));
        while (!queue.isEmpty() && result.size() < 10_000) {
            long pid = queue.remove(queue.size() - 1);
            result.add(pid);
            queue.addAll(children.getOrDefault(pid, List.of()));
        }
        return result;
    }

    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String[] stat = statFields(Long.parseLong(process.getFileName().toString()));
                if (stat.length > 1) {
                    children.computeIfAbsent(Long.parseLong(stat[1]), key -> new ArrayList<>())
                            .add(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return children;
        }
        return children;
    }

    /**
     * Returns the fields of /proc/PID/stat after the command name, so that index 0 is the state, 1 the parent PID, 11
     * utime and 12 stime, and 19 the start time in ticks after boot. The command name may contain spaces and parentheses,
     * hence the split at the last ')'.
     */
    static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return parseStat(stat);
        } catch (IOException e) {
            return new String[0];
        }
    }

    static String[] parseStat(String stat) {
        int end = stat.lastIndexOf(')');
        return end < 0 ? new String[0] : stat.substring(end + 2).trim().split(" ");
    }

    static long cpuTicks(long pid) {
        String[] fields = statFields(pid);
        return fields.length > 12 ? Long.parseLong(fields[11]) + Long.parseLong(fields[12]) : 0;
    }

    /** Returns the wall-clock time at which the process started, in epoch milliseconds, from /proc. */
    public static long startEpochMillis(long pid) throws IOException {
        String[] fields = statFields(pid);
        if (fields.length < 20) {
            throw new IOException("Process " + pid + " not found in /proc");
        }
        long ticksAfterBoot = Long.parseLong(fields[19]);
        long bootSeconds = 0;
        for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
            if (line.startsWith("btime ")) {
                bootSeconds = Long.parseLong(line.substring(6).trim());
            }
        }
        return bootSeconds * 1000 + Math.round(ticksAfterBoot * 1000 / TICKS_PER_SECOND);
    }

    private static double statusKb(long pid, String key) {
        return kbField(Path.of("/proc", Long.toString(pid), "status"), key);
    }

    private static double rollupKb(long pid, String key) {
        return kbField(Path.of("/proc", Long.toString(pid), "smaps_rollup"), key);
    }

    private static double kbField(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return Double.parseDouble(line.substring(key.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Busy and total ticks of all CPUs, from the first line of /proc/stat. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}
