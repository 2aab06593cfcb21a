package pk.childhelpline.helpline.intake;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A possible duplicate found at intake, or a link an operator made, from one report to another. */
@Entity
@Table(name = "report_relation")
public class ReportRelation extends PanacheEntityBase {

    /** The two reports of a relation. */
    @Embeddable
    public record Key(@Column(name = "report_id") UUID reportId,
            @Column(name = "related_report_id") UUID relatedReportId) implements Serializable {
    }

    @EmbeddedId
    public Key id;
    @Column(name = "possible_duplicate")
    public boolean possibleDuplicate;
    @Column(name = "detected_at")
    public Instant detectedAt;
    @Column(name = "linked_by")
    public String linkedBy;
    @Column(name = "linked_at")
    public Instant linkedAt;
}
