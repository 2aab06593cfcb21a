package pk.childhelpline.helpline.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

import io.quarkus.qute.TemplateData;

import pk.childhelpline.helpline.common.Problem;
import pk.childhelpline.helpline.intake.Channel;
import pk.childhelpline.helpline.intake.Gender;
import pk.childhelpline.helpline.intake.Language;
import pk.childhelpline.helpline.intake.Relationship;
import pk.childhelpline.helpline.intake.ReportRequest;
import pk.childhelpline.helpline.intake.Urgency;
import pk.childhelpline.helpline.reference.Concern;

/**
 * The call-logging form as typed: every field as text, so that a form with errors is shown again exactly as it was
 * sent. {@link #toRequest()} turns it into the {@link ReportRequest} of the operator API, and field errors are keyed by
 * the id of the form element they belong to.
 */
@TemplateData
public final class ReportForm {

    /** Child blocks that a new form shows. */
    public static final int INITIAL_CHILDREN = 2;
    /** The maximum number of children of a report, as {@link ReportRequest} allows. */
    public static final int MAX_CHILDREN = 20;

    private static final Pattern CHILD_PATH = Pattern.compile("^children\\[(\\d+)]");

    /** The fields of one child block. */
    @TemplateData
    public static final class ChildFields {
        public final int index;
        public String age = "";
        public String gender = "";
        public String province = "";
        public String district = "";

        ChildFields(int index) {
            this.index = index;
        }

        boolean isBlank() {
            return age.isBlank() && gender.isBlank() && district.isBlank();
        }

        public int number() {
            return index + 1;
        }

        public String id(String field) {
            return "child-" + index + "-" + field;
        }
    }

    /** A form error: the id of the element it belongs to, the API path with the block number, and the message. */
    @TemplateData
    public record FieldError(String id, String path, String message) {
    }

    /** The request that the form stands for, with the errors found while reading the text fields. */
    public record Converted(ReportRequest request, List<FieldError> errors, List<Integer> blockOfChild) {
    }

    public String formId;
    public String channel = Channel.PHONE_CALL.name();
    public String urgency = "";
    public String narrative = "";
    public final Set<String> concerns = new LinkedHashSet<>();
    public String locationProvince = "";
    public String locationDistrict = "";
    public final List<ChildFields> children = new ArrayList<>();
    public String relationship = "";
    public String name = "";
    public String phone = "";
    public String language = Language.UR.tag();
    public boolean smsConsent;
    public boolean safeToContact;
    public boolean legalAid;
    public final List<FieldError> errors = new ArrayList<>();

    /** Returns an empty form with a new one-time form id and {@link #INITIAL_CHILDREN} child blocks. */
    public static ReportForm blank() {
        ReportForm form = new ReportForm();
        form.formId = UUID.randomUUID().toString();
        for (int i = 0; i < INITIAL_CHILDREN; i++) {
            form.children.add(new ChildFields(i));
        }
        return form;
    }

    /** Reads a posted form; a missing or malformed form id is replaced, so that the post can still be saved once. */
    public static ReportForm from(MultivaluedMap<String, String> params) {
        ReportForm form = new ReportForm();
        form.formId = text(params, "formId");
        try {
            form.formId = UUID.fromString(form.formId).toString();
        } catch (IllegalArgumentException e) {
            form.formId = UUID.randomUUID().toString();
        }

        form.channel = text(params, "channel");
        form.urgency = text(params, "urgency");
        form.narrative = params.getFirst("narrative") == null ? "" : params.getFirst("narrative");
        if (params.get("concern") != null) {
            form.concerns.addAll(params.get("concern"));
        }
        form.locationProvince = text(params, "locationProvince");
        form.locationDistrict = text(params, "locationDistrict");

        int count = childCount(params);
        for (int i = 0; i < count; i++) {
            ChildFields child = new ChildFields(i);
            child.age = text(params, child.id("age"));
            child.gender = text(params, child.id("gender"));
            child.province = text(params, child.id("province"));
            child.district = text(params, child.id("district"));
            form.children.add(child);
        }

        form.relationship = text(params, "relationship");
        form.name = text(params, "name");
        form.phone = text(params, "phone");
        form.language = text(params, "language");
        form.smsConsent = params.containsKey("smsConsent");
        form.safeToContact = params.containsKey("safeToContact");
        form.legalAid = params.containsKey("legalAid");
        return form;
    }

    /** Adds an empty child block, up to {@link #MAX_CHILDREN}. */
    public void addChild() {
        if (children.size() < MAX_CHILDREN) {
            children.add(new ChildFields(children.size()));
        }
    }

    public boolean canAddChild() {
        return children.size() < MAX_CHILDREN;
    }

    public boolean hasConcern(Concern concern) {
        return concerns.contains(concern.name());
    }

    /** Returns the message of the error on the element with this id, or null. */
    public String error(String id) {
        return errors.stream().filter(error -> error.id().equals(id)).map(FieldError::message).findFirst()
                .orElse(null);
    }

    public boolean invalid(String id) {
        return error(id) != null;
    }

