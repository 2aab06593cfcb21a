package pk.childhelpline.helpline.publicintake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import pk.childhelpline.helpline.common.Problem;
import pk.childhelpline.helpline.intake.Report;
import pk.childhelpline.helpline.intake.ReportService;
import pk.childhelpline.helpline.intake.ReportValidator;

/** Files public reports, storing the response under the Idempotency-Key in the same transaction. */
@ApplicationScoped
public class PublicIntakeService {

    /**
     * The response to a public report: the case reference and warnings. Possible duplicates are left out, because they
     * name other people's cases.
     */
    public record Created(String reference, Instant acceptedAt, List<Problem.FieldError> warnings) {
    }

    @Inject
    ReportService reports;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Transactional
    public String file(ReportValidator.Validated validated, String idempotencyKey, String requestHash)
            throws JsonProcessingException {
        ReportService.Filed filed = reports.file(validated, Report.Source.PUBLIC, "public");
        String body = mapper.writeValueAsString(
                new Created(filed.view().reference(), filed.view().acceptedAt(), filed.view().warnings()));
        if (idempotencyKey != null) {
            IdempotencyRecord record = new IdempotencyRecord();
            record.key = idempotencyKey;
            record.requestHash = requestHash;
            record.reportId = filed.report().id;
            record.responseStatus = 201;
            record.responseBody = body;
            record.createdAt = clock.instant();
            record.persistAndFlush();
        }
        return body;
    }

    /** Deletes idempotency records after a day: a client retries within minutes, not days. */
    @Scheduled(every = "1h")
    @Transactional
    void deleteExpiredRecords() {
        long deleted = IdempotencyRecord.delete("createdAt < ?1", clock.instant().minus(Duration.ofDays(1)));
        if (deleted > 0) {
            Log.infof("Deleted %d expired idempotency record(s)", deleted);
        }
    }

    @Transactional
    public IdempotencyRecord findRecord(String key) {
        return IdempotencyRecord.findById(key);
    }
}
