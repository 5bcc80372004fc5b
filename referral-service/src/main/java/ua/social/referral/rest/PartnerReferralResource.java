package ua.social.referral.rest;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.identity.CallerContext;
import ua.social.identity.Roles;
import ua.social.identity.web.QueryParams;
import ua.social.identity.web.PageView;
import ua.social.referral.referral.AccessLog;
import ua.social.referral.referral.Referral;
import ua.social.referral.referral.ReferralNote;
import ua.social.referral.referral.ReferralService;
import ua.social.contracts.code.ReferralStatus;
import ua.social.referral.referral.Urgency;
import ua.social.referral.referral.ReferralCommands.NoteRequest;
import ua.social.referral.referral.ReferralViews.NoteView;
import ua.social.referral.referral.ReferralViews.PartnerReferralSummary;
import ua.social.referral.referral.ReferralViews.PartnerReferralView;
import ua.social.referral.referral.ReferralCommands.TransitionRequest;
import ua.social.identity.web.Idempotency;
import ua.social.identity.web.Versions;
import ua.social.referral.support.QueryChecks;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

@Path("/partner/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
@SecurityRequirement(name = "partnerApiKey")
@Tag(name = "Partner API", description = "For partner organisations, with their X-API-Key: their own inbound referrals, "
        + "accept or reject, work them through to completion, attach outcome notes")
public class PartnerReferralResource {

    @Inject
    ReferralService referrals;
    @Inject
    Idempotency idempotency;
    @Inject
    CallerContext callerContext;

    static Response view(PartnerReferralView v) {
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }

    /** The query parameters of the list; any other is a 400 naming it. */
    static final Set<String> LIST_PARAMETERS = Set.of("status", "urgency", "pending", "overdue", "updatedSince", "page", "size");

    @GET
    @Operation(summary = "Your inbound referrals, newest first; filters: status, urgency, pending, overdue, and updatedSince "
            + "(an ISO 8601 instant: only referrals changed at or after it, oldest change first, for incremental "
            + "polling); an unknown query parameter is a 400 naming it. Each referral listed with the client's name "
            + "is logged as read")
    public PageView<PartnerReferralSummary> list(@QueryParam("status") String status,
                                                 @QueryParam("urgency") String urgency,
                                                 @QueryParam("pending") String pending,
                                                 @QueryParam("overdue") String overdue,
                                                 @QueryParam("updatedSince") String updatedSince,
                                                 @QueryParam("page") String page, @QueryParam("size") String size,
                                                 @Context UriInfo uri) {
        QueryChecks.onlyKnown(uri.getQueryParameters().keySet(), LIST_PARAMETERS);
        return referrals.listForPartner(new ReferralService.Filter(null, null,
                        QueryParams.enumValue(ReferralStatus.class, status, "status"),
                        QueryParams.enumValue(Urgency.class, urgency, "urgency"), QueryParams.bool(pending, "pending"),
                        QueryParams.bool(overdue, "overdue")), QueryChecks.instant(updatedSince, "updatedSince"),
                QueryParams.page(page), QueryParams.size(size, 20));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your referrals with the minimum client data, history and notes (404 for any other); "
            + "a read that shows client data is logged for the referring community")
    @APIResponseSchema(value = PartnerReferralView.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") UUID id) {
        return view(referrals.viewForPartner(id, AccessLog.Read.REFERRAL));
    }

    @POST
    @Path("/{id}/transitions")
    @Operation(summary = "Move the referral: ACCEPTED, REJECTED (reason), IN_PROGRESS, ON_HOLD (reason), COMPLETED "
            + "(outcome), FAILED (reason), CANCELLED (reason, once accepted); 409 naming the current status and your "
            + "allowed moves otherwise; If-Match optional")
    @APIResponseSchema(value = PartnerReferralView.class, responseCode = "200", responseDescription = "OK")
    public Response move(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull TransitionRequest req) {
        Referral r = referrals.moveByPartner(id, ifMatch, req);
        return view(referrals.viewForPartner(r.id, AccessLog.Read.REFERRAL_AFTER_CHANGE));
    }

    @POST
    @Path("/{id}/notes")
    @Operation(summary = "Attach an outcome note; accepts Idempotency-Key")
    @APIResponseSchema(value = NoteView.class, responseCode = "201", responseDescription = "Created")
    public Response note(@PathParam("id") UUID id, @Valid @NotNull NoteRequest req,
                         @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(callerContext.current(), key, "POST /partner/referrals/" + id + "/notes", req,
                location -> referrals.partnerReach(id), () -> {
            ReferralNote n = referrals.noteByPartner(id, req.text());
            return new Idempotency.Created(URI.create("/partner/referrals/" + id), NoteView.of(n));
        });
    }
}
