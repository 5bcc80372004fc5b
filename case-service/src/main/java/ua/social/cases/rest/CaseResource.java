package ua.social.cases.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.cases.casefile.CaseAccess;
import ua.social.cases.casefile.CaseAssignment;
import ua.social.cases.casefile.CaseConsent;
import ua.social.cases.casefile.CaseOpening;
import ua.social.cases.casefile.CaseSearch;
import ua.social.cases.casefile.CaseStages;
import ua.social.cases.casefile.CaseTeam;
import ua.social.cases.casefile.CaseTransfer;
import ua.social.cases.casefile.CaseStage;
import ua.social.cases.casefile.SocialCase;
import ua.social.cases.casefile.TeamMember;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.cases.rest.CaseApi.AccessView;
import ua.social.cases.casefile.CaseCommands.AssignmentRequest;
import ua.social.cases.rest.CaseApi.CaseSummary;
import ua.social.cases.rest.CaseApi.CaseView;
import ua.social.cases.casefile.CaseCommands.ClosureRequest;
import ua.social.cases.casefile.CaseCommands.ConsentRequest;
import ua.social.cases.casefile.CaseCommands.OpenCaseRequest;
import ua.social.cases.casefile.CaseCommands.ReopenRequest;
import ua.social.cases.casefile.CaseCommands.StageRequest;
import ua.social.cases.casefile.CaseCommands.TeamRequest;
import ua.social.cases.rest.CaseApi.TimelineView;
import ua.social.cases.casefile.CaseCommands.TransferRequest;
import ua.social.cases.casefile.CaseCommands.WithdrawalRequest;
import ua.social.cases.support.AccessLog;
import ua.social.identity.web.Idempotency;
import ua.social.cases.support.Timeline;
import ua.social.identity.web.Versions;
import ua.social.identity.Roles;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.QueryParams;
import ua.social.identity.web.PageView;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
@Tag(name = "Cases", description = "Opening, assignment, stages, consent, team, transfer, closure and the timeline of a case")
public class CaseResource {

    @Inject
    CaseOpening opening;
    @Inject
    CaseAssignment assignment;
    @Inject
    CaseTransfer transfers;
    @Inject
    CaseTeam team;
    @Inject
    CaseStages stages;
    @Inject
    CaseConsent consent;
    @Inject
    CaseSearch search;
    @Inject
    CaseAccess access;
    @Inject
    Timeline timeline;
    @Inject
    AccessLog accessLog;
    @Inject
    Idempotency idempotency;

    /** The case file as shown to the caller; showing it is a read, written to the access log. */
    Response view(SocialCase c, String what) {
        accessLog.read(access.caller(), AccessLog.RecordType.CASE, c.id, what);
        return Response.ok(CaseView.of(c, TeamMember.list("caseId", c.id))).tag(Versions.etag(c.version)).build();
    }

