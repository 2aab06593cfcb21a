package pk.childhelpline.helpline.intake;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The language a reporter wants SMS in: English, Urdu script, or Roman Urdu. */
public enum Language {
    @JsonProperty("en")
    EN("en"), @JsonProperty("ur")
    UR("ur"), @JsonProperty("ur-Latn")
    UR_LATN("ur-Latn");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** Returns the BCP 47 tag used in the API and in events. */
    public String tag() {
        return tag;
    }

    public static Language ofTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equals(tag)) {
                return language;
            }
        }
        throw new IllegalArgumentException("Unknown language tag " + tag);
    }
}
