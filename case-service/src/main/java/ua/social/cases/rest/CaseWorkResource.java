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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.cases.casefile.Assessment;
import ua.social.cases.casefile.CaseAccess;
import ua.social.cases.casefile.CaseNote;
import ua.social.cases.casefile.Assessments;
import ua.social.cases.casefile.CaseCommands.ActionStatusRequest;
import ua.social.cases.casefile.CaseCommands.AssessmentRequest;
import ua.social.cases.casefile.CaseCommands.NoteRequest;
import ua.social.cases.casefile.CaseCommands.PlanRequest;
import ua.social.cases.casefile.CaseDeliveries;
import ua.social.cases.casefile.CaseNotes;
import ua.social.cases.casefile.IndividualPlans;
import ua.social.cases.casefile.PlanRevision;
import ua.social.cases.delivery.ServiceDelivery;
import ua.social.cases.delivery.ServiceRequest;
import ua.social.cases.rest.AppealApi.ServiceView;
import ua.social.cases.rest.CaseApi.AssessmentView;
import ua.social.cases.rest.CaseApi.NoteView;
import ua.social.cases.rest.CaseApi.PlanView;
import ua.social.identity.web.Idempotency;
import ua.social.identity.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
@Tag(name = "Case work", description = "Assessments, the individual plan, services delivered, monitoring notes and supervision")
public class CaseWorkResource {

    @Inject
    Assessments assessments;
    @Inject
    IndividualPlans plans;
    @Inject
    CaseDeliveries deliveries;
    @Inject
    CaseNotes notes;
    @Inject
    CaseAccess access;
    @Inject
    Idempotency idempotency;

    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @POST
    @Path("/assessments")
    @Operation(summary = "Record an assessment (or a reassessment: earlier ones are kept)")
    public Response assess(@PathParam("id") UUID id, @Valid @NotNull AssessmentRequest req,
                           @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(access.caller(), key, "POST /cases/" + id + "/assessments", req,
                location -> access.read(id, "assessment (replayed response)"), () -> {
            Assessment a = assessments.assess(id, req);
            return new Idempotency.Created(URI.create("/cases/" + id + "/assessments/" + a.number), AssessmentView.of(a));
        });
    }

    @GET
    @Path("/assessments")
    @Operation(summary = "All assessments of the case, first to latest")
    public List<AssessmentView> assessments(@PathParam("id") UUID id) {
        return assessments.assessments(id).stream().map(AssessmentView::of).toList();
    }

    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @POST
    @Path("/plan/revisions")
    @Operation(summary = "Agree the individual plan or revise it (a new revision; earlier ones stay readable)",
            description = "Goals must address needs of the latest assessment. Reuse goal and action ids of the current "
                    + "revision to carry them (and their status) over.")
    public Response revise(@PathParam("id") UUID id, @Valid @NotNull PlanRequest req,
                           @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(access.caller(), key, "POST /cases/" + id + "/plan/revisions", req,
                location -> access.read(id, "individual plan revision (replayed response)"), () -> {
            PlanRevision p = plans.revisePlan(id, req);
            return new Idempotency.Created(URI.create("/cases/" + id + "/plan/revisions/" + p.revision), PlanView.of(p));
        });
    }

    @GET
    @Path("/plan")
    @Operation(summary = "The current revision of the individual plan")
    public PlanView plan(@PathParam("id") UUID id) {
        return PlanView.of(plans.currentPlan(id));
    }

    @GET
    @Path("/plan/revisions")
    public List<PlanView> revisions(@PathParam("id") UUID id) {
        return plans.planRevisions(id).stream().map(PlanView::of).toList();
    }

    @GET
    @Path("/plan/revisions/{revision}")
    public PlanView revision(@PathParam("id") UUID id, @PathParam("revision") int revision) {
        return PlanView.of(plans.planRevision(id, revision));
    }

    @PUT
    @Path("/plan/actions/{actionId}/status")
    @Operation(summary = "Set the status of an action of the current plan")
    public PlanRevision.Action actionStatus(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId,
                                            @Valid @NotNull ActionStatusRequest req) {
        return plans.setActionStatus(id, actionId, req);
    }

    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ServiceView.class)))
    @POST
    @Path("/services")
    @Operation(summary = "Record a service delivered on the case")
    public Response deliver(@PathParam("id") UUID id, @Valid @NotNull ServiceRequest req,
                            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(access.caller(), key, "POST /cases/" + id + "/services", req,
                location -> access.read(id, "service delivered (replayed response)"), () -> {
            ServiceDelivery s = deliveries.deliver(id, req);
            return new Idempotency.Created(URI.create("/cases/" + id + "/services"), ServiceView.of(s));
        });
    }

    @GET
    @Path("/services")
    public List<ServiceView> services(@PathParam("id") UUID id) {
        return deliveries.services(id).stream().map(ServiceView::of).toList();
    }

    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = NoteView.class)))
    @POST
    @Path("/notes")
    @Operation(summary = "Add a monitoring note or a supervision review (supervisor); confidential flag")
    public Response note(@PathParam("id") UUID id, @Valid @NotNull NoteRequest req,
                         @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(access.caller(), key, "POST /cases/" + id + "/notes", req,
                location -> access.read(id, "note (replayed response)"), () -> {
            CaseNote n = notes.note(id, req);
            return new Idempotency.Created(URI.create("/cases/" + id + "/notes"), NoteView.of(n));
        });
    }

    @GET
    @Path("/notes")
    @Operation(summary = "Notes of the case; confidential ones only for the case manager, the author and supervisors")
    public List<NoteView> notes(@PathParam("id") UUID id) {
        return notes.notes(id).stream().map(NoteView::of).toList();
    }
}
