package pk.childhelpline.helpline.common;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rejects a request whose Content-Length exceeds the limit of its API with 413 as problem+json, before the body is
 * read: {@code helpline.api.max-body-bytes} for the operator API, {@code helpline.public-intake.max-body-bytes} for the
 * public intake. NOTE: a chunked body without Content-Length is capped only by quarkus.http.limits.max-body-size,
 * whose 413 comes from Vert.x without a problem body.
 */
public class BodyLimits {

    @ConfigProperty(name = "helpline.api.max-body-bytes", defaultValue = "1048576")
    long operatorLimit;

    @ConfigProperty(name = "helpline.public-intake.max-body-bytes", defaultValue = "65536")
    long publicLimit;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> checkLength(ContainerRequestContext request) {
        String header = request.getHeaderString("Content-Length");
        if (header == null) {
            return Optional.empty();
        }
        long length;
        try {
            length = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long limit = request.getUriInfo().getPath().startsWith("/api/public/") ? publicLimit : operatorLimit;
        if (length <= limit) {
            return Optional.empty();
        }
        return Optional.of(ProblemMappers.respond(Problem.of(413, "Request body too large",
                "The request body has " + length + " bytes; this API accepts at most " + limit)));
    }
}
