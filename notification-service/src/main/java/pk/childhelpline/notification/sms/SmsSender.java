package pk.childhelpline.notification.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends queued messages in the background. Each round claims the due messages and sends them on up to {@code window}
 * threads; parts go one after the other, each marked SENDING (committed) before its submit_sm, so that a crash never
 * leads to a blind resend.
 */
@ApplicationScoped
public class SmsSender {

    private final MessageStore store;
    private final SmppGateway gateway;
    private final SmsConfig config;
    private final Counter partsSubmitted;
    private final Counter messagesSubmitted;
    private ExecutorService workers;
    /** Set when a send failed before it could record its outcome, so that the next round recovers its message. */
    private final AtomicBoolean interrupted = new AtomicBoolean();

    public SmsSender(MessageStore store, SmppGateway gateway, SmsConfig config, MeterRegistry registry) {
        this.store = store;
        this.gateway = gateway;
        this.config = config;
        this.partsSubmitted = registry.counter("sms.parts.submitted");
        this.messagesSubmitted = registry.counter("sms.messages.submitted");
    }

    void start(@Observes StartupEvent event) {
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(Math.max(1, config.smpp().window()), runnable -> {
            Thread thread = new Thread(runnable, "sms-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        store.recoverInterrupted();
    }

    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }

    @Scheduled(every = "${sms.sender.interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() throws InterruptedException {
        if (!gateway.isBound()) {
            return;
        }
        if (interrupted.get()) {
            // No send of this instance runs now: the previous round waited for all of its sends.
            store.recoverInterrupted();
            interrupted.set(false);
            Log.info("Recovered the SMS whose sending was interrupted");
        }
        List<UUID> due = store.claimDue(config.sender().batchSize());
        List<Future<?>> running = new ArrayList<>();
        for (UUID id : due) {
            running.add(workers.submit(() -> send(id)));
        }
        for (Future<?> future : running) {
            try {
                future.get(5, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                Log.error("Sending an SMS failed unexpectedly", e);
            }
        }
    }

    @Scheduled(every = "${sms.in-doubt.check-interval}", delayed = "5s")
    void resolveInDoubt() {
        store.resolveInDoubt();
    }

    private void send(UUID id) {
        try {
            java.util.Optional<MessageStore.Outgoing> message = store.load(id);
            if (message.isPresent()) {
                sendParts(message.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Log.errorf(e, "Sending SMS %s failed; it will be retried", id);
            try {
                store.retryLater(id, "Internal error while sending", true);
            } catch (RuntimeException again) {
                // The database is likely unreachable: the message stays SENDING until the next round recovers it.
                interrupted.set(true);
                Log.warnf("Could not record the failure of SMS %s (%s); the next round recovers it", id,
                        again.getClass().getSimpleName());
            }
        }
    }

    private void sendParts(MessageStore.Outgoing message) throws InterruptedException {
        // The concatenation reference comes from the id, so that a resend keeps the reference of the first attempt.
        int reference = (int) (message.id().getLeastSignificantBits() & 0xFF);
        SmsEncoding.Encoded encoded = SmsEncoding.encode(message.text(), reference);
        boolean udhi = encoded.partCount() > 1;
        for (SmsPart part : message.queuedParts()) {
            store.partSending(part.id);
            SubmitOutcome outcome = gateway.submit(message.sender(), message.destination(), encoded.dataCoding(),
                    encoded.parts().get(part.seq - 1), udhi, part.userReference);
            switch (outcome.result()) {
                case ACCEPTED -> {
                    store.partSubmitted(part.id, outcome.smscMessageId());
                    partsSubmitted.increment();
                }
                case NOT_SENT -> {
                    store.partNotSent(part.id);
                    store.retryLater(message.id(), outcome.error(), false);
                    return;
                }
                case TEMPORARY_ERROR -> {
                    store.partNotSent(part.id);
                    store.retryLater(message.id(), outcome.error(), true);
                    return;
                }
                case REJECTED -> {
                    store.rejected(message.id(), part.id, outcome.error());
                    return;
                }
                case IN_DOUBT -> {
                    store.inDoubt(message.id(), outcome.error());
                    return;
                }
            }
        }
        store.submitted(message.id());
        messagesSubmitted.increment();
    }
}
