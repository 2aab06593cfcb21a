package pk.childhelpline.notification.sms;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The transceiver bind to the SMSC (jsmpp). A background thread binds, and binds again with exponential back-off
 * whenever the session is lost; jsmpp sends enquire_link at the configured interval. Submits share the session: at most
 * {@code window} are outstanding at once, and a token bucket paces them to the configured rate. Receipts and incoming
 * SMS arrive through the listener given at bind.
 */
@ApplicationScoped
public class SmppGateway {

    /** Command statuses after which the same submit may succeed later. */
    private static final Set<Integer> TEMPORARY_STATUSES = Set.of(SMPPConstant.STAT_ESME_RTHROTTLED,
            SMPPConstant.STAT_ESME_RMSGQFUL, SMPPConstant.STAT_ESME_RSYSERR, SMPPConstant.STAT_ESME_RX_T_APPN);

    private final SmsConfig.Smpp config;
    private final MessageReceiverListener receiver;
    private final Semaphore window;
    private final AtomicInteger bound = new AtomicInteger();
    private final Object signal = new Object();
    private final TokenBucket bucket;
    private volatile SMPPSession session;
    private volatile boolean running;
    private Thread binder;

    public SmppGateway(SmsConfig config, DeliverSmReceiver receiver, MeterRegistry registry) {
        this.config = config.smpp();
        this.receiver = receiver;
        this.window = new Semaphore(Math.max(1, this.config.window()), true);
        this.bucket = TokenBucket.system(this.config.ratePerSecond());
        registry.gauge("sms.smpp.bound", bound);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("SMPP is disabled; outgoing SMS stay queued");
            return;
        }
        running = true;
        binder = new Thread(this::keepBound, "smpp-binder");
        binder.setDaemon(true);
        binder.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (binder != null) {
            binder.interrupt();
        }
        SMPPSession current = session;
        if (current != null) {
            current.unbindAndClose();
        }
    }

    /** Returns whether the session is bound and can submit. */
    public boolean isBound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isTransmittable();
    }

    /**
     * Sends one part as submit_sm with registered delivery. Blocks for a window slot, a token and the response.
     *
     * @param userReference sent as user_message_reference, so that a receipt can be matched when the response is lost
     */
    public SubmitOutcome submit(String sender, String destination, int dataCoding, byte[] shortMessage, boolean udhi,
            int userReference) throws InterruptedException {
        if (!window.tryAcquire(config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            return SubmitOutcome.of(SubmitOutcome.Result.NOT_SENT, "The submit window stayed full");
        }
        try {
            bucket.acquire();
            SMPPSession current = session;
            if (current == null || !current.getSessionState().isTransmittable()) {
                return SubmitOutcome.of(SubmitOutcome.Result.NOT_SENT, "Not bound to the SMSC");
            }
            return send(current, sender, destination, dataCoding, shortMessage, udhi, userReference);
        } finally {
            window.release();
        }
    }

    private SubmitOutcome send(SMPPSession current, String sender, String destination, int dataCoding,
            byte[] shortMessage, boolean udhi, int userReference) {
        boolean alphanumeric = !sender.matches("\\+?[0-9]+");
        try {
            SubmitSmResult result = current.submitShortMessage("",
                    alphanumeric ? TypeOfNumber.ALPHANUMERIC : TypeOfNumber.UNKNOWN,
                    alphanumeric ? NumberingPlanIndicator.UNKNOWN : NumberingPlanIndicator.ISDN, sender,
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination.replace("+", ""),
                    new ESMClass(udhi ? 0x40 : 0), (byte) 0, (byte) 0, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    new RawDataCoding((byte) dataCoding), (byte) 0, shortMessage,
                    new OptionalParameter.User_message_reference((short) userReference));
            return SubmitOutcome.accepted(result.getMessageId());
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            String error = String.format("SMSC answered command status 0x%02X", status);
            return SubmitOutcome.of(TEMPORARY_STATUSES.contains(status)
                    ? SubmitOutcome.Result.TEMPORARY_ERROR
                    : SubmitOutcome.Result.REJECTED, error);
        } catch (ResponseTimeoutException | InvalidResponseException e) {
            return SubmitOutcome.of(SubmitOutcome.Result.IN_DOUBT, "No valid submit_sm response: " + e.getMessage());
        } catch (IOException e) {
            // The request may have been written before the connection failed, so its fate is unknown.
            return SubmitOutcome.of(SubmitOutcome.Result.IN_DOUBT, "Connection failed during submit_sm");
        } catch (PDUException e) {
            return SubmitOutcome.of(SubmitOutcome.Result.REJECTED, "Invalid submit_sm: " + e.getMessage());
        }
    }

    private void keepBound() {
        long delay = config.reconnectMinDelay().toMillis();
        while (running) {
            SMPPSession current = session;
            if (current != null && current.getSessionState().isBound()) {
                waitForSignal(1000);
                continue;
            }
            bound.set(0);
            if (current != null) {
                current.close();
                session = null;
                Log.warn("Lost the SMPP bind; binding again");
            }
            try {
                session = bind();
                bound.set(1);
                delay = config.reconnectMinDelay().toMillis();
                Log.infof("Bound to the SMSC at %s:%d as transceiver", config.host(), config.port());
            } catch (IOException e) {
                Log.warnf("Binding to the SMSC at %s:%d failed, retrying in %d ms: %s", config.host(), config.port(),
                        delay, e.getMessage());
                waitForSignal(delay);
                delay = Math.min(delay * 2, config.reconnectMaxDelay().toMillis());
            }
        }
    }

    private SMPPSession bind() throws IOException {
        SMPPSession next = new SMPPSession();
        next.setEnquireLinkTimer((int) config.enquireLinkInterval().toMillis());
        next.setTransactionTimer(config.responseTimeout().toMillis());
        next.setMessageReceiverListener(receiver);
        next.addSessionStateListener((newState, oldState, source) -> {
            if (!newState.isBound()) {
                synchronized (signal) {
                    signal.notifyAll();
                }
            }
        });
        try {
            next.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(),
                    config.password(), config.systemType().orElse(""), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    null));
        } catch (IOException e) {
            next.close();
            throw e;
        }
        return next;
    }

    private void waitForSignal(long millis) {
        synchronized (signal) {
            try {
                signal.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
