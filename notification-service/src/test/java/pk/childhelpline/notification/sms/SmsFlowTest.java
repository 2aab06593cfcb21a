package pk.childhelpline.notification.sms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import pk.childhelpline.notification.crypto.Crypto;
import pk.childhelpline.notification.crypto.KeyRing;
import pk.childhelpline.notification.support.SmscTestResource;
import pk.childhelpline.notification.support.TestEvents;
import pk.childhelpline.smsc.ReceiptMode;
import pk.childhelpline.smsc.ReceivedMessage;
import pk.childhelpline.smsc.SmscSimulator;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmscTestResource.class, restrictToAnnotatedClass = false)
class SmsFlowTest {

    private static final String SUBSCRIPTIONS = "notifications.subscriptions.v1";
    private static final String STATUS = "referrals.status.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    @Inject
    MessageStore store;

    @Inject
    OutgoingMessages outgoing;

    @Inject
    Crypto crypto;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final SmscSimulator smsc = SmscTestResource.simulator();

    @AfterEach
    void restoreSimulator() {
        smsc.failNextSubmits(0, 0);
        smsc.loseNextSubmitResponses(0);
        smsc.receiptMode(ReceiptMode.DELIVER);
    }

    @Test
    void sendsReceivedOnSubscription() throws Exception {
        Case c = subscribe("en", true);

        ReceivedMessage sms = awaitMessages(c.number, 1).get(0);

        assertTrue(sms.text().contains(c.reference), sms.text());
        assertTrue(sms.text().contains("1099"), sms.text());
        assertEquals("HELPLINE", sms.source());
        assertEquals(0, sms.dataCoding());
        awaitStatus(c.reference, MessageKind.RECEIVED, MessageStatus.DELIVERED);
    }

    @Test
    void discreetWordingFromNeutralSender() throws Exception {
        Case c = subscribe("en", false);

        ReceivedMessage sms = awaitMessages(c.number, 1).get(0);

        assertEquals("INFO", sms.source());
        String text = sms.text().toLowerCase();
        assertTrue(text.contains(c.reference.toLowerCase()), text);
        assertFalse(text.contains("helpline"), text);
        assertFalse(text.contains("child"), text);
        assertFalse(text.contains("1099"), text);
    }

    @Test
    void appliesStatusBeforeSubscription() throws Exception {
        UUID caseId = UUID.randomUUID();
        String reference = TestEvents.newReference();
        String number = TestEvents.newNumber();

        TestEvents.publish(STATUS, caseId.toString(),
                TestEvents.statusChanged(UUID.randomUUID(), caseId, reference, null, "PENDING", 1, false));
        awaitCaseUpdate(reference);
        TestEvents.publish(SUBSCRIPTIONS, caseId.toString(),
                TestEvents.subscribed(UUID.randomUUID(), caseId, reference, number, "ur-Latn", true));

        List<ReceivedMessage> messages = awaitMessages(number, 2);
        assertTrue(messages.stream().anyMatch(m -> m.text().contains("mil gayi")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.text().contains("bhej di gayi")), messages.toString());
    }

    @Test
    void sendsEachUpdateOnce() throws Exception {
        Case c = subscribe("en", true);
        UUID accepted = UUID.randomUUID();

        publishStatus(c, UUID.randomUUID(), null, "PENDING", 1, false);
        publishStatus(c, UUID.randomUUID(), null, "PENDING", 2, false);
        publishStatus(c, accepted, "PENDING", "ACCEPTED", 2, true);
        publishStatus(c, accepted, "PENDING", "ACCEPTED", 2, true);
        publishStatus(c, UUID.randomUUID(), "ACCEPTED", "RESOLVED", 1, false);
        publishStatus(c, UUID.randomUUID(), "PENDING", "CLOSED", 0, false);
        TestEvents.publish(SUBSCRIPTIONS, c.caseId.toString(),
                TestEvents.subscribed(UUID.randomUUID(), c.caseId, c.reference, c.number, "en", true));
        Case sentinel = subscribeOnKey(c.caseId, "en", true);
        awaitMessages(sentinel.number, 1);
        awaitStatus(c.reference, MessageKind.CLOSED, MessageStatus.DELIVERED);

        List<ReceivedMessage> messages = smscMessagesTo(c.number);
        assertEquals(4, messages.size(), messages.toString());
        assertEquals(List.of("RECEIVED", "REFERRED", "ACCEPTED", "CLOSED"), kindsOf(c.reference));
    }

