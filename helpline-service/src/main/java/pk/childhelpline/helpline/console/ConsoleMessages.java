package pk.childhelpline.helpline.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import pk.childhelpline.helpline.intake.Channel;
import pk.childhelpline.helpline.intake.Gender;
import pk.childhelpline.helpline.intake.Language;
import pk.childhelpline.helpline.intake.Relationship;
import pk.childhelpline.helpline.intake.ReportStatus;
import pk.childhelpline.helpline.intake.Urgency;
import pk.childhelpline.helpline.reference.Concern;
import pk.childhelpline.helpline.reference.ConcernGroup;
import pk.childhelpline.helpline.timeline.CaseEvent;

/**
 * Labels of the operator console in English; {@code messages/msg_ur.properties} contains the Urdu ones. Templates use
 * them as {@code {msg:key}}. Enum labels are message templates that switch on the constant, so that one key covers
 * every constant of an enum.
 */
@MessageBundle
public interface ConsoleMessages {

    @Message("Child Helpline")
    String serviceName();

    @Message("Operator console")
    String consoleName();

    @Message("Signed in as")
    String signedInAs();

    @Message("Sign out")
    String signOut();

    @Message("{#if role == 'supervisor'}supervisor{#else if role == 'operator'}operator{#else}{role}{/if}")
    String role(String role);

    @Message("اردو")
    String switchLanguage();

    @Message("ur")
    String switchLanguageCode();

    @Message("Skip to content")
    String skipToContent();

    @Message("New report")
    String navNewReport();

    @Message("Cases")
    String navCases();

    @Message("Log a call")
    String formTitle();

    @Message("Fields marked * are required.")
    String requiredNote();

    @Message("The report was not saved. Correct these fields:")
    String errorsTitle();

    @Message("Call")
    String sectionCall();

    @Message("Channel")
    String channelLabel();

    @Message("Urgency")
    String urgencyLabel();

    @Message("What happened")
    String narrativeLabel();

    @Message("Write what the caller says, in any language.")
    String narrativeHint();

    @Message("Concerns (at least one)")
    String concernsLabel();

    @Message("Where it happened (optional; the first child's home district is used otherwise)")
    String locationLabel();

    @Message("Province")
    String provinceLabel();

    @Message("District")
    String districtLabel();

    @Message("Choose")
    String choose();

    @Message("Children")
    String sectionChildren();

    @Message("Child {number}")
    String childTitle(int number);

    @Message("Age in years (empty if unknown)")
    String ageLabel();

    @Message("Gender")
    String genderLabel();

    @Message("Home province")
    String homeProvinceLabel();

    @Message("Home district")
    String homeDistrictLabel();

    @Message("Add another child")
    String addChild();

    @Message("Empty child blocks are ignored.")
    String childrenHint();

    @Message("Reporter")
    String sectionReporter();

    @Message("Relationship to the child")
    String relationshipLabel();

    @Message("Name (optional)")
    String nameLabel();

    @Message("Phone number (optional)")
    String phoneLabel();

    @Message("SMS language")
    String languageLabel();

    @Message("The reporter agrees to status updates by SMS")
    String smsConsentLabel();

    @Message("It is safe to contact the reporter")
    String safeToContactLabel();

    @Message("The family asks for legal aid")
    String legalAidLabel();

    @Message("Save report")
    String save();

    @Message("Report saved")
    String filedTitle();

    @Message("Read this case reference back to the caller:")
    String readBack();

    @Message("Warnings")
    String warningsTitle();

    @Message("Possible duplicates")
    String duplicatesTitle();

    @Message("These reports look like the same case. Link one if the caller confirms it.")
    String duplicatesHint();

    @Message("Link")
    String link();

    @Message("Linked")
    String linked();

    @Message("Open the case")
    String openCase();

    @Message("Log another call")
    String anotherReport();

    @Message("Reference or external id")
    String searchText();

    @Message("Received from (date)")
    String receivedFrom();

    @Message("Received up to (date)")
    String receivedTo();

    @Message("Concern")
    String concernLabel();

    @Message("Concerns")
    String concernsTitle();

    @Message("Status")
    String statusLabel();

    @Message("Any")
    String any();

    @Message("Filter")
    String filter();

    @Message("{total} case(s)")
    String caseCount(long total);

    @Message("No case matches these filters.")
    String noCases();

    @Message("Reference")
    String referenceLabel();

    @Message("Received")
    String receivedLabel();

    @Message("Place")
    String placeLabel();

    @Message("Possible duplicate")
    String possibleDuplicate();

    @Message("Previous page")
    String previousPage();

    @Message("Next page")
    String nextPage();

    @Message("Page {page} of {pages}")
    String pageOf(int page, long pages);

