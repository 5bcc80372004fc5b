package ua.social.identity.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import ua.social.identity.problem.Problem;

import java.util.List;
import java.util.Map;

/**
 * Query and path parameters are text, as body strings are ({@link PlatformJackson#isText}): a value holding a NUL
 * character (sent as {@code %00}) or half of a surrogate pair is refused with a 400 naming the parameter, before
 * any resource sees it — PostgreSQL would refuse it with an error in the middle of a query.
 */
public class TextParameters {

    @ServerRequestFilter
    public Response refuseWhatIsNotText(ContainerRequestContext request) {
        Response refused = check(request.getUriInfo().getPathParameters());
        return refused != null ? refused : check(request.getUriInfo().getQueryParameters());
    }

    private static Response check(MultivaluedMap<String, String> params) {
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            for (String v : p.getValue()) {
                if (v != null && !PlatformJackson.isText(v)) {
                    return Problem.of(400, "validation", "Invalid request", p.getKey() + ": " + PlatformJackson.NOT_TEXT)
                            .field(p.getKey(), PlatformJackson.NOT_TEXT).toResponse();
                }
            }
        }
        return null;
    }
}
