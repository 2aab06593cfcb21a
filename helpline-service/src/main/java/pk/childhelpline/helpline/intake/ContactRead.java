package pk.childhelpline.helpline.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An audit record: who read a reporter's name and phone number, and when. */
@Entity
@Table(name = "contact_read")
public class ContactRead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "report_id")
    public UUID reportId;
    @Column(name = "read_by")
    public String readBy;
    @Column(name = "read_at")
    public Instant readAt;
}
