package pk.childhelpline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Small helpers for starting and stopping the server processes that tests use. */
final class Processes {

    private Processes() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to find a free loopback port", e);
        }
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Prefixes a command with runuser, so that it runs as the postgres user when the JVM runs as root. */
    static List<String> asPostgresUser(List<String> command) {
        if (!runningAsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    static void chownToPostgres(Path path) throws IOException {
        if (!runningAsRoot()) {
            return;
        }
        UserPrincipal postgres = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(path, postgres);
    }

    /** Runs a command to completion, with its output in the given log file, and fails when it exits non-zero. */
    static void run(List<String> command, Path log, long timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out after " + timeoutSeconds + " s: " + command + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "Failed with exit code " + process.exitValue() + ": " + command + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Leftovers under the temporary directory are harmless, so a failed cleanup does not fail the tests.
            System.err.println("Could not delete " + root + ": " + e.getMessage());
        }
    }

    /** Finds the repository's root directory: the system property set by the build, else the nearest parent with deploy/. */
    static Path stackRoot() {
        String configured = System.getProperty("helpline.stack.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "deploy"))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy/kafka"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Cannot find the repository root (a directory with deploy/kafka) above "
                + Path.of("").toAbsolutePath());
    }
}
