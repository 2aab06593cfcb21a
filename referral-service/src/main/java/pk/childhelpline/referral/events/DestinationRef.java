package pk.childhelpline.referral.events;

/** Where a referral is: its destination type, organisation and office. */
public record DestinationRef(String type, String organisationId, String office) {
}
