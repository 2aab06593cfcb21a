package pk.childhelpline.notification.sms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;

import pk.childhelpline.notification.common.Caller;
import pk.childhelpline.notification.common.Page;
import pk.childhelpline.notification.common.ProblemException;
import pk.childhelpline.notification.reference.CaseReference;

/** Supervisors' view of outgoing SMS: the messages of a case (or all of them) and delivery statistics. */
@Path("/api/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SMS messages")
public class MessageResource {

    /** One outgoing SMS as supervisors see it: no phone number and no text. */
    public record MessageView(UUID id, String reference, MessageKind kind, String language, boolean discreet,
            String senderId, MessageStatus status, int dataCoding, int parts, int attempts, String lastError,
            Instant createdAt, Instant notBefore, Instant submittedAt, Instant completedAt) {

        static MessageView of(SmsMessage m) {
            return new MessageView(m.id, m.reference, m.kind, m.language, m.discreet, m.senderId, m.status,
                    m.dataCoding, m.parts, m.attempts, m.lastError, m.createdAt, m.notBefore, m.submittedAt,
                    m.completedAt);
        }
    }

    /** Messages and parts created on one day (Asia/Karachi). */
    public record DayCount(LocalDate day, long messages, long parts) {
    }

    /** Delivery statistics: messages by status, in-doubt ones apart, and the last 30 days. */
    public record Stats(Map<MessageStatus, Long> byStatus, long total, long inDoubt, List<DayCount> perDay) {
    }

    private final EntityManager entityManager;

    public MessageResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @GET
    @RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
    @Transactional
    @Operation(summary = "List outgoing SMS, newest first, optionally of one case reference")
    public Page<MessageView> list(@QueryParam("reference") String reference,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > Page.MAX_SIZE) {
            throw ProblemException.invalid("size", "must be from 1 to " + Page.MAX_SIZE);
        }
        io.quarkus.hibernate.orm.panache.PanacheQuery<SmsMessage> query;
        if (reference == null || reference.isBlank()) {
            query = SmsMessage.findAll(Sort.descending("createdAt").and("id"));
        } else {
            String canonical = CaseReference.parse(reference).orElseThrow(() -> ProblemException.invalid("reference",
                    "is not a valid case reference; write it as XXXX-XXXX-C, for example K7M2-9XQ4-T"));
            query = SmsMessage.find("reference", Sort.descending("createdAt").and("id"), canonical);
        }
        List<MessageView> items = query.page(page, size).list().stream().map(MessageView::of).toList();
        return new Page<>(items, query.count());
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
    @Transactional
    @Operation(summary = "Delivery statistics and messages and parts per day over the last 30 days")
    @SuppressWarnings("unchecked")
    public Stats stats() {
        Map<MessageStatus, Long> byStatus = new LinkedHashMap<>();
        for (MessageStatus status : MessageStatus.values()) {
            byStatus.put(status, 0L);
        }
        List<Object[]> counts = entityManager
                .createNativeQuery("SELECT status, count(*) FROM sms_message GROUP BY status").getResultList();
        long total = 0;
        for (Object[] row : counts) {
            long count = ((Number) row[1]).longValue();
            byStatus.put(MessageStatus.valueOf((String) row[0]), count);
            total += count;
        }
        List<Object[]> days = entityManager.createNativeQuery("""
                SELECT CAST((created_at AT TIME ZONE 'Asia/Karachi') AS DATE) AS day, count(*), sum(parts)
                FROM sms_message WHERE created_at > now() - INTERVAL '30 days'
                GROUP BY day ORDER BY day""").getResultList();
        List<DayCount> perDay = days.stream().map(row -> new DayCount(toDate(row[0]),
                ((Number) row[1]).longValue(), ((Number) row[2]).longValue())).toList();
        return new Stats(byStatus, total, byStatus.get(MessageStatus.IN_DOUBT), perDay);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : LocalDate.parse(value.toString());
    }
}
