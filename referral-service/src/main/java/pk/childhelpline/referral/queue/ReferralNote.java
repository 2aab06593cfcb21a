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

/** An officer's note on a referral. */
@Entity
@Table(name = "referral_note")
public class ReferralNote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "written_at")
    public Instant writtenAt;

    @Column(name = "written_by")
    public String writtenBy;

    public String text;
}
