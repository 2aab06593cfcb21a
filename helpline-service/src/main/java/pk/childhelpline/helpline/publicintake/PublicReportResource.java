package pk.childhelpline.helpline.publicintake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.vertx.ext.web.RoutingContext;

import pk.childhelpline.helpline.common.Problem;
import pk.childhelpline.helpline.common.ProblemException;
import pk.childhelpline.helpline.intake.ReportRequest;
import pk.childhelpline.helpline.intake.ReportValidator;

/**
 * Public intake for the web form and the mobile app, open without an account. It validates like the operator API,
 * limits the body size and the request rate per client address (429 with Retry-After), and returns the first
 * response to a retry with the same {@code Idempotency-Key} instead of filing a second report.
 */
@Path("/api/public/reports")
@Tag(name = "Public intake")
public class PublicReportResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    PublicIntakeConfig config;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    PublicIntakeService service;

    @Inject
    ReportValidator validator;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    @Inject
    RoutingContext routing;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "File a report without an account; send an Idempotency-Key so that a retry files it only once")
    public Response create(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, String body)
            throws JsonProcessingException {
        String address = routing.request().remoteAddress() == null
                ? "unknown"
                : routing.request().remoteAddress().hostAddress();
        OptionalLong retryAfter = rateLimiter.acquire(address);
        if (retryAfter.isPresent()) {
            registry.counter("helpline.public-intake.rate-limited").increment();
            return Response.fromResponse(problem(Problem.of(429, "Too many requests",
                    "Too many reports from this address; retry after " + retryAfter.getAsLong() + " seconds")))
                    .header("Retry-After", retryAfter.getAsLong()).build();
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > config.maxBodyBytes()) {
            throw new ProblemException(Problem.of(413, "Request body too large",
                    "The public intake accepts at most " + config.maxBodyBytes() + " bytes"));
        }
        String key = checkKey(idempotencyKey);
        String hash = sha256(bytes);
        if (key != null) {
            Response replay = replay(key, hash);
            if (replay != null) {
                return replay;
            }
        }
        ReportRequest request = mapper.readValue(body == null ? "" : body, ReportRequest.class);
        ReportValidator.Validated validated = pk.childhelpline.helpline.intake.ReportResource.validatePublic(request,
                validator, registry);
        try {
            return Response.status(201).type(MediaType.APPLICATION_JSON).entity(service.file(validated, key, hash))
                    .build();
        } catch (PersistenceException e) {
            // Another request with the same key committed first, so return its response.
            Response replay = key == null ? null : replay(key, hash);
            if (replay == null) {
                throw e;
            }
            return replay;
        }
    }

    private Response replay(String key, String hash) {
        IdempotencyRecord record = service.findRecord(key);
        if (record == null) {
            return null;
        }
        if (!record.requestHash.equals(hash)) {
            return problem(Problem.of(422, "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different report; use a new key for a new report"));
        }
        Log.infof("Replayed the response for a retried public report (report id %s)", record.reportId);
        return Response.status(record.responseStatus).type(MediaType.APPLICATION_JSON).entity(record.responseBody)
                .header("Idempotent-Replayed", "true").build();
    }

    private static String checkKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY,
                    "must be 1 to 200 visible ASCII characters, for example a UUID generated by the client");
        }
        return key;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
