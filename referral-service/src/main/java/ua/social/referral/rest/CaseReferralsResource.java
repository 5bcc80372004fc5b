package ua.social.referral.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.identity.Roles;
import ua.social.identity.web.QueryParams;
import ua.social.identity.web.PageView;
import ua.social.referral.casefile.CaseProjection;
import ua.social.referral.referral.ReferralAccess;
import ua.social.referral.referral.ReferralService;
import ua.social.contracts.code.ReferralStatus;
import ua.social.referral.referral.Urgency;
import ua.social.referral.referral.ReferralViews.ReferralSummary;

import java.time.OffsetDateTime;
import java.util.UUID;

@Path("/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
@Tag(name = "Referrals")
public class CaseReferralsResource {

    @Inject
    ReferralService referrals;
    @Inject
    ReferralAccess access;

    /** What referral-service knows of a case, from case.events: enough to say whether it can be referred. */
    public record CaseView(UUID caseId, String oblast, String hromada, String caseManagerUsername,
                           boolean sharingConsent, boolean closed, boolean referable, OffsetDateTime updatedAt) {
        static CaseView of(CaseProjection c) {
            return new CaseView(c.caseId, c.oblast, c.hromada, c.caseManagerUsername, c.sharingConsent, c.closed,
                    c.sharingConsent && !c.closed, c.updatedAt);
        }
    }

    @GET
    @Transactional
    @Operation(summary = "The case as referral-service knows it from case.events: community, case manager, consent to "
            + "share with partners, closed; referable when it has consent and is open (404 when outside your reach or "
            + "not yet known here)")
    public CaseView get(@PathParam("caseId") UUID caseId) {
        return CaseView.of(access.caseInReach(caseId));
    }

    @GET
    @Path("/referrals")
    @Operation(summary = "Referrals of one case, newest first; filters: status, urgency, pending, overdue")
    public PageView<ReferralSummary> list(@PathParam("caseId") UUID caseId, @QueryParam("status") String status,
                                          @QueryParam("urgency") String urgency, @QueryParam("pending") String pending,
                                          @QueryParam("overdue") String overdue, @QueryParam("page") String page,
                                          @QueryParam("size") String size) {
        return referrals.listOfCase(caseId, new ReferralService.Filter(caseId, null,
                        QueryParams.enumValue(ReferralStatus.class, status, "status"),
                        QueryParams.enumValue(Urgency.class, urgency, "urgency"), QueryParams.bool(pending, "pending"),
                        QueryParams.bool(overdue, "overdue")),
                QueryParams.page(page), QueryParams.size(size, 20));
    }
}
