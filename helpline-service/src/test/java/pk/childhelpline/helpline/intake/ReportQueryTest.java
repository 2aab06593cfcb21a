package pk.childhelpline.helpline.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

import pk.childhelpline.helpline.outbox.Topics;
import pk.childhelpline.helpline.support.Db;
import pk.childhelpline.helpline.support.TestReports;
import pk.childhelpline.helpline.support.TopicReader;
import pk.childhelpline.helpline.support.TransportKeys;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static pk.childhelpline.helpline.support.TestReports.child;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "operator1", roles = "operator")
class ReportQueryTest {

    @Inject
    DataSource dataSource;

    @Test
    void readsReportWithoutContactDetails() {
        ObjectNode report = TestReports.valid();
        String reference = file(report);

        given().get("/api/reports/" + reference.toLowerCase().replace("-", " ")).then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("externalId", equalTo(report.path("externalId").asText()))
                .body("status", equalTo("RECEIVED"))
                .body("receivedAt", equalTo("2026-11-20T10:15:00+05:00"))
                .body("reporter.hasName", equalTo(true))
                .body("reporter.name", nullValue())
                .body("reporter.phone", nullValue())
                .body("reporter.smsEnabled", equalTo(true));
    }

    @Test
    void recordsContactRead() {
        String reference = file(TestReports.valid());

        given().get("/api/reports/" + reference + "/contact").then().statusCode(200)
                .body("name", equalTo("Test Caller"))
                .body("phone", equalTo("+923001234567"));

        assertThat(Db.count(dataSource, "SELECT count(*) FROM contact_read c JOIN report r ON r.id = c.report_id"
                + " WHERE r.reference = ? AND c.read_by = 'operator1'", reference)).isEqualTo(1);
        String stored = Db.string(dataSource, "SELECT reporter_phone_enc FROM report WHERE reference = ?", reference);
        assertThat(stored).startsWith("test1:").doesNotContain("923001234567");
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void listsContactReadsForSupervisor() {
        String reference = file(TestReports.valid());
        given().get("/api/reports/" + reference + "/contact").then().statusCode(200);

        given().get("/api/reports/" + reference + "/contact-reads").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].readBy", equalTo("supervisor1"));
    }

    @Test
    void forbidsContactReadsForOperator() {
        String reference = file(TestReports.valid());

        given().get("/api/reports/" + reference + "/contact-reads").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void answersNotFoundForUnknownReference() {
        given().get("/api/reports/0000-0000-0").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().get("/api/reports/not-a-reference").then().statusCode(404);
    }

    @Test
    void filtersList() {
        ObjectNode report = TestReports.valid();
        child(report, 0).put("district", "Gwadar").put("province", "BA");
        ((ObjectNode) report.get("location")).put("district", "Gwadar").put("province", "BA");
        report.putArray("concerns").add("BONDED_LABOUR");
        report.put("urgency", "LOW");
        report.put("receivedAt", "2026-06-01T09:00:00+05:00");
        String reference = file(report);

        given().queryParam("district", "gwadar").queryParam("concern", "BONDED_LABOUR").queryParam("urgency", "LOW")
                .queryParam("province", "Balochistan").queryParam("receivedFrom", "2026-06-01T00:00:00+05:00")
                .queryParam("receivedTo", "2026-06-02T00:00:00+05:00").get("/api/reports")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.reference", contains(reference));
        given().queryParam("q", reference.substring(0, 6)).get("/api/reports").then().statusCode(200)
                .body("items.reference", hasItem(reference));
        given().queryParam("q", report.path("externalId").asText()).get("/api/reports").then().statusCode(200)
                .body("total", equalTo(1));
        given().queryParam("district", "Gwadar").queryParam("urgency", "HIGH").get("/api/reports").then()
                .statusCode(200).body("total", equalTo(0));
        given().queryParam("size", 1).queryParam("page", 0).get("/api/reports").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void pagesReportsReceivedAtSameTimeWithoutRepeats() {
        Set<String> filed = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            ObjectNode report = TestReports.valid();
            child(report, 0).put("district", "Panjgur").put("province", "BA");
            ((ObjectNode) report.get("location")).put("district", "Panjgur").put("province", "BA");
            report.put("receivedAt", "2026-05-10T11:00:00+05:00");
            filed.add(file(report));
        }

        List<String> listed = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            listed.addAll(given().queryParam("district", "Panjgur").queryParam("size", 2).queryParam("page", page)
                    .get("/api/reports").then().statusCode(200).extract().<List<String>>path("items.reference"));
        }

        assertThat(listed).hasSize(7).containsExactlyInAnyOrderElementsOf(filed);
    }

