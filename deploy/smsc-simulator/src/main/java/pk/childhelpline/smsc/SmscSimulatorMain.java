package pk.childhelpline.smsc;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the SMSC simulator until it is stopped (SIGTERM or Ctrl-C).
 *
 * <pre>
 * java -jar smsc-simulator.jar [--host 127.0.0.1] [--port 2775] [--control-port 2776]
 *     [--messages deploy/local/.run/smsc/messages.jsonl] [--system-id helpline] [--password SECRET]
 *     [--service-number 1099]
 * </pre>
 */
public final class SmscSimulatorMain {

    private static final Map<String, String> DEFAULTS = Map.of(
            "--host", "127.0.0.1",
            "--port", "2775",
            "--control-port", "2776",
            "--messages", "deploy/local/.run/smsc/messages.jsonl",
            "--system-id", "helpline",
            "--password", "hl-local",
            "--service-number", "1099");

    private SmscSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                usage();
                return;
            }
            if (!DEFAULTS.containsKey(name) || i + 1 >= args.length) {
                System.err.println("Unknown option or missing value: " + name);
                usage();
                System.exit(2);
            }
            values.put(name, args[++i]);
        }
        SmscSimulator.Options options = new SmscSimulator.Options(values.get("--host"),
                parsePort(values, "--port"), parsePort(values, "--control-port"), Path.of(values.get("--messages")),
                values.get("--system-id"), values.get("--password"), values.get("--service-number"));
        SmscSimulator simulator = SmscSimulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "smsc-shutdown"));
        System.out.println("SMSC simulator ready: SMPP " + options.host() + ":" + simulator.port() + ", control http://"
                + options.host() + ":" + simulator.controlPort() + ", messages " + options.messagesFile());
        stopped.await();
    }

    private static int parsePort(Map<String, String> values, String name) {
        try {
            int port = Integer.parseInt(values.get(name));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            System.err.println(name + " must be a port number from 0 to 65535, not " + values.get(name));
            System.exit(2);
            return -1;
        }
    }

    private static void usage() {
        System.out.println("""
                Usage: java -jar smsc-simulator.jar [options]
                  --host ADDRESS          loopback address to listen on (default 127.0.0.1)
                  --port PORT             SMPP port (default 2775, 0 picks a free one)
                  --control-port PORT     HTTP control API port (default 2776)
                  --messages FILE         JSON-lines file that every received message is appended to
                                          (default deploy/local/.run/smsc/messages.jsonl)
                  --system-id ID          system id that clients must bind with (default helpline)
                  --password SECRET       bind password, at most 8 characters (default hl-local)
                  --service-number NUMBER destination of incoming SMS sent with POST /deliver (default 1099)""");
    }
}
