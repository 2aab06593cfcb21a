package pk.childhelpline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Measures what the stack's PostgreSQL can do for the intake's write pattern: pgbench runs a custom transaction that
 * inserts one report row and one outbox row of realistic sizes, in a scratch database created from helpline-service's
 * own migration and dropped afterwards. The real intake writes more per report (children, concerns, the timeline and a
 * second outbox row for the SMS subscription), so this is an upper bound.
 */
public final class PgBenchCeiling {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final String DATABASE = "bench_ceiling";

    /** One pgbench run: clients, transactions per second, mean latency. */
    public record Run(int clients, double tps, String latencyLine) {
    }

    private final LocalStack stack;
    private final Path workDir;

    public PgBenchCeiling(LocalStack stack, Path workDir) {
        this.stack = stack;
        this.workDir = workDir;
    }

    /** Runs pgbench for each client count for {@code seconds} each and returns the runs. */
    public List<Run> measure(ObjectNode sampleReport, List<Integer> clientCounts, int seconds)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path script = workDir.resolve("report-and-outbox.sql");
        Files.writeString(script, transactionScript(sampleReport), StandardCharsets.UTF_8);
        Path migration = stack.repoRoot().resolve("helpline-service/src/main/resources/db/migration/V3__reports.sql");

        psql("postgres", "DROP DATABASE IF EXISTS " + DATABASE);
        psql("postgres", "CREATE DATABASE " + DATABASE);
        try {
            run(List.of(bin("psql"), "-q", "-v", "ON_ERROR_STOP=1", "-f", migration.toString(), DATABASE), 60);
            List<Run> runs = new ArrayList<>();
            for (int clients : clientCounts) {
                String output = run(List.of(bin("pgbench"), "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j",
                        Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(seconds), "-f", script.toString(),
                        DATABASE), seconds + 60);
                Matcher matcher = TPS.matcher(output);
                if (!matcher.find()) {
                    throw new IOException("pgbench printed no tps line:\n" + output);
                }
                String latency = output.lines().filter(line -> line.startsWith("latency average")).findFirst().orElse("");
                runs.add(new Run(clients, Double.parseDouble(matcher.group(1)), latency));
            }
            return runs;
        } finally {
            psql("postgres", "DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    /** A pgbench script: one transaction with a report row and an outbox row of the sizes the intake writes. */
    static String transactionScript(ObjectNode report) {
        String narrative = literal(report.path("narrative").asText());
        String payload = literal(envelope(report));
        String encrypted = literal("h1:" + "A".repeat(64));
        return """
                \\set n random(1, 2000000000)
                BEGIN;
                INSERT INTO report (id, reference, external_id, source, channel, received_at, received_offset_seconds, \
                accepted_at, created_by, relationship, preferred_language, sms_consent, safe_to_contact, reporter_name_enc, \
                reporter_phone_enc, reporter_phone_hash, reporter_phone_status, urgency, legal_aid_requested, narrative, \
                location_district, location_province, status, updated_at) VALUES (gen_random_uuid(), \
                substr(md5(random()::text), 1, 11), 'BENCH-' || :n, 'OPERATOR', 'PHONE_CALL', now(), 18000, now(), \
                'operator1', 'PARENT', 'ur-Latn', true, true, %3$s, %3$s, md5(:n::text), 'MOBILE', 'HIGH', false, %1$s, \
                'Swat', 'KP', 'OPEN', now());
                INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, created_at) VALUES \
                (gen_random_uuid(), 'helpline.reports.v1', gen_random_uuid()::text, 'ReportFiled', %2$s, now());
                END;
                """.formatted(narrative, payload, encrypted);
    }

    /** A ReportFiled event of the size helpline-service writes for this report. */
    private static String envelope(ObjectNode report) {
        ObjectNode payload = report.deepCopy();
        ObjectNode reporter = (ObjectNode) payload.path("reporter");
        reporter.remove("name");
        reporter.remove("phone");
        payload.put("reference", "K7M2-9XQ4-T");
        payload.put("acceptedAt", "2026-10-01T07:51:03Z");
        ObjectNode envelope = ReportGenerator.JSON.createObjectNode();
        envelope.put("type", "ReportFiled");
        envelope.put("version", 1);
        envelope.put("eventId", "0b5f3c1e-6a59-4f43-9d3e-0f0d7c1a2b3c");
        envelope.put("occurredAt", "2026-10-01T07:51:02.123Z");
        envelope.put("caseId", "7d7a4b8e-2f1c-4a7e-9c55-5b8f1e0d9a10");
        envelope.set("payload", payload);
        return envelope.toString();
    }

    /** Quotes text for SQL; colons become semicolons because pgbench reads ":name" as a variable, even in a string. */
    private static String literal(String text) {
        return "'" + text.replace("'", "''").replace("\n", " ").replace(':', ';') + "'";
    }

    /** Returns the single value that a query prints, run as the superuser on one of the stack's databases. */
    public String query(String database, String sql) throws IOException, InterruptedException {
        return run(List.of(bin("psql"), "-At", "-v", "ON_ERROR_STOP=1", "-c", sql, database), 60).strip();
    }

    private void psql(String database, String sql) throws IOException, InterruptedException {
        run(List.of(bin("psql"), "-q", "-v", "ON_ERROR_STOP=1", "-c", sql, database), 60);
    }

    private String bin(String name) {
        return stack.postgresBin().resolve(name).toString();
    }

    private String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.addAll(1, List.of("-h", "127.0.0.1", "-p", stack.url("POSTGRES_PORT"), "-U", "postgres"));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", stack.secret("POSTGRES_SUPERUSER_PASSWORD"));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command.subList(0, 1)) + " timed out after " + timeoutSeconds + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed with exit code " + process.exitValue() + ":\n" + text);
        }
        return text;
    }
}
