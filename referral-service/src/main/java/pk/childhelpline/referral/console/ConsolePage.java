package pk.childhelpline.referral.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import pk.childhelpline.referral.common.Caller;

/**
 * Fills what every console page shows around its content: the language and direction, the signed-in user and role,
 * the menu entries the role may use, and the link that switches the language.
 */
@RequestScoped
public class ConsolePage {

    /** Cookie that keeps the chosen language, {@code en} or {@code ur}. */
    public static final String LANGUAGE_COOKIE = "console_lang";
    static final Locale URDU = Locale.forLanguageTag("ur");

    @Inject
    Caller caller;

    @Inject
    HttpServerRequest request;

    public Locale locale() {
        Cookie cookie = request.getCookie(LANGUAGE_COOKIE);
        return cookie != null && "ur".equals(cookie.getValue()) ? URDU : Locale.ENGLISH;
    }

    /** Starts an instance of a page template with the layout's data; {@code menu} names the active menu entry. */
    public TemplateInstance of(Template template, String menu) {
        boolean urdu = URDU.equals(locale());
        boolean signedIn = !"anonymous".equals(caller.username());
        TemplateInstance page = template.instance()
                .data("lang", urdu ? "ur" : "en")
                .data("dir", urdu ? "rtl" : "ltr")
                .data("switchHref", switchHref(urdu ? "en" : "ur"))
                .data("switchLabel", urdu ? "English" : "اردو")
                .data("switchLang", urdu ? "en" : "ur")
                .data("signedIn", signedIn)
                .data("user", caller.username())
                .data("role", signedIn ? roleLabel() : "")
                .data("menu", menu)
                .data("isOfficer", caller.hasRole(Caller.OFFICER))
                .data("isSupervisor", caller.hasRole(Caller.SUPERVISOR))
                .data("canSeeSms", caller.hasRole(Caller.SUPERVISOR) || caller.hasRole(Caller.ADMIN));
        page.setLocale(urdu ? URDU : Locale.ENGLISH);
        return page;
    }

    private String roleLabel() {
        TreeSet<String> roles = new TreeSet<>(caller.roles());
        roles.retainAll(java.util.Set.of(Caller.OPERATOR, Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN));
        String label = String.join(", ", roles);
        if (caller.hasRole(Caller.OFFICER) && caller.organisation().isPresent() && caller.office().isPresent()) {
            label += " · " + caller.organisation().get() + " / " + caller.office().get();
        }
        return label;
    }

    /** Returns the current page's address with {@code lang} added, keeping its other query parameters. */
    private String switchHref(String language) {
        String query = request.query();
        StringBuilder href = new StringBuilder(request.path()).append('?');
        if (query != null && !query.isBlank()) {
            for (String parameter : query.split("&")) {
                if (!parameter.startsWith("lang=") && !parameter.isBlank()) {
                    href.append(parameter).append('&');
                }
            }
        }
        return href.append("lang=").append(URLEncoder.encode(language, StandardCharsets.UTF_8)).toString();
    }
}
