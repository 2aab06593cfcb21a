package pk.childhelpline.helpline.intake;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import pk.childhelpline.helpline.reference.Concern;

/**
 * A report as a client sends it. Districts and provinces are checked against the district list by
 * {@link ReportValidator}; the narrative may be up to {@value ReportValidator#MAX_NARRATIVE} characters (Unicode code
 * points) of any script.
 */
public record ReportRequest(
        @Size(max = 100) String externalId,
        OffsetDateTime receivedAt,
        @NotNull Channel channel,
        @NotNull @Valid Reporter reporter,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Child> children,
        @NotEmpty @Size(max = 10) List<@NotNull Concern> concerns,
        @NotNull Urgency urgency,
        Boolean legalAidRequested,
        String narrative,
        @Valid Place location) {

    /** The person who reported. Name and phone are optional; consent and safety default to false (no SMS). */
    public record Reporter(
            @NotNull Relationship relationship,
            @Size(max = 200) String name,
            String phone,
            @NotNull Language preferredLanguage,
            Boolean smsConsent,
            Boolean safeToContact) {
    }

    /** A child the report is about; {@code ageYears} is null when unknown. */
    public record Child(
            @Min(0) @Max(17) Integer ageYears,
            @NotNull Gender gender,
            @NotNull String district,
            @NotNull String province) {
    }

    /** Where the incident happened. */
    public record Place(@NotNull String district, @NotNull String province) {
    }
}
