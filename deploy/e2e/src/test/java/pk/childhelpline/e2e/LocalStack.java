package pk.childhelpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import pk.childhelpline.tools.Stack;

/**
 * A local stack of the test's own, started with deploy/local/up in a run directory under target/ and with a port
 * offset whose ports are all free, so that it never touches a stack that a developer is running.
 */
final class LocalStack implements AutoCloseable {

    /** The default ports of deploy/local/up; the offset is added to each. */
    private static final List<Integer> DEFAULT_PORTS = List.of(8080, 8082, 8083, 8180, 9000, 9092, 9093, 55432, 2775, 2776);

    private final Path root;
    private final Path runDir;
    private final int portOffset;
    private Stack stack;

    private LocalStack(Path root, Path runDir, int portOffset) {
        this.root = root;
        this.runDir = runDir;
        this.portOffset = portOffset;
    }

    static LocalStack start() {
        Path root = repositoryRoot();
        Path runDir = root.resolve("deploy/e2e/target/e2e-run");
        LocalStack local = new LocalStack(root, runDir, freeOffset());
        try {
            local.script("up", 900);
        } catch (RuntimeException e) {
            // A half-started stack would keep its ports and processes after the test run.
            try {
                local.close();
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        local.stack = Stack.fromRunDir(runDir);
        return local;
    }

    Stack stack() {
        return stack;
    }

    Path root() {
        return root;
    }

    Path runDir() {
        return runDir;
    }

    /** Runs one of the deploy/local scripts against this stack and returns its output. */
    String script(String name, long timeoutSeconds, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("deploy/local/" + name).toString()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(runDir);
            Path log = runDir.resolve("script-" + name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("HELPLINE_RUN_DIR", runDir.toString());
            env.put("HELPLINE_PORT_OFFSET", Integer.toString(portOffset));
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " timed out after " + timeoutSeconds + " s; see " + log);
            }
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed with exit code " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    @Override
    public void close() {
        script("down", 180, "--purge");
    }

    private static int freeOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 1000 + 100 * ThreadLocalRandom.current().nextInt(90);
            if (DEFAULT_PORTS.stream().allMatch(port -> isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("No port offset between 1000 and 9900 has all the stack's ports free");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("helpline.stack.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "deploy/local"))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/local"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
