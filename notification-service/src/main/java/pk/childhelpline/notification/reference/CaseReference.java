package pk.childhelpline.notification.reference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Case references: nine characters of Crockford's Base32 alphabet written {@code XXXX-XXXX-C}, where the last is a Luhn
 * mod 32 check character over the alphabet. Readers normalise first: upper case, spaces, hyphens and other separators
 * removed, {@code O} read as {@code 0}, {@code I} and {@code L} as {@code 1}, {@code U} as {@code V}.
 */
public final class CaseReference {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 9;

    private CaseReference() {
    }

    /** Returns the canonical {@code XXXX-XXXX-C} form of a valid reference, or empty. */
    public static Optional<String> parse(String input) {
        String compact = normalise(input);
        if (compact.length() != LENGTH || !isValid(compact)) {
            return Optional.empty();
        }
        return Optional.of(format(compact));
    }

    /**
     * Returns the references a reporter may have meant: the input itself when it is valid, else every reference that one
     * swap of neighbouring characters makes valid. Luhn mod N detects most such swaps, which is why the typed text fails
     * its check. Callers keep only candidates that belong to the sender.
     */
    public static List<String> candidates(String input) {
        String compact = normalise(input);
        if (compact.length() != LENGTH || !inAlphabet(compact)) {
            return List.of();
        }
        if (isValid(compact)) {
            return List.of(format(compact));
        }
        Set<String> candidates = new LinkedHashSet<>();
        char[] chars = compact.toCharArray();
        for (int i = 0; i + 1 < chars.length; i++) {
            char[] swapped = chars.clone();
            swapped[i] = chars[i + 1];
            swapped[i + 1] = chars[i];
            String candidate = new String(swapped);
            if (isValid(candidate)) {
                candidates.add(format(candidate));
            }
        }
        return new ArrayList<>(candidates);
    }

    /** Upper-cases, removes everything but letters and digits and maps the look-alike letters. */
    public static String normalise(String input) {
        StringBuilder out = new StringBuilder();
        for (char c : input.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case 'O' -> out.append('0');
                case 'I', 'L' -> out.append('1');
                case 'U' -> out.append('V');
                default -> {
                    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Computes the Luhn mod 32 check character of the eight payload characters. */
    public static char checkCharacter(String payload) {
        int factor = 2;
        int sum = 0;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(payload.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / ALPHABET.length() + addend % ALPHABET.length();
        }
        int remainder = sum % ALPHABET.length();
        return ALPHABET.charAt((ALPHABET.length() - remainder) % ALPHABET.length());
    }

    private static boolean isValid(String compact) {
        return inAlphabet(compact) && checkCharacter(compact.substring(0, LENGTH - 1)) == compact.charAt(LENGTH - 1);
    }

    private static boolean inAlphabet(String compact) {
        return compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    private static String format(String compact) {
        return compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.charAt(8);
    }
}
