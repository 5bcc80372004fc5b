package ua.social.identity.web;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.identity.Caller;
import ua.social.identity.CallerContext;

import java.util.Set;

/** {@code GET /me}: who the caller is, as every service sees them. Present in each service. */
@Path("/me")
@Authenticated
@Tag(name = "Identity", description = "Who is calling: roles and jurisdiction taken from the token")
public class MeResource {

    @Inject
    CallerContext callerContext;

    public record MeView(String id, String username, String displayName, Set<String> roles,
                         String oblast, String hromada, String partnerId) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller: user id, roles, oblast and community (hromada) from the token")
    public MeView me() {
        Caller c = callerContext.current();
        return new MeView(c.id(), c.username(), c.displayName(), c.roles(),
                c.jurisdiction().oblast(), c.jurisdiction().hromada(), c.partnerId());
    }
}
