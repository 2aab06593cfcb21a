package pk.childhelpline.notification.sms;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Renders the SMS templates under {@code templates/sms/<name>/<language>[-discreet].txt}. Languages are {@code en},
 * {@code ur} and {@code ur-Latn}; any other falls back to English.
 */
@ApplicationScoped
public class SmsTemplates {

    public static final List<String> LANGUAGES = List.of("en", "ur", "ur-Latn");

    private final Engine engine;
    private final SmsConfig config;

    public SmsTemplates(Engine engine, SmsConfig config) {
        this.engine = engine;
        this.config = config;
    }

    /** Renders one template with the case reference and the configured numbers, trimmed of surrounding blanks. */
    public String render(String name, String language, boolean discreet, String reference) {
        return render(name, language, discreet, reference, config.helplineNumber(), config.discreetCallbackNumber());
    }

    /** Renders one template with explicit numbers; the template test uses it with the longest plausible values. */
    public String render(String name, String language, boolean discreet, String reference, String helplineNumber,
            String callbackNumber) {
        String id = "sms/" + name + "/" + supported(language) + (discreet ? "-discreet" : "") + ".txt";
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("SMS template " + id + " is missing");
        }
        return template.data("reference", reference == null ? "" : reference)
                .data("helplineNumber", helplineNumber)
                .data("callbackNumber", callbackNumber)
                .render().strip();
    }

    public static String supported(String language) {
        return LANGUAGES.contains(language) ? language : "en";
    }
}
