package pk.childhelpline.notification.sms;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An outgoing SMS, stored before it is sent. The destination is encrypted at rest with the message id as AAD. */
@Entity
@Table(name = "sms_message")
public class SmsMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "reply_to")
    public UUID replyTo;

    public String reference;

    @Enumerated(EnumType.STRING)
    public MessageKind kind;

    public String language;

    public boolean discreet;

    @Column(name = "sender_id")
    public String senderId;

    @Column(name = "destination_key_id")
    public String destinationKeyId;

    @Column(name = "destination_ciphertext")
    public String destinationCiphertext;

    @Column(name = "destination_hash")
    public String destinationHash;

    public String text;

    @Column(name = "data_coding")
    public short dataCoding;

    public short parts;

    @Enumerated(EnumType.STRING)
    public MessageStatus status;

    public int attempts;

    @Column(name = "resend_count")
    public int resendCount;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "not_before")
    public Instant notBefore;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "in_doubt_since")
    public Instant inDoubtSince;

    @Column(name = "completed_at")
    public Instant completedAt;

    public List<SmsPart> partRows() {
        return SmsPart.list("messageId = ?1 order by seq", id);
    }
}