    Response view(SocialCase c) {
        return view(c, "case file (changed)");
    }

    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @POST
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.CASE_MANAGER, Roles.SUPERVISOR})
    @Operation(summary = "Open a case on an appeal or for a client of your community",
            description = "Needs at least one criterion; a supervisor may open without one, giving openingOverrideReason. "
                    + "Optionally assigns the case manager (caseload limit of the model applies) and records consent. "
                    + "Accepts Idempotency-Key.")
    public Response open(@Valid @NotNull OpenCaseRequest req, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(access.caller(), key, "POST /cases", req,
                this::replayedOpening, () -> {
            SocialCase c = opening.open(req);
            accessLog.read(access.caller(), AccessLog.RecordType.CASE, c.id, "case opened");
            return new Idempotency.Created(URI.create("/cases/" + c.id), CaseView.of(c, TeamMember.list("caseId", c.id)));
        });
    }

    /**
     * A replayed opening shows the case file again: to whoever reaches the case now, or to front-office staff
     * of the community it is still in (who opened it); 404 once it has left, and the read is logged.
     */
    private void replayedOpening(URI location) {
        UUID id = Idempotency.idIn(location);
        SocialCase c = SocialCase.findById(id);
        var caller = access.caller();
        if (c == null || !(access.reaches(caller, c) || caller.jurisdiction().coversHromada(c.hromada))) {
            throw ProblemException.notFound("Case " + id);
        }
        accessLog.read(caller, AccessLog.RecordType.CASE, id, "case file (replayed response)");
    }

    @GET
    @Operation(summary = "Cases in your reach: a case manager's own and team cases, a supervisor's community")
    public PageView<CaseSummary> list(@QueryParam("stage") String stage, @QueryParam("caseManager") String caseManager,
                                      @QueryParam("hromada") String hromada, @QueryParam("model") String model,
                                      @QueryParam("overdue") String overdue,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        PageView<SocialCase> found = search.list(QueryParams.enumValue(CaseStage.class, stage, "stage"), caseManager, hromada,
                QueryParams.enumValue(CaseManagementModel.class, model, "model"), QueryParams.bool(overdue, "overdue"),
                QueryParams.page(page), QueryParams.size(size, 20));
        Set<UUID> overdueIds = search.overdueAmong(found.items().stream().map(c -> c.id).toList());
        accessLog.read(access.caller(), AccessLog.RecordType.CASE, "case list", found.items().stream().map(c -> c.id).toList());
        return PageView.of(found.items().stream().map(c -> new CaseSummary(c.id, c.number, c.clientId, c.hromada,
                c.stage, c.model, c.caseManagerUsername, c.openedAt, overdueIds.contains(c.id))).toList(),
                found.page(), found.size(), found.totalItems());
    }

    @APIResponse(responseCode = "200", description = "The case file",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @GET
    @Path("/{id}")
    @Operation(summary = "The case file (the read is written to the access log); ETag carries the version")
    public Response get(@PathParam("id") UUID id) {
        return view(access.inReach(id), "case file");
    }

    @APIResponse(responseCode = "200", description = "The case file",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @PUT
    @Path("/{id}/assignment")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Assign the case manager (and optionally change the model); 409 past the caseload limit "
            + "unless caseloadOverrideReason is given")
    public Response assign(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull AssignmentRequest req) {
        return view(assignment.assign(id, ifMatch, req));
    }

    @APIResponse(responseCode = "200", description = "The case file",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @POST
    @Path("/{id}/transfer")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Transfer the case to another case manager or community; its history stays with it")
    public Response transfer(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull TransferRequest req) {
        return view(transfers.transfer(id, ifMatch, req));
    }

    @APIResponse(responseCode = "200", description = "The case file",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @PUT
    @Path("/{id}/team")
    @Operation(summary = "Set the team arrangement and members (staff by username, partner specialists by name)")
    public Response team(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull TeamRequest req) {
        return view(team.set(id, ifMatch, req));
    }

    @APIResponse(responseCode = "200", description = "The case file",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @POST
    @Path("/{id}/stage")
    @Operation(summary = "Move the case to its next stage; 409 naming the current and allowed stages for an illegal move")
    public Response stage(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull StageRequest req) {
        return view(stages.move(id, ifMatch, req));
    }

    @APIResponse(responseCode = "200", description = "The case file",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @POST
    @Path("/{id}/closure")
    @Operation(summary = "Close the case with a reason and an outcome evaluation")
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull ClosureRequest req) {
        return view(stages.close(id, ifMatch, req));
    }

    @APIResponse(responseCode = "200", description = "The case file",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @POST
    @Path("/{id}/reopening")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Reopen a closed case for reassessment (supervisor)")
    public Response reopen(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ReopenRequest req) {
        return view(stages.reopen(id, ifMatch, req));
    }

    @APIResponse(responseCode = "200", description = "The case file",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @PUT
    @Path("/{id}/consent")
    @Operation(summary = "Record informed consent: when, to processing, to sharing with partners")
    public Response consent(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull ConsentRequest req) {
        return view(consent.record(id, ifMatch, req));
    }

    @APIResponse(responseCode = "200", description = "The case file",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @POST
    @Path("/{id}/consent/withdrawal")
    @Operation(summary = "Withdraw consent (all of it, or only sharing with partners)")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull WithdrawalRequest req) {
        return view(consent.withdraw(id, ifMatch, req));
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "Everything that happened on the case, oldest first, paginated (append-only)")
    public PageView<TimelineView> timeline(@PathParam("id") UUID id, @QueryParam("page") String page,
                                           @QueryParam("size") String size) {
        int p = QueryParams.page(page);
        int n = QueryParams.size(size, 50);
        access.read(id, "timeline");
        return PageView.of(timeline.page(id, p, n).stream().map(TimelineView::of).toList(), p, n, timeline.count(id));
    }

    @GET
    @Path("/{id}/access-log")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Who read this case file, newest first (supervisors of the community)")
    public PageView<AccessView> accessLog(@PathParam("id") UUID id, @QueryParam("page") String page,
                                          @QueryParam("size") String size) {
        int p = QueryParams.page(page);
        int n = QueryParams.size(size, 50);
        access.inReach(id);
        var entries = accessLog.of(AccessLog.RecordType.CASE, id, p, n);
        return PageView.of(entries.stream().map(AccessView::of).toList(), p, n,
                accessLog.count(AccessLog.RecordType.CASE, id));
    }
}
