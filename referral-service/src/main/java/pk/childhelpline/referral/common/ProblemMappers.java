package pk.childhelpline.referral.common;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns every error of the HTTP API into an RFC 9457 problem, so that clients get one shape for all of them. Responses
 * never carry stack traces or class names.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    /**
     * Responds to a request without valid credentials: the API with 401 problem+json, the web console with its tenant's
     * challenge, which redirects the browser to the Keycloak login.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Uni<Response> unauthorized(RoutingContext context) {
        String path = context.normalizedPath();
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator != null && (path.equals("/console") || path.startsWith("/console/"))) {
            return authenticator.getChallenge(context).map(ProblemMappers::challenge)
                    .onFailure().recoverWithItem(ProblemMappers::unauthorizedProblem);
        }
        return Uni.createFrom().item(unauthorizedProblem());
    }

    private static Response unauthorizedProblem() {
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized",
                "A valid bearer token from the helpline realm is required"))).header("WWW-Authenticate", "Bearer").build();
    }

    private static Response challenge(ChallengeData challenge) {
        Response.ResponseBuilder response = Response.status(challenge.status);
        challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
        return response.build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "Your role does not allow this request"));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldPath(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        return respond(Problem.invalid("The request has " + errors.size() + " invalid field(s)", errors));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = JsonPaths.of(unknown);
            return respond(Problem.invalid("Unknown field " + field,
                    List.of(new Problem.FieldError(field, "is not a field of this request; remove it"))));
        }
        if (e instanceof InvalidFormatException invalid) {
            String field = JsonPaths.of(invalid);
            String expected = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "must be one of " + List.of(invalid.getTargetType().getEnumConstants())
                    : "has the wrong type or format";
            return respond(Problem.invalid(field + " " + expected, List.of(new Problem.FieldError(field, expected))));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonPaths.of(mapping);
            return respond(Problem.invalid(field + " has the wrong type",
                    List.of(new Problem.FieldError(field, "has the wrong type or format"))));
        }
        return respond(Problem.of(400, "Malformed JSON",
                "The request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + "); send one JSON object"));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(Problem.of(404, "Not found", "No resource at this path"));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return respond(Problem.of(405, "Method not allowed", "This path does not support the request's method"));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return respond(Problem.of(415, "Unsupported media type", "Send the request body as application/json"));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return respond(Problem.of(406, "Not acceptable", "This resource answers with application/json"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return respond(Problem.of(413, "Request body too large", "The request body exceeds the size limit of this API"));
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Error";
        return respond(Problem.of(status, title, title));
    }

    @ServerExceptionMapper(priority = 5000)
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error while handling a request", e);
        return respond(Problem.of(500, "Internal server error", "The request failed; it has been logged for the operators"));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldPath(ConstraintViolation<?> violation) {
        // Method validation paths start with the method and parameter names ("create.report.children[0].ageYears").
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }
}
