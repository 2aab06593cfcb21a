package pk.childhelpline.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Files every report of a JSONL file through the operator API of a running stack at a given rate, then waits for
 * the referrals and the "received" SMS that each accepted report should cause, and prints a summary. Exits 1 when
 * something expected is missing after the grace period, 2 on a usage or connection error.
 */
public final class Replay {

    /** Options of a replay: the input file, the rate, the grace period and the stack with its demo users. */
    public record Options(Path file, double ratePerSecond, Duration grace, Stack stack, String operator,
            String supervisor, String password, boolean progress) {
    }

    /** The outcome of one line of the input file. */
    public record Filed(int line, String externalId, JsonNode report, boolean markedInvalid, int status,
            String reference, List<String> warnings, List<String> problems) {

        public boolean accepted() {
            return status == 201;
        }
    }

    /** A message as the SMSC simulator recorded it. */
    public record Sms(String source, String destination, String text, int dataCoding, int parts) {
    }

    /** Everything the replay saw, for the summary and for tests. */
    public record Result(List<Filed> filed, Map<String, List<JsonNode>> referralsByReference, List<Sms> sms,
            List<String> missing) {

        public List<Filed> accepted() {
            return filed.stream().filter(Filed::accepted).toList();
        }

        public List<Filed> rejected() {
            return filed.stream().filter(filed -> !filed.accepted()).toList();
        }
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Replay() {
    }

    public static void main(String[] args) {
        try {
            Options options = parse(args);
            Result result = run(options, System.out);
            printSummary(options, result, System.out);
            System.exit(result.missing().isEmpty() ? 0 : 1);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println("replay: " + e.getMessage());
            System.exit(2);
        }
    }

    public static Result run(Options options, PrintStream out) {
        List<String> lines = readLines(options.file());
        List<Filed> filed = new ArrayList<>();
        Instant start = Instant.now();
        for (int i = 0; i < lines.size(); i++) {
            waitForSlot(start, i, options.ratePerSecond());
            filed.add(file(options, i + 1, lines.get(i)));
            if (options.progress()) {
                printProgress(out, filed, lines.size());
            }
        }
        if (options.progress()) {
            out.println();
        }
        return awaitOutcomes(options, filed, out);
    }

    private static Filed file(Options options, int line, String text) {
        JsonNode parsed;
        try {
            parsed = Stack.JSON.readTree(text);
        } catch (IOException e) {
            return new Filed(line, null, null, true, 0, null, List.of(), List.of("line is not JSON: " + e.getMessage()));
        }
        ObjectNode report = parsed.deepCopy();
        boolean markedInvalid = report.path("invalid").asBoolean(false);
        report.remove("invalid");
        report.remove("why");
        Stack.Reply reply = options.stack().postJson(options.stack().url("HELPLINE_URL") + "/api/reports",
                report.toString(), options.operator(), options.password());
        JsonNode body = reply.json();
        List<String> warnings = new ArrayList<>();
        body.path("warnings").forEach(warning -> warnings.add(describe(warning)));
        List<String> problems = new ArrayList<>();
        if (reply.status() != 201) {
            body.path("errors").forEach(error -> problems.add(describe(error)));
            if (problems.isEmpty()) {
                problems.add(body.path("detail").asText("status " + reply.status()));
            }
        }
        return new Filed(line, report.path("externalId").asText(null), report, markedInvalid, reply.status(),
                body.path("reference").asText(null), warnings, problems);
    }

    private static Result awaitOutcomes(Options options, List<Filed> filed, PrintStream out) {
        Instant deadline = Instant.now().plus(options.grace());
        java.util.Set<String> references = new java.util.HashSet<>();
        java.util.Set<String> numbers = new java.util.HashSet<>();
        for (Filed report : filed) {
            if (report.accepted()) {
                references.add(report.reference());
                expectedMobile(report).ifPresent(number -> numbers.add(digits(number)));
            }
        }
        while (true) {
            Map<String, List<JsonNode>> referrals = fetchReferrals(options, references);
            // Only the SMS of this replay: to its reporters' numbers, or naming one of its references.
            List<Sms> sms = fetchSms(options.stack()).stream()
                    .filter(message -> numbers.contains(digits(message.destination()))
                            || references.stream().anyMatch(reference -> message.text().contains(reference)))
                    .toList();
            List<String> missing = missing(filed, referrals, sms);
            if (missing.isEmpty() || Instant.now().isAfter(deadline)) {
                return new Result(filed, referrals, sms, missing);
            }
            if (options.progress()) {
                out.print("\rWaiting for " + missing.size() + " expected referral(s) and SMS ...   ");
            }
            sleep(Duration.ofSeconds(2));
        }
    }

    static List<String> missing(List<Filed> filed, Map<String, List<JsonNode>> referrals, List<Sms> sms) {
        List<String> missing = new ArrayList<>();
        for (Filed report : filed) {
            String label = "line " + report.line() + " (" + report.externalId() + ")";
            if (report.markedInvalid() && report.accepted()) {
                missing.add(label + ": marked invalid but accepted as " + report.reference());
            }
            if (!report.accepted()) {
                continue;
            }
            if (referrals.getOrDefault(report.reference(), List.of()).isEmpty()) {
                missing.add(label + ": no referral for " + report.reference());
            }
            Optional<String> mobile = expectedMobile(report);
            if (mobile.isPresent() && sms.stream().noneMatch(message -> sameNumber(message.destination(), mobile.get())
                    && message.text().contains(report.reference()))) {
                missing.add(label + ": no SMS with reference " + report.reference() + " at the SMSC");
            }
        }
        return missing;
    }

    /** Returns the E.164 number that should get SMS: consent given, and a valid Pakistani mobile number. */
    public static Optional<String> expectedMobile(Filed report) {
        JsonNode reporter = report.report().path("reporter");
        if (!reporter.path("smsConsent").asBoolean(false) || !reporter.hasNonNull("phone")) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(reporter.path("phone").asText(), "PK");
            boolean mobile = PHONES.isValidNumberForRegion(number, "PK")
                    && PHONES.getNumberType(number) == PhoneNumberUtil.PhoneNumberType.MOBILE;
            return mobile ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public static boolean sameNumber(String a, String b) {
        return digits(a).equals(digits(b));
    }

    private static String digits(String number) {
        return number == null ? "" : number.replaceAll("\\D", "");
    }

    private static Map<String, List<JsonNode>> fetchReferrals(Options options, java.util.Set<String> references) {
        Map<String, List<JsonNode>> byReference = new LinkedHashMap<>();
        for (int page = 0;; page++) {
            Stack.Reply reply = options.stack().get(options.stack().url("REFERRAL_URL") + "/api/referrals?size=1000&page="
                    + page, options.supervisor(), options.password());
            if (reply.status() != 200) {
                throw new IllegalStateException("Listing referrals failed with status " + reply.status() + ": "
                        + Stack.abbreviate(reply.body()));
            }
            JsonNode items = reply.json().path("items");
            items.forEach(item -> {
                String reference = item.path("reference").asText();
                if (references.contains(reference)) {
                    byReference.computeIfAbsent(reference, key -> new ArrayList<>()).add(item);
                }
            });
            if (items.size() < 1000) {
                return byReference;
            }
        }
    }

    public static List<Sms> fetchSms(Stack stack) {
        Stack.Reply reply = stack.send(HttpRequest.newBuilder(URI.create(stack.url("SMSC_CONTROL_URL") + "/messages"))
                .timeout(Duration.ofSeconds(10)).GET().build());
        if (reply.status() != 200) {
            throw new IllegalStateException("Reading the SMSC simulator's messages failed with status " + reply.status());
        }
        List<Sms> messages = new ArrayList<>();
        reply.json()
                .forEach(message -> messages.add(new Sms(message.path("source").asText(), message.path("destination").asText(),
                        message.path("text").asText(), message.path("dataCoding").asInt(), message.path("parts").asInt(1))));
        return messages;
    }

    /** Returns the queue a referral is in, written as its destination type and office, for example "NHRI PB". */
    public static String queueOf(JsonNode referral) {
        JsonNode destination = referral.has("destination") ? referral.path("destination") : referral;
        String type = destination.path("type").asText(destination.path("destinationType").asText("?"));
        return type + " " + destination.path("office").asText("?");
    }

    static void printSummary(Options options, Result result, PrintStream out) {
        out.printf("Replay of %s: %d report(s)%n", options.file(), result.filed().size());
        out.println("Case references (line, external id, reference):");
        for (Filed filed : result.accepted()) {
            out.printf("  %d\t%s\t%s%n", filed.line(), filed.externalId(), filed.reference());
        }
        out.printf("Accepted: %d%nRejected: %d%n", result.accepted().size(), result.rejected().size());
        for (Filed rejected : result.rejected()) {
            out.printf("  line %d (%s): %s%n", rejected.line(), rejected.externalId(), String.join("; ", rejected.problems()));
        }
        long warned = result.accepted().stream().filter(filed -> !filed.warnings().isEmpty()).count();
        out.printf("Accepted with warnings: %d%n", warned);
        result.accepted().stream().filter(filed -> !filed.warnings().isEmpty()).forEach(filed -> out.printf(
                "  line %d (%s): %s%n", filed.line(), filed.externalId(), String.join("; ", filed.warnings())));

        Map<String, Integer> queues = new TreeMap<>();
        result.referralsByReference().values().forEach(list -> list.forEach(referral -> queues.merge(queueOf(referral), 1,
                Integer::sum)));
        out.println("Referrals per queue:");
        queues.forEach((queue, count) -> out.printf("  %-16s %5d%n", queue, count));

        printSmsCounts(result, out);
        if (result.missing().isEmpty()) {
            out.println("Still missing after the grace period: nothing");
        } else {
            out.printf("Still missing after the %d s grace period: %d%n", options.grace().toSeconds(), result.missing().size());
            result.missing().forEach(missing -> out.println("  " + missing));
        }
    }

    private static void printSmsCounts(Result result, PrintStream out) {
        Map<String, String> languageByNumber = new LinkedHashMap<>();
        for (Filed filed : result.accepted()) {
            expectedMobile(filed).ifPresent(number -> languageByNumber.put(number.replaceAll("\\D", ""),
                    filed.report().path("reporter").path("preferredLanguage").asText("?")));
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (Sms sms : result.sms()) {
            String language = languageByNumber.getOrDefault(digits(sms.destination()), "other");
            String encoding = sms.dataCoding() == 8 ? "UCS-2" : "GSM 7-bit";
            int[] count = counts.computeIfAbsent(language + ", " + encoding, key -> new int[2]);
            count[0]++;
            count[1] += sms.parts();
        }
        out.printf("SMS at the SMSC for these reports: %d%n", result.sms().size());
        counts.forEach((key, count) -> out.printf("  %-22s %5d message(s), %5d part(s)%n", key, count[0], count[1]));
    }

    private static String describe(JsonNode fieldMessage) {
        if (fieldMessage.isTextual()) {
            return fieldMessage.asText();
        }
        String field = fieldMessage.path("field").asText("");
        String message = fieldMessage.path("message").asText(fieldMessage.toString());
        return field.isEmpty() ? message : field + ": " + message;
    }

    private static void printProgress(PrintStream out, List<Filed> filed, int total) {
        int width = 30;
        int done = filed.size() * width / Math.max(total, 1);
        long accepted = filed.stream().filter(Filed::accepted).count();
        out.print("\r[" + "#".repeat(done) + " ".repeat(width - done) + "] " + filed.size() + "/" + total + "  accepted "
                + accepted + "  rejected " + (filed.size() - accepted));
    }

    private static void waitForSlot(Instant start, int index, double ratePerSecond) {
        Instant slot = start.plusNanos((long) (index * 1_000_000_000L / ratePerSecond));
        Duration wait = Duration.between(Instant.now(), slot);
        if (!wait.isNegative()) {
            sleep(wait);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static Options parse(String[] args) {
        Path file = null;
        String runDir = Optional.ofNullable(System.getenv("HELPLINE_RUN_DIR")).orElse("deploy/local/.run");
        double rate = 10;
        Duration grace = Duration.ofSeconds(90);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Double.parseDouble(value(args, ++i, "--rate"));
                case "--grace" -> grace = Duration.ofSeconds(Long.parseLong(value(args, ++i, "--grace")));
                case "--run-dir" -> runDir = value(args, ++i, "--run-dir");
                case "-h", "--help" -> {
                    System.out.println(usage());
                    System.exit(0);
                }
                default -> {
                    if (args[i].startsWith("-") || file != null) {
                        throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + usage());
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("missing FILE\n" + usage());
        }
        if (rate <= 0) {
            throw new IllegalArgumentException("--rate must be a positive number of reports per second");
        }
        return new Options(file, rate, grace, Stack.fromRunDir(Path.of(runDir)), env("HELPLINE_OPERATOR_USER", "operator1"),
                env("HELPLINE_SUPERVISOR_USER", "supervisor1"), env("HELPLINE_DEMO_PASSWORD", "demo-pass"),
                System.console() != null);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String usage() {
        return "usage: replay FILE [--rate REPORTS_PER_SECOND (default 10)] [--grace SECONDS (default 90)]"
                + " [--run-dir DIR (default $HELPLINE_RUN_DIR, else deploy/local/.run)]";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
