package pk.childhelpline.helpline.intake;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseReferencesTest {

    @Test
    void generatesValidReferences() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String reference = CaseReferences.generate();
            assertThat(reference).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]");
            assertThat(CaseReferences.parse(reference)).contains(reference);
            seen.add(reference);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void catchesEverySingleMistypedCharacter() {
        String reference = CaseReferences.generate();
        String compact = reference.replace("-", "");
        for (int position = 0; position < compact.length(); position++) {
            for (char replacement : CaseReferences.ALPHABET.toCharArray()) {
                if (replacement == compact.charAt(position)) {
                    continue;
                }
                String typo = compact.substring(0, position) + replacement + compact.substring(position + 1);
                assertThat(CaseReferences.parse(typo)).as(typo).isEmpty();
            }
        }
    }

    @Test
    void readsAmbiguousLettersAsDigits() {
        String body = "K7M29XQ4";
        String reference = "K7M2-9XQ4-" + CaseReferences.checkCharacter(body);
        String check = reference.substring(10);

        assertThat(CaseReferences.parse("k7m2 9xq4 " + check.toLowerCase())).contains(reference);
        String withZero = "10M0-0000-" + CaseReferences.checkCharacter("10M00000");
        assertThat(CaseReferences.parse("lOm0 oooo " + withZero.substring(10))).contains(withZero);
    }

    @Test
    void rejectsWrongLength() {
        assertThat(CaseReferences.parse("K7M2-9XQ4")).isEmpty();
        assertThat(CaseReferences.parse("")).isEmpty();
        assertThat(CaseReferences.parse(null)).isEmpty();
    }
}