    @Test
    void longUrduArrivesReassembled() throws Exception {
        Case c = subscribe("ur", true);

        ReceivedMessage sms = awaitMessages(c.number, 1).get(0);
        SmsMessage stored = awaitStatus(c.reference, MessageKind.RECEIVED, MessageStatus.DELIVERED);

        assertEquals(8, sms.dataCoding());
        assertTrue(sms.parts() > 1, "parts: " + sms.parts());
        assertEquals(stored.text, sms.text());
        assertEquals(sms.parts(), stored.parts);
        List<SmsPart> parts = QuarkusTransaction.requiringNew().call(() -> stored.partRows());
        assertEquals(sms.parts(), parts.size());
        for (SmsPart part : parts) {
            assertEquals(MessageStatus.DELIVERED, part.status, "part " + part.seq);
            assertNotNull(part.receiptAt, "part " + part.seq);
        }
    }

    @Test
    void failedPartFailsMessage() throws Exception {
        smsc.receiptMode(ReceiptMode.FAIL);

        Case c = subscribe("ur", true);

        awaitStatus(c.reference, MessageKind.RECEIVED, MessageStatus.FAILED);
    }

    @Test
    void sendsNothingWithoutSubscription() throws Exception {
        UUID caseId = UUID.randomUUID();
        String reference = TestEvents.newReference();
        TestEvents.publish(STATUS, caseId.toString(),
                TestEvents.statusChanged(UUID.randomUUID(), caseId, reference, null, "PENDING", 1, false));
        TestEvents.publish(STATUS, caseId.toString(),
                TestEvents.statusChanged(UUID.randomUUID(), caseId, reference, "PENDING", "ACCEPTED", 1, true));

        Case sentinel = subscribeOnKey(caseId, "en", true);
        TestEvents.publish(STATUS, caseId.toString(), TestEvents.statusChanged(UUID.randomUUID(), caseId,
                sentinel.reference, null, "PENDING", 1, false));
        awaitStatus(sentinel.reference, MessageKind.REFERRED, MessageStatus.DELIVERED);

        assertEquals(List.of(), kindsOf(reference));
    }

