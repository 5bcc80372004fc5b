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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.cases.appeal.Appeal;
import ua.social.cases.appeal.AppealService;
import ua.social.cases.casefile.CaseAccess;
import ua.social.cases.casefile.ServiceDelivery;
import ua.social.cases.rest.AppealApi.AppealRequest;
import ua.social.cases.rest.AppealApi.AppealView;
import ua.social.cases.rest.AppealApi.ResolutionRequest;
import ua.social.cases.rest.AppealApi.ServiceRequest;
import ua.social.cases.rest.AppealApi.ServiceView;
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

    @POST
    @Operation(summary = "Record an appeal: who, when, where, which problems (need domains)")
    @APIResponseSchema(value = AppealView.class, responseCode = "201", responseDescription = "Created")
    public Response record(@Valid @NotNull AppealRequest req, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(access.caller(), key, "POST /appeals", req, () -> {
            Appeal a = appeals.record(req);
            return new Idempotency.Created(URI.create("/appeals/" + a.id), AppealView.of(a));
        });
    }

    @GET
    @Operation(summary = "Appeals of your community, newest first")
    public PageView<AppealView> list(@QueryParam("clientId") String clientId, @QueryParam("outcome") String outcome,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        PageView<Appeal> found = appeals.list(QueryParams.uuid(clientId, "clientId"),
                QueryParams.enumValue(Appeal.Outcome.class, outcome, "outcome"), QueryParams.page(page),
                QueryParams.size(size, 20));
        return PageView.of(found.items().stream().map(AppealView::of).toList(), found.page(), found.size(),
                found.totalItems());
    }

    @GET
    @Path("/{id}")
    public AppealView get(@PathParam("id") UUID id) {
        return AppealView.of(appeals.inReach(id));
    }

    @POST
    @Path("/{id}/resolution")
    @Operation(summary = "End an appeal without a case: information provided, or one-off services delivered")
    public AppealView resolve(@PathParam("id") UUID id, @Valid @NotNull ResolutionRequest req) {
        return AppealView.of(appeals.resolve(id, req));
    }

    @POST
    @Path("/{id}/services")
    @Operation(summary = "Record a service delivered on an appeal")
    @APIResponseSchema(value = ServiceView.class, responseCode = "201", responseDescription = "Created")
    public Response deliver(@PathParam("id") UUID id, @Valid @NotNull ServiceRequest req,
                            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(access.caller(), key, "POST /appeals/" + id + "/services", req, () -> {
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
