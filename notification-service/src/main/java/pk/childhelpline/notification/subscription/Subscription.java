package pk.childhelpline.notification.subscription;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reporter's consent to SMS about one case, with the mobile number encrypted at rest (AAD: the reference). */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;

    public String reference;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "mobile_key_id")
    public String mobileKeyId;

    @Column(name = "mobile_ciphertext")
    public String mobileCiphertext;

    @Column(name = "mobile_hash")
    public String mobileHash;

    public String language;

    @Column(name = "safe_to_contact")
    public boolean safeToContact;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Subscription> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }
}
