package ua.social.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.cases.casefile.Caseloads;
import ua.social.cases.casefile.Caseloads.CaseloadView;
import ua.social.cases.casefile.IndividualPlans;
import ua.social.cases.casefile.IndividualPlans.OverdueAction;
import ua.social.identity.Roles;

import java.util.List;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
@Tag(name = "Workload", description = "Caseload per case manager and overdue plan actions")
public class CaseloadResource {

    @Inject
    Caseloads caseloads;
    @Inject
    IndividualPlans plans;

    @GET
    @Path("caseload")
    @Operation(summary = "Active cases per case manager, by model (a supervisor: the community; a case manager: own)")
    public List<CaseloadView> caseload(@QueryParam("caseManager") String caseManager) {
        return caseloads.caseload(caseManager);
    }

    @GET
    @Path("plan-actions/overdue")
    @Operation(summary = "Plan actions past their deadline and not done (a supervisor: the community, filter by "
            + "caseManager; a case manager: own cases)")
    public List<OverdueAction> overdue(@QueryParam("caseManager") String caseManager) {
        return plans.overdue(caseManager);
    }
}
