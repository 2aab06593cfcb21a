package pk.childhelpline.referral.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

import pk.childhelpline.referral.queue.EscalationJob;
import pk.childhelpline.referral.queue.Referral;
import pk.childhelpline.referral.queue.ReferralStatus;
import pk.childhelpline.referral.support.Database;
import pk.childhelpline.referral.support.Fixtures;
import pk.childhelpline.referral.support.NotificationStub;
import pk.childhelpline.referral.support.TestReports;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = NotificationStub.class, restrictToAnnotatedClass = false)
class ConsolePagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final String CSRF_COOKIE = "csrf_referral";

    @Inject
    Fixtures fixtures;

    @Inject
    EscalationJob escalationJob;

    @AfterEach
    void notificationUp() {
        NotificationStub.down = false;
    }

    /** The CSRF cookie, token and referral version of a referral page, as a browser would post them back. */
    private record Form(String cookie, String token, long version) {

        static Form of(UUID referral) {
            Response page = given().when().get("/console/referrals/" + referral);
            page.then().statusCode(200);
            String html = page.asString();
            Matcher token = CSRF.matcher(html);
            assertTrue(token.find(), "the page has a CSRF token");
            Matcher version = VERSION.matcher(html);
            return new Form(page.getCookie(CSRF_COOKIE), token.group(1),
                    version.find() ? Long.parseLong(version.group(1)) : -1);
        }

        Response post(UUID referral, String action, String... fields) {
            // Browsers send forms in the page's encoding, UTF-8.
            var request = given().redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8").cookie(CSRF_COOKIE, cookie)
                    .formParam("csrf-token", token).formParam("version", version);
            for (int i = 0; i < fields.length; i += 2) {
                request.formParam(fields[i], fields[i + 1]);
            }
            return request.when().post("/console/referrals/" + referral + "/" + action);
        }
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void queueShowsOwnOfficeOnly() {
        UUID own = fixtures.fileOne("PB", "NEGLECT", "LOW");
        UUID other = fixtures.fileOne("SD", "NEGLECT", "LOW");

        given().queryParam("status", "ANY").when().get("/console/queue")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("/console/referrals/" + own))
                .body(not(containsString("/console/referrals/" + other)))
                .body(containsString("<html lang=\"en\" dir=\"ltr\">"))
                .body(containsString("nhri-pb"));
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void queueHidesFinishedByDefault() {
        UUID resolved = fixtures.fileOne("PB", "NEGLECT", "LOW");
        given().when().post("/api/referrals/" + resolved + "/claim").then().statusCode(200);
        given().contentType("application/json").body("{\"outcome\": \"CHILD_SAFE\"}")
                .when().post("/api/referrals/" + resolved + "/resolve").then().statusCode(200);

        given().queryParam("size", 1000).when().get("/console/queue")
                .then().statusCode(200).body(not(containsString("/console/referrals/" + resolved)));
        given().queryParam("status", "ANY").when().get("/console/queue")
                .then().statusCode(200).body(containsString("/console/referrals/" + resolved));
        given().queryParam("status", "RESOLVED").when().get("/console/queue")
                .then().statusCode(200).body(containsString("/console/referrals/" + resolved))
                .body(containsString("<option value=\"RESOLVED\" selected>"));
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void queueMarksOverdueInText() {
        List<Referral> late = fixtures.file(TestReports.Case.random(), "PB", List.of("NEGLECT"), "LOW", false,
                Instant.now().minus(Duration.ofDays(30)));

        String html = given().queryParam("overdue", "true").when().get("/console/queue")
                .then().statusCode(200).extract().asString();

        assertTrue(html.contains("data-referral=\"" + late.get(0).id + "\""), "overdue referral listed");
        assertTrue(html.contains("OVERDUE"), "overdue marked in text");
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void pagesSendSecurityHeaders() {
        given().when().get("/console/queue")
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void operatorGetsForbiddenPage() {
        for (String path : List.of("/console", "/console/queue", "/console/queues", "/console/escalations",
                "/console/sms", "/console/referrals/" + UUID.randomUUID())) {
            given().when().get(path)
                    .then().statusCode(403).contentType(startsWith("text/html"))
                    .body(containsString("Access denied"));
        }
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void otherOfficeReferralIsNotFound() {
        UUID other = fixtures.fileOne("SD", "NEGLECT", "LOW");

        given().when().get("/console/referrals/" + other)
                .then().statusCode(404).contentType(startsWith("text/html")).body(containsString("Not found"));
        given().when().get("/console/referrals/not-a-uuid")
                .then().statusCode(404).contentType(startsWith("text/html"));
        given().when().get("/console/supervisor-only")
                .then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void switchesToUrdu() {
        given().redirects().follow(false).queryParam("status", "ANY").queryParam("lang", "ur")
                .when().get("/console/queue")
                .then().statusCode(303)
                .header("Location", endsWith("/console/queue?status=ANY"))
                .cookie("console_lang", "ur")
                .header("Set-Cookie", containsString("Path=/console"))
                .header("Set-Cookie", containsString("SameSite=Lax"));

        given().cookie("console_lang", "ur").when().get("/console/queue")
                .then().statusCode(200)
                .body(containsString("<html lang=\"ur\" dir=\"rtl\">"))
                .body(containsString("میری قطار"))
                .body(containsString("<option value=\"OPEN\" selected>"))
                .body(containsString("href=\"/console/queue?lang=en\""));

        UUID id = fixtures.fileOne("PB", "NEGLECT", "IMMEDIATE_DANGER");
        given().cookie("console_lang", "ur").when().get("/console/referrals/" + id)
                .then().statusCode(200)
                .body(containsString("<html lang=\"ur\" dir=\"rtl\">"))
                .body(containsString(">اپنے ذمے لیں</button>"))
                .body(containsString("<dd>فوری خطرہ</dd>"))
                .body(containsString("<p class=\"narrative\" dir=\"auto\">"));
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void formPostNeedsCsrfToken() {
        UUID id = fixtures.fileOne("PB", "NEGLECT", "LOW");
        Form form = Form.of(id);

        given().redirects().follow(false).formParam("version", form.version())
                .when().post("/console/referrals/" + id + "/claim")
                .then().statusCode(400).body(containsString("The form was not accepted"));
        given().redirects().follow(false).cookie(CSRF_COOKIE, form.cookie()).formParam("csrf-token", "forged")
                .formParam("version", form.version())
                .when().post("/console/referrals/" + id + "/claim")
                .then().statusCode(400);

        assertEquals(ReferralStatus.PENDING, Database.referral(id).status);
    }

    @Test
    void switchesLanguageOnEncodedPath() {
        given().redirects().follow(false).urlEncodingEnabled(false)
                .when().get("/console/a%20b%0aforged?lang=en")
                .then().statusCode(303)
                .header("Location", endsWith("/console/a%20b%0aforged"));
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void rejectsFormFromOtherOrigin() {
        UUID id = fixtures.fileOne("PB", "NEGLECT", "LOW");
        Form form = Form.of(id);

        given().redirects().follow(false).header("Origin", "http://127.0.0.1:13999")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").cookie(CSRF_COOKIE, form.cookie())
                .formParam("csrf-token", form.token()).formParam("version", form.version())
                .when().post("/console/referrals/" + id + "/claim")
                .then().statusCode(403).body(containsString("another site"));

        assertEquals(ReferralStatus.PENDING, Database.referral(id).status);
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void savesLongUrduNote() {
        UUID id = fixtures.fileOne("PB", "NEGLECT", "LOW");
        String note = "ب".repeat(1900);

        Form.of(id).post(id, "notes", "text", note).then().statusCode(303);

        assertEquals(note, Database.notes(id).get(0));
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void claimsStartsAndResolves() {
        UUID id = fixtures.fileOne("PB", "CHILD_MARRIAGE", "HIGH");

        Form.of(id).post(id, "claim").then().statusCode(303)
                .header("Location", containsString("/console/referrals/" + id + "?done=claim"));
        Form.of(id).post(id, "start").then().statusCode(303);
        Form.of(id).post(id, "notes", "text", "بچی کے والد سے بات ہوئی، school visit kal.").then().statusCode(303);
        Form.of(id).post(id, "resolve", "outcome", "CHILD_SAFE", "reason", "Nikah roka gaya").then().statusCode(303);

        Referral referral = Database.referral(id);
        assertEquals(ReferralStatus.RESOLVED, referral.status);
        assertEquals("CHILD_SAFE", referral.outcome);
        assertEquals(List.of("PENDING", "ACCEPTED", "IN_PROGRESS", "RESOLVED"),
                Database.historyOf(id).stream().map(entry -> entry.toStatus).toList());
        given().when().get("/console/referrals/" + id)
                .then().statusCode(200)
                .body(containsString("dir=\"auto\">بچی کے والد سے بات ہوئی، school visit kal.</p>"))
                .body(containsString("Nikah roka gaya"))
                .body(containsString("<dd>Child safe</dd>"))
                .body(containsString("id=\"note-text\" name=\"text\" dir=\"auto\" rows=\"3\" maxlength=\"2000\" autofocus"))
                .body(not(containsString("/console/referrals/" + id + "/claim")));
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void invalidFormShowsFieldErrorsAndKeepsInput() {
        UUID id = fixtures.fileOne("PB", "NEGLECT", "LOW");
        Form.of(id).post(id, "claim").then().statusCode(303);
        Form form = Form.of(id);

        form.post(id, "resolve", "outcome", "", "reason", "Family visited twice").then().statusCode(400)
                .contentType(startsWith("text/html"))
                .body(containsString("href=\"#resolve-outcome\""))
                .body(containsString("id=\"resolve-outcome\" name=\"outcome\" aria-invalid=\"true\""))
                .body(containsString(">Family visited twice</textarea>"));
        form.post(id, "reject", "reason", " ").then().statusCode(400)
                .body(containsString(
                        "id=\"reject-reason\" name=\"reason\" dir=\"auto\" rows=\"2\" maxlength=\"2000\" aria-invalid=\"true\""));
        form.post(id, "transfer", "destination", "").then().statusCode(400)
                .body(containsString("href=\"#transfer-destination\""));

        assertEquals(ReferralStatus.ACCEPTED, Database.referral(id).status);
        assertEquals(2, Database.historyOf(id).size());
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void stalePageChangesNothing() {
        UUID id = fixtures.fileOne("PB", "NEGLECT", "LOW");
        Form stale = Form.of(id);
        stale.post(id, "claim").then().statusCode(303);

        stale.post(id, "reject", "reason", "Not ours").then().statusCode(409)
                .body(containsString("Someone else changed this referral, reload"));

        assertEquals(ReferralStatus.ACCEPTED, Database.referral(id).status);
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void concurrentClaimsShowReloadMessage() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                UUID id = fixtures.fileOne("PB", "PHYSICAL_VIOLENCE", "HIGH");
                Form form = Form.of(id);
                CountDownLatch start = new CountDownLatch(1);
                Callable<Response> claim = () -> {
                    start.await();
                    return form.post(id, "claim");
                };
                List<Future<Response>> results = List.of(pool.submit(claim), pool.submit(claim));
                start.countDown();
                List<Response> responses = new ArrayList<>();
                for (Future<Response> result : results) {
                    responses.add(result.get());
                }
                responses.sort(Comparator.comparingInt(Response::statusCode));

                assertEquals(303, responses.get(0).statusCode(), "round " + round);
                assertEquals(409, responses.get(1).statusCode(), "round " + round);
                assertTrue(responses.get(1).asString().contains("Someone else changed this referral, reload"),
                        "round " + round);
                assertEquals(2, Database.historyOf(id).size(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void disallowedActionChangesNothing() {
        UUID id = fixtures.fileOne("PB", "NEGLECT", "LOW");
        Form.of(id).post(id, "claim").then().statusCode(303);

        Form.of(id).post(id, "claim").then().statusCode(409)
                .body(containsString("This action is not allowed while the referral&#39;s status is"))
                .body(containsString("<strong>Accepted</strong>"));

        assertEquals(2, Database.historyOf(id).size());
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void transfersToAnotherQueue() {
        UUID id = fixtures.fileOne("PB", "NEGLECT", "LOW");

        Form.of(id).post(id, "transfer", "destination", "nhri/SD", "reason", "Family moved to Karachi")
                .then().statusCode(303);

        Referral referral = Database.referral(id);
        assertEquals(ReferralStatus.TRANSFERRED, referral.status);
        Referral moved = Database.referralsOf(referral.caseId).stream().filter(r -> id.equals(r.transferredFrom))
                .findFirst().orElseThrow();
        assertEquals("SD", moved.office);
        given().when().get("/console/referrals/" + moved.id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void supervisorSeesEveryQueueAndEscalations() {
        UUID sindh = fixtures.fileOne("SD", "NEGLECT", "LOW");
        List<Referral> late = fixtures.file(TestReports.Case.random(), "KP", List.of("NEGLECT"), "LOW", false,
                Instant.now().minus(Duration.ofDays(30)));
        escalationJob.escalateOverdue();
        assertEquals(ReferralStatus.ESCALATED, Database.referral(late.get(0).id).status);

        given().redirects().follow(false).when().get("/console").then().statusCode(303)
                .header("Location", containsString("/console/queues"));
        given().queryParam("organisation", "nhri").queryParam("office", "SD").queryParam("size", 1000)
                .when().get("/console/queues")
                .then().statusCode(200).body(containsString("/console/referrals/" + sindh));
        given().when().get("/console/escalations")
                .then().statusCode(200)
                .body(containsString("/console/referrals/" + late.get(0).id))
                .body(not(containsString("/console/referrals/" + sindh)));
        given().when().get("/console/referrals/" + sindh)
                .then().statusCode(200).body(containsString("/console/sms?reference="));
        given().when().get("/console/queue").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void showsSmsHistoryWithoutNumbers() {
        String html = given().queryParam("reference", "K7M2-9XQ4-T").when().get("/console/sms")
                .then().statusCode(200).extract().asString();

        assertTrue(html.contains("id=\"sms-history\""), "history table shown");
        assertTrue(html.contains("1 Oct 2026, 12:51 PKT"), "time in Asia/Karachi");
        assertTrue(html.contains(">DELIVERED<"), "status shown");
        assertTrue(NotificationStub.lastQuery.contains("reference=K7M2-9XQ4-T"), "asked for the case");
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void smsPageSaysWhenNotificationServiceIsDown() {
        NotificationStub.down = true;

        given().queryParam("reference", "K7M2-9XQ4-T").when().get("/console/sms")
                .then().statusCode(200).body(containsString("id=\"sms-unavailable\""))
                .body(containsString("notification service is not reachable"));
    }

    @Test
    void signedOutPageNeedsNoLogin() {
        given().when().get("/console/signed-out")
                .then().statusCode(200).body(containsString("You have signed out"))
                .body(containsString("href=\"/console\""));
        given().when().get("/console/assets/console.css").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
        given().when().get("/console/assets/fonts/NotoNaskhArabic-Regular.ttf").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void apiTakesJsonWithoutCsrfToken() {
        UUID id = fixtures.fileOne("PB", "NEGLECT", "LOW");

        given().contentType("application/json").body("{}").when().post("/api/referrals/" + id + "/claim")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().when().post("/api/referrals/" + id + "/start")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        given().formParam("text", "A form is not JSON").when().post("/api/referrals/" + id + "/notes")
                .then().statusCode(415).contentType("application/problem+json");

        assertNotNull(Database.referral(id).claimedAt);
    }
}
