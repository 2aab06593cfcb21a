package pk.childhelpline.helpline.sms;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A free-text SMS for the operators, with the sender's number encrypted at rest. */
@Entity
@Table(name = "incoming_sms")
public class IncomingSms extends PanacheEntityBase {

    /** Whether an operator has dealt with the message. */
    public enum Status {
        NEW, HANDLED, REPORTED
    }

    @Id
    public UUID id;
    @Column(name = "sender_enc")
    public String senderEncrypted;
    @Column(name = "sender_hash")
    public String senderHash;
    public String text;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "handled_by")
    public String handledBy;
    @Column(name = "handled_at")
    public Instant handledAt;
    public String note;
    @Column(name = "report_id")
    public UUID reportId;
}
