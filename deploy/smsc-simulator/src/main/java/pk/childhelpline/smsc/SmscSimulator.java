package pk.childhelpline.smsc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An SMS centre for the local stack and for tests: the server side of SMPP 3.4 (jsmpp) on a loopback address. It
 * accepts binds with one system id and password, responds to submit_sm with message ids, sends a delivery receipt
 * (deliver_sm with esm_class 0x04) for every part that asked for one, reassembles concatenated messages and keeps each
 * complete message (and appends it to the messages file, when one is set). {@link #deliver} sends an incoming SMS to
 * the bound client, as a handset would.
 *
 * <p>
 * For tests it can also misbehave on request: drop every bind, answer the next submits with a temporary error, lose the
 * next submit responses (the message is taken but the connection closes before the response), and fail, expire,
 * reject or withhold receipts.
 */
public final class SmscSimulator implements AutoCloseable {

    /** Listening addresses, credentials and output file of a simulator. {@code controlPort} 0 picks a free port, -1 disables the API. */
    public record Options(String host, int port, int controlPort, Path messagesFile, String systemId, String password,
            String serviceNumber) {

        /** Options for an in-process test: random SMPP port, no control API, no messages file. */
        public static Options forTests(String systemId, String password) {
            return new Options("127.0.0.1", 0, -1, null, systemId, password, "1099");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SmscSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RECEIPT_RETRY_MILLIS = 200;
    private static final int RECEIPT_MAX_ATTEMPTS = 300;

    private final Options options;
    private final LoopbackServerConnectionFactory connections;
    private final SMPPServerSessionListener listener;
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("smsc-worker"));
    private final ScheduledExecutorService receipts = Executors.newScheduledThreadPool(2, daemon("smsc-receipt"));
    private final Set<SMPPServerSession> boundSessions = ConcurrentHashMap.newKeySet();
    private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
    private final Map<String, PendingPart[]> incompleteMessages = new ConcurrentHashMap<>();
    private final Map<String, PendingReceipt> pendingReceipts = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger submitCount = new AtomicInteger();
    private final AtomicInteger receiptCount = new AtomicInteger();
    private final AtomicInteger bindCount = new AtomicInteger();
    private final AtomicInteger temporaryErrorsLeft = new AtomicInteger();
    private final AtomicInteger lostResponsesLeft = new AtomicInteger();
    private final AtomicInteger deliverReference = new AtomicInteger();
    private volatile int temporaryErrorStatus = SMPPConstant.STAT_ESME_RTHROTTLED;
    private volatile ReceiptMode receiptMode = ReceiptMode.DELIVER;
    private volatile boolean running = true;
    private final ControlApi controlApi;

    private SmscSimulator(Options options) throws IOException {
        // SMPP 3.4 limits system_id to 15 characters and password to 8 (C-octet strings of 16 and 9 octets).
        if (options.systemId().length() > 15 || options.password().length() > 8) {
            throw new IllegalArgumentException("The system id may have at most 15 characters and the password 8");
        }
        this.options = options;
        this.connections = new LoopbackServerConnectionFactory(InetAddress.getByName(options.host()));
        this.listener = new SMPPServerSessionListener(options.port(), connections);
        listener.setMessageReceiverListener(new Receiver());
        listener.setResponseDeliveryListener(new ResponseListener());
        listener.setSessionStateListener(this::onStateChange);
        workers.execute(this::acceptBinds);
        this.controlApi = options.controlPort() >= 0
                ? ControlApi.start(this, options.host(), options.controlPort())
                : null;
        LOG.info("SMSC simulator listening for SMPP on {}:{}", options.host(), port());
    }

    /** Starts a simulator; it listens until {@link #close()}. */
    public static SmscSimulator start(Options options) throws IOException {
        return new SmscSimulator(options);
    }

    /** Returns the SMPP port, which is the one the system chose when the options requested port 0. */
    public int port() {
        return connections.localPort();
    }

    /** Returns the HTTP control port, or -1 when the control API is off. */
    public int controlPort() {
        return controlApi == null ? -1 : controlApi.port();
    }

    /** Returns every complete message received since start (or since {@link #reset()}), oldest first. */
    public List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    /** Returns the number of submit_sm PDUs received, counting parts one by one and rejected ones too. */
    public int submitCount() {
        return submitCount.get();
    }

    /** Returns the number of delivery receipts sent. */
    public int receiptCount() {
        return receiptCount.get();
    }

    /** Returns the number of successful binds since start. */
    public int bindCount() {
        return bindCount.get();
    }

    /** Returns whether a client is bound that can receive a deliver_sm. */
    public boolean isBound() {
        return boundSessions.stream().anyMatch(session -> receives(session.getSessionState()));
    }

    /** Closes the connection of every bound client, as an SMSC restart would. */
    public void dropBinds() {
        for (SMPPServerSession session : List.copyOf(boundSessions)) {
            boundSessions.remove(session);
            session.close();
        }
        LOG.info("Dropped every bind");
    }

    /** Answers the next {@code count} submit_sm with {@code commandStatus} (for example 0x58 throttled, 0x14 queue full). */
    public void failNextSubmits(int count, int commandStatus) {
        temporaryErrorStatus = commandStatus;
        temporaryErrorsLeft.set(count);
    }

    /** Accepts the next {@code count} submit_sm but closes the connection instead of sending their responses. */
    public void loseNextSubmitResponses(int count) {
        lostResponsesLeft.set(count);
    }

    /** Sets what happens to the receipts of later submits. */
    public void receiptMode(ReceiptMode mode) {
        this.receiptMode = mode;
    }

    /** Forgets received messages and counters and restores normal behaviour; binds stay. */
    public void reset() {
        messages.clear();
        incompleteMessages.clear();
        submitCount.set(0);
        receiptCount.set(0);
        temporaryErrorsLeft.set(0);
        lostResponsesLeft.set(0);
        receiptMode = ReceiptMode.DELIVER;
    }

    /**
     * Delivers an incoming SMS from {@code from} (E.164, with or without the plus sign) to the bound client, split into
     * concatenated parts when it is long.
     *
     * @return the number of parts delivered
     * @throws IllegalStateException when no client is bound to receive it
     * @throws IOException when the client did not take every part
     */
    public int deliver(String from, String text) throws IOException {
        SMPPServerSession session = boundSessions.stream().filter(s -> receives(s.getSessionState())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No client is bound to receive the message"));
        int dataCoding = ShortMessages.dataCodingFor(text);
        List<ShortMessages.Segment> segments = ShortMessages.split(text,
                deliverReference.incrementAndGet() & 0xFF);
        String source = from.startsWith("+") ? from.substring(1) : from;
        for (ShortMessages.Segment segment : segments) {
            try {
                session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, source,
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, options.serviceNumber(),
                        new ESMClass(segment.udhi() ? 0x40 : 0), (byte) 0, (byte) 0, new RegisteredDelivery(0),
                        new RawDataCoding((byte) dataCoding), segment.shortMessage());
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("The client did not accept the deliver_sm: " + e.getMessage(), e);
            }
        }
        LOG.info("Delivered an incoming message in {} part(s)", segments.size());
        return segments.size();
    }

    @Override
    public void close() {
        running = false;
        if (controlApi != null) {
            controlApi.stop();
        }
        for (SMPPServerSession session : List.copyOf(boundSessions)) {
            session.close();
        }
        try {
            listener.close();
        } catch (IOException e) {
            LOG.warn("Closing the SMPP listener failed", e);
        }
        receipts.shutdownNow();
        workers.shutdownNow();
    }

    private void acceptBinds() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                workers.execute(() -> bind(session));
            } catch (IOException e) {
                if (running) {
                    LOG.warn("Accepting an SMPP connection failed", e);
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            if (!options.systemId().equals(request.getSystemId())) {
                request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
                LOG.warn("Rejected a bind with an unknown system id");
            } else if (!options.password().equals(request.getPassword())) {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                LOG.warn("Rejected a bind with a wrong password");
            } else {
                request.accept(options.systemId(), InterfaceVersion.IF_34);
                boundSessions.add(session);
                bindCount.incrementAndGet();
                LOG.info("Accepted a {} bind, session {}", request.getBindType(), session.getSessionId());
            }
        } catch (TimeoutException e) {
            LOG.warn("No bind request within 5 s; closing the connection");
            session.close();
        } catch (IOException | PDUStringException | IllegalStateException e) {
            LOG.warn("Answering a bind request failed", e);
            session.close();
        }
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (!newState.isBound() && source instanceof SMPPServerSession session) {
            boundSessions.remove(session);
        }
    }

    private static boolean receives(SessionState state) {
        return state == SessionState.BOUND_RX || state == SessionState.BOUND_TRX;
    }

    private SubmitSmResult acceptSubmit(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        submitCount.incrementAndGet();
        if (temporaryErrorsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new ProcessRequestException("Simulated temporary error", temporaryErrorStatus);
        }
        String messageId = HexFormat.of().formatHex(randomBytes());
        takePart(submit);
        if ((submit.getRegisteredDelivery() & 0x03) != 0) {
            OptionalParameter userReference = submit.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE);
            pendingReceipts.put(messageId, new PendingReceipt(session, submit.getSourceAddr(),
                    address(submit.getDestAddrTon(), submit.getDestAddress()), Instant.now(), userReference));
        }
        if (lostResponsesLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            LOG.info("Losing the response to submit {} by closing the connection", messageId);
            boundSessions.remove(session);
            session.close();
            PendingReceipt pending = pendingReceipts.remove(messageId);
            if (pending != null) {
                scheduleReceipt(messageId, pending, 1);
            }
            throw new ProcessRequestException("Simulated lost response", SMPPConstant.STAT_ESME_RSYSERR);
        }
        try {
            return new SubmitSmResult(new MessageId(messageId), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("Invalid message id", SMPPConstant.STAT_ESME_RSYSERR, e);
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }

    private void takePart(SubmitSm submit) {
        int dataCoding = submit.getDataCoding() & 0xFF;
        String source = address(submit.getSourceAddrTon(), submit.getSourceAddr());
        String destination = address(submit.getDestAddrTon(), submit.getDestAddress());
        byte[] shortMessage = submit.getShortMessage() == null ? new byte[0] : submit.getShortMessage();
        ShortMessages.UserData userData = ShortMessages.userData(shortMessage, submit.isUdhi());
        Optional<ShortMessages.Concatenation> concatenation = userData.concatenation().filter(c -> c.total() > 1);
        if (concatenation.isEmpty()) {
            record(source, destination, ShortMessages.decode(userData.payload(), dataCoding), dataCoding, 1);
            return;
        }
        ShortMessages.Concatenation c = concatenation.get();
        if (c.sequence() < 1 || c.sequence() > c.total()) {
            LOG.warn("Ignoring a part with sequence {} of {}", c.sequence(), c.total());
            return;
        }
        // NOTE: incomplete messages stay in memory until the simulator stops; a real SMSC would expire them.
        String key = source + '|' + destination + '|' + c.reference() + '|' + c.total();
        PendingPart[] parts = incompleteMessages.computeIfAbsent(key, k -> new PendingPart[c.total()]);
        synchronized (parts) {
            parts[c.sequence() - 1] = new PendingPart(userData.payload(), dataCoding);
            for (PendingPart part : parts) {
                if (part == null) {
                    return;
                }
            }
            incompleteMessages.remove(key);
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (PendingPart part : parts) {
            payload.writeBytes(part.payload());
        }
        record(source, destination, ShortMessages.decode(payload.toByteArray(), dataCoding), dataCoding, c.total());
    }

    private static String address(byte ton, String address) {
        boolean international = ton == TypeOfNumber.INTERNATIONAL.value();
        return international && address != null && !address.startsWith("+") ? "+" + address : address;
    }

    private void record(String source, String destination, String text, int dataCoding, int parts) {
        ReceivedMessage message = new ReceivedMessage(Instant.now().toString(), source, destination, text,
                dataCoding, parts);
        messages.add(message);
        if (options.messagesFile() != null) {
            appendToFile(message);
        }
        LOG.info("Received a message in {} part(s), data_coding {}", parts, dataCoding);
    }

    private synchronized void appendToFile(ReceivedMessage message) {
        try {
            Path file = options.messagesFile();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, JSON.writeValueAsString(message) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.error("Appending a message to the messages file failed", e);
        }
    }

    private void scheduleReceipt(String messageId, PendingReceipt pending, int attempt) {
        if (!running || receiptMode == ReceiptMode.WITHHOLD) {
            return;
        }
        long delay = attempt == 1 ? 20 : RECEIPT_RETRY_MILLIS;
        receipts.schedule(() -> sendReceipt(messageId, pending, attempt), delay, TimeUnit.MILLISECONDS);
    }

    private void sendReceipt(String messageId, PendingReceipt pending, int attempt) {
        SMPPServerSession session = receives(pending.session().getSessionState())
                ? pending.session()
                : boundSessions.stream().filter(s -> receives(s.getSessionState())).findFirst().orElse(null);
        if (session == null) {
            if (attempt < RECEIPT_MAX_ATTEMPTS) {
                scheduleReceipt(messageId, pending, attempt + 1);
            } else {
                LOG.warn("Dropped the receipt for {}: no client bound", messageId);
            }
            return;
        }
        DeliveryReceiptState state = switch (receiptMode) {
            case FAIL -> DeliveryReceiptState.UNDELIV;
            case EXPIRE -> DeliveryReceiptState.EXPIRED;
            case REJECT -> DeliveryReceiptState.REJECTD;
            default -> DeliveryReceiptState.DELIVRD;
        };
        MessageState messageState = switch (state) {
            case UNDELIV -> MessageState.UNDELIVERABLE;
            case EXPIRED -> MessageState.EXPIRED;
            case REJECTD -> MessageState.REJECTED;
            default -> MessageState.DELIVERED;
        };
        DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0,
                Date.from(pending.submittedAt()), new Date(), state, state == DeliveryReceiptState.DELIVRD ? "000" : "001",
                "");
        List<OptionalParameter> parameters = new ArrayList<>();
        parameters.add(new OptionalParameter.Receipted_message_id(messageId));
        parameters.add(new OptionalParameter.Message_state(messageState.value()));
        if (pending.userReference() != null) {
            parameters.add(pending.userReference());
        }
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                    stripPlus(pending.handset()), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, pending.sender(),
                    new ESMClass(0x04), (byte) 0, (byte) 0, new RegisteredDelivery(0), new RawDataCoding((byte) 0),
                    receipt.toString().getBytes(StandardCharsets.US_ASCII), parameters.toArray(new OptionalParameter[0]));
            receiptCount.incrementAndGet();
        } catch (Exception e) {
            if (attempt < RECEIPT_MAX_ATTEMPTS && running) {
                LOG.warn("Sending the receipt for {} failed; retrying", messageId, e);
                scheduleReceipt(messageId, pending, attempt + 1);
            }
        }
    }

    private static String stripPlus(String address) {
        return address != null && address.startsWith("+") ? address.substring(1) : address;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record PendingPart(byte[] payload, int dataCoding) {
    }

    private record PendingReceipt(SMPPServerSession session, String sender, String handset, Instant submittedAt,
            OptionalParameter userReference) {
    }

    /** Handles the PDUs of bound clients. Every command but submit_sm is rejected as unsupported. */
    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            return acceptSubmit(submitSm, source);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw unsupported();
        }

        private ProcessRequestException unsupported() {
            return new ProcessRequestException("Not supported by the simulator", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    /** Sends the receipt of a submit once its response is on the wire, so the client knows the id first. */
    private final class ResponseListener implements ServerResponseDeliveryListener {

        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
            PendingReceipt pending = pendingReceipts.remove(result.getMessageId());
            if (pending != null) {
                scheduleReceipt(result.getMessageId(), pending, 1);
            }
        }

        @Override
        public void onSubmitSmRespError(SubmitSmResult result, Exception e, SMPPServerSession source) {
            onSubmitSmRespSent(result, source);
        }

        @Override
        public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {
        }

        @Override
        public void onSubmitMultiRespError(SubmitMultiResult result, Exception e, SMPPServerSession source) {
        }
    }
}
