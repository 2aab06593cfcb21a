package pk.childhelpline.helpline.intake;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Case references: eight characters from Crockford's Base32 alphabet drawn from a secure random source, then a Luhn
 * mod 32 check character, written {@code XXXX-XXXX-C}. The alphabet has no I, L, O or U, so references read aloud or
 * typed on a keypad are not confused, and the check character catches any single mistyped character and most swaps
 * of two neighbours.
 */
public final class CaseReferences {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CaseReferences() {
    }

    public static String generate() {
        StringBuilder body = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            body.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        String code = body.toString();
        return code.substring(0, 4) + "-" + code.substring(4) + "-" + checkCharacter(code);
    }

    /**
     * Normalises what a person typed (case, spaces, hyphens, O for 0, I and L for 1, U for V) and returns the
     * reference in its written form when the check character matches.
     */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1').replace('U', 'V');
        if (code.length() != 9 || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        String body = code.substring(0, 8);
        if (checkCharacter(body) != code.charAt(8)) {
            return Optional.empty();
        }
        return Optional.of(body.substring(0, 4) + "-" + body.substring(4) + "-" + code.charAt(8));
    }

    /** Luhn mod N over the alphabet: doubles every second code point from the right, as for decimal digits. */
    static char checkCharacter(String body) {
        int factor = 2;
        int sum = 0;
        for (int i = body.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(body.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / 32 + addend % 32;
        }
        int remainder = sum % 32;
        return ALPHABET.charAt((32 - remainder) % 32);
    }
}
