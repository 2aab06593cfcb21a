package pk.childhelpline.referral.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;

import pk.childhelpline.referral.common.Caller;
import pk.childhelpline.referral.common.Page;
import pk.childhelpline.referral.common.Problem;
import pk.childhelpline.referral.common.ProblemException;
import pk.childhelpline.referral.routing.Codes;

/** Reference data of the organisations that receive referrals and their offices. */
@Path("/api/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
public class OrganisationResource {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    /** An organisation as the API shows and takes it. */
    public record OrganisationView(String id, String name, String type, Boolean active, List<OfficeView> offices) {
    }

    /** An office: a province or territory code, or NATIONAL, with its display name. */
    public record OfficeView(String code, String name) {
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.SUPERVISOR, Caller.OFFICER})
    public Page<OrganisationView> list(@QueryParam("type") String type, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("100") int size) {
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw ProblemException.invalid(page < 0 ? "page" : "size",
                    "page must be 0 or more and size between 1 and " + Page.MAX_SIZE);
        }
        var query = type == null
                ? Organisation.<Organisation>findAll(Sort.by("id"))
                : Organisation.<Organisation>find("type", Sort.by("id"), type);
        List<OrganisationView> items = query.page(page, size).list().stream().map(OrganisationResource::view).toList();
        return new Page<>(items, query.count());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.SUPERVISOR, Caller.OFFICER})
    public OrganisationView get(@PathParam("id") String id) {
        return Organisation.<Organisation>findByIdOptional(id).map(OrganisationResource::view)
                .orElseThrow(() -> ProblemException.notFound("No organisation with id " + id));
    }

    @POST
    @RolesAllowed(Caller.ADMIN)
    @Transactional
    public Response create(OrganisationView request) {
        validate(request, true);
        if (Organisation.findById(request.id()) != null) {
            throw ProblemException.conflict("An organisation with id " + request.id() + " exists; update it with PUT");
        }
        Organisation organisation = new Organisation();
        organisation.id = request.id();
        apply(organisation, request);
        organisation.persist();
        return Response.status(201).entity(view(organisation)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Transactional
    public OrganisationView update(@PathParam("id") String id, OrganisationView request) {
        Organisation organisation = Organisation.<Organisation>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No organisation with id " + id));
        validate(request, false);
        if (!organisation.type.equals(request.type())) {
            throw ProblemException.invalid("type", "cannot change from " + organisation.type
                    + "; create a new organisation for another destination type");
        }
        apply(organisation, request);
        return view(organisation);
    }

    private static void apply(Organisation organisation, OrganisationView request) {
        organisation.name = request.name().strip();
        organisation.type = request.type();
        organisation.active = request.active() == null || request.active();
        organisation.offices.clear();
        for (OfficeView office : request.offices()) {
            organisation.offices.add(new Organisation.Office(office.code(), office.name().strip()));
        }
    }

    private static void validate(OrganisationView request, boolean creating) {
        if (request == null) {
            throw ProblemException.invalid("(body)", "send an organisation object");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (creating && (request.id() == null || !ID.matcher(request.id()).matches())) {
            errors.add(new Problem.FieldError("id", "must be 2-64 lower-case letters, digits and hyphens"));
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            errors.add(new Problem.FieldError("name", "must be 1-200 characters"));
        }
        if (request.type() == null || !TYPE.matcher(request.type()).matches()) {
            errors.add(new Problem.FieldError("type",
                    "must be 2-64 upper-case letters, digits and underscores, for example LEGAL_AID"));
        }
        if (request.offices() == null || request.offices().isEmpty()) {
            errors.add(new Problem.FieldError("offices", "must list at least one office"));
        } else {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < request.offices().size(); i++) {
                OfficeView office = request.offices().get(i);
                if (office == null || !Codes.isOfficeCode(office.code())) {
                    errors.add(new Problem.FieldError("offices[" + i + "].code",
                            "must be NATIONAL or one of " + Codes.PROVINCES));
                } else if (seen.contains(office.code())) {
                    errors.add(new Problem.FieldError("offices[" + i + "].code", "duplicates office " + office.code()));
                } else {
                    seen.add(office.code());
                }
                if (office != null && (office.name() == null || office.name().isBlank())) {
                    errors.add(new Problem.FieldError("offices[" + i + "].name", "must not be blank"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The organisation has " + errors.size() + " invalid field(s)",
                    errors));
        }
    }

    static OrganisationView view(Organisation organisation) {
        return new OrganisationView(organisation.id, organisation.name, organisation.type, organisation.active,
                organisation.offices.stream().map(office -> new OfficeView(office.code, office.name)).toList());
    }
}
