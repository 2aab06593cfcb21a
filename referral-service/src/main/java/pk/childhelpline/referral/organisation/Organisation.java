package pk.childhelpline.referral.organisation;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An organisation that receives referrals, such as the NHRI or a legal-aid organisation, with its offices. Its
 * {@code type} is the destination type that routing rules name.
 */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    public String type;

    public boolean active;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "office", joinColumns = @JoinColumn(name = "organisation_id"))
    @OrderBy("code")
    public List<Office> offices = new ArrayList<>();

    /** An office of an organisation: a province or territory code, or NATIONAL. */
    @Embeddable
    public static class Office {

        @Column(name = "code")
        public String code;

        @Column(name = "name")
        public String name;

        public Office() {
        }

        public Office(String code, String name) {
            this.code = code;
            this.name = name;
        }
    }

    public boolean hasOffice(String code) {
        return offices.stream().anyMatch(office -> office.code.equals(code));
    }
}
