package pk.childhelpline.helpline.timeline;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of a case's timeline. */
@Entity
@Table(name = "case_event")
public class CaseEvent extends PanacheEntityBase {

    /** The kind of change to the case. */
    public enum Kind {
        FILED, CORRECTED, NOTE, LINKED, REFERRAL_STATUS
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "report_id")
    public UUID reportId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String actor;
    public String summary;
    @Column(name = "referral_id")
    public String referralId;
    public String destination;
    @Column(name = "from_status")
    public String fromStatus;
    @Column(name = "to_status")
    public String toStatus;
    @Column(name = "source_event_id")
    public UUID sourceEventId;

    public static CaseEvent of(UUID reportId, Instant occurredAt, Kind kind, String actor, String summary) {
        CaseEvent event = new CaseEvent();
        event.reportId = reportId;
        event.occurredAt = occurredAt;
        event.kind = kind;
        event.actor = actor;
        event.summary = summary;
        return event;
    }
}
