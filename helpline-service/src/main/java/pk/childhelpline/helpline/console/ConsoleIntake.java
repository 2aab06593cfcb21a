package pk.childhelpline.helpline.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

import pk.childhelpline.helpline.intake.Report;
import pk.childhelpline.helpline.intake.ReportService;
import pk.childhelpline.helpline.intake.ReportValidator;
import pk.childhelpline.helpline.intake.ReportViews;
import pk.childhelpline.helpline.publicintake.IdempotencyRecord;

/**
 * Files reports from the console form at most once per form. The form carries a one-time id, which is stored as an
 * idempotency key (the mechanism of the public intake, with its one-day expiry) in the same transaction as the report,
 * so that a form sent twice (a double click, or the browser sending the same post again) files one report and both
 * submits show its result.
 */
@ApplicationScoped
public class ConsoleIntake {

    private static final String KEY_PREFIX = "console:";

    @Inject
    ReportService reports;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** Returns the result of the report filed with this form id, if there is one. */
    @Transactional
    public Optional<ReportViews.Created> filedWith(String formId) {
        IdempotencyRecord record = IdempotencyRecord.findById(KEY_PREFIX + formId);
        if (record == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(record.responseBody, ReportViews.Created.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored result of console form " + formId + " is not readable", e);
        }
    }

    /** Files the report unless this form id already filed one, and returns the result either way. */
    @Transactional
    public ReportViews.Created file(ReportValidator.Validated validated, String formId, String actor) {
        Optional<ReportViews.Created> previous = filedWith(formId);
        if (previous.isPresent()) {
            Log.infof("Console form %s was sent again; report %s was filed once", formId, previous.get().reference());
            return previous.get();
        }
        ReportService.Filed filed = reports.file(validated, Report.Source.OPERATOR, actor);
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = KEY_PREFIX + formId;
        record.reportId = filed.report().id;
        record.responseStatus = 201;
        try {
            record.responseBody = mapper.writeValueAsString(filed.view());
            record.requestHash = sha256(mapper.writeValueAsString(validated.request()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the result of console form " + formId, e);
        }
        record.createdAt = clock.instant();
        record.persistAndFlush();
        return filed.view();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
