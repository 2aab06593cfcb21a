package pk.childhelpline.helpline.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

import pk.childhelpline.helpline.common.ProblemException;
import pk.childhelpline.helpline.crypto.Secrets;
import pk.childhelpline.helpline.outbox.Outbox;
import pk.childhelpline.helpline.outbox.Topics;
import pk.childhelpline.helpline.timeline.CaseEvent;

/**
 * Corrects a report with a JSON merge patch (RFC 7396) over its request shape. The corrected report is validated like
 * a new one; the changed fields are recorded in the timeline with who changed them, and a {@code ReportCorrected}
 * event carries the whole corrected report so that the referrals follow it.
 */
@ApplicationScoped
public class ReportCorrections {

    private static final Set<String> SUBSCRIPTION_FIELDS = Set.of("reporter.phone", "reporter.smsConsent",
            "reporter.preferredLanguage", "reporter.safeToContact");

    @Inject
    ReportService reports;

    @Inject
    ReportValidator validator;

    @Inject
    Secrets secrets;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Transactional
    public ReportViews.Corrected correct(String reference, JsonNode patch, String actor) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("(body)",
                    "must be a JSON object with the fields to change (JSON merge patch)");
        }
        Report report = reports.find(reference);
        ObjectNode before = snapshot(report);
        JsonNode patched = mergePatch(before.deepCopy(), patch);
        ReportRequest request = mapper.treeToValue(patched, ReportRequest.class);
        ReportValidator.Validated validated = validator.validate(request, false);

        if (request.receivedAt() != null) {
            report.receivedAt = request.receivedAt().toInstant();
            report.receivedOffsetSeconds = request.receivedAt().getOffset().getTotalSeconds();
        }
        ReportMapping.apply(report, validated, secrets);
        List<String> changed = diff("", before, snapshot(report));
        if (changed.isEmpty()) {
            return new ReportViews.Corrected(changed, reports.view(report));
        }
        Instant now = clock.instant();
        report.updatedAt = now;
        CaseEvent.of(report.id, now, CaseEvent.Kind.CORRECTED, actor, "Corrected " + String.join(", ", changed))
                .persist();
        outbox.append(Topics.REPORTS, ReportEvents.REPORT_CORRECTED, report.id,
                ReportEvents.ReportCorrected.of(report, changed, actor));
        if (report.smsEnabled() && changed.stream().anyMatch(SUBSCRIPTION_FIELDS::contains)) {
            reports.publishSubscription(report, validated.phone().e164());
        }
        // Flushing here raises a concurrent correction's OptimisticLockException inside the request, which maps to 409.
        Report.flush();
        Log.infof("Corrected report %s by %s: %s", report.reference, actor, changed);
        return new ReportViews.Corrected(changed, reports.view(report));
    }

    /** Returns the report in the shape of a request, with the reporter's contact details decrypted. */
    private ObjectNode snapshot(Report report) {
        String owner = report.id.toString();
        ReportRequest request = new ReportRequest(report.externalId, report.receivedAtWithOffset(), report.channel,
                new ReportRequest.Reporter(report.relationship, secrets.decrypt(report.reporterNameEncrypted, owner),
                        secrets.decrypt(report.reporterPhoneEncrypted, owner), report.preferredLanguage,
                        report.smsConsent, report.safeToContact),
                report.children.stream()
                        .map(child -> new ReportRequest.Child(child.ageYears, child.gender, child.district, child.province))
                        .toList(),
                List.copyOf(report.concerns), report.urgency, report.legalAidRequested, report.narrative,
                new ReportRequest.Place(report.locationDistrict, report.locationProvince));
        return mapper.valueToTree(request);
    }

    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? (ObjectNode) target
                : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /** Lists the JSON paths whose values differ, down to array elements of equal-length arrays. */
    static List<String> diff(String path, JsonNode before, JsonNode after) {
        List<String> changed = new ArrayList<>();
        if (before == null || after == null || before.isNull() || after.isNull()) {
            if (!(isMissing(before) && isMissing(after))) {
                changed.add(path);
            }
        } else if (before.isObject() && after.isObject()) {
            Set<String> names = new TreeSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                changed.addAll(diff(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name)));
            }
        } else if (before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                changed.addAll(diff(path + "[" + i + "]", before.get(i), after.get(i)));
            }
        } else if (!before.equals(after)) {
            changed.add(path);
        }
        return changed;
    }

    private static boolean isMissing(JsonNode node) {
        return node == null || node.isNull();
    }
}
