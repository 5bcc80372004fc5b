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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
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
import ua.social.referral.referral.ReferralViews.AccessView;
import ua.social.referral.referral.ReferralCommands.CreateReferralRequest;
import ua.social.referral.referral.ReferralCommands.NoteRequest;
import ua.social.referral.referral.ReferralViews.NoteView;
import ua.social.referral.referral.ReferralViews.ReferralSummary;
import ua.social.referral.referral.ReferralViews.ReferralView;
import ua.social.referral.referral.ReferralViews.StatusChangeView;
import ua.social.referral.referral.ReferralCommands.TransitionRequest;
import ua.social.identity.web.Idempotency;
import ua.social.identity.web.Versions;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
@Tag(name = "Referrals", description = "The referring side: a case manager refers the client of a case to a partner's "
        + "service, sends or cancels it, follows the partner's answer; supervisors see their community")
public class ReferralResource {

    @Inject
    ReferralService referrals;
    @Inject
    Idempotency idempotency;
    @Inject
    CallerContext callerContext;

    /** The header {@link Idempotency} sets on a replayed answer. */
    static final String REPLAYED = "Idempotent-Replayed";

    static Response view(ReferralView v) {
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }

    @POST
    @Operation(summary = "Draft a referral for the client of a case in your reach, with the minimum client data the "
            + "partner needs; 409 when the case has no consent to share with partners or is closed. Accepts Idempotency-Key")
    @APIResponseSchema(value = ReferralView.class, responseCode = "201", responseDescription = "Created")
    public Response create(@Valid @NotNull CreateReferralRequest req, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(callerContext.current(), key, "POST /referrals", req,
                location -> referrals.creationReplayed(Idempotency.idIn(location)), () -> {
                    Referral r = referrals.create(req);
                    return new Idempotency.Created(URI.create("/referrals/" + r.id),
                            referrals.referringView(r, AccessLog.Read.REFERRAL_CREATED));
                });
    }

    @GET
    @Operation(summary = "Referrals in your reach: a case manager's caseload, a supervisor's community. Filters: caseId, "
            + "partnerId, status, urgency, pending (awaiting the partner's answer), overdue (past the response deadline)")
    public PageView<ReferralSummary> list(@QueryParam("caseId") String caseId, @QueryParam("partnerId") String partnerId,
                                          @QueryParam("status") String status, @QueryParam("urgency") String urgency,
                                          @QueryParam("pending") String pending, @QueryParam("overdue") String overdue,
                                          @QueryParam("page") String page, @QueryParam("size") String size) {
        return referrals.listForReferringSide(new ReferralService.Filter(QueryParams.uuid(caseId, "caseId"),
                        QueryParams.uuid(partnerId, "partnerId"), QueryParams.enumValue(ReferralStatus.class, status, "status"),
                        QueryParams.enumValue(Urgency.class, urgency, "urgency"), QueryParams.bool(pending, "pending"),
                        QueryParams.bool(overdue, "overdue")),
                QueryParams.page(page), QueryParams.size(size, 20));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A referral with its client data, status history and notes; ETag carries the version. "
            + "The read is written to the referral's access log")
    @APIResponseSchema(value = ReferralView.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") UUID id) {
        return view(referrals.viewForReferringSide(id, AccessLog.Read.REFERRAL));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "The referral's status history, oldest first")
    public List<StatusChangeView> history(@PathParam("id") UUID id) {
        return referrals.historyForReferringSide(id);
    }

    @POST
    @Path("/{id}/transitions")
    @Operation(summary = "Move the referral as the referring side: REQUESTED (send to the partner), CANCELLED (reason) "
            + "or ENTERED_IN_ERROR (reason; from any other status, final); 409 naming the current status and your allowed moves for anything else; If-Match optional")
    @APIResponseSchema(value = ReferralView.class, responseCode = "200", responseDescription = "OK")
    public Response move(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull TransitionRequest req) {
        Referral r = referrals.moveByReferringSide(id, ifMatch, req);
        return view(referrals.viewForReferringSide(r.id, AccessLog.Read.REFERRAL_AFTER_CHANGE));
    }

    @GET
    @Path("/{id}/access-log")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Who read this referral's client data (staff and partners), newest first; supervisors of the "
            + "case's community only (404 outside it)")
    public PageView<AccessView> accessLog(@PathParam("id") UUID id, @QueryParam("page") String page,
                                          @QueryParam("size") String size) {
        int p = QueryParams.page(page);
        int n = QueryParams.size(size, 50);
        return referrals.accessLog(id, p, n);
    }

    @POST
    @Path("/{id}/notes")
    @Operation(summary = "Add a note for the partner and colleagues; accepts Idempotency-Key")
    @APIResponseSchema(value = NoteView.class, responseCode = "201", responseDescription = "Created")
    public Response note(@PathParam("id") UUID id, @Valid @NotNull NoteRequest req,
                         @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(callerContext.current(), key, "POST /referrals/" + id + "/notes", req,
                location -> referrals.historyForReferringSide(id), () -> {
            ReferralNote n = referrals.noteByReferringSide(id, req.text());
            return new Idempotency.Created(URI.create("/referrals/" + id), NoteView.of(n));
        });
    }
}
