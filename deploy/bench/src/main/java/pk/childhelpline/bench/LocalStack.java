package pk.childhelpline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import pk.childhelpline.tools.Stack;

/**
 * A running local stack as deploy/local/up leaves it in its run directory: the addresses in {@code stack.env}, the
 * generated secrets, the pid files of the components, and the scripts that restart what is missing.
 */
public final class LocalStack {

    /** Components in the start order of deploy/local/up, with their titles. */
    public static final List<String> COMPONENTS = List.of("postgres", "kafka", "keycloak", "smsc", "helpline", "referral",
            "notification");
    public static final List<String> SERVICES = List.of("helpline", "referral", "notification");

    private final Path repoRoot;
    private final Path runDir;
    private final Stack stack;
    private final Map<String, String> secrets;

    public LocalStack(Path repoRoot, Path runDir) {
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
        this.runDir = runDir.toAbsolutePath().normalize();
        this.stack = Stack.fromRunDir(this.runDir);
        this.secrets = readEnvFile(this.runDir.resolve("secrets.env"));
    }

    public Path repoRoot() {
        return repoRoot;
    }

    public Path runDir() {
        return runDir;
    }

    public Stack http() {
        return stack;
    }

    public String url(String name) {
        return stack.url(name);
    }

    public String secret(String name) {
        String value = secrets.get(name);
        if (value == null) {
            throw new IllegalStateException(runDir.resolve("secrets.env") + " has no " + name);
        }
        return value;
    }

    public static String title(String component) {
        return switch (component) {
            case "postgres" -> "PostgreSQL";
            case "kafka" -> "Kafka";
            case "keycloak" -> "Keycloak";
            case "smsc" -> "SMSC simulator";
            case "helpline" -> "helpline-service";
            case "referral" -> "referral-service";
            case "notification" -> "notification-service";
            default -> component;
        };
    }

    /** Returns the readiness URL that deploy/local/up checks for a service. */
    public String readyUrl(String service) {
        return url(service.toUpperCase() + "_URL") + "/q/health/ready";
    }

    /**
     * Returns the PID of a running component, checked like deploy/local/lib.sh does: the pid file names a live process
     * whose command line contains the component's marker, so that a stale file is ignored.
     */
    public OptionalLong pid(String component) {
        Path file = component.equals("postgres")
                ? runDir.resolve("postgres/data/postmaster.pid")
                : runDir.resolve("pids/" + component + ".pid");
        if (component.equals("postgres") && !Files.exists(file)) {
            file = runDir.resolve("pids/postgres.pid");
        }
        long pid;
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty()) {
                return OptionalLong.empty();
            }
            pid = Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return OptionalLong.empty();
        }
        return commandLine(pid).contains(marker(component)) ? OptionalLong.of(pid) : OptionalLong.empty();
    }

    private String marker(String component) {
        return switch (component) {
            case "postgres" -> runDir.resolve("postgres/data").toString();
            case "kafka" -> runDir.resolve("kafka/server.properties").toString();
            case "keycloak" -> runDir.resolve("keycloak").toString();
            case "smsc" -> runDir.resolve("smsc/messages.jsonl").toString();
            default -> "-Dhelpline.run-dir=" + runDir;
        };
    }

    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Reads one variable of a process's start environment from /proc, or empty when it is not set or not readable. */
    public static Optional<String> processEnvironment(long pid, String name) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
                if (entry.startsWith(name + "=")) {
                    return Optional.of(entry.substring(name.length() + 1));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Returns the directory of the PostgreSQL binaries that run the cluster, as recorded by deploy/local/up. */
    public Path postgresBin() {
        Path recorded = runDir.resolve("postgres/server-bin-dir");
        try {
            if (Files.isReadable(recorded)) {
                return Path.of(Files.readString(recorded).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + recorded, e);
        }
        throw new IllegalStateException("No " + recorded + ": was the stack started by deploy/local/up?");
    }

    /** notification-service's SMS templates, read from the source tree of this clone. */
    public SmsTemplates smsTemplates() {
        return SmsTemplates.load(repoRoot.resolve("notification-service/src/main/resources/templates/sms"));
    }

    /** Returns a reader of the SMSC simulator's messages that starts at the current end of the file. */
    public SmscLog smscLog() {
        return new SmscLog(Path.of(url("SMSC_MESSAGES_FILE")), smsTemplates());
    }

    public Path script(String name) {
        return repoRoot.resolve("deploy/local").resolve(name);
    }

    static Map<String, String> readEnvFile(Path file) {
        Map<String, String> values = new HashMap<>();
        if (!Files.isReadable(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return values;
    }
}
