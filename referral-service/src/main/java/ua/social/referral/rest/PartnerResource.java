package ua.social.referral.rest;

import ua.social.contracts.code.PartnerSector;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.referral.partner.PartnerViews;
import ua.social.identity.Territory;
import ua.social.identity.CallerContext;
import ua.social.identity.Roles;
import ua.social.identity.web.QueryParams;
import ua.social.identity.web.PageView;
import ua.social.referral.partner.Partner;
import ua.social.referral.partner.PartnerDirectory;
import ua.social.referral.partner.PartnerLocation;
import ua.social.referral.partner.PartnerService;
import ua.social.contracts.code.ServiceCategory;
import ua.social.referral.partner.PartnerCommands.LocationRequest;
import ua.social.referral.partner.PartnerCommands.PartnerRequest;
import ua.social.referral.partner.PartnerViews.PartnerSummary;
import ua.social.referral.partner.PartnerCommands.ServiceRequest;
import ua.social.identity.web.Idempotency;
import ua.social.identity.web.Versions;

import java.net.URI;
import java.util.UUID;

@Path("/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SUPERVISOR})
@Tag(name = "Partner directory", description = "Partner organisations, their locations, working hours, contacts and services "
        + "(shaped after Open Referral HSDS 3.0); search by sector, service category and community")
public class PartnerResource {

    @Inject
    PartnerDirectory directory;
    @Inject
    Idempotency idempotency;
    @Inject
    CallerContext callerContext;

    @GET
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.MINISTRY_ANALYST,
            Roles.PLATFORM_ADMIN, Roles.PARTNER})
    @Operation(summary = "Search the directory by sector, service category (of an active service), community (hromada "
            + "of a location), name and active flag; paginated")
    public PageView<PartnerSummary> search(@QueryParam("sector") String sector, @QueryParam("category") String category,
                                           @QueryParam("hromada") String hromada, @QueryParam("q") String text,
                                           @QueryParam("active") String active, @QueryParam("page") String page,
                                           @QueryParam("size") String size) {
        if (text != null && text.length() > 200) {
            throw ua.social.identity.problem.ProblemException.badRequest("q", "must be at most 200 characters");
        }
        return directory.search(QueryParams.enumValue(PartnerSector.class, sector, "sector"),
                QueryParams.enumValue(ServiceCategory.class, category, "category"),
                Territory.requireCommunity(hromada, "hromada"), text,
                QueryParams.bool(active, "active"), QueryParams.page(page), QueryParams.size(size, 20));
    }

    @POST
    @Operation(summary = "Add an organisation to the directory (platform admin, or a supervisor for their own "
            + "community); accepts Idempotency-Key")
    @APIResponseSchema(value = PartnerViews.PartnerView.class, responseCode = "201", responseDescription = "Created")
    public Response create(@Valid @NotNull PartnerRequest req, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(callerContext.current(), key, "POST /partners", req,
                location -> directory.view(Idempotency.idIn(location)), () -> {
            Partner p = directory.create(req);
            return new Idempotency.Created(URI.create("/partners/" + p.id), directory.view(p));
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.MINISTRY_ANALYST,
            Roles.PLATFORM_ADMIN, Roles.PARTNER})
    @Operation(summary = "An organisation with its contacts, locations (address, community, working hours) and services; "
            + "ETag carries the version")
    @APIResponseSchema(value = PartnerViews.PartnerView.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") UUID id) {
        var view = directory.view(id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change an organisation's profile and contacts (contacts are replaced); If-Match optional; "
            + "active (platform admin only) false takes it out of referrals and suspends its API keys, which stay refused "
            + "after re-activation until an admin re-activates each key. A supervisor edits only organisations whose "
            + "locations all lie in their community (403 otherwise)")
    @APIResponseSchema(value = PartnerViews.PartnerView.class, responseCode = "200", responseDescription = "OK")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull PartnerRequest req) {
        Partner p = directory.update(id, ifMatch, req);
        var view = directory.view(p.id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @POST
    @Path("/{id}/locations")
    @Operation(summary = "Add a location: address, community (KATOTTG), oblast, working hours; accepts Idempotency-Key")
    @APIResponseSchema(value = PartnerViews.LocationView.class, responseCode = "201", responseDescription = "Created")
    public Response addLocation(@PathParam("id") UUID id, @Valid @NotNull LocationRequest req,
                                @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(callerContext.current(), key, "POST /partners/" + id + "/locations", req,
                location -> directory.view(id), () -> {
            PartnerLocation l = directory.addLocation(id, req);
            return new Idempotency.Created(URI.create("/partners/" + id + "/locations/" + l.id), directory.locationView(l));
        });
    }

    @PUT
    @Path("/{id}/locations/{locationId}")
    @Operation(summary = "Change a location (its working hours are replaced); If-Match optional")
    @APIResponseSchema(value = PartnerViews.LocationView.class, responseCode = "200", responseDescription = "OK")
    public Response updateLocation(@PathParam("id") UUID id, @PathParam("locationId") UUID locationId,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull LocationRequest req) {
        PartnerLocation l = directory.updateLocation(id, locationId, ifMatch, req);
        return Response.ok(directory.locationView(l)).build();
    }

    @POST
    @Path("/{id}/services")
    @Operation(summary = "Add a service: category, eligibility, languages, fee-free or not, locations where it is given; "
            + "accepts Idempotency-Key")
    @APIResponseSchema(value = PartnerViews.ServiceView.class, responseCode = "201", responseDescription = "Created")
    public Response addService(@PathParam("id") UUID id, @Valid @NotNull ServiceRequest req,
                               @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(callerContext.current(), key, "POST /partners/" + id + "/services", req,
                location -> directory.view(id), () -> {
            PartnerService s = directory.addService(id, req);
            return new Idempotency.Created(URI.create("/partners/" + id + "/services/" + s.id), directory.serviceView(s));
        });
    }

    @PUT
    @Path("/{id}/services/{serviceId}")
    @Operation(summary = "Change a service (active=false stops new referrals to it); If-Match optional")
    @APIResponseSchema(value = PartnerViews.ServiceView.class, responseCode = "200", responseDescription = "OK")
    public Response updateService(@PathParam("id") UUID id, @PathParam("serviceId") UUID serviceId,
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ServiceRequest req) {
        PartnerService s = directory.updateService(id, serviceId, ifMatch, req);
        return Response.ok(directory.serviceView(s)).build();
    }
}
