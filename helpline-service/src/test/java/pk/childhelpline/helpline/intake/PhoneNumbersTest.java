package pk.childhelpline.helpline.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @Test
    void normalisesMobileForms() {
        for (String input : new String[]{"0300-1234567", "+92 300 1234567", "923001234567", "0092 300 1234567",
                "0300 1234567", "(0300) 123-4567"}) {
            PhoneNumbers.Normalised number = PhoneNumbers.normalise(input);
            assertThat(number.kind()).as(input).isEqualTo(PhoneNumbers.Kind.MOBILE);
            assertThat(number.e164()).as(input).isEqualTo("+923001234567");
        }
    }

    @Test
    void classifiesLandline() {
        assertThat(PhoneNumbers.normalise("042-35761234").kind()).isEqualTo(PhoneNumbers.Kind.NOT_MOBILE);
    }

    @Test
    void rejectsMalformedNumbers() {
        assertThat(PhoneNumbers.normalise("12345").kind()).isEqualTo(PhoneNumbers.Kind.INVALID);
        assertThat(PhoneNumbers.normalise("+92 300 555 12345").kind()).isEqualTo(PhoneNumbers.Kind.INVALID);
        assertThat(PhoneNumbers.normalise("0300-12345").kind()).isEqualTo(PhoneNumbers.Kind.INVALID);
        assertThat(PhoneNumbers.normalise("call me").kind()).isEqualTo(PhoneNumbers.Kind.INVALID);
    }

    @Test
    void marksForeignNumber() {
        assertThat(PhoneNumbers.normalise("+44 7911 123456").kind()).isEqualTo(PhoneNumbers.Kind.FOREIGN);
    }
}
