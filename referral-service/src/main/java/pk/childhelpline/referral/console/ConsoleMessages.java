package pk.childhelpline.referral.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Labels of the officers' and supervisors' console in English; {@code messages/msg_ur.properties} contains the Urdu ones.
 * Templates reach them as {@code {msg:key}}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface ConsoleMessages {

    @Message("Referral console")
    String app_name();

    @Message("Skip to content")
    String skip_link();

    @Message("Signed in as")
    String signed_in_as();

    @Message("Sign out")
    String sign_out();

    @Message("Main menu")
    String nav_label();

    @Message("My queue")
    String nav_queue();

    @Message("All queues")
    String nav_queues();

    @Message("Escalations")
    String nav_escalations();

    @Message("SMS history")
    String nav_sms();

    @Message("Queue of {office}")
    String queue_title(String office);

    @Message("All queues")
    String queues_title();

    @Message("Escalated referrals")
    String escalations_title();

    @Message("Referrals that were still not claimed when their deadline passed, oldest deadline first.")
    String escalations_intro();

    @Message("{total} referral(s)")
    String count(long total);

    @Message("No referrals match.")
    String empty_queue();

    @Message("Filters")
    String filters();

    @Message("Status")
    String status();

    @Message("Open (not finished)")
    String status_open();

    @Message("Any status")
    String status_any();

    @Message("Priority")
    String priority();

    @Message("Any")
    String any();

    @Message("Province")
    String province();

    @Message("Organisation")
    String organisation();

    @Message("Office")
    String office();

    @Message("Only overdue")
    String only_overdue();

    @Message("Apply filters")
    String apply_filters();

    @Message("Reference")
    String reference();

    @Message("Queue")
    String queue();

    @Message("Deadline")
    String deadline();

    @Message("Claimed by")
    String claimed_by();

    @Message("OVERDUE")
    String overdue();

    @Message("Previous page")
    String previous_page();

    @Message("Next page")
    String next_page();

    @Message("Page {page} of {pages}")
    String page_of(int page, long pages);

    @Message("Referral {reference}")
    String referral_title(String reference);

    @Message("Back to the queue")
    String back_to_queue();

    @Message("Report")
    String report();

    @Message("Concerns")
    String concerns();

    @Message("Urgency")
    String urgency();

    @Message("Children")
    String children();

    @Message("Age")
    String age();

    @Message("Gender")
    String gender();

    @Message("District")
    String district();

    @Message("Location")
    String location();

    @Message("What was reported")
    String narrative();

    @Message("Channel")
    String channel();

    @Message("Report accepted")
    String accepted_at();

    @Message("Legal aid requested")
    String legal_aid();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("History")
    String history();

    @Message("When")
    String when();

    @Message("Who")
    String who();

    @Message("Change")
    String change();

    @Message("Reason")
    String reason();

    @Message("Outcome")
    String outcome();

    @Message("Notes")
    String notes();

    @Message("No notes yet.")
    String no_notes();

    @Message("Actions")
    String actions();

    @Message("No status change is possible: this referral is finished.")
    String no_actions();

    @Message("Claim")
    String claim();

    @Message("Start work")
    String start();

    @Message("Add a note")
    String add_note();

    @Message("Note")
    String note();

    @Message("Resolve")
    String resolve();

    @Message("Close")
    String close();

    @Message("Reject")
    String reject();

    @Message("Reason (required)")
    String reason_required();

    @Message("Reason (optional)")
    String reason_optional();

    @Message("Transfer")
    String transfer();

    @Message("Transfer to")
    String transfer_to();

    @Message("Choose…")
    String choose();

    @Message("Done:")
    String done();

    @Message("The request was not carried out")
    String error_summary();

    @Message("This action is not allowed while the referral's status is")
    String not_allowed();

    @Message("Nothing was changed.")
    String nothing_changed();

    @Message("Someone else changed this referral, reload the page and check it before you try again. Nothing was changed.")
    String stale();

    @Message("Reload")
    String reload();

    @Message("Case reference")
    String case_reference();

    @Message("Show SMS")
    String show_sms();

    @Message("SMS of case {reference}")
    String sms_title(String reference);

    @Message("Phone numbers and message texts are not shown.")
    String sms_privacy();

    @Message("No SMS were sent for this case.")
    String sms_none();

    @Message("The notification service is not reachable, so the SMS history cannot be shown now. Try again in a few minutes.")
    String sms_unavailable();

    @Message("Kind")
    String sms_kind();

    @Message("Language")
    String sms_language();

    @Message("Discreet")
    String sms_discreet();

    @Message("Sender")
    String sms_sender();

    @Message("Parts")
    String sms_parts();

    @Message("Attempts")
    String sms_attempts();

    @Message("Created")
    String sms_created();

    @Message("Completed")
    String sms_completed();

    @Message("Last error")
    String sms_last_error();

    @Message("Access denied")
    String forbidden_title();

    @Message("Your role does not allow this page. Sign in with another account, or ask an admin for access.")
    String forbidden_text();

    @Message("Not found")
    String not_found_title();

    @Message("There is no such page or referral, or it is not in your office's queue.")
    String not_found_text();

    @Message("The form was not accepted")
    String csrf_title();

    @Message("The form has expired or did not come from this console. Nothing was changed. Go back, reload the page and try again.")
    String csrf_text();

    @Message("Something went wrong")
    String error_title();

    @Message("The page could not be shown; the error has been logged. Try again.")
    String error_text();

    @Message("Signed out")
    String signed_out_title();

    @Message("You have signed out of the referral console.")
    String signed_out_text();

    @Message("Sign in again")
    String sign_in_again();

    /** Returns the label of a status, priority, urgency, outcome, gender or channel code; other codes as they are. */
    @Message("{#when code}{#is 'PENDING'}Pending{#is 'ACCEPTED'}Accepted{#is 'IN_PROGRESS'}In progress{#is 'RESOLVED'}Resolved{#is 'CLOSED'}Closed{#is 'REJECTED'}Rejected{#is 'TRANSFERRED'}Transferred{#is 'ESCALATED'}Escalated{#is 'CRITICAL'}Critical{#is 'HIGH'}High{#is 'MEDIUM'}Medium{#is 'LOW'}Low{#is 'IMMEDIATE_DANGER'}Immediate danger"
            + "{#is 'CHILD_SAFE'}Child safe{#is 'REFERRED_TO_POLICE'}Referred to police{#is 'LEGAL_ACTION_STARTED'}Legal action started{#is 'SERVICES_PROVIDED'}Services provided{#is 'REUNITED_WITH_FAMILY'}Reunited with family{#is 'PLACED_IN_ALTERNATIVE_CARE'}Placed in alternative care{#is 'NO_ACTION_NEEDED'}No action needed{#is 'UNABLE_TO_CONTACT'}Unable to contact{#is 'DUPLICATE'}Duplicate{#is 'OTHER'}Other{#is 'REROUTED'}Re-routed after a correction{#is 'FEMALE'}Female{#is 'MALE'}Male{#is 'UNKNOWN'}Unknown{#is 'PHONE_CALL'}Phone call{#is 'SMS'}SMS{#is 'WEB_FORM'}Web form{#is 'MOBILE_APP'}Mobile app{#is 'WALK_IN'}Walk-in{#else}{code}{/when}")
    String code(String code);
}
