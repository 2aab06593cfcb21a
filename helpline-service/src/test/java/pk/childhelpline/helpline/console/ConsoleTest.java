package pk.childhelpline.helpline.console;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

import pk.childhelpline.helpline.support.Db;
import pk.childhelpline.helpline.support.TestReports;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class ConsoleTest {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern FORM_ID = Pattern.compile("name=\"formId\" value=\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("id=\"case-reference\"[^>]*>([A-Z0-9-]+)<");
    private static final String NARRATIVE = "میرے پڑوس میں ایک بچے کو روز مارا جاتا ہے، Lahore کے قریب";

    @Inject
    DataSource dataSource;

    /** A form page as the browser gets it: the page, its CSRF cookie and token, and its one-time form id. */
    private record FormPage(String html, String cookie, String token, String formId) {
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void rendersFormForOperator() {
        Response response = given().get("/console/reports/new");

        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.asString();
        assertThat(html).contains("<html lang=\"en\" dir=\"ltr\">");
        assertThat(html).contains("Log a call");
        assertThat(html).contains("<legend>Violence</legend>");
        assertThat(html).contains("<legend>Deprivation of primary caregivers</legend>");
        assertThat(html).contains("data-province=\"PB\"");
        assertThat(html).contains("id=\"child-0-age\"").contains("id=\"child-1-age\"");
        assertThat(html).contains("operator1");
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void sendsSecurityHeaders() {
        Response response = given().get("/console/reports/new");

        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'").contains("form-action 'self'");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {@SecurityAttribute(key = "org", value = "nhri"),
            @SecurityAttribute(key = "office", value = "PB")})
    void forbidsOfficer() {
        for (String path : new String[]{"/console/reports/new", "/console/reports", "/console/reports/K7M2-9XQ4-T"}) {
            Response response = given().get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.contentType()).as(path).startsWith("text/html");
            assertThat(response.asString()).as(path).contains("id=\"forbidden\"");
        }
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void forbidsAdmin() {
        Response response = given().get("/console/reports/new");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.asString()).contains("id=\"forbidden\"");
    }

    @Test
    void signedOutPageNeedsNoLogin() {
        Response response = given().get("/console/signed-out");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asString()).contains("id=\"signed-out\"").contains("href=\"/console/reports/new\"");
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void switchesToUrdu() {
        Response switched = given().redirects().follow(false).get("/console/reports/new?lang=ur");

        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.header("Location")).endsWith("/console/reports/new");
        assertThat(switched.header("Set-Cookie")).contains("console_lang=ur").contains("Path=/console")
                .containsIgnoringCase("SameSite=Lax");

        String html = given().cookie("console_lang", "ur").get("/console/reports/new").asString();

        assertThat(html).contains("<html lang=\"ur\" dir=\"rtl\">");
        assertThat(html).contains("کال درج کریں");
        assertThat(html).contains("تشدد");
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void rejectsPostWithoutCsrfToken() {
        long before = reports();

        Response response = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(validForm(UUID.randomUUID().toString())).post("/console/reports");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void filesReportOnceAndShowsReference() {
        FormPage page = openForm();
        long before = reports();

        Response saved = post("/console/reports", page, validForm(page.formId()));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/console/reports/filed/" + page.formId());
        String result = given().get("/console/reports/filed/" + page.formId()).asString();
        Matcher reference = REFERENCE.matcher(result);
        assertThat(reference.find()).as("reference on the result page").isTrue();
        assertThat(reference.group(1)).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]");
        assertThat(reports()).isEqualTo(before + 1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM report_child c JOIN report r ON r.id = c.report_id"
                + " WHERE r.reference = ?", reference.group(1))).isEqualTo(2);
        assertThat(Db.string(dataSource, "SELECT narrative FROM report WHERE reference = ?", reference.group(1)))
                .isEqualTo(NARRATIVE);
        assertThat(Db.string(dataSource, "SELECT created_by FROM report WHERE reference = ?", reference.group(1)))
                .isEqualTo("operator1");

        Response again = post("/console/reports", page, validForm(page.formId()));

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.header("Location")).endsWith("/console/reports/filed/" + page.formId());
        assertThat(reports()).isEqualTo(before + 1);
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void filesLongUrduNarrative() {
        FormPage page = openForm();
        Map<String, String> form = validForm(page.formId());
        String narrative = "پڑوس میں ایک بچے کو روز مارا جاتا ہے۔ ".repeat(200).strip();
        form.put("narrative", narrative);

        Response saved = post("/console/reports", page, form);

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(Db.string(dataSource, "SELECT narrative FROM report WHERE created_by = 'operator1' AND narrative LIKE ?",
                narrative.substring(0, 20) + "%")).isEqualTo(narrative);
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void rejectsFormFromOtherOrigin() {
        FormPage page = openForm();
        long before = reports();
        Map<String, String> withToken = new HashMap<>(validForm(page.formId()));
        withToken.put("csrf-token", page.token());

        Response response = given().redirects().follow(false).header("Origin", "http://127.0.0.1:13999")
                .cookie("csrf-helpline", page.cookie()).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(withToken).post("/console/reports");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void showsPhoneWarning() {
        FormPage page = openForm();
        Map<String, String> form = validForm(page.formId());
        form.put("phone", "042 111 222 333");
        form.put("smsConsent", "true");

        post("/console/reports", page, form);
        String result = given().get("/console/reports/filed/" + page.formId()).asString();

        assertThat(result).contains("id=\"warnings\"").contains("reporter.phone");
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void badFormShowsErrorsAndSavesNothing() {
        FormPage page = openForm();
        Map<String, String> form = validForm(page.formId());
        form.put("child-1-district", "Karachi Central");
        form.remove("concern");
        long before = reports();

        Response response = post("/console/reports", page, form);

        assertThat(response.statusCode()).isEqualTo(400);
        String html = response.asString();
        assertThat(html).contains("id=\"error-summary\"");
        assertThat(html).contains("href=\"#child-1-district\"").contains("children[1].district");
        assertThat(html).contains("href=\"#concerns\"");
        assertThat(html).containsPattern("id=\"child-1-district\" name=\"child-1-district\" aria-invalid=\"true\"");
        assertThat(html).contains(NARRATIVE);
        assertThat(html).contains("value=\"" + page.formId() + "\"");
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void addsChildBlockKeepingInput() {
        FormPage page = openForm();
        Map<String, String> form = validForm(page.formId());
        form.put("action", "add-child");
        long before = reports();

        Response response = post("/console/reports", page, form);

        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.asString();
        assertThat(html).contains("id=\"child-2-age\"");
        assertThat(html).contains("name=\"childCount\" value=\"3\"");
        assertThat(html).contains(NARRATIVE);
        assertThat(html).contains("name=\"child-0-age\" value=\"9\"");
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void listsCasesAndShowsCaseWithNote() {
        FormPage page = openForm();
        post("/console/reports", page, validForm(page.formId()));
        Matcher matcher = REFERENCE.matcher(given().get("/console/reports/filed/" + page.formId()).asString());
        assertThat(matcher.find()).isTrue();
        String reference = matcher.group(1);

        String list = given().queryParam("province", "PB").queryParam("q", reference).get("/console/reports")
                .asString();

        assertThat(list).contains("href=\"/console/reports/" + reference + "\"");
        assertThat(list).contains("1 case(s)");

        FormPage casePage = page("/console/reports/" + reference);
        Response noted = post("/console/reports/" + reference + "/notes", casePage,
                Map.of("text", "Caller rang back; Urdu: بچہ محفوظ ہے"));

        assertThat(noted.statusCode()).isEqualTo(303);
        String html = given().get("/console/reports/" + reference).asString();
        assertThat(html).contains(NARRATIVE);
        assertThat(html).contains("Caller rang back; Urdu: بچہ محفوظ ہے");
        assertThat(html).contains("PKT");
        assertThat(html).containsPattern("<td>9</td><td>Female</td><td>Lahore \\(PB\\)</td>");
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void offersDuplicateAndLinksIt() {
        String first = fileValidReport();
        FormPage page = openForm();
        post("/console/reports", page, validForm(page.formId()));
        String result = given().get("/console/reports/filed/" + page.formId()).asString();
        Matcher matcher = REFERENCE.matcher(result);
        assertThat(matcher.find()).isTrue();
        String second = matcher.group(1);

        assertThat(result).contains("id=\"duplicates\"");
        assertThat(result).contains("name=\"other\" value=\"" + first + "\"");

        FormPage resultPage = page("/console/reports/filed/" + page.formId());
        Response linked = post("/console/reports/" + second + "/links", resultPage, Map.of("other", first));

        assertThat(linked.statusCode()).isEqualTo(303);
        assertThat(linked.header("Location")).contains("/console/reports/" + second);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM report_relation rr JOIN report r ON r.id = rr.report_id"
                + " JOIN report o ON o.id = rr.related_report_id WHERE r.reference = ? AND o.reference = ?"
                + " AND rr.linked_at IS NOT NULL", second, first)).isEqualTo(1);
        assertThat(given().get("/console/reports/" + second).asString()).contains("<strong>Linked</strong>");
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void rejectsLinkToUnknownReport() {
        String reference = fileValidReport();
        FormPage casePage = page("/console/reports/" + reference);

        Response response = post("/console/reports/" + reference + "/links", casePage, Map.of("other", "ZZZZ"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("id=\"other-error\"").contains("value=\"ZZZZ\"");
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void rejectsEmptyNote() {
        FormPage page = openForm();
        post("/console/reports", page, validForm(page.formId()));
        Matcher matcher = REFERENCE.matcher(given().get("/console/reports/filed/" + page.formId()).asString());
        assertThat(matcher.find()).isTrue();
        FormPage casePage = page("/console/reports/" + matcher.group(1));
        long notes = Db.count(dataSource, "SELECT count(*) FROM case_event WHERE kind = 'NOTE'");

        Response response = post("/console/reports/" + matcher.group(1) + "/notes", casePage, Map.of("text", "  "));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("id=\"text-error\"");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM case_event WHERE kind = 'NOTE'")).isEqualTo(notes);
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void showsNotFoundPage() {
        Response response = given().get("/console/reports/AAAA-AAAA-A");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void apiTakesJsonWithoutCsrfToken() {
        long before = reports();

        given().contentType("application/json").body(TestReports.valid().toString()).post("/api/reports").then()
                .statusCode(201);

        assertThat(reports()).isEqualTo(before + 1);
    }

    @Test
    void apiStillAnswersProblemWithoutToken() {
        given().get("/api/reports").then().statusCode(401).contentType("application/problem+json");
    }

    private String fileValidReport() {
        FormPage page = openForm();
        post("/console/reports", page, validForm(page.formId()));
        Matcher matcher = REFERENCE.matcher(given().get("/console/reports/filed/" + page.formId()).asString());
        assertThat(matcher.find()).as("reference on the result page").isTrue();
        return matcher.group(1);
    }

    private FormPage openForm() {
        return page("/console/reports/new");
    }

    private FormPage page(String path) {
        Response response = given().get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        String html = response.asString();
        Matcher token = CSRF_INPUT.matcher(html);
        assertThat(token.find()).as("CSRF token on " + path).isTrue();
        Matcher formId = FORM_ID.matcher(html);
        String cookie = response.getCookie("csrf-helpline");
        assertThat(cookie).as("CSRF cookie of " + path).isNotNull();
        return new FormPage(html, cookie, token.group(1), formId.find() ? formId.group(1) : null);
    }

    private Response post(String path, FormPage page, Map<String, String> fields) {
        Map<String, String> withToken = new HashMap<>(fields);
        withToken.put("csrf-token", page.token());
        return given().redirects().follow(false).cookie("csrf-helpline", page.cookie())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(withToken).post(path);
    }

    private long reports() {
        return Db.count(dataSource, "SELECT count(*) FROM report");
    }

    private static Map<String, String> validForm(String formId) {
        Map<String, String> form = new HashMap<>();
        form.put("formId", formId);
        form.put("childCount", "2");
        form.put("channel", "PHONE_CALL");
        form.put("urgency", "HIGH");
        form.put("concern", "PHYSICAL_VIOLENCE");
        form.put("narrative", NARRATIVE);
        form.put("locationProvince", "PB");
        form.put("locationDistrict", "Lahore");
        form.put("child-0-age", "9");
        form.put("child-0-gender", "FEMALE");
        form.put("child-0-province", "PB");
        form.put("child-0-district", "Lahore");
        form.put("child-1-age", "");
        form.put("child-1-gender", "MALE");
        form.put("child-1-province", "PB");
        form.put("child-1-district", "Kasur");
        form.put("relationship", "NEIGHBOUR");
        form.put("language", "ur");
        form.put("safeToContact", "true");
        return form;
    }
}
