package pk.childhelpline.notification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import pk.childhelpline.smsc.SmscSimulator;

/** Starts an in-process SMSC simulator on a random loopback port and points the SMPP bind at it. */
public class SmscTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile SmscSimulator simulator;

    /** Returns the running simulator of this test JVM. */
    public static SmscSimulator simulator() {
        return simulator;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (simulator == null) {
            try {
                simulator = SmscSimulator.start(SmscSimulator.Options.forTests("helpline", "testpass"));
            } catch (IOException e) {
                throw new UncheckedIOException("Starting the SMSC simulator failed", e);
            }
        }
        return Map.of("sms.smpp.host", "127.0.0.1", "sms.smpp.port", String.valueOf(simulator.port()),
                "sms.smpp.system-id", "helpline", "sms.smpp.password", "testpass");
    }

    @Override
    public void stop() {
        // The simulator lives as long as the JVM, like the broker and the database, so that every test class shares it.
    }
}