    @Test
    void stopEndsMessagesForGood() throws Exception {
        Case c = subscribe("ur-Latn", true);
        awaitMessages(c.number, 1);

        smsc.deliver(c.number, "band karo");
        List<ReceivedMessage> afterStop = awaitMessages(c.number, 2);
        smsc.deliver(c.number, "BAND KARO");
        publishStatus(c, UUID.randomUUID(), null, "PENDING", 1, false);
        TestEvents.publish(SUBSCRIPTIONS, c.caseId.toString(),
                TestEvents.subscribed(UUID.randomUUID(), c.caseId, c.reference, c.number, "en", true));
        Case sentinel = subscribeOnKey(c.caseId, "en", true);
        publishStatus(sentinel, UUID.randomUUID(), null, "PENDING", 1, false);
        awaitStatus(sentinel.reference, MessageKind.REFERRED, MessageStatus.DELIVERED);

        assertTrue(afterStop.get(1).text().contains("nahin milenge"), afterStop.get(1).text());
        assertEquals(2, smscMessagesTo(c.number).size(), smscMessagesTo(c.number).toString());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> pk.childhelpline.notification.subscription.Subscription
                .count("reference", c.reference)));
    }

    @Test
    void answersStatusOnlyToReporter() throws Exception {
        Case c = subscribe("en", true);
        awaitMessages(c.number, 1);
        String stranger = TestEvents.newNumber();
        String typed = "status " + c.reference.toLowerCase().replace("-", " ").replace('1', 'l');

        smsc.deliver(c.number, typed);
        smsc.deliver(stranger, typed);

        List<ReceivedMessage> own = awaitMessages(c.number, 2);
        List<ReceivedMessage> strangers = awaitMessages(stranger, 1);
        assertTrue(own.get(1).text().contains(c.reference), own.get(1).text());
        assertFalse(strangers.get(0).text().contains(c.reference), strangers.get(0).text());
        assertTrue(strangers.get(0).text().contains("could not find"), strangers.get(0).text());
    }

    @Test
    void passesFreeTextToHelpline() throws Exception {
        String number = TestEvents.newNumber();
        String text = "mujhe madad chahiye " + UUID.randomUUID();

        try (KafkaConsumer<String, String> consumer = consumer()) {
            smsc.deliver(number, text);
            smsc.deliver(number, text + " again");

            List<ConsumerRecord<String, String>> events = awaitIncomingEvents(consumer, text, 2);
            JsonNode event = new ObjectMapper().readTree(events.get(0).value());
            JsonNode payload = event.get("payload");
            assertEquals("IncomingSmsReceived", event.get("type").asText());
            assertEquals(events.get(0).key(), payload.get("smsId").asText());
            String from = crypto.transport().decrypt(new KeyRing.Sealed(payload.get("from").get("keyId").asText(),
                    payload.get("from").get("ciphertext").asText()), payload.get("smsId").asText());
            assertEquals(number, from);
        }
        List<ReceivedMessage> acknowledgements = awaitMessages(number, 1);
        assertTrue(acknowledgements.get(0).text().contains("received"), acknowledgements.get(0).text());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> SmsMessage
                .count("destinationHash = ?1 and kind = ?2", crypto.hashNumber(number), MessageKind.INCOMING_ACK)));
    }

    @Test
    void reassemblesLongIncomingSms() throws Exception {
        String number = TestEvents.newNumber();
        String text = "میری مدد کریں، میں بہت پریشان ہوں اور مجھے کسی سے بات کرنی ہے۔ " + UUID.randomUUID();

        try (KafkaConsumer<String, String> consumer = consumer()) {
            int parts = smsc.deliver(number, text);

            List<ConsumerRecord<String, String>> events = awaitIncomingEvents(consumer, text, 1);
            assertTrue(parts > 1, "parts: " + parts);
            assertEquals(text, new ObjectMapper().readTree(events.get(0).value()).get("payload").get("text").asText());
        }
    }

    @Test
    void bindsAgainAfterDrop() throws Exception {
        int binds = smsc.bindCount();

        smsc.dropBinds();
        await().atMost(WAIT).until(() -> smsc.bindCount() > binds && smsc.isBound());
        Case c = subscribe("en", true);

        assertEquals(1, awaitMessages(c.number, 1).size());
    }

    @Test
    void retriesTemporaryErrors() throws Exception {
        smsc.failNextSubmits(2, 0x58);

        Case c = subscribe("en", true);

        awaitMessages(c.number, 1);
        SmsMessage stored = awaitStatus(c.reference, MessageKind.RECEIVED, MessageStatus.DELIVERED);
        assertTrue(stored.attempts >= 2, "attempts: " + stored.attempts);
        assertEquals(1, smscMessagesTo(c.number).size());
    }

    @Test
    void doesNotRetryPermanentRejection() throws Exception {
        smsc.failNextSubmits(1, 0x0B);

        Case c = subscribe("en", true);

        SmsMessage stored = awaitStatus(c.reference, MessageKind.RECEIVED, MessageStatus.REJECTED);
        assertEquals(1, stored.attempts);
        assertTrue(stored.lastError.contains("0x0B"), stored.lastError);
        assertTrue(smscMessagesTo(c.number).isEmpty());
    }

    @Test
    void lostResponseIsSettledByReceipt() throws Exception {
        smsc.loseNextSubmitResponses(1);

        Case c = subscribe("en", true);

        SmsMessage stored = awaitStatus(c.reference, MessageKind.RECEIVED, MessageStatus.DELIVERED);
        assertEquals(0, stored.resendCount);
        assertNotNull(stored.inDoubtSince);
        assertEquals(1, smscMessagesTo(c.number).size());
    }

    @Test
    void interruptedSendResendsOnceAfterWait() throws Exception {
        String number = TestEvents.newNumber();
        UUID incomingId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            outgoing.queueReply(incomingId, MessageKind.INCOMING_ACK, "incoming-ack", "en", false, number,
                    crypto.hashNumber(number), null);
            entityManager.createNativeQuery("UPDATE sms_message SET status = 'SENDING' WHERE reply_to = ?1")
                    .setParameter(1, incomingId).executeUpdate();
            entityManager.createNativeQuery(
                    """
                            UPDATE sms_part SET status = 'SENDING' WHERE message_id = (SELECT id FROM sms_message WHERE reply_to = ?1)""")
                    .setParameter(1, incomingId).executeUpdate();
        });

        store.recoverInterrupted();

        SmsMessage recovered = reply(incomingId);
        assertEquals(MessageStatus.IN_DOUBT, recovered.status);
        assertTrue(smscMessagesTo(number).isEmpty());
        // The test profile waits 2 s for a receipt, then the policy sends the message once more, and only once.
        await().atMost(WAIT).until(() -> reply(incomingId).status == MessageStatus.DELIVERED);
        assertEquals(1, reply(incomingId).resendCount);
        assertEquals(1, smscMessagesTo(number).size());
    }

    @Test
    void receiptSettlesSendInterruptedByRestart() throws Exception {
        String number = TestEvents.newNumber();
        UUID incomingId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            outgoing.queueReply(incomingId, MessageKind.INCOMING_ACK, "incoming-ack", "en", false, number,
                    crypto.hashNumber(number), null);
            entityManager.createNativeQuery("UPDATE sms_message SET status = 'SENDING' WHERE reply_to = ?1")
                    .setParameter(1, incomingId).executeUpdate();
            entityManager.createNativeQuery("UPDATE sms_part SET status = 'SENDING' WHERE message_id = "
                    + "(SELECT id FROM sms_message WHERE reply_to = ?1)")
                    .setParameter(1, incomingId).executeUpdate();
        });
        SmsMessage message = reply(incomingId);
        SmsPart part = QuarkusTransaction.requiringNew().call(() -> message.partRows().get(0));

        // The previous process submitted the part and stopped before it stored the response. A transmitter bind
        // sends that submit here, so the SMSC routes the receipt to the service's transceiver bind.
        SMPPSession previousProcess = new SMPPSession();
        previousProcess.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TX, "helpline",
                "testpass", "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        try {
            previousProcess.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                    message.senderId, TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, number.substring(1),
                    new ESMClass(0), (byte) 0, (byte) 0, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    new RawDataCoding((byte) 0), (byte) 0, SmsEncoding.encode(message.text).parts().get(0),
                    new OptionalParameter.User_message_reference((short) part.userReference));
        } finally {
            previousProcess.unbindAndClose();
        }
        store.recoverInterrupted();

        await().atMost(WAIT).until(() -> reply(incomingId).status == MessageStatus.DELIVERED);
        assertEquals(0, reply(incomingId).resendCount);
        assertEquals(1, smscMessagesTo(number).size());
    }

    @Test
    void sendsUnreadableEventToDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();
        String unknownType = "{\"type\":\"SomethingNew\",\"version\":1,\"eventId\":\"" + UUID.randomUUID()
                + "\",\"payload\":{}}";

        TestEvents.publish(SUBSCRIPTIONS, key, "not json " + key);
        TestEvents.publish(SUBSCRIPTIONS, key, unknownType);

        try (KafkaConsumer<String, String> consumer = consumer(SUBSCRIPTIONS + ".dlq")) {
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        dead.add(r);
                    }
                });
                return dead.size() >= 2;
            });
            assertEquals("not json " + key, dead.get(0).value());
            assertEquals(SUBSCRIPTIONS, new String(dead.get(0).headers().lastHeader("dlq-source-topic").value()));
            assertNotNull(dead.get(1).headers().lastHeader("dlq-reason"));
        }
    }

    private record Case(UUID caseId, String reference, String number) {
    }

    private Case subscribe(String language, boolean safeToContact) throws Exception {
        return subscribeOnKey(UUID.randomUUID(), language, safeToContact);
    }

    private Case subscribeOnKey(UUID key, String language, boolean safeToContact) throws Exception {
        Case c = new Case(key, TestEvents.newReference(), TestEvents.newNumber());
        TestEvents.publish(SUBSCRIPTIONS, key.toString(),
                TestEvents.subscribed(UUID.randomUUID(), key, c.reference, c.number, language, safeToContact));
        return c;
    }

    private void publishStatus(Case c, UUID eventId, String from, String to, int open, boolean firstAcceptance)
            throws Exception {
        TestEvents.publish(STATUS, c.caseId.toString(),
                TestEvents.statusChanged(eventId, c.caseId, c.reference, from, to, open, firstAcceptance));
    }

    private List<ReceivedMessage> smscMessagesTo(String number) {
        return smsc.messages().stream().filter(m -> number.equals(m.destination())).toList();
    }

    private List<ReceivedMessage> awaitMessages(String number, int count) {
        await().atMost(WAIT).until(() -> smscMessagesTo(number).size() >= count);
        return smscMessagesTo(number);
    }

    private SmsMessage awaitStatus(String reference, MessageKind kind, MessageStatus status) {
        await().atMost(WAIT).until(() -> {
            SmsMessage message = message(reference, kind);
            return message != null && message.status == status;
        });
        return message(reference, kind);
    }

    private void awaitCaseUpdate(String reference) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM case_update WHERE reference = ?1").setParameter(1, reference)
                .getSingleResult()).longValue() > 0));
    }

    private SmsMessage message(String reference, MessageKind kind) {
        return QuarkusTransaction.requiringNew().call(
                () -> SmsMessage.<SmsMessage>find("reference = ?1 and kind = ?2", reference, kind).firstResult());
    }

    private SmsMessage reply(UUID incomingId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> SmsMessage.<SmsMessage>find("replyTo", incomingId).firstResult());
    }

    private List<String> kindsOf(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> SmsMessage
                .<SmsMessage>find("reference = ?1 order by kind", reference).stream()
                .map(m -> m.kind).sorted().map(Enum::name).toList());
    }

    private KafkaConsumer<String, String> consumer() {
        return consumer("helpline.incoming-sms.v1");
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private List<ConsumerRecord<String, String>> awaitIncomingEvents(KafkaConsumer<String, String> consumer,
            String text, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value().contains(text)) {
                    found.add(record);
                }
            }
            return found.size() >= count;
        });
        return found;
    }
}
