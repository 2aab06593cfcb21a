package pk.childhelpline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops, kills and restarts components of the local stack. Restarts go through deploy/local/up, which starts whatever
 * is missing with the same settings as the first start and leaves running components alone.
 */
public final class StackControl {

    /** How long a restarted service took: JVM process start to its first ready health check, and up's own time. */
    public record Restart(String component, long startToReadyMillis, long upMillis) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LocalStack stack;
    private final PrintStream log;
    private final String smsRatePerSecond;

    public StackControl(LocalStack stack, PrintStream log, String smsRatePerSecond) {
        this.stack = stack;
        this.log = log;
        this.smsRatePerSecond = smsRatePerSecond;
    }

    /** Sends SIGKILL to the component's process and waits until it is gone. */
    public void kill(String component) {
        long pid = requirePid(component);
        log.printf("  SIGKILL %s (pid %d)%n", LocalStack.title(component), pid);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        waitForExit(process, Duration.ofSeconds(30));
    }

    /** Sends SIGTERM to the component's process and waits until it has stopped. */
    public void terminate(String component) {
        long pid = requirePid(component);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroy();
        if (!waitForExit(process, Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitForExit(process, Duration.ofSeconds(10));
        }
    }

    /** Stops PostgreSQL with pg_ctl's fast mode, as deploy/local/down does. */
    public void stopPostgres() throws IOException, InterruptedException {
        log.printf("  pg_ctl stop -m fast (pid %d)%n", requirePid("postgres"));
        List<String> command = new ArrayList<>(List.of(stack.postgresBin().resolve("pg_ctl").toString(), "stop", "-D",
                stack.runDir().resolve("postgres/data").toString(), "-m", "fast", "-w", "-t", "30"));
        if (ProcessHandle.current().info().user().orElse("").equals("root")) {
            command.addAll(0, List.of("runuser", "-u", "postgres", "--"));
        }
        runQuietly(command, Duration.ofSeconds(45));
    }

    /**
     * Runs deploy/local/up to start what is missing and, for a service, measures from the start of its new JVM process
     * to its first ready health check, polling every 50 ms.
     */
    public Restart restart(String component) throws IOException, InterruptedException {
        long upStart = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(stack.script("up").toString(), "--run-dir", stack.runDir().toString())
                .redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(stack.runDir().resolve("logs/bench-up.log").toFile()));
        if (smsRatePerSecond != null) {
            builder.environment().put("SMS_RATE_PER_SECOND", smsRatePerSecond);
        }
        Process up = builder.start();
        long startToReady = -1;
        if (LocalStack.SERVICES.contains(component)) {
            startToReady = awaitServiceReady(component, up, Duration.ofSeconds(120));
        }
        if (!up.waitFor(300, TimeUnit.SECONDS)) {
            up.destroy();
            throw new IOException("deploy/local/up did not finish within 300 s; see " + stack.runDir().resolve(
                    "logs/bench-up.log"));
        }
        if (up.exitValue() != 0) {
            throw new IOException("deploy/local/up failed with exit code " + up.exitValue() + "; see "
                    + stack.runDir().resolve("logs/bench-up.log"));
        }
        long upMillis = (System.nanoTime() - upStart) / 1_000_000;
        log.printf("  %s back after %.1f s%s%n", LocalStack.title(component), upMillis / 1000.0,
                startToReady >= 0 ? String.format(" (JVM start to ready %.2f s)", startToReady / 1000.0) : "");
        return new Restart(component, startToReady, upMillis);
    }

    private long awaitServiceReady(String component, Process up, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create(stack.readyUrl(component));
        while (System.nanoTime() < deadline) {
            OptionalLong pid = stack.pid(component);
            if (pid.isPresent() && isReady(ready)) {
                long readyAt = System.currentTimeMillis();
                try {
                    return readyAt - ProcessSampler.startEpochMillis(pid.getAsLong());
                } catch (IOException e) {
                    return -1;
                }
            }
            if (!up.isAlive() && pid.isEmpty()) {
                return -1;
            }
            Thread.sleep(50);
        }
        return -1;
    }

    static boolean isReady(URI uri) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private long requirePid(String component) {
        OptionalLong pid = stack.pid(component);
        if (pid.isEmpty()) {
            throw new IllegalStateException(LocalStack.title(component) + " does not run in " + stack.runDir());
        }
        return pid.getAsLong();
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void runQuietly(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " timed out");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue());
        }
    }
}