    @Test
    void filtersByChildHomeProvince() {
        ObjectNode report = TestReports.valid();
        child(report, 0).put("district", "Ghizer").put("province", "GB");
        String reference = file(report);

        given().queryParam("province", "GB").queryParam("size", 1000).get("/api/reports").then().statusCode(200)
                .body("items.reference", hasItem(reference));
        given().queryParam("province", "AJK").queryParam("size", 1000).get("/api/reports").then().statusCode(200)
                .body("items.reference", not(hasItem(reference)));
    }

    @Test
    void rejectsBadFilters() {
        given().queryParam("urgency", "SOON").get("/api/reports").then().statusCode(400)
                .body("errors[0].field", equalTo("urgency"));
        given().queryParam("size", 1001).get("/api/reports").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().queryParam("receivedFrom", "yesterday").get("/api/reports").then().statusCode(400)
                .body("errors[0].field", equalTo("receivedFrom"));
    }

    @Test
    void flagsAndLinksPossibleDuplicate() {
        ObjectNode first = TestReports.valid();
        child(first, 0).put("district", "Hunza").put("province", "GB").put("ageYears", 12);
        ((ObjectNode) first.get("location")).put("district", "Hunza").put("province", "GB");
        first.putArray("concerns").add("TRAFFICKING").add("ABDUCTION");
        String firstReference = file(first);
        ObjectNode second = first.deepCopy();
        second.put("externalId", first.path("externalId").asText() + "-b");
        second.put("receivedAt", "2026-11-21T08:00:00+05:00");
        child(second, 0).put("ageYears", 13);
        second.putArray("concerns").add("ABDUCTION");

        String secondReference = given().contentType(ContentType.JSON).body(second.toString()).post("/api/reports")
                .then().statusCode(201)
                .body("possibleDuplicates.reference", contains(firstReference))
                .extract().path("reference");

        given().queryParam("district", "Hunza").get("/api/reports").then().statusCode(200)
                .body("items.find { it.reference == '" + firstReference + "' }.possibleDuplicate", equalTo(true));
        given().contentType(ContentType.JSON).body("{\"reference\": \"" + firstReference + "\"}")
                .post("/api/reports/" + secondReference + "/links").then().statusCode(200)
                .body("related.find { it.reference == '" + firstReference + "' }.linked", equalTo(true));
        given().get("/api/reports/" + firstReference).then().statusCode(200)
                .body("related.find { it.reference == '" + secondReference + "' }.linked", equalTo(true));
        given().get("/api/reports/" + firstReference + "/timeline").then().statusCode(200)
                .body("items.kind", hasItem("LINKED"));
    }

    @Test
    void skipsDuplicateOfOtherGender() {
        ObjectNode first = TestReports.valid();
        child(first, 0).put("district", "Astore").put("province", "GB");
        ((ObjectNode) first.get("location")).put("district", "Astore").put("province", "GB");
        file(first);
        ObjectNode second = first.deepCopy();
        child(second, 0).put("gender", "MALE");

        given().contentType(ContentType.JSON).body(second.toString()).post("/api/reports")
                .then().statusCode(201)
                .body("possibleDuplicates", equalTo(List.of()));
    }

    @Test
    void flagsDuplicateByChildHomeDistrict() {
        ObjectNode first = TestReports.valid();
        child(first, 0).put("district", "Ghizer").put("province", "GB").put("ageYears", 9);
        ((ObjectNode) first.get("location")).put("district", "Gilgit").put("province", "GB");
        first.putArray("concerns").add("CHILD_LABOUR");
        String firstReference = file(first);
        ObjectNode second = first.deepCopy();
        second.put("externalId", first.path("externalId").asText() + "-b");
        ((ObjectNode) second.get("location")).put("district", "Skardu").put("province", "GB");
        child(second, 0).put("ageYears", 11);

        given().contentType(ContentType.JSON).body(second.toString()).post("/api/reports")
                .then().statusCode(201)
                .body("possibleDuplicates.reference", contains(firstReference));
    }

