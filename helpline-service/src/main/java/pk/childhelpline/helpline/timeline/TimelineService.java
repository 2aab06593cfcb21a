package pk.childhelpline.helpline.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import pk.childhelpline.helpline.common.Page;

/** Reads and adds entries of a case's timeline. */
@ApplicationScoped
public class TimelineService {

    /** One timeline entry as the API shows it. */
    public record Entry(Instant occurredAt, CaseEvent.Kind kind, String actor, String summary, String referralId,
            String destination, String fromStatus, String toStatus) {
    }

    @Inject
    Clock clock;

    @Transactional
    public Page<Entry> timeline(UUID reportId, int page, int size) {
        var query = CaseEvent.<CaseEvent>find("reportId = ?1 order by occurredAt, id", reportId);
        List<Entry> items = query.page(page, size).list().stream()
                .map(event -> new Entry(event.occurredAt, event.kind, event.actor, event.summary, event.referralId,
                        event.destination, event.fromStatus, event.toStatus))
                .toList();
        return new Page<>(items, query.count());
    }

    @Transactional
    public Entry addNote(UUID reportId, String reference, String text, String actor) {
        CaseEvent event = CaseEvent.of(reportId, clock.instant(), CaseEvent.Kind.NOTE, actor, text);
        event.persist();
        Log.infof("Note added to report %s by %s", reference, actor);
        return new Entry(event.occurredAt, event.kind, event.actor, event.summary, null, null, null, null);
    }
}
