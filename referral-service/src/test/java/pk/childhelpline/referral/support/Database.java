package pk.childhelpline.referral.support;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import pk.childhelpline.referral.outbox.OutboxEvent;
import pk.childhelpline.referral.queue.Referral;
import pk.childhelpline.referral.queue.ReferralHistory;
import pk.childhelpline.referral.queue.ReferralNote;

/** Reads what the service stored, each read in its own transaction. */
public final class Database {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Database() {
    }

    public static List<Referral> referralsOf(UUID caseId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Referral.<Referral>list("caseId = ?1 order by createdAt, id", caseId));
    }

    public static Referral referral(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Referral.<Referral>findById(id));
    }

    /** Returns the texts of a referral's notes, oldest first. */
    public static List<String> notes(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> ReferralNote
                .<ReferralNote>list("referralId = ?1 order by id", referralId).stream().map(note -> note.text).toList());
    }

    public static List<ReferralHistory> historyOf(UUID referralId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ReferralHistory.<ReferralHistory>list("referralId = ?1 order by id", referralId));
    }

    /** Returns the envelopes that the outbox holds for a topic and case, in the order they are published. */
    public static List<JsonNode> outboxEvents(String topic, UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                .<OutboxEvent>list("topic = ?1 and recordKey = ?2 order by id", topic, caseId.toString()).stream()
                .map(event -> {
                    try {
                        return MAPPER.readTree(event.payload);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList());
    }
}
