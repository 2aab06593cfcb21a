package pk.childhelpline.referral.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.quarkus.logging.Log;

import pk.childhelpline.referral.common.Caller;
import pk.childhelpline.referral.common.Problem;
import pk.childhelpline.referral.common.ProblemException;

/**
 * Creates officers' Keycloak accounts in an organisation's office. The account gets the realm role officer and the
 * user attributes {@code org} and {@code office}, which the realm maps into the token claims of the same names. The
 * service calls Keycloak with the service account of its own client, which needs the realm-management roles
 * manage-users and view-realm.
 */
@Path("/api/organisations/{organisationId}/officers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
public class OfficerAccountResource {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MIN_PASSWORD = 12;

    @Inject
    Keycloak keycloak;

    @Inject
    OrganisationDirectory directory;

    @Inject
    Caller caller;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realm;

    /** A new officer account; the password is temporary and must be changed at first login. */
    public record NewOfficer(String username, String email, String firstName, String lastName, String office,
            String temporaryPassword) {
    }

    /** The created account: its Keycloak id, user name, organisation and office. */
    public record OfficerAccount(String id, String username, String organisationId, String office) {
    }

    @POST
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Creates an officer's Keycloak account in an office of the organisation")
    public Response create(@PathParam("organisationId") String organisationId, NewOfficer request) {
        if (Organisation.findById(organisationId) == null) {
            throw ProblemException.notFound("No organisation with id " + organisationId);
        }
        validate(organisationId, request);

        RealmResource realmResource = keycloak.realm(realm);
        String userId;
        try (Response response = realmResource.users().create(user(organisationId, request))) {
            if (response.getStatus() == 409) {
                throw ProblemException.conflict("A Keycloak account named " + request.username() + " exists");
            }
            if (response.getStatus() != 201) {
                throw keycloakFailed("creating the account returned HTTP " + response.getStatus(), null);
            }
            userId = CreatedResponseUtil.getCreatedId(response);
            RoleRepresentation officer = realmResource.roles().get(Caller.OFFICER).toRepresentation();
            realmResource.users().get(userId).roles().realmLevel().add(List.of(officer));
        } catch (ProcessingException e) {
            throw keycloakFailed("Keycloak is unreachable", e);
        } catch (WebApplicationException e) {
            throw keycloakFailed("Keycloak returned HTTP " + e.getResponse().getStatus(), e);
        }
        Log.infof("Officer account %s created in %s/%s by %s", userId, organisationId, request.office(),
                caller.username());
        return Response.status(201).entity(new OfficerAccount(userId, request.username(), organisationId,
                request.office())).build();
    }

    private void validate(String organisationId, NewOfficer request) {
        if (request == null) {
            throw ProblemException.invalid("(body)", "send the new officer's username, office and temporaryPassword");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            errors.add(new Problem.FieldError("username",
                    "must be 3-64 lower-case letters, digits, dots, hyphens or underscores"));
        }
        if (request.email() != null && !EMAIL.matcher(request.email()).matches()) {
            errors.add(new Problem.FieldError("email", "must be an e-mail address"));
        }
        if (request.office() == null || directory.findOffice(organisationId, request.office()).isEmpty()) {
            errors.add(new Problem.FieldError("office", "must be an active office of " + organisationId));
        }
        if (request.temporaryPassword() == null || request.temporaryPassword().length() < MIN_PASSWORD) {
            errors.add(new Problem.FieldError("temporaryPassword", "must have at least " + MIN_PASSWORD
                    + " characters; the officer changes it at first login"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The account has " + errors.size() + " invalid field(s)",
                    errors));
        }
    }

    private static UserRepresentation user(String organisationId, NewOfficer request) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(request.username());
        user.setEmail(request.email());
        user.setFirstName(request.firstName());
        user.setLastName(request.lastName());
        user.setEnabled(true);
        user.setAttributes(Map.of("org", List.of(organisationId), "office", List.of(request.office())));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(request.temporaryPassword());
        password.setTemporary(true);
        user.setCredentials(List.of(password));
        return user;
    }

    private static ProblemException keycloakFailed(String detail, Exception cause) {
        Log.errorf(cause, "Creating an officer account failed: %s", detail);
        return new ProblemException(Problem.of(502, "Bad gateway",
                "Creating the account in Keycloak failed (" + detail + "); nothing was created, try again later"));
    }
}
