package pk.childhelpline.referral.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The fixed code lists that reports and routing rules use. */
public final class Codes {

    /** Province and territory codes, as the report events send them. */
    public static final List<String> PROVINCES = List.of("PB", "SD", "KP", "BA", "IS", "GB", "AJK");

    /** The office code of an organisation's national office. */
    public static final String NATIONAL = "NATIONAL";

    public static final List<String> URGENCIES = List.of("IMMEDIATE_DANGER", "HIGH", "MEDIUM", "LOW");

    /** Referral priorities, highest first. */
    public static final List<String> PRIORITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    public static final Set<String> CONCERNS = Arrays.stream(Concern.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    public static final Set<String> GROUPS = Arrays.stream(ConcernGroup.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private Codes() {
    }

    public static boolean isOfficeCode(String code) {
        return NATIONAL.equals(code) || PROVINCES.contains(code);
    }
}
