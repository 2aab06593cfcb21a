package pk.childhelpline.helpline.intake;

/** How a report reached the helpline. */
public enum Channel {
    PHONE_CALL, SMS, WEB_FORM, MOBILE_APP, WALK_IN
}
