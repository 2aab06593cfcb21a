package pk.childhelpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

import pk.childhelpline.tools.Stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the officers' and supervisors' console of referral-service in headless Chromium, logging in through the
 * Keycloak page. A Punjab officer finds a Punjab referral in the queue, claims and resolves it. A Sindh officer cannot
 * see it. A supervisor opens every queue, the escalations and the case's SMS history.
 */
@Order(3)
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficerConsoleTest {

    private static final String PASSWORD = "demo-pass";
    /** Written by the operator console's browser test, which runs before this class, with the reference it filed. */
    private static final Path OPERATOR_REFERENCE = Path.of("target/console-report-reference.txt");
    private static final String NARRATIVE = "لاہور میں 12 سالہ لڑکے کو ورکشاپ کا مالک روز مارتا ہے۔ Neighbour says the "
            + "boy works 12 hours a day.";
    /** Queue pages that the officer follows at most while looking for the referral. */
    private static final int MAX_QUEUE_PAGES = 20;

    private Stack stack;
    private String referralUrl;
    private String reference;
    /** Whether this class filed the report itself, so that it can check the narrative, the children and the SMS. */
    private boolean ownReport;
    private UUID referralId;
    private String narrative;

    @BeforeAll
    void fileReport(LocalStack shared) {
        stack = shared.stack();
        referralUrl = stack.url("REFERRAL_URL");
        Optional<String> operators = operatorReference(shared.runDir().resolve("stack.env"));
        ownReport = operators.isEmpty();
        reference = operators.orElseGet(this::fileOwnReport);
        referralId = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> findReferral("nhri-pb"), Optional::isPresent).get();
        narrative = stack.get(referralUrl + "/api/referrals/" + referralId, "nhri-pb", PASSWORD).json()
                .path("report").path("narrative").asText();
    }

    @Test
    @Order(1)
    void consoleNeedsLoginWhileApiAnswers401() {
        Stack.Reply console = stack.send(HttpRequest.newBuilder(URI.create(referralUrl + "/console/queue")).GET().build());
        Stack.Reply api = stack.send(HttpRequest.newBuilder(URI.create(referralUrl + "/api/referrals")).GET().build());

        assertEquals(302, console.status(), "console without a session");
        String location = console.response().headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(stack.url("KEYCLOAK_URL") + "/realms/helpline/protocol/openid-connect/auth"),
                "redirect to Keycloak: " + location);
        assertTrue(location.contains("code_challenge_method=S256"), "PKCE in " + location);
        assertEquals(401, api.status(), "API without a token");
        assertTrue(api.response().headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "problem+json from the API");
    }

    @Test
    @Order(2)
    void punjabOfficerClaimsAndResolves() {
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            driver.get(referralUrl + "/console/queue");
            browser.logIn("nhri-pb", PASSWORD);
            browser.await(By.cssSelector("table.queue, p.empty"));
            new Select(driver.findElement(By.id("priority"))).selectByValue(priorityOfReferral());
            driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();

            WebElement link = findInQueue(browser, reference).orElseThrow(
                    () -> new AssertionError("Referral " + reference + " is not in nhri-pb's queue pages"));
            browser.screenshot("console-officer-queue");
            link.click();

            WebElement narrativeShown = browser.await(By.cssSelector("p.narrative"));
            assertEquals("auto", narrativeShown.getAttribute("dir"));
            assertEquals(narrative.strip(), narrativeShown.getText().strip(), "narrative as filed");
            boolean urdu = narrativeShown.getText().codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
            assertTrue(urdu, "Urdu in the narrative");
            int children = driver.findElements(By.cssSelector("table.children tbody tr")).size();
            if (ownReport) {
                assertEquals(2, children, "children rows");
            } else {
                assertTrue(children >= 1, "children rows");
            }
            browser.screenshot("console-officer-referral");

            driver.findElement(By.id("claim")).click();
            browser.await(By.id("done"));
            assertEquals("ACCEPTED", driver.findElement(By.cssSelector("dd.status")).getAttribute("data-status"));

            new Select(driver.findElement(By.id("resolve-outcome"))).selectByValue("CHILD_SAFE");
            driver.findElement(By.id("resolve-reason")).sendKeys("بچے کو ورکشاپ سے نکال لیا گیا، family counselled.");
            driver.findElement(By.id("resolve")).click();
            browser.await(By.id("done"));
            assertEquals("RESOLVED", driver.findElement(By.cssSelector("dd.status")).getAttribute("data-status"));

            driver.findElement(By.cssSelector("a.language-switch")).click();
            browser.await(By.cssSelector("html[dir=rtl]"));
            driver.get(referralUrl + "/console/queue?status=ANY");
            browser.await(By.cssSelector("html[lang=ur][dir=rtl]"));
            assertTrue(driver.findElement(By.tagName("h1")).getText().contains("قطار"), "Urdu heading");
            browser.screenshot("console-officer-queue-ur");

            driver.findElement(By.cssSelector("a.sign-out")).click();
            browser.await(By.cssSelector("a[href='/console']"));
            assertTrue(driver.getCurrentUrl().startsWith(referralUrl + "/console/signed-out"),
                    "after signing out: " + driver.getCurrentUrl());
        }

        JsonNode referral = stack.get(referralUrl + "/api/referrals/" + referralId, "nhri-pb", PASSWORD).json();
        assertEquals("RESOLVED", referral.path("status").asText());
        assertEquals("CHILD_SAFE", referral.path("outcome").asText());
        List<String> statuses = new ArrayList<>();
        referral.path("history").forEach(entry -> statuses.add(entry.path("toStatus").asText()));
        assertEquals(List.of("PENDING", "ACCEPTED", "RESOLVED"), statuses);
        JsonNode resolved = referral.path("history").get(2);
        assertEquals("nhri-pb", resolved.path("changedBy").asText());
        assertTrue(resolved.path("reason").asText().startsWith("بچے کو ورکشاپ"), "reason as typed");
    }

    @Test
    @Order(3)
    void sindhOfficerDoesNotSeeIt() {
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            driver.get(referralUrl + "/console/queue?status=ANY");
            browser.logIn("nhri-sd", PASSWORD);
            browser.await(By.cssSelector("p.count"));

            assertFalse(driver.getPageSource().contains(referralId.toString()), "referral in nhri-sd's queue page");
            assertFalse(driver.getPageSource().contains(reference), "reference in nhri-sd's queue page");

            driver.get(referralUrl + "/console/referrals/" + referralId);
            WebElement heading = browser.await(By.tagName("h1"));
            assertEquals("Not found", heading.getText());
            assertTrue(driver.findElements(By.cssSelector("p.narrative")).isEmpty(), "report shown to another office");
            assertFalse(driver.getPageSource().contains(narrative.strip()), "narrative shown to another office");
        }
    }

    @Test
    @Order(4)
    void supervisorSeesQueuesEscalationsAndSms() {
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            driver.get(referralUrl + "/console");
            browser.logIn("supervisor1", PASSWORD);
            browser.await(By.cssSelector("form.filters"));
            assertTrue(driver.getCurrentUrl().startsWith(referralUrl + "/console/queues"), driver.getCurrentUrl());
            new Select(driver.findElement(By.id("office"))).selectByValue("PB");
            new Select(driver.findElement(By.id("status"))).selectByValue("RESOLVED");
            driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            browser.await(By.cssSelector("p.count"));
            assertTrue(findInQueue(browser, reference).isPresent(), "resolved referral in the supervisor's filter");
            browser.screenshot("console-supervisor-queues");

            driver.findElement(By.linkText("Escalations")).click();
            assertEquals("Escalated referrals", browser.await(By.tagName("h1")).getText());

            driver.findElement(By.linkText("SMS history")).click();
            browser.await(By.id("reference")).sendKeys(reference);
            driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            browser.await(By.cssSelector("#sms-history, #sms-none, #sms-unavailable"));
            assertTrue(driver.findElements(By.id("sms-unavailable")).isEmpty(), "notification-service reachable");
            if (ownReport) {
                assertFalse(driver.findElements(By.cssSelector("#sms-history tbody tr")).isEmpty(),
                        "the reporter consented, so the case has SMS");
            }
            assertFalse(driver.getPageSource().contains("5554321"), "a phone number on the SMS page");
            browser.screenshot("console-supervisor-sms");
        }
    }

    /** Returns the operator test's reference if that test wrote it for this stack, that is after {@code stackEnv}. */
    private static Optional<String> operatorReference(Path stackEnv) {
        try {
            if (!Files.isReadable(OPERATOR_REFERENCE)
                    || Files.getLastModifiedTime(OPERATOR_REFERENCE).compareTo(Files.getLastModifiedTime(stackEnv)) < 0) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(OPERATOR_REFERENCE).strip()).filter(text -> !text.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + OPERATOR_REFERENCE, e);
        }
    }

    private String fileOwnReport() {
        String body = """
                {"externalId": "CONSOLE-OFFICER-%s", "receivedAt": "2026-10-05T10:15:00+05:00", "channel": "PHONE_CALL",
                 "reporter": {"relationship": "NEIGHBOUR", "name": "Console test", "phone": "+92 300 5554321",
                              "preferredLanguage": "ur", "smsConsent": true, "safeToContact": true},
                 "children": [{"ageYears": 12, "gender": "MALE", "district": "Lahore", "province": "PB"},
                              {"ageYears": 9, "gender": "MALE", "district": "Lahore", "province": "PB"}],
                 "concerns": ["PHYSICAL_VIOLENCE", "CHILD_LABOUR"], "urgency": "IMMEDIATE_DANGER",
                 "legalAidRequested": false, "narrative": "%s",
                 "location": {"district": "Lahore", "province": "PB"}}"""
                .formatted(UUID.randomUUID(), NARRATIVE);
        Stack.Reply filed = stack.postJson(stack.url("HELPLINE_URL") + "/api/reports", body, "operator1", PASSWORD);
        assertEquals(201, filed.status(), "filing the report: " + filed.body());
        return filed.json().path("reference").asText();
    }

    /** Returns the id of the case's referral in the officer's queue, read through the API. */
    private Optional<UUID> findReferral(String officer) {
        JsonNode queue = stack.get(referralUrl + "/api/referrals?size=1000", officer, PASSWORD).json();
        for (JsonNode item : queue.path("items")) {
            if (reference.equals(item.path("reference").asText())) {
                return Optional.of(UUID.fromString(item.path("id").asText()));
            }
        }
        return Optional.empty();
    }

    private String priorityOfReferral() {
        return stack.get(referralUrl + "/api/referrals/" + referralId, "nhri-pb", PASSWORD).json().path("priority")
                .asText();
    }

    /** Looks for the reference's link on the queue page shown, following "Next page" links. */
    private static Optional<WebElement> findInQueue(Browser browser, String reference) {
        WebDriver driver = browser.driver();
        for (int page = 0; page < MAX_QUEUE_PAGES; page++) {
            List<WebElement> links = driver.findElements(By.linkText(reference));
            if (!links.isEmpty()) {
                return Optional.of(links.get(0));
            }
            List<WebElement> next = driver.findElements(By.cssSelector("a[rel=next]"));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            next.get(0).click();
            browser.await(By.cssSelector("p.count"));
        }
        return Optional.empty();
    }
}
