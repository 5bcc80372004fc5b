package ua.social.referral.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import ua.social.identity.problem.ProblemException;
import ua.social.referral.partner.HsdsExport;
import ua.social.referral.partner.PartnerDirectory;

import java.util.Map;
import java.util.UUID;

@Path("/hsds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTAKE_OFFICER, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.MINISTRY_ANALYST,
        Roles.PLATFORM_ADMIN, Roles.PARTNER})
@Tag(name = "HSDS export", description = "The partner directory in the JSON shape of Open Referral HSDS 3.0")
public class HsdsResource {

    @Inject
    HsdsExport export;
    @Inject
    PartnerDirectory directory;

    @GET
    @Path("/organizations")
    @Operation(summary = "Organisations with their services, locations, schedules and contacts, as an HSDS page "
            + "(total_items, total_pages, page_number from 1, size, first_page, last_page, empty, contents)")
    public Map<String, Object> organizations(@QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        int number = QueryParams.integer(page, "page", 1);
        if (number < 1 || number > QueryParams.MAX_PAGE + 1) {
            throw ProblemException.badRequest("page", "must be between 1 and " + (QueryParams.MAX_PAGE + 1)
                    + " (HSDS numbers pages from 1)");
        }
        int size = QueryParams.integer(perPage, "per_page", 50);
        if (size < 1 || size > 200) {
            throw ProblemException.badRequest("per_page", "must be between 1 and 200");
        }
        return export.organizations(number, size);
    }

    @GET
    @Path("/organizations/{id}")
    @Operation(summary = "One organisation as an HSDS 3.0 organization with its services, locations and contacts")
    public Map<String, Object> organization(@PathParam("id") UUID id) {
        return export.organization(directory.find(id));
    }
}
