package pk.childhelpline.notification.incoming;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Request of an incoming SMS: an opt-out (the whole message is a STOP keyword), a status request (a STATUS keyword
 * followed by a case reference, or a bare valid reference), or free text for the operators. {@code language} is the
 * language of the keyword that matched, or a guess from the script for free text.
 */
public record IncomingCommand(Type type, String language, String referenceText) {

    public enum Type {
        STOP, STATUS, OTHER
    }

    /**
     * Classifies a message.
     *
     * @param stopKeywords keywords by language ({@code en}, {@code ur}, {@code ur-Latn})
     * @param statusKeywords keywords by language
     */
    public static IncomingCommand parse(String text, Map<String, List<String>> stopKeywords,
            Map<String, List<String>> statusKeywords) {
        String normalised = normalise(text);
        for (Map.Entry<String, List<String>> entry : stopKeywords.entrySet()) {
            for (String keyword : entry.getValue()) {
                if (normalised.equals(normalise(keyword))) {
                    return new IncomingCommand(Type.STOP, entry.getKey(), null);
                }
            }
        }
        for (Map.Entry<String, List<String>> entry : statusKeywords.entrySet()) {
            for (String keyword : entry.getValue()) {
                String prefix = normalise(keyword);
                if (normalised.startsWith(prefix)) {
                    String rest = normalised.substring(prefix.length()).replaceFirst("^[\\s:#.\\-]+", "");
                    if (!rest.isEmpty() && rest.length() <= 20) {
                        return new IncomingCommand(Type.STATUS, entry.getKey(), rest);
                    }
                }
            }
        }
        if (normalised.length() <= 16 && normalised.matches("[A-Z0-9\\s\\-]+")
                && pk.childhelpline.notification.reference.CaseReference.parse(normalised).isPresent()) {
            return new IncomingCommand(Type.STATUS, "en", normalised);
        }
        return new IncomingCommand(Type.OTHER, guessLanguage(text), null);
    }

    /** Returns "ur" for text in Arabic script, else empty (the caller decides between English and Roman Urdu). */
    static String guessLanguage(String text) {
        boolean arabic = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
        return arabic ? "ur" : "en";
    }

    /** Trims, collapses blanks, upper-cases Latin letters, drops end punctuation and unifies Arabic letter forms. */
    static String normalise(String text) {
        String unified = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace('ي', 'ی').replace('ك', 'ک').replace('ى', 'ی');
        return unified.strip().replaceAll("\\s+", " ").replaceAll("[.!?۔،,]+$", "").strip()
                .toUpperCase(Locale.ROOT);
    }

    public Optional<String> reference() {
        return Optional.ofNullable(referenceText);
    }
}
