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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.cases.casefile.CaseAccess;
import ua.social.cases.client.Household;
import ua.social.cases.client.HouseholdMember;
import ua.social.cases.support.AccessLog;
import ua.social.cases.client.HouseholdService;
import ua.social.cases.client.ClientCommands.HouseholdRequest;
import ua.social.cases.client.ClientCommands.MemberRequest;
import ua.social.cases.client.HouseholdService.HouseholdView;
import ua.social.cases.client.HouseholdService.MemberView;
import ua.social.cases.support.AccessLog;
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
    @Inject
    AccessLog accessLog;

    /** The household as shown, each member's read written to the access log. */
    private HouseholdView shown(Household h, String what) {
        HouseholdView v = households.view(h);
        accessLog.read(access.caller(), what, v.members().stream().map(MemberView::clientId).toList());
        return v;
    }

    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = HouseholdView.class)))
    @POST
    @Operation(summary = "Group registered clients into a household or family, with their relations")
    public Response create(@Valid @NotNull HouseholdRequest req, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(access.caller(), key, "POST /households", req, location -> {
            Household h = households.inReach(Idempotency.idIn(location));
            HouseholdMember.<HouseholdMember>list("id.householdId", h.id).forEach(m -> accessLog.read(access.caller(),
                    AccessLog.RecordType.CLIENT, m.id.clientId(), "household (replayed response)"));
        }, () -> {
            Household h = households.create(req);
            return new Idempotency.Created(URI.create("/households/" + h.id), shown(h, "household"));
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A household with its members (each member shown is written to the access log)")
    public HouseholdView get(@PathParam("id") UUID id) {
        return shown(households.inReach(id), "household");
    }

    @POST
    @Path("/{id}/members")
    @Operation(summary = "Add a member to a household")
    public HouseholdView addMember(@PathParam("id") UUID id, @Valid @NotNull MemberRequest req) {
        return shown(households.addMember(id, req), "household");
    }
}
