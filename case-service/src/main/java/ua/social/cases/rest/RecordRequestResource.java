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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.cases.casefile.CaseAccess;
import ua.social.cases.records.RecordRequest;
import ua.social.cases.records.RecordRequestService;
import ua.social.cases.records.RecordRequestCommands.RecordRequestCreate;
import ua.social.cases.records.RecordRequestCommands.RecordRequestDecision;
import ua.social.cases.records.RecordRequestView;
import ua.social.identity.Roles;
import ua.social.identity.web.Idempotency;
import ua.social.identity.web.PageView;
import ua.social.identity.web.QueryParams;

import java.net.URI;
import java.util.UUID;

@Path("/record-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Record requests", description = "A community asks another for a client record that the duplicate check "
        + "reported elsewhere; the owning supervisor accepts (the record, and optionally the open case, move) or declines")
public class RecordRequestResource {

    @Inject
    RecordRequestService requests;
    @Inject
    CaseAccess access;
    @Inject
    Idempotency idempotency;

    @APIResponse(responseCode = "201", description = "Requested",
            content = @Content(schema = @Schema(implementation = RecordRequestView.class)))
    @POST
    @Operation(summary = "Ask the owning community for a record the duplicate check reported elsewhere",
            description = "Send the reference of recordElsewhere/recordsElsewhere (issued to your community). The answer "
                    + "shows neither the person nor the owning community. 422 unknown-reference (unknown, expired or "
                    + "another community's), 409 record-request-pending, 409 record-in-reach. Accepts Idempotency-Key.")
    public Response request(@Valid @NotNull RecordRequestCreate req, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(access.caller(), key, "POST /record-requests", req,
                location -> requests.inReach(Idempotency.idIn(location)), () -> {
            RecordRequest r = requests.request(req);
            return new Idempotency.Created(URI.create("/record-requests/" + r.id), requests.view(r));
        });
    }

    @GET
    @Operation(summary = "Record requests of your community, newest first: incoming (for records you hold), "
            + "outgoing (you asked), or both",
            description = "The person is shown only where you reach the record (each shown one is written to the access log).")
    public PageView<RecordRequestView> list(@QueryParam("direction") String direction, @QueryParam("status") String status,
                                            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageView<RecordRequest> found = requests.list(
                direction == null || direction.isBlank() ? null : direction.trim(),
                QueryParams.enumValue(RecordRequest.Status.class, status, "status"),
                QueryParams.page(page), QueryParams.size(size, 20));
        return PageView.of(requests.views(found.items()), found.page(), found.size(), found.totalItems());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A record request of your community (either side)")
    public RecordRequestView get(@PathParam("id") UUID id) {
        return requests.view(requests.inReach(id));
    }

    @POST
    @Path("/{id}/decision")
    @Operation(summary = "Accept or decline a request for a record your community holds",
            description = "ACCEPTED moves the client record to the requesting community and, with transferOpenCase, "
                    + "transfers its open cases there (as POST /cases/{id}/transfer does: timeline entry and "
                    + "case.transferred event; the requesting supervisor assigns a case manager). Every case of the client "
                    + "gets a CLIENT_RECORD_TRANSFERRED timeline entry; the move is in the client's access log. "
                    + "403 for the requesting side, 409 record-request-decided, 409 record-moved.")
    public RecordRequestView decide(@PathParam("id") UUID id, @Valid @NotNull RecordRequestDecision req) {
        return requests.view(requests.decide(id, req));
    }
}
