package pk.childhelpline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node KRaft Kafka broker for one test JVM, started as its own process from the broker libraries in
 * deploy/kafka/target/lib with kafka.Kafka, as the official distribution does. Topics are created on first use with
 * three partitions.
 *
 * <p>
 * The broker's state lives in system properties rather than in fields, because Quarkus loads test classes and test
 * resources in different class loaders: {@link #stopBroker()} and {@link #startBroker()} work from either.
 */
public final class LocalKafka {

    private static final String DIR_PROPERTY = "helpline.test.kafka.dir";
    private static final String PORT_PROPERTY = "helpline.test.kafka.port";
    private static final String PID_PROPERTY = "helpline.test.kafka.pid";

    private LocalKafka() {
    }

    /** Returns the bootstrap servers of this JVM's broker, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (System.getProperty(DIR_PROPERTY) == null) {
            create();
            Runtime.getRuntime().addShutdownHook(new Thread(LocalKafka::destroy, "local-kafka-stop"));
        }
        return "127.0.0.1:" + System.getProperty(PORT_PROPERTY);
    }

    /** Stops the broker with SIGTERM and waits until it has exited; its data stays for {@link #startBroker()}. */
    public static synchronized void stopBroker() {
        currentProcess().ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
        System.clearProperty(PID_PROPERTY);
    }

    /** Starts the stopped broker again on the same port with the same data. */
    public static synchronized void startBroker() {
        if (currentProcess().isPresent()) {
            return;
        }
        Path dir = Path.of(System.getProperty(DIR_PROPERTY));
        launch(dir, Integer.parseInt(System.getProperty(PORT_PROPERTY)));
    }

    private static Optional<ProcessHandle> currentProcess() {
        String pid = System.getProperty(PID_PROPERTY);
        return pid == null ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
    }

    private static void create() {
        try {
            Path dir = Files.createTempDirectory("helpline-test-kafka-");
            int port = Processes.freePort();
            int controllerPort = Processes.freePort();
            Files.writeString(dir.resolve("server.properties"), serverProperties(dir, port, controllerPort));
            Processes.run(List.of(javaBinary(), "-cp", classPath(), "kafka.tools.StorageTool", "format", "-t",
                    clusterId(), "-c", dir.resolve("server.properties").toString()), dir.resolve("format.log"), 120);
            System.setProperty(DIR_PROPERTY, dir.toString());
            System.setProperty(PORT_PROPERTY, Integer.toString(port));
            launch(dir, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to prepare the test Kafka broker", e);
        }
    }

    private static void launch(Path dir, int port) {
        try {
            Process process = new ProcessBuilder(javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dlog4j2.level=WARN", "-cp", classPath(), "kafka.Kafka", dir.resolve("server.properties").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile()))
                    .start();
            System.setProperty(PID_PROPERTY, Long.toString(process.pid()));
            awaitReady(process, port, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start the test Kafka broker", e);
        }
    }

    private static void awaitReady(Process process, int port, Path dir) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The test Kafka broker exited during start-up; see " + dir.resolve("kafka.log"));
            }
            if (Processes.isListening(port)) {
                try (Admin admin = Admin.create(config)) {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    // Not ready yet: the listener opens before the broker has joined its controller.
                }
            }
            sleep(200);
        }
        throw new IllegalStateException("The test Kafka broker was not ready within 90 s; see " + dir.resolve("kafka.log"));
    }

    private static void destroy() {
        stopBroker();
        Processes.deleteRecursively(Path.of(System.getProperty(DIR_PROPERTY)));
    }

    private static String serverProperties(Path dir, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "")
                + "\n";
    }

    private static String classPath() {
        Path lib = Processes.stackRoot().resolve("deploy/kafka/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("Kafka libraries missing in " + lib
                    + "; build the deploy/kafka module first (./mvnw -pl deploy/kafka generate-resources)");
        }
        return lib + "/*";
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Returns a random cluster id in Kafka's form (16 bytes, URL-safe Base64). An id that starts with '-' is drawn again,
     * because StorageTool would read it as an option.
     */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the test Kafka broker", e);
        }
    }
}
