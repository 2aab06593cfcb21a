package pk.childhelpline.notification.sms;

/** Purpose of an outgoing SMS. The four updates have a template each, per language, full and discreet. */
public enum MessageKind {
    RECEIVED("received", true), REFERRED("referred", true), ACCEPTED("accepted", true), CLOSED("closed", true), STATUS_REPLY(
            "status-unknown", false), STOP_CONFIRMATION("stop-confirmation", false), INCOMING_ACK("incoming-ack", false);

    private final String template;
    private final boolean update;

    MessageKind(String template, boolean update) {
        this.template = template;
        this.update = update;
    }

    /** Template folder under templates/sms. */
    public String template() {
        return template;
    }

    /** Returns whether this is a case update (which has a discreet variant), as opposed to a reply. */
    public boolean isUpdate() {
        return update;
    }
}