    /**
     * Builds the API request. Text that cannot be read (an age that is not a number, an unknown code) becomes null in
     * the request and an error here, so that the validator still checks every other field.
     */
    public Converted toRequest() {
        List<FieldError> conversion = new ArrayList<>();
        List<ReportRequest.Child> requestChildren = new ArrayList<>();
        List<Integer> blockOfChild = new ArrayList<>();
        for (ChildFields child : children) {
            if (!child.isBlank()) {
                requestChildren.add(toRequestChild(child, conversion));
                blockOfChild.add(child.index);
            }
        }

        List<Concern> concernList = new ArrayList<>();
        for (String code : concerns) {
            Concern concern = enumValue(Concern.class, code);
            if (concern == null) {
                conversion.add(new FieldError("concerns", "concerns", "'" + code + "' is not a concern code"));
            } else {
                concernList.add(concern);
            }
        }

        ReportRequest.Place location = locationProvince.isBlank() && locationDistrict.isBlank()
                ? null
                : new ReportRequest.Place(blankToNull(locationDistrict), blankToNull(locationProvince));
        ReportRequest.Reporter reporter = new ReportRequest.Reporter(enumValue(Relationship.class, relationship),
                blankToNull(name), blankToNull(phone), preferredLanguage(conversion), smsConsent, safeToContact);
        ReportRequest request = new ReportRequest(null, null, enumValue(Channel.class, channel), reporter,
                requestChildren, concernList, enumValue(Urgency.class, urgency), legalAid, narrative, location);
        return new Converted(request, conversion, blockOfChild);
    }

    private static ReportRequest.Child toRequestChild(ChildFields child, List<FieldError> conversion) {
        Integer age = null;
        if (!child.age.isBlank()) {
            try {
                age = Integer.valueOf(child.age.strip());
            } catch (NumberFormatException e) {
                conversion.add(new FieldError(child.id("age"), "children[" + child.index + "].ageYears",
                        "must be a whole number of years from 0 to 17, or empty if unknown"));
            }
        }
        return new ReportRequest.Child(age, enumValue(Gender.class, child.gender), blankToNull(child.district),
                blankToNull(child.province));
    }

    private Language preferredLanguage(List<FieldError> conversion) {
        if (language.isBlank()) {
            return null;
        }
        try {
            return Language.ofTag(language);
        } catch (IllegalArgumentException e) {
            conversion.add(new FieldError("language", "reporter.preferredLanguage", "must be en, ur or ur-Latn"));
            return null;
        }
    }

    /**
     * Records the errors of the validator (API paths such as {@code children[0].district}) on the form elements they
     * belong to. Child indexes of the request are turned back into the blocks they came from, because empty blocks
     * are left out of the request.
     */
    public void addErrors(List<Problem.FieldError> apiErrors, List<Integer> blockOfChild) {
        Map<String, FieldError> byId = new LinkedHashMap<>();
        for (FieldError error : errors) {
            byId.putIfAbsent(error.id(), error);
        }
        for (Problem.FieldError apiError : apiErrors) {
            String path = apiError.field();
            Matcher matcher = CHILD_PATH.matcher(path);
            if (matcher.find()) {
                int requestIndex = Integer.parseInt(matcher.group(1));
                int block = requestIndex < blockOfChild.size() ? blockOfChild.get(requestIndex) : requestIndex;
                path = "children[" + block + "]" + path.substring(matcher.end());
            }
            String id = elementId(path);
            byId.putIfAbsent(id, new FieldError(id, path, apiError.message()));
        }
        errors.clear();
        errors.addAll(byId.values());
    }

    /** Maps an API field path to the id of the form element that contains it. */
    static String elementId(String path) {
        Matcher child = CHILD_PATH.matcher(path);
        if (child.find()) {
            String rest = path.substring(child.end());
            String field = switch (rest) {
                case ".ageYears" -> "age";
                case ".gender" -> "gender";
                case ".province" -> "province";
                case ".district" -> "district";
                default -> "gender";
            };
            return "child-" + child.group(1) + "-" + field;
        }
        if (path.startsWith("children")) {
            return "child-0-gender";
        }
        if (path.startsWith("concerns")) {
            return "concerns";
        }
        return switch (path) {
            case "channel" -> "channel";
            case "urgency" -> "urgency";
            case "narrative" -> "narrative";
            case "location.province" -> "locationProvince";
            case "location.district", "location" -> "locationDistrict";
            case "reporter.relationship", "reporter" -> "relationship";
            case "reporter.name" -> "name";
            case "reporter.phone" -> "phone";
            case "reporter.preferredLanguage" -> "language";
            case "reporter.smsConsent" -> "smsConsent";
            default -> "narrative";
        };
    }

    private static int childCount(MultivaluedMap<String, String> params) {
        try {
            int count = Integer.parseInt(text(params, "childCount"));
            return Math.max(1, Math.min(MAX_CHILDREN, count));
        } catch (NumberFormatException e) {
            return INITIAL_CHILDREN;
        }
    }

    private static String text(MultivaluedMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
