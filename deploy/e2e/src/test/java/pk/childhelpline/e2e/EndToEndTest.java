package pk.childhelpline.e2e;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import pk.childhelpline.tools.DefaultRoutes;
import pk.childhelpline.tools.Replay;
import pk.childhelpline.tools.Stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the sample reports through a whole local stack of the test's own (Keycloak, Kafka, PostgreSQL, the SMSC
 * simulator and the three services, started with deploy/local/up) and checks the outcome for each party: the queues, the
 * SMS at the SMSC, officers' actions and their SMS, STATUS and STOP by SMS, office isolation and incoming SMS.
 */
@Order(1)
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    private static final String PASSWORD = "demo-pass";
    private static final Map<Integer, String> INVALID_LINES = Map.of(111, "concerns", 126, "children[0].ageYears", 169,
            "children[0].district", 190, "urgency", 238, "narrative");
    /** Words that a discreet SMS must not contain, in English, Roman Urdu and Urdu script. */
    private static final List<String> TELLTALE_WORDS = List.of("child", "abuse", "helpline", "report", "nhri",
            "commission", "legal", "case", "bach", "shikayat", "madadgar", "بچ", "شکایت", "ہیلپ", "زیادتی", "کمیشن");

    private LocalStack local;
    private Stack stack;
    private Replay.Result replay;

    @BeforeAll
    void useStack(LocalStack shared) {
        local = shared;
        stack = local.stack();
    }

    @Test
    @Order(1)
    void sampleIsAcceptedOrRejectedAsMarked() {
        Replay.Options options = new Replay.Options(local.root().resolve("deploy/local/sample/reports.jsonl"), 25,
                Duration.ofSeconds(180), stack, "operator1", "supervisor1", PASSWORD, false);

        replay = Replay.run(options, new PrintStream(OutputStream.nullOutputStream()));

        assertEquals(235, replay.accepted().size(), "accepted reports");
        Set<Integer> rejectedLines = replay.rejected().stream().map(Replay.Filed::line)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(INVALID_LINES.keySet()), rejectedLines, "rejected lines");
        for (Replay.Filed rejected : replay.rejected()) {
            String field = INVALID_LINES.get(rejected.line());
            assertEquals(400, rejected.status(), "status of line " + rejected.line());
            assertTrue(rejected.problems().stream().anyMatch(problem -> problem.startsWith(field)),
                    "line " + rejected.line() + " should name " + field + " but got " + rejected.problems());
        }
        assertEquals(List.of(), replay.missing(), "referrals and SMS still missing after the grace period");
    }

    @Test
    @Order(2)
    void routesEveryReportByDefaultRules() {
        Map<String, List<JsonNode>> referrals = replay.referralsByReference();
        for (Replay.Filed filed : replay.accepted()) {
            Set<String> queues = referrals.getOrDefault(filed.reference(), List.of()).stream().map(Replay::queueOf)
                    .collect(Collectors.toCollection(TreeSet::new));

            assertEquals(DefaultRoutes.queuesFor(filed.report()), queues, "queues of " + filed.externalId());
        }
    }

    @Test
    @Order(3)
    void sendsOneReceivedSmsPerConsentingReporter() {
        List<Replay.Sms> sms = Replay.fetchSms(stack);
        for (Replay.Filed filed : replay.accepted()) {
            JsonNode reporter = filed.report().path("reporter");
            Optional<String> mobile = Replay.expectedMobile(filed);
            List<Replay.Sms> withReference = sms.stream().filter(message -> message.text().contains(filed.reference()))
                    .toList();
            if (mobile.isEmpty()) {
                assertEquals(List.of(), withReference, "SMS about " + filed.externalId() + ", which may not get any");
                continue;
            }
            // Only the "received" message of each language contains the STOP instruction.
            List<Replay.Sms> received = withReference.stream()
                    .filter(message -> Replay.sameNumber(message.destination(), mobile.get()))
                    .filter(message -> message.text().contains("STOP")).toList();
            assertEquals(1, received.size(), "received SMS for " + filed.externalId());
            Replay.Sms message = received.get(0);
            boolean urdu = "ur".equals(reporter.path("preferredLanguage").asText());
            assertEquals(urdu ? 8 : 0, message.dataCoding(), "data coding for " + filed.externalId());
            if (reporter.path("safeToContact").asBoolean()) {
                assertEquals("HELPLINE", message.source(), "sender of " + filed.externalId());
            } else {
                assertEquals("INFO", message.source(), "discreet sender of " + filed.externalId());
                String text = message.text().replace(filed.reference(), "").toLowerCase();
                for (String word : TELLTALE_WORDS) {
                    assertFalse(text.contains(word), "discreet SMS for " + filed.externalId() + " contains '" + word + "'");
                }
            }
        }
    }

    @Test
    @Order(4)
    void officerClaimAndResolveCauseSms() {
        Replay.Filed filed = pickReport("PB", Set.of("NHRI PB"), 0);
        String mobile = Replay.expectedMobile(filed).orElseThrow();
        JsonNode referral = referralOf(filed.reference(), "nhri-pb");

        Stack.Reply claim = stack.postJson(referralUrl(referral) + "/claim", "{}", "nhri-pb", PASSWORD);
        Stack.Reply resolve = stack.postJson(referralUrl(referral) + "/resolve", "{\"outcome\":\"CHILD_SAFE\"}", "nhri-pb",
                PASSWORD);

        assertEquals(200, claim.status(), claim.body());
        assertEquals(200, resolve.status(), resolve.body());
        assertEquals("RESOLVED", resolve.json().path("status").asText());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertTrue(delivered(filed.reference()).containsAll(
                        Set.of("RECEIVED", "REFERRED", "ACCEPTED", "CLOSED")),
                        "delivered SMS kinds of " + filed.reference()
                                + ": " + delivered(filed.reference())));
        List<String> kinds = messageKinds(filed.reference());
        assertEquals(4, kinds.size(), "messages of the case: " + kinds);
        List<Replay.Sms> atSmsc = smsTo(mobile).stream().filter(sms -> sms.text().contains(filed.reference())).toList();
        assertEquals(4, atSmsc.size(), "SMS at the SMSC for the case");
    }

    @Test
    @Order(5)
    void statusRequestIsAnsweredAndStopEndsMessages() {
        Replay.Filed filed = pickReport("PB", Set.of("NHRI PB"), 1);
        String mobile = Replay.expectedMobile(filed).orElseThrow();
        int before = smsTo(mobile).size();

        local.script("sms-send", 60, mobile, "status " + filed.reference().toLowerCase().replace("-", " "));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> smsTo(mobile).size() > before);
        int afterStatus = smsTo(mobile).size();

        local.script("sms-send", 60, mobile, "STOP");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> smsTo(mobile).size() > afterStatus);
        int afterStop = smsTo(mobile).size();
        JsonNode referral = referralOf(filed.reference(), "nhri-pb");
        assertEquals(200, stack.postJson(referralUrl(referral) + "/claim", "{}", "nhri-pb", PASSWORD).status());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> timelineHasStatus(filed.reference(), "ACCEPTED"));
        // The timeline shows that the status event went through Kafka. notification-service reads the same topic, so
        // it gets the same time again before the check that it sent nothing.
        await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);

        assertFalse(messageKinds(filed.reference()).contains("ACCEPTED"), "an accepted SMS was created after STOP");
        assertEquals(afterStop, smsTo(mobile).size(), "SMS after STOP");
    }

    @Test
    @Order(6)
    void officerCannotReadOtherOfficesReferral() {
        Replay.Filed filed = pickReport("PB", Set.of("NHRI PB"), 2);
        JsonNode referral = referralOf(filed.reference(), "nhri-pb");

        Stack.Reply foreign = stack.get(referralUrl(referral), "nhri-sd", PASSWORD);
        JsonNode queue = stack.get(stack.url("REFERRAL_URL") + "/api/referrals?size=1000", "nhri-sd", PASSWORD).json();

        assertTrue(foreign.status() == 404 || foreign.status() == 403, "status " + foreign.status());
        assertTrue(queue.path("total").asLong() > 0, "nhri-sd's queue is empty");
        for (JsonNode item : queue.path("items")) {
            assertEquals("NHRI SD", Replay.queueOf(item), "queue of nhri-sd holds " + item.path("reference").asText());
        }
    }

    @Test
    @Order(7)
    void freeTextSmsReachesOperators() {
        String text = "Mujhe madad chahiye, ghar mein maar peet hoti hai";

        local.script("sms-send", 60, "+923005550199", text);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode list = stack.get(stack.url("HELPLINE_URL") + "/api/incoming-sms?size=100", "operator1", PASSWORD).json();
            List<String> texts = new ArrayList<>();
            list.path("items").forEach(item -> texts.add(item.path("text").asText()));
            return texts.contains(text);
        });
    }

    /** Picks the n-th accepted report of a province that consented to SMS, is safe to contact and has these queues. */
    private Replay.Filed pickReport(String province, Set<String> queues, int n) {
        List<Replay.Filed> candidates = replay.accepted().stream()
                .filter(filed -> province.equals(filed.report().path("location").path("province").asText()))
                .filter(filed -> filed.report().path("reporter").path("safeToContact").asBoolean())
                .filter(filed -> Replay.expectedMobile(filed).isPresent())
                .filter(filed -> DefaultRoutes.queuesFor(filed.report()).equals(queues)).toList();
        assertTrue(candidates.size() > n, "too few sample reports for this check");
        return candidates.get(n);
    }

    private JsonNode referralOf(String reference, String officer) {
        JsonNode queue = stack.get(stack.url("REFERRAL_URL") + "/api/referrals?size=1000", officer, PASSWORD).json();
        for (JsonNode item : queue.path("items")) {
            if (reference.equals(item.path("reference").asText())) {
                return item;
            }
        }
        throw new AssertionError("No referral of " + reference + " in the queue of " + officer);
    }

    private String referralUrl(JsonNode referral) {
        String id = referral.path("id").asText();
        assertNotNull(id);
        return stack.url("REFERRAL_URL") + "/api/referrals/" + id;
    }

    private List<Replay.Sms> smsTo(String mobile) {
        return Replay.fetchSms(stack).stream().filter(sms -> Replay.sameNumber(sms.destination(), mobile)).toList();
    }

    private List<String> messageKinds(String reference) {
        JsonNode page = stack.get(stack.url("NOTIFICATION_URL") + "/api/messages?size=100&reference=" + reference,
                "supervisor1", PASSWORD).json();
        List<String> kinds = new ArrayList<>();
        page.path("items").forEach(item -> kinds.add(item.path("kind").asText()));
        return kinds;
    }

    private Set<String> delivered(String reference) {
        JsonNode page = stack.get(stack.url("NOTIFICATION_URL") + "/api/messages?size=100&reference=" + reference,
                "supervisor1", PASSWORD).json();
        Set<String> kinds = new TreeSet<>();
        for (JsonNode item : page.path("items")) {
            if ("DELIVERED".equals(item.path("status").asText())) {
                kinds.add(item.path("kind").asText());
            }
        }
        return kinds;
    }

    private boolean timelineHasStatus(String reference, String status) {
        JsonNode timeline = stack.get(stack.url("HELPLINE_URL") + "/api/reports/" + reference + "/timeline?size=100",
                "operator1", PASSWORD).json();
        for (JsonNode entry : timeline.path("items")) {
            if (status.equals(entry.path("toStatus").asText())) {
                return true;
            }
        }
        return false;
    }
}
