package ua.social.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.cases.reference.ReferenceData;
import ua.social.identity.Roles;
import ua.social.identity.problem.ProblemException;

import java.util.List;
import java.util.Map;

@Path("/reference-data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTAKE_OFFICER, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.PLATFORM_ADMIN})
@Tag(name = "Reference data", description = "Oblasts, need domains, service categories, vulnerable groups, "
        + "case-management models and team arrangements, with Ukrainian and English labels")
public class ReferenceDataResource {

    @GET
    @Operation(summary = "All reference lists, by kind")
    public Map<String, List<ReferenceData.Entry>> all() {
        return ReferenceData.all();
    }

    @GET
    @Path("/{kind}")
    @Operation(summary = "One reference list: oblasts, need-domains, service-categories, vulnerable-groups, "
            + "case-management-models or team-arrangements")
    public List<ReferenceData.Entry> kind(@PathParam("kind") String kind) {
        return ReferenceData.kind(kind).orElseThrow(() -> ProblemException.notFound("Reference list '" + kind + "'"));
    }
}
