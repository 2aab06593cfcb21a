package pk.childhelpline.helpline.intake;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Normalises the phone numbers reporters give, in any of the usual Pakistani forms, with libphonenumber. */
public final class PhoneNumbers {

    /** What a given phone number turned out to be; only {@link #MOBILE} numbers ever get an SMS. */
    public enum Kind {
        MOBILE, NOT_MOBILE, FOREIGN, INVALID
    }

    /** A parsed number: its kind and, unless invalid, its E.164 form. */
    public record Normalised(Kind kind, String e164) {
    }

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    public static Normalised normalise(String input) {
        if (input.length() > 40) {
            return new Normalised(Kind.INVALID, null);
        }
        String cleaned = input.strip().startsWith("00") ? "+" + input.strip().substring(2) : input.strip();
        try {
            PhoneNumber number = UTIL.parse(cleaned, "PK");
            if (!UTIL.isValidNumber(number)) {
                return new Normalised(Kind.INVALID, null);
            }
            String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            if (number.getCountryCode() != 92) {
                return new Normalised(Kind.FOREIGN, e164);
            }
            PhoneNumberType type = UTIL.getNumberType(number);
            boolean mobile = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return new Normalised(mobile ? Kind.MOBILE : Kind.NOT_MOBILE, e164);
        } catch (NumberParseException e) {
            return new Normalised(Kind.INVALID, null);
        }
    }
}
