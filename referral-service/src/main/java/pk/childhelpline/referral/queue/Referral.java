package pk.childhelpline.referral.queue;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import pk.childhelpline.referral.events.DestinationRef;

/**
 * A report routed to one organisation's office, with the report itself (never the reporter) and its state. The
 * {@code version} column makes concurrent changes fail instead of overwriting each other.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String reference;

    @Column(name = "destination_type")
    public String destinationType;

    @Column(name = "organisation_id")
    public String organisationId;

    public String office;

    /** The incident's province, for supervisors' filters. */
    public String province;

    public String priority;

    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    @Column(name = "report_accepted_at")
    public Instant reportAcceptedAt;

    public Instant deadline;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    public String outcome;

    @Column(name = "transferred_from")
    public UUID transferredFrom;

    @Column(name = "rules_version")
    public Integer rulesVersion;

    /** The report as received, without the reporter: concerns, urgency, children, location, narrative. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String report;

    @Version
    public long version;

    public DestinationRef destination() {
        return new DestinationRef(destinationType, organisationId, office);
    }
}
