package pk.childhelpline.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import pk.childhelpline.tools.Stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the operator console in Debian's headless Chromium against the shared local stack. An operator logs in
 * through the Keycloak page, files a report with an Urdu narrative and two children, reads the reference, finds the
 * case, switches to Urdu and signs out. The filed reference is written to {@code target/console-report-reference.txt}
 * for later test classes.
 */
@Order(2)
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorConsoleTest {

    private static final String PASSWORD = "demo-pass";
    private static final String NARRATIVE = "میرے پڑوس میں ایک بچے کو روز مارا جاتا ہے، Lahore کے قریب، the father says it is discipline";
    private static final String REFERENCE_FORMAT = "[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]";
    static final Path REFERENCE_FILE = Path.of("target/console-report-reference.txt");

    private Stack stack;
    private String helpline;
    private Browser browser;
    private WebDriver driver;
    private String reference;

    @BeforeAll
    void start(LocalStack shared) {
        stack = shared.stack();
        helpline = stack.url("HELPLINE_URL");
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void consoleRedirectsToKeycloakLogin() {
        driver.get(helpline + "/console");

        browser.await(By.id("username"));
        String loginUrl = driver.getCurrentUrl();
        assertTrue(loginUrl.contains("/realms/helpline/protocol/openid-connect/auth"), loginUrl);
        assertTrue(loginUrl.contains("client_id=helpline-console"), loginUrl);
        assertTrue(loginUrl.contains("code_challenge_method=S256"), loginUrl);

        browser.logIn("operator1", PASSWORD);

        browser.await(By.id("report-form"));
        assertTrue(driver.getCurrentUrl().startsWith(helpline + "/console/reports/new"), driver.getCurrentUrl());
        assertEquals("channel", driver.switchTo().activeElement().getAttribute("id"), "field focused first");
        assertTrue(driver.findElement(By.className("session")).getText().contains("operator1"));
    }

    @Test
    @Order(2)
    void filesReportWithUrduNarrative() throws IOException {
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("urgency", driver.switchTo().activeElement().getAttribute("id"), "Tab from the channel");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("concern-PHYSICAL_VIOLENCE", driver.switchTo().activeElement().getAttribute("id"),
                "Tab from the urgency");
        driver.switchTo().activeElement().sendKeys(Keys.SPACE);
        assertTrue(driver.findElement(By.id("concern-PHYSICAL_VIOLENCE")).isSelected(), "concern checked with Space");
        select("urgency", "HIGH");
        driver.findElement(By.id("narrative")).sendKeys(NARRATIVE);
        select("locationProvince", "PB");
        select("locationDistrict", "Lahore");
        fillChild(0, "9", "FEMALE", "PB", "Lahore");
        fillChild(1, "6", "MALE", "PB", "Kasur");
        select("relationship", "NEIGHBOUR");
        driver.findElement(By.id("phone")).sendKeys("0300 1234567");
        select("language", "ur");
        driver.findElement(By.id("smsConsent")).click();
        driver.findElement(By.id("safeToContact")).click();
        assertEquals(NARRATIVE, driver.findElement(By.id("narrative")).getAttribute("value"));
        screenshotWholePage("console-operator-form");

        driver.findElement(By.id("save")).click();

        reference = browser.await(By.id("case-reference")).getText().strip();
        assertTrue(reference.matches(REFERENCE_FORMAT), "reference " + reference);
        screenshotWholePage("console-operator-reference");
        Files.writeString(REFERENCE_FILE, reference + "\n", StandardCharsets.UTF_8);

        Stack.Reply reply = stack.get(helpline + "/api/reports/" + reference, "operator1", PASSWORD);
        assertEquals(200, reply.status(), reply.body());
        JsonNode report = reply.json();
        assertEquals(NARRATIVE, report.path("narrative").asText());
        assertEquals(2, report.path("children").size(), "children");
        assertEquals("Lahore", report.path("children").path(0).path("district").asText());
        assertEquals("Kasur", report.path("children").path(1).path("district").asText());
        assertEquals("PB", report.path("location").path("province").asText());
        assertEquals("operator1", report.path("createdBy").asText());
        assertEquals("PHYSICAL_VIOLENCE", report.path("concerns").path(0).asText());
    }

    @Test
    @Order(3)
    void caseListFindsReport() {
        assertNotNull(reference, "the report of the previous step");
        driver.findElement(By.cssSelector(".nav a[href='/console/reports']")).click();
        browser.await(By.id("filters"));
        select("province", "PB");
        driver.findElement(By.id("q")).sendKeys(reference);
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();

        browser.await(By.linkText(reference)).click();

        assertEquals(NARRATIVE, browser.await(By.id("narrative")).getText());
        assertEquals(reference, driver.findElement(By.id("report-reference")).getText());
        assertEquals(2, driver.findElements(By.cssSelector("#children tbody tr")).size(), "children rows");
        assertEquals("auto", driver.findElement(By.id("narrative")).getAttribute("dir"));

        driver.findElement(By.id("text")).sendKeys("Called back: بچہ اسکول میں محفوظ ہے");
        driver.findElement(By.id("save-note")).click();

        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions
                .textToBePresentInElementLocated(By.id("timeline"), "Called back: بچہ اسکول میں محفوظ ہے"));
        screenshotWholePage("console-operator-case");
    }

    @Test
    @Order(4)
    void urduLabelsAreRightToLeft() {
        driver.get(helpline + "/console/reports/new?lang=ur");

        browser.await(By.id("report-form"));
        assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("ur", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("کال درج کریں", driver.findElement(By.tagName("h1")).getText());
        Object loadedFaces = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "document.fonts.load('16px \"Noto Naskh Arabic\"', 'کال').then(faces => done(faces.length),"
                        + " () => done(-1));");
        assertTrue(((Number) loadedFaces).intValue() > 0, "Noto Naskh Arabic served and loaded: " + loadedFaces);
        screenshotWholePage("console-operator-form-ur");

        driver.get(helpline + "/console/reports/new?lang=en");
        assertEquals("ltr", browser.await(By.tagName("html")).getAttribute("dir"));
    }

    @Test
    @Order(5)
    void signOutAsksForLoginAgain() {
        browser.await(By.id("sign-out")).click();

        browser.await(By.id("signed-out"));
        assertTrue(driver.getCurrentUrl().startsWith(helpline + "/console/signed-out"), driver.getCurrentUrl());

        driver.get(helpline + "/console/reports/new");

        browser.await(By.id("username"));
        assertTrue(driver.getCurrentUrl().contains("/realms/helpline/protocol/openid-connect/auth"),
                driver.getCurrentUrl());
    }

    @Test
    @Order(6)
    void officerGetsForbiddenPage() {
        driver.get(helpline + "/console/reports/new");
        browser.logIn("nhri-pb", PASSWORD);

        browser.await(By.id("forbidden"));
        assertTrue(driver.getPageSource().contains("nhri-pb"), "the top bar names the signed-in officer");

        browser.await(By.id("sign-out")).click();
        browser.await(By.id("signed-out"));
    }

    @Test
    @Order(7)
    void apiWithoutTokenAnswersProblem() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(helpline + "/api/reports")).GET().build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.headers().firstValue("Location").isEmpty(), "no redirect to the login page");
    }

    /** Saves a screenshot of the whole page: the window grows to the page's height (at most 4000 pixels) and back. */
    private void screenshotWholePage(String name) {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(4000, height + 200)));
        browser.screenshot(name);
        driver.manage().window().setSize(before);
    }

    private void fillChild(int index, String age, String gender, String province, String district) {
        driver.findElement(By.id("child-" + index + "-age")).sendKeys(age);
        select("child-" + index + "-gender", gender);
        select("child-" + index + "-province", province);
        select("child-" + index + "-district", district);
    }

    private void select(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
    }
}
