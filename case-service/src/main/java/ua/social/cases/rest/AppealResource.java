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
import ua.social.cases.appeal.Appeal;
import ua.social.cases.appeal.AppealService;
import ua.social.cases.casefile.CaseAccess;
import ua.social.cases.appeal.AppealCommands.AppealRequest;
import ua.social.cases.appeal.AppealCommands.ResolutionRequest;
import ua.social.cases.delivery.ServiceDelivery;
import ua.social.cases.delivery.ServiceRequest;
import ua.social.cases.rest.AppealApi.AppealView;
import ua.social.cases.rest.AppealApi.ServiceView;
import ua.social.cases.support.AccessLog;
import ua.social.identity.web.Idempotency;
import ua.social.identity.Roles;
import ua.social.identity.web.QueryParams;
import ua.social.identity.web.PageView;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTAKE_OFFICER, Roles.CASE_MANAGER, Roles.SUPERVISOR})
@Tag(name = "Appeals", description = "Every contact at the front office (звернення), whether or not a case is opened")
public class AppealResource {

    @Inject
    AppealService appeals;
    @Inject
    CaseAccess access;
    @Inject
    Idempotency idempotency;
    @Inject
    AccessLog accessLog;

    /** An appeal as shown: the read of its client's data written to the access log. */
    private AppealView shown(Appeal a) {
        accessLog.read(access.caller(), "appeal", List.of(a.clientId));
        return AppealView.of(a);
    }

    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = AppealView.class)))
    @POST
    @Operation(summary = "Record an appeal: who, when, where, which problems (need domains)")
    public Response record(@Valid @NotNull AppealRequest req, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(access.caller(), key, "POST /appeals", req,
                location -> replayed(appeals.inReach(Idempotency.idIn(location)), "appeal (replayed response)"), () -> {
            Appeal a = appeals.record(req);
            return new Idempotency.Created(URI.create("/appeals/" + a.id), shown(a));
        });
    }

    /** A replay shows the appeal's client again: reach re-checked (404 outside it) and the read logged. */
    private void replayed(Appeal a, String what) {
        accessLog.read(access.caller(), AccessLog.RecordType.CLIENT, a.clientId, what);
    }

    @GET
    @Operation(summary = "Appeals of your community, newest first")
    public PageView<AppealView> list(@QueryParam("clientId") String clientId, @QueryParam("outcome") String outcome,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        PageView<Appeal> found = appeals.list(QueryParams.uuid(clientId, "clientId"),
                QueryParams.enumValue(Appeal.Outcome.class, outcome, "outcome"), QueryParams.page(page),
                QueryParams.size(size, 20));
        accessLog.read(access.caller(), "appeal list", found.items().stream().map(a -> a.clientId).toList());
        return PageView.of(found.items().stream().map(AppealView::of).toList(), found.page(), found.size(),
                found.totalItems());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An appeal (the read of its client's data is written to the access log)")
    public AppealView get(@PathParam("id") UUID id) {
        return shown(appeals.inReach(id));
    }

    @POST
    @Path("/{id}/resolution")
    @Operation(summary = "End an appeal without a case: information provided, or one-off services delivered")
    public AppealView resolve(@PathParam("id") UUID id, @Valid @NotNull ResolutionRequest req) {
        return shown(appeals.resolve(id, req));
    }

    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ServiceView.class)))
    @POST
    @Path("/{id}/services")
    @Operation(summary = "Record a service delivered on an appeal")
    public Response deliver(@PathParam("id") UUID id, @Valid @NotNull ServiceRequest req,
                            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(access.caller(), key, "POST /appeals/" + id + "/services", req,
                location -> replayed(appeals.inReach(id), "service on an appeal (replayed response)"), () -> {
            ServiceDelivery s = appeals.deliverOnAppeal(id, req);
            return new Idempotency.Created(URI.create("/appeals/" + id + "/services"), ServiceView.of(s));
        });
    }

    @GET
    @Path("/{id}/services")
    public List<ServiceView> services(@PathParam("id") UUID id) {
        return appeals.services(id).stream().map(ServiceView::of).toList();
    }
}
