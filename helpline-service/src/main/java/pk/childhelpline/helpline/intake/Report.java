package pk.childhelpline.helpline.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import pk.childhelpline.helpline.reference.Concern;

/** A report and its case: the children, concerns and incident, and the reporter's details, encrypted. */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    /** Where a report came from. */
    public enum Source {
        OPERATOR, PUBLIC, INCOMING_SMS
    }

    /** A child of a report, in the order given. */
    @Embeddable
    public static class ChildRow {
        @Column(name = "age_years")
        public Integer ageYears;
        @Enumerated(EnumType.STRING)
        public Gender gender;
        public String district;
        public String province;
    }

    @Id
    public UUID id;
    public String reference;
    @Column(name = "external_id")
    public String externalId;
    @Enumerated(EnumType.STRING)
    public Source source;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "received_offset_seconds")
    public int receivedOffsetSeconds;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Enumerated(EnumType.STRING)
    public Relationship relationship;
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_language")
    public Language preferredLanguage;
    @Column(name = "sms_consent")
    public boolean smsConsent;
    @Column(name = "safe_to_contact")
    public boolean safeToContact;
    @Column(name = "reporter_name_enc")
    public String reporterNameEncrypted;
    @Column(name = "reporter_phone_enc")
    public String reporterPhoneEncrypted;
    @Column(name = "reporter_phone_hash")
    public String reporterPhoneHash;
    @Enumerated(EnumType.STRING)
    @Column(name = "reporter_phone_status")
    public PhoneNumbers.Kind reporterPhoneKind;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Column(name = "legal_aid_requested")
    public boolean legalAidRequested;
    public String narrative;
    @Column(name = "location_district")
    public String locationDistrict;
    @Column(name = "location_province")
    public String locationProvince;
    @Enumerated(EnumType.STRING)
    public ReportStatus status;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    @ElementCollection
    @CollectionTable(name = "report_child", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    public List<ChildRow> children = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "report_concern", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    @Column(name = "concern")
    @Enumerated(EnumType.STRING)
    public List<Concern> concerns = new ArrayList<>();

    public static Optional<Report> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    public OffsetDateTime receivedAtWithOffset() {
        return receivedAt.atOffset(ZoneOffset.ofTotalSeconds(receivedOffsetSeconds));
    }

    public boolean smsEnabled() {
        return smsConsent && reporterPhoneKind == PhoneNumbers.Kind.MOBILE;
    }
}
