package pk.childhelpline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records a CPU profile of a running JVM with Java Flight Recorder (started and dumped through jcmd, so the service
 * needs no flag) and summarises its execution samples: the methods on top of the stack, the threads, and the
 * first frame of this project or of a known library under each sample, which shows where the time goes.
 */
public final class JfrProfile {

    /** The summary of one recording: sample count and the largest shares, in percent of all samples. */
    public record Summary(String process, long samples, Map<String, Double> topMethods, Map<String, Double> threads,
            Map<String, Double> areas, Map<String, Double> projectMethods) {
    }

    private JfrProfile() {
    }

    public static void start(long pid, String name) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile");
    }

    /** Stops the recording, writes it to {@code file} and returns its summary. */
    public static Summary stop(long pid, String name, Path file, String process) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file);
        return summarise(file, process);
    }

    static Summary summarise(Path file, String process) throws IOException {
        Map<String, Long> methods = new TreeMap<>();
        Map<String, Long> threads = new TreeMap<>();
        Map<String, Long> areas = new TreeMap<>();
        Map<String, Long> projectMethods = new TreeMap<>();
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            total++;
            List<RecordedFrame> frames = stack.getFrames();
            methods.merge(frameName(frames.get(0)), 1L, Long::sum);
            areas.merge(area(frames), 1L, Long::sum);
            projectMethods.merge(projectMethod(frames), 1L, Long::sum);
            String thread = event.getThread("sampledThread") == null
                    ? "?"
                    : event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "").replaceAll("\\d+", "N"), 1L,
                    Long::sum);
        }
        return new Summary(process, total, top(methods, total, 12), top(threads, total, 8), top(areas, total, 12),
                top(projectMethods, total, 12));
    }

    private static String frameName(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The component that a sample's time belongs to: the first frame, from the top, in a package worth naming. */
    static String area(List<RecordedFrame> frames) {
        String[][] known = {{"pk.childhelpline.", "this project: "}, {"org.hibernate.validator.", "Hibernate Validator"},
                {"org.hibernate.", "Hibernate ORM"},
                {"org.postgresql.", "PostgreSQL JDBC driver"}, {"io.agroal.", "Agroal connection pool"},
                {"com.fasterxml.jackson.", "Jackson (JSON)"}, {"org.apache.kafka.", "Kafka client"},
                {"io.smallrye.jwt.", "SmallRye JWT (token check)"}, {"org.jose4j.", "jose4j (token signature)"},
                {"io.quarkus.oidc.", "Quarkus OIDC"},
                {"javax.crypto.", "JCE crypto"}, {"com.sun.crypto.", "JCE crypto"}, {"sun.security.", "JDK security"},
                {"com.google.i18n.phonenumbers.", "libphonenumber"}, {"io.vertx.", "Vert.x (HTTP)"},
                {"io.netty.", "Netty (network I/O)"}, {"io.quarkus.", "Quarkus"},
                {"io.smallrye.reactive.messaging.", "SmallRye Reactive Messaging"}};
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (String[] entry : known) {
                if (type.startsWith(entry[0])) {
                    return entry[0].equals("pk.childhelpline.") ? entry[1] + simpleName(type) : entry[1];
                }
            }
        }
        return "JDK and other";
    }

    /** The service's own method nearest to the top of the stack: the code path that caused the sample. */
    static String projectMethod(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("pk.childhelpline.")) {
                return simpleName(type) + "." + frame.getMethod().getName();
            }
        }
        return "(no frame of the service's own code)";
    }

    private static String simpleName(String type) {
        String name = type.substring(type.lastIndexOf('.') + 1);
        int inner = name.indexOf('$');
        return inner > 0 ? name.substring(0, inner) : name;
    }

    private static Map<String, Double> top(Map<String, Long> counts, long total, int limit) {
        Map<String, Double> result = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> result.put(entry.getKey(), total == 0 ? 0 : entry.getValue() * 100.0 / total));
        return result;
    }

    private static void jcmd(long pid, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("jcmd", Long.toString(pid)));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", arguments) + " failed: " + output.strip());
        }
    }
}
