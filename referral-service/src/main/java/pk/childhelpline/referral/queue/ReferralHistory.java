package pk.childhelpline.referral.queue;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One status change of a referral: who, when, why, and for a late claim how late it was. */
@Entity
@Table(name = "referral_history")
public class ReferralHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    public String reason;

    public String outcome;

    /** Seconds between the deadline and a claim after it; null for other changes. */
    @Column(name = "late_by_seconds")
    public Long lateBySeconds;
}
