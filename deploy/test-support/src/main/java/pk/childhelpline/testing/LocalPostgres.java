package pk.childhelpline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for one test JVM, started from the server binaries installed on the machine (PATH or Debian's
 * /usr/lib/postgresql) on a random loopback port, with fsync off. When the JVM runs as root, the cluster runs as the
 * postgres user, because initdb refuses to run as root. Every call to {@link #createDatabase()} gives a new, empty
 * database, so that two test resources never share state.
 */
public final class LocalPostgres {

    public static final String USER = "helpline_test";

    private static LocalPostgres instance;

    private final Path dataDir;
    private final Path binDir;
    private final int port;

    private LocalPostgres(Path binDir, Path dataDir, int port) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Returns the server of this JVM, starting it on first use. */
    public static synchronized LocalPostgres shared() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "local-postgres-stop"));
        }
        return instance;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database with a random name and returns its name. */
    public String createDatabase() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed to create test database " + name, e);
        }
        return name;
    }

    private static LocalPostgres start() {
        Path binDir = findBinaries().orElseThrow(() -> new IllegalStateException(
                "No PostgreSQL server binaries found (initdb and pg_ctl in PATH or /usr/lib/postgresql/*/bin). "
                        + "Install them, for example with: apt-get install -y postgresql"));
        try {
            Path dataDir = Files.createTempDirectory("helpline-test-pg-");
            Processes.chownToPostgres(dataDir);
            int port = Processes.freePort();
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            Files.createFile(log);
            Processes.chownToPostgres(log);
            Processes.run(Processes.asPostgresUser(List.of(binDir.resolve("initdb").toString(), "-D",
                    dataDir.toString(), "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")), log, 120);
            List<String> startCommand = new ArrayList<>(List.of(binDir.resolve("pg_ctl").toString(), "-D",
                    dataDir.toString(), "-l", log.toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start"));
            Processes.run(Processes.asPostgresUser(startCommand), log, 90);
            return new LocalPostgres(binDir, dataDir, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to prepare a PostgreSQL data directory", e);
        }
    }

    private void stop() {
        try {
            Path log = Files.createTempFile("helpline-test-pg-stop-", ".log");
            Processes.run(Processes.asPostgresUser(List.of(binDir.resolve("pg_ctl").toString(), "-D",
                    dataDir.toString(), "-m", "immediate", "-w", "stop")), log, 60);
            Files.deleteIfExists(log);
        } catch (IOException | RuntimeException e) {
            System.err.println("Failed to stop the test PostgreSQL server in " + dataDir + ": " + e.getMessage());
        }
        Processes.deleteRecursively(dataDir);
    }

    static Optional<Path> findBinaries() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(":")) {
                Path dir = Path.of(entry);
                if (Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))) {
                    return Optional.of(dir);
                }
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> versionNumber(bin.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionNumber(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
