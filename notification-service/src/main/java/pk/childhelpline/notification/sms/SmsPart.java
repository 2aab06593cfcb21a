package pk.childhelpline.notification.sms;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One submit_sm of a message. Status QUEUED is not sent yet, SENDING is in flight (or its response was lost), SUBMITTED
 * has the SMSC's message id, and the final statuses come from its delivery receipt.
 */
@Entity
@Table(name = "sms_part")
public class SmsPart extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "message_id")
    public UUID messageId;

    public short seq;

    @Enumerated(EnumType.STRING)
    public MessageStatus status;

    @Column(name = "smsc_message_id")
    public String smscMessageId;

    @Column(name = "user_reference")
    public int userReference;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "receipt_at")
    public Instant receiptAt;
}
