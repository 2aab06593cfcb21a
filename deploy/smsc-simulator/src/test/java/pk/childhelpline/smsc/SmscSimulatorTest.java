package pk.childhelpline.smsc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmscSimulatorTest {

    @TempDir
    Path directory;

    private SmscSimulator simulator;
    private SMPPSession client;
    private final List<DeliverSm> delivered = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        simulator = SmscSimulator.start(new SmscSimulator.Options("127.0.0.1", 0, 0,
                directory.resolve("smsc/messages.jsonl"), "helpline", "secret", "1099"));
        client = bind("secret");
    }

    @AfterEach
    void stop() {
        client.unbindAndClose();
        simulator.close();
    }

    @Test
    void recordsSinglePartMessage() throws Exception {
        submit("HLPDESK", "+923001234567", GsmAlphabet.encode("Case K7M2-9XQ4-T {received}").orElseThrow(), 0,
                false);

        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.messages().size() == 1);
        ReceivedMessage message = simulator.messages().get(0);
        assertEquals("Case K7M2-9XQ4-T {received}", message.text());
        assertEquals("+923001234567", message.destination());
        assertEquals(0, message.dataCoding());
        assertEquals(1, message.parts());
        List<String> lines = Files.readAllLines(directory.resolve("smsc/messages.jsonl"), StandardCharsets.UTF_8);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"parts\":1"), lines.get(0));
    }

    @Test
    void keepsMessagesAcrossRestart() throws Exception {
        submit("HLPDESK", "+923001234567", GsmAlphabet.encode("first run").orElseThrow(), 0, false);
        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.messages().size() == 1);
        client.unbindAndClose();
        simulator.close();

        simulator = SmscSimulator.start(new SmscSimulator.Options("127.0.0.1", 0, 0,
                directory.resolve("smsc/messages.jsonl"), "helpline", "secret", "1099"));
        client = bind("secret");

        assertEquals(1, simulator.messages().size());
        assertEquals("first run", simulator.messages().get(0).text());
    }

    @Test
    void reassemblesUrduParts() throws Exception {
        String text = "آپ کی رپورٹ موصول ہو گئی ہے۔ ".repeat(5);
        List<ShortMessages.Segment> segments = ShortMessages.split(text, 42);

        for (ShortMessages.Segment segment : segments) {
            submit("HLPDESK", "923001234567", segment.shortMessage(), 8, segment.udhi());
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.messages().size() == 1);
        assertTrue(segments.size() > 1);
        assertEquals(text, simulator.messages().get(0).text());
        assertEquals(segments.size(), simulator.messages().get(0).parts());
        assertEquals(8, simulator.messages().get(0).dataCoding());
        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == segments.size());
        DeliveryReceiptState state = delivered.get(0).getShortMessageAsDeliveryReceipt().getFinalStatus();
        assertEquals(DeliveryReceiptState.DELIVRD, state);
    }

    @Test
    void answersTemporaryError() throws Exception {
        simulator.failNextSubmits(1, 0x58);

        NegativeResponseException error = assertThrows(NegativeResponseException.class,
                () -> submit("HLPDESK", "923001234567", new byte[]{0x41}, 0, false));

        assertEquals(0x58, error.getCommandStatus());
        assertTrue(simulator.messages().isEmpty());
    }

    @Test
    void rejectsWrongPassword() {
        assertThrows(IOException.class, () -> bind("wrong"));
    }

    @Test
    void deliversIncomingMessageThroughControlApi() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + simulator.controlPort() + "/deliver"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"+923001234567\",\"text\":\"STATUS K7M2 9XQ4 T\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(202, response.statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 1);
        assertEquals("STATUS K7M2 9XQ4 T", GsmAlphabet.decode(delivered.get(0).getShortMessage()));
        assertEquals("923001234567", delivered.get(0).getSourceAddr());
    }

    @Test
    void dropsBind() {
        simulator.dropBinds();

        await().atMost(Duration.ofSeconds(5)).until(() -> !client.getSessionState().isBound());
    }

    private SMPPSession bind(String password) throws IOException {
        SMPPSession session = new SMPPSession();
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                delivered.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                return null;
            }
        });
        session.connectAndBind("127.0.0.1", simulator.port(), new BindParameter(BindType.BIND_TRX, "helpline",
                password, "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        return session;
    }

    private void submit(String source, String destination, byte[] shortMessage, int dataCoding, boolean udhi)
            throws Exception {
        client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, source,
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination.replace("+", ""),
                new ESMClass(udhi ? 0x40 : 0), (byte) 0, (byte) 0, null, null,
                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                new RawDataCoding((byte) dataCoding), (byte) 0, shortMessage);
    }
}