    @Test
    void skipsDuplicateWithAgeGapAboveTwoYears() {
        ObjectNode first = TestReports.valid();
        child(first, 0).put("district", "Nagar").put("province", "GB").put("ageYears", 6);
        ((ObjectNode) first.get("location")).put("district", "Nagar").put("province", "GB");
        file(first);
        ObjectNode second = first.deepCopy();
        second.put("externalId", first.path("externalId").asText() + "-b");
        child(second, 0).put("ageYears", 9);

        given().contentType(ContentType.JSON).body(second.toString()).post("/api/reports")
                .then().statusCode(201)
                .body("possibleDuplicates", equalTo(List.of()));
    }

    @Test
    void addsNoteToTimeline() {
        String reference = file(TestReports.valid());

        given().contentType(ContentType.JSON).body("{\"text\": \"Called back, no answer\"}")
                .post("/api/reports/" + reference + "/notes").then().statusCode(201)
                .body("kind", equalTo("NOTE"));
        given().contentType(ContentType.JSON).body("{\"text\": \"  \"}")
                .post("/api/reports/" + reference + "/notes").then().statusCode(400)
                .body("errors[0].field", equalTo("text"));

        given().get("/api/reports/" + reference + "/timeline").then().statusCode(200)
                .body("items.kind", contains("FILED", "NOTE"))
                .body("items[1].summary", equalTo("Called back, no answer"))
                .body("items[1].actor", equalTo("operator1"));
    }

    @Test
    void correctsReportAndPublishesEvent() throws Exception {
        String reference = file(TestReports.valid());

        given().contentType("application/merge-patch+json")
                .body("{\"urgency\": \"HIGH\", \"children\": [{\"ageYears\": 10, \"gender\": \"FEMALE\","
                        + " \"district\": \"Kasur\", \"province\": \"PB\"}]}")
                .patch("/api/reports/" + reference).then().statusCode(200)
                .body("changedFields", contains("children[0].ageYears", "children[0].district", "urgency"))
                .body("report.urgency", equalTo("HIGH"))
                .body("report.children[0].district", equalTo("Kasur"));

        given().get("/api/reports/" + reference + "/timeline").then().statusCode(200)
                .body("items.kind", hasItem("CORRECTED"));
        List<ConsumerRecord<String, String>> records = TopicReader.read(Topics.REPORTS,
                record -> record.value().contains(reference) && record.value().contains("\"ReportCorrected\""), 1,
                Duration.ofSeconds(60));
        assertThat(records).hasSize(1);
        JsonNode payload = TestReports.MAPPER.readTree(records.get(0).value()).path("payload");
        assertThat(payload.path("urgency").asText()).isEqualTo("HIGH");
        assertThat(payload.path("correctedBy").asText()).isEqualTo("operator1");
        assertThat(payload.path("changedFields").toString()).contains("urgency").contains("children[0].ageYears");
        assertThat(payload.path("reporter").has("phone")).isFalse();
    }

    @Test
    void resubscribesCorrectedPhone() throws Exception {
        ObjectNode report = TestReports.valid();
        TestReports.reporter(report).remove("phone");
        String reference = file(report);

        given().contentType("application/merge-patch+json").body("{\"reporter\": {\"phone\": \"0345 7654321\"}}")
                .patch("/api/reports/" + reference).then().statusCode(200)
                .body("changedFields", contains("reporter.phone"))
                .body("report.reporter.smsEnabled", equalTo(true));

        List<ConsumerRecord<String, String>> records = TopicReader.read(Topics.SUBSCRIPTIONS,
                record -> record.value().contains(reference), 1, Duration.ofSeconds(60));
        assertThat(records).hasSize(1);
        JsonNode mobile = TestReports.MAPPER.readTree(records.get(0).value()).path("payload").path("mobileNumber");
        assertThat(TransportKeys.decrypt(mobile.path("ciphertext").asText(), reference)).isEqualTo("+923457654321");
    }

    @Test
    void rejectsInvalidCorrection() {
        String reference = file(TestReports.valid());

        given().contentType("application/merge-patch+json").body("{\"children\": [{\"ageYears\": 30, \"gender\": \"MALE\","
                + " \"district\": \"Lahore\", \"province\": \"PB\"}]}")
                .patch("/api/reports/" + reference).then().statusCode(400)
                .body("errors.field", hasItem("children[0].ageYears"));

        given().get("/api/reports/" + reference).then().statusCode(200)
                .body("children[0].ageYears", equalTo(9))
                .body("children[0].gender", not(equalTo("MALE")));
    }

    private static String file(ObjectNode report) {
        return given().contentType(ContentType.JSON).body(report.toString()).post("/api/reports")
                .then().statusCode(201).extract().path("reference");
    }
}
