package pk.childhelpline.helpline.publicintake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The first response to a public request with an Idempotency-Key, and a hash of that request. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    @Column(name = "idempotency_key")
    public String key;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "report_id")
    public UUID reportId;
    @Column(name = "response_status")
    public int responseStatus;
    @Column(name = "response_body")
    public String responseBody;
    @Column(name = "created_at")
    public Instant createdAt;
}