    @Message("Case {reference}")
    String caseTitle(String reference);

    @Message("Report")
    String sectionReport();

    @Message("Filed by")
    String filedBy();

    @Message("Age")
    String ageShort();

    @Message("unknown")
    String unknown();

    @Message("yes")
    String yes();

    @Message("no")
    String no();

    @Message("Name given")
    String hasName();

    @Message("Phone given")
    String hasPhone();

    @Message("SMS updates")
    String smsEnabled();

    @Message("Related reports")
    String relatedTitle();

    @Message("Timeline")
    String timelineTitle();

    @Message("Add a note")
    String noteLabel();

    @Message("Save note")
    String saveNote();

    @Message("Link this case with another report")
    String linkLabel();

    @Message("Access denied")
    String forbiddenTitle();

    @Message("Your role does not allow this page. The operator console is for operators and supervisors.")
    String forbiddenText();

    @Message("Signed out")
    String signedOutTitle();

    @Message("You have signed out of the operator console.")
    String signedOutText();

    @Message("Sign in again")
    String signInAgain();

    @Message("Not found")
    String notFoundTitle();

    @Message("{#when channel}{#is PHONE_CALL}Phone call{#is SMS}SMS{#is WEB_FORM}Web form{#is MOBILE_APP}Mobile app{#is WALK_IN}Walk-in{/when}")
    String channel(Channel channel);

    @Message("{#when urgency}{#is IMMEDIATE_DANGER}Immediate danger{#is HIGH}High{#is MEDIUM}Medium{#is LOW}Low{/when}")
    String urgency(Urgency urgency);

    @Message("{#when status}{#is RECEIVED}Received{#is REFERRED}Referred{#is IN_PROGRESS}In progress{#is CLOSED}Closed{/when}")
    String status(ReportStatus status);

    @Message("{#when gender}{#is FEMALE}Female{#is MALE}Male{#is UNKNOWN}Unknown{/when}")
    String gender(Gender gender);

    @Message("{#when relationship}{#is SELF}The child{#is PARENT}Parent{#is RELATIVE}Relative{#is NEIGHBOUR}Neighbour{#is TEACHER}Teacher{#is HEALTH_WORKER}Health worker{#is NGO_WORKER}NGO worker{#is OTHER}Other{/when}")
    String relationship(Relationship relationship);

    @Message("{#when language}{#is EN}English{#is UR}Urdu{#is UR_LATN}Roman Urdu{/when}")
    String language(Language language);

    @Message("{#when group}{#is VIOLENCE}Violence{#is ABUSE_AND_NEGLECT}Abuse and neglect{#is EXPLOITATION}Exploitation{#is DEPRIVATION_OF_CAREGIVERS}Deprivation of primary caregivers{/when}")
    String group(ConcernGroup group);

    @Message("{#when kind}{#is FILED}Filed{#is CORRECTED}Corrected{#is NOTE}Note{#is LINKED}Linked{#is REFERRAL_STATUS}Referral status{/when}")
    String eventKind(CaseEvent.Kind kind);

    @Message("{#when concern}{#is PHYSICAL_VIOLENCE}Physical violence{#is CORPORAL_PUNISHMENT}Corporal punishment{#is SEXUAL_ABUSE}Sexual abuse{#is TORTURE_OR_CRUEL_TREATMENT}Torture or cruel treatment{#is CHILD_MARRIAGE}Child marriage{#is PRIVACY_OR_HONOUR_ATTACK}Attack on privacy or honour{#is RECRUITMENT_BY_ARMED_GROUPS}Recruitment by armed groups{#is JUVENILE_JUSTICE_VIOLATION}Juvenile justice violation{#is NEGLECT}Neglect{#is EMOTIONAL_ABUSE}Emotional abuse{#is CHILD_LABOUR}Child labour{#is DOMESTIC_CHILD_LABOUR}Domestic child labour{#is BONDED_LABOUR}Bonded labour{#is SEXUAL_EXPLOITATION}Sexual exploitation{#is ONLINE_SEXUAL_EXPLOITATION}Online sexual exploitation{#is TRAFFICKING}Trafficking{#is ABDUCTION}Abduction{#is BEGGING_OR_OTHER_EXPLOITATION}Begging or other exploitation{#is MISSING_CHILD}Missing child{#is ABANDONMENT}Abandonment{#is SEPARATION_FROM_PARENTS}Separation from parents{#is BIRTH_REGISTRATION_DENIED}Birth registration denied{#is PARENTAL_CARE_FAILURE}Failure of parental care{#is ALTERNATIVE_CARE_REVIEW}Alternative care review{#is UNLAWFUL_DETENTION}Unlawful detention{/when}")
    String concern(Concern concern);
}
