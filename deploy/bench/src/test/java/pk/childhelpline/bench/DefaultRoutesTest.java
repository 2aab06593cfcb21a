package pk.childhelpline.bench;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import pk.childhelpline.tools.DefaultRoutes;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DefaultRoutesTest {

    private static JsonNode report(String json) throws Exception {
        return ReportGenerator.JSON.readTree(json);
    }

    @Test
    void routesToCommissionOfProvince() throws Exception {
        JsonNode report = report("""
                {"location":{"province":"SD"},"concerns":["MISSING_CHILD"],"legalAidRequested":false}""");

        assertEquals(Set.of("NHRI SD"), DefaultRoutes.queuesFor(report));
    }

    @Test
    void addsLegalAidForChildMarriage() throws Exception {
        JsonNode report = report("""
                {"location":{"province":"KP"},"concerns":["ABDUCTION","CHILD_MARRIAGE"],"legalAidRequested":false}""");

        assertEquals(Set.of("NHRI KP", "LEGAL_AID KP"), DefaultRoutes.queuesFor(report));
    }

    @Test
    void addsLegalAidWhenRequested() throws Exception {
        JsonNode report = report("""
                {"location":{"province":"PB"},"concerns":["NEGLECT"],"legalAidRequested":true}""");

        assertEquals(Set.of("NHRI PB", "LEGAL_AID PB"), DefaultRoutes.queuesFor(report));
    }
}
