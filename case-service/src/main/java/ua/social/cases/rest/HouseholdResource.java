package ua.social.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.cases.casefile.CaseAccess;
import ua.social.cases.client.Household;
import ua.social.cases.client.HouseholdService;
import ua.social.cases.rest.ClientApi.HouseholdRequest;
import ua.social.cases.rest.ClientApi.HouseholdView;
import ua.social.cases.rest.ClientApi.MemberRequest;
import ua.social.identity.web.Idempotency;
import ua.social.identity.Roles;

import java.net.URI;
import java.util.UUID;

@Path("/households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTAKE_OFFICER, Roles.CASE_MANAGER, Roles.SUPERVISOR})
@Tag(name = "Clients", description = "Persons who receive social services and their households")
public class HouseholdResource {

    @Inject
    HouseholdService households;
    @Inject
    CaseAccess access;
    @Inject
    Idempotency idempotency;

    @POST
    @Operation(summary = "Group registered clients into a household or family, with their relations")
    @APIResponseSchema(value = HouseholdView.class, responseCode = "201", responseDescription = "Created")
    public Response create(@Valid @NotNull HouseholdRequest req, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(access.caller(), key, "POST /households", req, () -> {
            Household h = households.create(req);
            return new Idempotency.Created(URI.create("/households/" + h.id), households.view(h));
        });
    }

    @GET
    @Path("/{id}")
    public HouseholdView get(@PathParam("id") UUID id) {
        return households.view(households.inReach(id));
    }

    @POST
    @Path("/{id}/members")
    @Operation(summary = "Add a member to a household")
    public HouseholdView addMember(@PathParam("id") UUID id, @Valid @NotNull MemberRequest req) {
        return households.view(households.addMember(id, req));
    }
}
