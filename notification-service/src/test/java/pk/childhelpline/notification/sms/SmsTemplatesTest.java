package pk.childhelpline.notification.sms;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import pk.childhelpline.notification.support.SmscTestResource;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmscTestResource.class, restrictToAnnotatedClass = false)
class SmsTemplatesTest {

    /** Every reference has this length; W is among the widest characters, which matters to no encoding but reads so. */
    private static final String LONGEST_REFERENCE = "WWWW-WWWW-W";
    /** A full international number with spaces, longer than any helpline or call-back number in use. */
    private static final String LONGEST_NUMBER = "+92 300 123 4567";

    /** Words a discreet message must not contain, in English, Roman Urdu and Urdu. */
    private static final List<String> REVEALING = List.of("abuse", "child", "helpline", "help line", "organisation",
            "organization", "violence", "protection", "commission", "nhri", "police", "report", "case", "bach",
            "tahaffuz", "tashaddud", "ziyadti", "idara", "idaray", "بچ", "ہیلپ", "تشدد", "زیادتی", "ادار", "تحفظ",
            "رپورٹ", "کیس", "پولیس");

    @Inject
    SmsTemplates templates;

    @Inject
    SmsConfig config;

    @Test
    void everyTemplateFitsMaxParts() {
        for (MessageKind kind : MessageKind.values()) {
            for (String language : SmsTemplates.LANGUAGES) {
                for (boolean discreet : kind.isUpdate() ? List.of(false, true) : List.of(false)) {
                    String text = templates.render(kind.template(), language, discreet, LONGEST_REFERENCE,
                            LONGEST_NUMBER, LONGEST_NUMBER);
                    SmsEncoding.Encoded encoded = SmsEncoding.encode(text);

                    String name = kind.template() + "/" + language + (discreet ? "-discreet" : "");
                    assertFalse(text.isBlank(), name + " is empty");
                    assertTrue(encoded.partCount() <= config.maxParts(), name + " needs " + encoded.partCount()
                            + " parts (" + encoded.units() + " units), more than " + config.maxParts());
                }
            }
        }
    }

    @Test
    void discreetTemplatesRevealNothing() {
        for (MessageKind kind : MessageKind.values()) {
            for (String language : SmsTemplates.LANGUAGES) {
                boolean discreet = kind.isUpdate();
                String text = templates.render(kind.template(), language, discreet, LONGEST_REFERENCE,
                        config.helplineNumber(), config.discreetCallbackNumber()).toLowerCase(Locale.ROOT);

                for (String word : REVEALING) {
                    if (kind.isUpdate() || !List.of("case").contains(word)) {
                        assertFalse(text.contains(word), kind.template() + "/" + language + " contains " + word);
                    }
                }
                assertFalse(text.contains(config.helplineNumber()), kind.template() + "/" + language
                        + " gives the helpline number");
            }
        }
    }

    @Test
    void fullTemplatesGiveReferenceAndHelplineNumber() {
        for (String language : SmsTemplates.LANGUAGES) {
            String text = templates.render("received", language, false, "K7M2-9XQ4-T");

            assertTrue(text.contains("K7M2-9XQ4-T"), language + ": " + text);
            assertTrue(text.contains(config.helplineNumber()), language + ": " + text);
        }
    }
}
