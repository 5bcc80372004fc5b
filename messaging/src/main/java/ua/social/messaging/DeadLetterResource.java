package ua.social.messaging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.identity.Roles;

import java.util.List;

/** Dead letters of this service's consumers, for the platform operator. Present in each service. */
@Path("/admin/dead-letters")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Events this service could not apply: list them and re-drive one after a fix")
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    public record DeadLetterList(List<DeadLetters.DeadLetter> items, int total) {
    }

    @GET
    @Operation(summary = "Every event this service moved to a dead-letter topic, oldest first, with the error, "
            + "the attempts, where it stood and whether it has been applied since")
    public DeadLetterList list() {
        List<DeadLetters.DeadLetter> items = deadLetters.list();
        return new DeadLetterList(items, items.size());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter by its id (<dead-letter topic>:<partition>:<offset>)")
    public DeadLetters.DeadLetter get(@PathParam("id") String id) {
        return deadLetters.get(id);
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(summary = "Apply the dead-lettered event again with this service's handler (after a fix). Idempotent: "
            + "an event already applied answers ALREADY_APPLIED and changes nothing; one that still fails answers 422")
    public DeadLetters.Redrive redrive(@PathParam("id") String id) {
        return deadLetters.redrive(id);
    }
}
