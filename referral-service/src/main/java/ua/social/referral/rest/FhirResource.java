package ua.social.referral.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import ua.social.identity.Roles;
import ua.social.identity.problem.ProblemException;
import ua.social.referral.fhir.FhirFacade;
import ua.social.referral.fhir.FhirJson;

/**
 * A read-only FHIR R4 facade over the referrals, for partners' systems that speak FHIR (HL7 SDOH Clinical
 * Care referral workflow): Task and ServiceRequest by id, a Task search for polling, and the
 * CapabilityStatement. FHIR JSON only; errors are OperationOutcome resources ({@link FhirErrors}).
 */
@Path("/fhir")
@Produces({FhirJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@RolesAllowed({Roles.PARTNER, Roles.CASE_MANAGER, Roles.SUPERVISOR})
@Tag(name = "FHIR R4", description = "Read-only FHIR R4 view of the referrals (Task, ServiceRequest) for partner keys and "
        + "the referring side, with the reach and access log of the referral API; application/fhir+json")
public class FhirResource {

    @Inject
    FhirFacade fhir;
    @Inject
    FhirJson json;
    @Context
    UriInfo uri;

    private Response ok(IBaseResource resource) {
        Response.ResponseBuilder r = Response.ok(json.write(resource), FhirJson.MEDIA_TYPE);
        if (resource instanceof Resource res && res.getMeta().getVersionId() != null) {
            r.tag(new EntityTag(res.getMeta().getVersionId(), true));
            r.lastModified(res.getMeta().getLastUpdated());
        }
        return r.build();
    }

    /** A logical id that is not a referral's UUID names no resource here: 404, as for any unknown id. */
    private static java.util.UUID id(String type, String id) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(type + " " + id);
        }
    }

    private String base() {
        return uri.getBaseUriBuilder().path("fhir").build() + "/";
    }

    @GET
    @Path("/metadata")
    @APIResponse(responseCode = "200", description = "FHIR R4 CapabilityStatement (http://hl7.org/fhir/R4/capabilitystatement.html)", content = {
            @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 CapabilityStatement")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 CapabilityStatement"))})
    @Operation(summary = "The CapabilityStatement: FHIR R4 (4.0.1), JSON, read of Task and ServiceRequest, search of Task")
    public Response metadata() {
        return ok(fhir.capabilities(base()));
    }

    @GET
    @Path("/Task/{id}")
    @APIResponse(responseCode = "200", description = "FHIR R4 Task (http://hl7.org/fhir/R4/task.html)", content = {
            @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Task")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Task"))})
    @Operation(summary = "The Task of a referral in your reach: status (Task.status codes), statusReason, businessStatus "
            + "overdue, owner (the partner Organization), focus (the ServiceRequest); no client data; 404 outside your reach")
    public Response task(@PathParam("id") String id) {
        return ok(fhir.task(id("Task", id)));
    }

    @GET
    @Path("/ServiceRequest/{id}")
    @APIResponse(responseCode = "200", description = "FHIR R4 ServiceRequest (http://hl7.org/fhir/R4/servicerequest.html)", content = {
            @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 ServiceRequest")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 ServiceRequest"))})
    @Operation(summary = "The ServiceRequest of a referral in your reach: service category, reason, performer and the "
            + "client (a contained Patient with the data the partner API shows, while consent holds; the read is logged)")
    public Response serviceRequest(@PathParam("id") String id) {
        return ok(fhir.serviceRequest(id("ServiceRequest", id)));
    }

    @GET
    @Path("/Task")
    @APIResponse(responseCode = "200", description = "FHIR R4 Bundle (http://hl7.org/fhir/R4/bundle.html)", content = {
            @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Bundle of type searchset")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Bundle of type searchset"))})
    @Operation(summary = "Search the Tasks in your reach, oldest change first: owner=Organization/{partnerId}, status, "
            + "_lastUpdated=gt<instant> (repeatable; gt, ge, lt, le), _count (1-200, default 20), _offset; a searchset "
            + "Bundle; an unknown parameter is a 400 OperationOutcome naming it")
    public Response search() {
        return ok(fhir.searchTasks(uri.getQueryParameters(), base(), uri.getRequestUri().getRawQuery()));
    }
}
