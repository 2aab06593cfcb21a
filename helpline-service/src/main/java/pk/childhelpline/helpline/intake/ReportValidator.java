package pk.childhelpline.helpline.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import pk.childhelpline.helpline.common.Problem;
import pk.childhelpline.helpline.common.ProblemException;
import pk.childhelpline.helpline.reference.DistrictDirectory;

/**
 * Checks a report beyond what JSON parsing catches: bean constraints, districts against the district list, the
 * narrative, and the reporter's phone number. Errors reject the whole report and list every bad field. A bad
 * contact detail only produces a warning, because a contact detail never costs a report.
 */
@ApplicationScoped
public class ReportValidator {

    /** Maximum narrative length in Unicode code points. */
    public static final int MAX_NARRATIVE = 8000;

    /** How far in the future {@code receivedAt} may lie, for clocks that run a little fast. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    Validator validator;

    @Inject
    DistrictDirectory directory;

    @Inject
    Clock clock;

    /** A place in canonical spelling: the district name and the province code. */
    public record Place(String district, String province) {
    }

    /** A child with the home district resolved. */
    public record Child(Integer ageYears, Gender gender, Place home) {
    }

    /** The reporter's phone number after normalisation, or null when none was given. */
    public record Phone(String stored, String e164, PhoneNumbers.Kind kind) {
        boolean smsCapable() {
            return kind == PhoneNumbers.Kind.MOBILE;
        }
    }

    /** A report that passed validation, with canonical places, the normalised phone, and warnings. */
    public record Validated(ReportRequest request, List<Child> children, Place location, Phone phone,
            boolean smsConsent, List<Problem.FieldError> warnings) {
    }

    /**
     * Validates a report or throws a {@link ProblemException} listing every invalid field.
     *
     * @param publicIntake true for the public intake, which accepts only the web form and app channels
     */
    public Validated validate(ReportRequest request, boolean publicIntake) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<ReportRequest> violation : validator.validate(request)) {
            errors.add(new Problem.FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        checkNarrative(request.narrative(), errors);
        checkReceivedAt(request.receivedAt(), errors);

        if (publicIntake && request.channel() != null && request.channel() != Channel.WEB_FORM
                && request.channel() != Channel.MOBILE_APP) {
            errors.add(new Problem.FieldError("channel", "must be WEB_FORM or MOBILE_APP on the public intake"));
        }

        List<Child> children = new ArrayList<>();
        if (request.children() != null) {
            for (int i = 0; i < request.children().size(); i++) {
                ReportRequest.Child child = request.children().get(i);
                if (child == null) {
                    continue;
                }
                Optional<Place> home = resolve("children[" + i + "]", child.district(), child.province(), errors);
                home.ifPresent(place -> children.add(new Child(child.ageYears(), child.gender(), place)));
            }
        }
        Optional<Place> location = request.location() == null
                ? Optional.empty()
                : resolve("location", request.location().district(), request.location().province(), errors);

        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw new ProblemException(
                    Problem.invalid("The report has " + errors.size() + " invalid field(s); nothing was stored", errors));
        }

        List<Problem.FieldError> warnings = new ArrayList<>();
        Phone phone = normalisePhone(request.reporter().phone(), warnings);
        boolean smsConsent = Boolean.TRUE.equals(request.reporter().smsConsent());
        if (smsConsent && (phone == null || !phone.smsCapable())) {
            warnings.add(new Problem.FieldError("reporter.smsConsent",
                    "SMS consent was given without a valid Pakistani mobile number; no SMS will be sent for this report"));
        }
        Place place = location.orElse(children.get(0).home());
        return new Validated(request, children, place, phone, smsConsent, warnings);
    }

    private void checkNarrative(String narrative, List<Problem.FieldError> errors) {
        if (narrative == null || narrative.isBlank()) {
            errors.add(new Problem.FieldError("narrative", "must not be empty; describe what was reported"));
        } else if (narrative.codePointCount(0, narrative.length()) > MAX_NARRATIVE) {
            errors.add(new Problem.FieldError("narrative", "must be at most " + MAX_NARRATIVE + " characters, but has "
                    + narrative.codePointCount(0, narrative.length())));
        }
    }

    private void checkReceivedAt(OffsetDateTime receivedAt, List<Problem.FieldError> errors) {
        if (receivedAt != null && receivedAt.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            errors.add(new Problem.FieldError("receivedAt", "must not be in the future"));
        }
    }

    private Optional<Place> resolve(String path, String district, String province, List<Problem.FieldError> errors) {
        if (district == null || province == null) {
            return Optional.empty();
        }
        Optional<DistrictDirectory.Province> matchedProvince = directory.province(province);
        if (matchedProvince.isEmpty()) {
            errors.add(new Problem.FieldError(path + ".province", "'" + province + "' is not a province; use one of "
                    + directory.provinces().stream().map(DistrictDirectory.Province::code).toList()));
            return Optional.empty();
        }
        String code = matchedProvince.get().code();
        List<DistrictDirectory.District> candidates = directory.districtsNamed(district);
        Optional<DistrictDirectory.District> match = candidates.stream()
                .filter(candidate -> candidate.provinceCode().equals(code)).findFirst();
        if (match.isPresent()) {
            return Optional.of(new Place(match.get().name(), code));
        }
        if (candidates.isEmpty()) {
            errors.add(new Problem.FieldError(path + ".district", "'" + district + "' is not a known district of "
                    + matchedProvince.get().name() + "; see GET /api/reference/districts?province=" + code));
        } else {
            DistrictDirectory.District other = candidates.get(0);
            errors.add(new Problem.FieldError(path + ".district", "'" + district + "' is a district of "
                    + other.provinceName() + " (" + other.provinceCode() + "), not of " + matchedProvince.get().name()
                    + " (" + code + "); correct the district or the province"));
        }
        return Optional.empty();
    }

    private Phone normalisePhone(String input, List<Problem.FieldError> warnings) {
        if (input == null || input.isBlank()) {
            return null;
        }
        PhoneNumbers.Normalised normalised = PhoneNumbers.normalise(input);
        switch (normalised.kind()) {
            case INVALID -> warnings.add(new Problem.FieldError("reporter.phone",
                    "is not a valid phone number; it was stored as given, and no SMS will be sent to it"));
            case NOT_MOBILE -> warnings.add(new Problem.FieldError("reporter.phone",
                    "is a Pakistani landline or special number, not a mobile number; no SMS will be sent to it"));
            case FOREIGN -> warnings.add(new Problem.FieldError("reporter.phone",
                    "is not a Pakistani number; no SMS will be sent to it"));
            case MOBILE -> {
            }
        }
        String stored = normalised.e164() != null ? normalised.e164() : input.strip();
        return new Phone(stored, normalised.e164(), normalised.kind());
    }
}
