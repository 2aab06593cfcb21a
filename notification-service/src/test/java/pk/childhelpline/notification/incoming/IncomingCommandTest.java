package pk.childhelpline.notification.incoming;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IncomingCommandTest {

    private static final Map<String, List<String>> STOP = Map.of("en", List.of("STOP"), "ur-Latn",
            List.of("BAND KARO"), "ur", List.of("بند کریں", "روکیں"));
    private static final Map<String, List<String>> STATUS = Map.of("en", List.of("STATUS"), "ur-Latn",
            List.of("HALAT"), "ur", List.of("حالت"));

    @Test
    void recognisesStopForms() {
        assertEquals(IncomingCommand.Type.STOP, IncomingCommand.parse(" stop. ", STOP, STATUS).type());
        assertEquals("ur-Latn", IncomingCommand.parse("Band  karo", STOP, STATUS).language());
        assertEquals("ur", IncomingCommand.parse("بند کریں۔", STOP, STATUS).language());
        assertEquals(IncomingCommand.Type.STOP, IncomingCommand.parse("روکیں", STOP, STATUS).type());
    }

    @Test
    void stopInsideSentenceIsFreeText() {
        assertEquals(IncomingCommand.Type.OTHER, IncomingCommand.parse("please stop him", STOP, STATUS).type());
    }

    @Test
    void recognisesStatusForms() {
        IncomingCommand english = IncomingCommand.parse("status k7m2 9xq4 t", STOP, STATUS);
        IncomingCommand urdu = IncomingCommand.parse("حالت K7M2-9XQ4-T", STOP, STATUS);
        IncomingCommand roman = IncomingCommand.parse("Halat: K7M2-9XQ4-T", STOP, STATUS);

        assertEquals(IncomingCommand.Type.STATUS, english.type());
        assertEquals("K7M2 9XQ4 T", english.referenceText());
        assertEquals("ur", urdu.language());
        assertEquals("K7M2-9XQ4-T", urdu.referenceText());
        assertEquals("ur-Latn", roman.language());
    }

    @Test
    void helpRequestIsFreeText() {
        IncomingCommand command = IncomingCommand.parse("mujhe madad chahiye", STOP, STATUS);

        assertEquals(IncomingCommand.Type.OTHER, command.type());
    }
}
