package pk.childhelpline.notification.sms;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Settings of reporter SMS: the SMPP bind, sending, quiet hours, in-doubt policy, numbers and incoming keywords. */
@ConfigMapping(prefix = "sms")
public interface SmsConfig {

    Smpp smpp();

    Sender sender();

    QuietHours quietHours();

    InDoubt inDoubt();

    Incoming incoming();

    /** Number that full messages tell reporters to call (the helpline's toll-free number). */
    String helplineNumber();

    /** Neutral number that discreet messages give to call back. */
    String discreetCallbackNumber();

    /** Maximum parts a rendered template may have; the template test fails above it. */
    int maxParts();

    /** The SMPP transceiver bind. */
    interface Smpp {

        /** Whether the service binds at all; off, messages stay queued. */
        boolean enabled();

        String host();

        int port();

        String systemId();

        String password();

        /** system_type of the bind; most SMSCs expect none. */
        Optional<String> systemType();

        /** Interval of enquire_link keep-alives. */
        Duration enquireLinkInterval();

        /** Time to wait for a response PDU before a request counts as unanswered. */
        Duration responseTimeout();

        /** First wait before binding again after a failure; doubles up to {@link #reconnectMaxDelay()}. */
        Duration reconnectMinDelay();

        Duration reconnectMaxDelay();

        /** Maximum submit_sm requests outstanding at once. */
        int window();

        /** Messages per second the operator grants this bind (each part is one message). */
        double ratePerSecond();
    }

    /** The background sender. */
    interface Sender {

        /** Sender id (source address) of full messages. */
        String id();

        /** Neutral sender id of discreet messages. */
        String discreetId();

        /** Pause between rounds of the sender. */
        Duration interval();

        /** Messages claimed per round of the sender. */
        int batchSize();

        /** Attempts after temporary SMSC errors before a message is marked FAILED. */
        int maxAttempts();

        /** First retry delay after a temporary error; doubles per attempt up to {@link #retryMaxDelay()}. */
        Duration retryMinDelay();

        Duration retryMaxDelay();
    }

    /** Night hours in which updates after the first are held until the end of the period. */
    interface QuietHours {

        boolean enabled();

        LocalTime start();

        LocalTime end();

        ZoneId zone();
    }

    /**
     * Policy for a message whose submit_sm response was lost. WAIT_THEN_RESEND waits {@link #waitFor()} for a delivery
     * receipt that settles it and then sends it once more. GIVE_UP leaves it IN_DOUBT for a person to decide.
     */
    interface InDoubt {

        Policy policy();

        Duration waitFor();

        /** Interval of the check that applies the policy. */
        Duration checkInterval();

        enum Policy {
            WAIT_THEN_RESEND, GIVE_UP
        }
    }

    /** Incoming SMS commands and the acknowledgement limit. */
    interface Incoming {

        /** Whole messages that opt a number out, by language, compared after trimming and upper-casing. */
        Map<String, List<String>> stopKeywords();

        /** Words that start a status request (followed by the case reference), by language. */
        Map<String, List<String>> statusKeywords();

        /** Window of the per-number acknowledgement limit. */
        Duration ackWindow();

        /** Acknowledgements one number gets per window at most. */
        int acksPerWindow();
    }
}
