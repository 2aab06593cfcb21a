package pk.childhelpline.notification.reference;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseReferenceTest {

    private static String valid() {
        String payload = "K7M29XQ4";
        return "K7M2-9XQ4-" + CaseReference.checkCharacter(payload);
    }

    @Test
    void parsesCanonicalForm() {
        assertEquals(valid(), CaseReference.parse(valid()).orElseThrow());
    }

    @Test
    void normalisesCaseSpacesAndLookalikes() {
        String reference = valid();
        String typed = reference.toLowerCase().replace("-", " ");

        assertEquals(reference, CaseReference.parse(typed).orElseThrow());
        assertEquals("011V", CaseReference.normalise("o I l u"));
    }

    @Test
    void rejectsWrongCheckCharacter() {
        String reference = valid();
        char wrong = reference.charAt(10) == 'A' ? 'B' : 'A';

        assertTrue(CaseReference.parse(reference.substring(0, 10) + wrong).isEmpty());
    }

    @Test
    void suggestsSwappedNeighbours() {
        String reference = valid();
        String compact = CaseReference.normalise(reference);
        String swapped = compact.charAt(1) + "" + compact.charAt(0) + compact.substring(2);

        List<String> candidates = CaseReference.candidates(swapped);

        assertTrue(candidates.contains(reference), candidates.toString());
    }

    @Test
    void rejectsWrongLength() {
        assertTrue(CaseReference.parse("K7M2-9XQ4").isEmpty());
        assertTrue(CaseReference.candidates("K7M2").isEmpty());
    }
}
