package ua.social.identity.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error the platform returns
 * ({@code application/problem+json}). {@link #errors} names the offending fields of a request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://social-services.example.ua/problems/";

    public URI type;
    public String title;
    public int status;
    public String detail;
    public String instance;
    public List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private Integer retryAfterSeconds;

    /** One offending field: its path in the request (e.g. {@code person.rnokpp}) and what is wrong. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        Problem p = new Problem();
        p.status = status;
        p.type = URI.create(TYPE_BASE + slug);
        p.title = title;
        p.detail = detail;
        return p;
    }

    public Problem field(String field, String message) {
        if (errors == null) {
            errors = new ArrayList<>();
        }
        errors.add(new FieldError(field, message));
        return this;
    }

    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /**
     * Asks the client to retry after {@code seconds}: the response gets a {@code Retry-After} header and
     * the body a {@code retryAfterSeconds} member. Used for 503 (a dependency is away) and 429.
     */
    public Problem retryAfter(int seconds) {
        retryAfterSeconds = seconds;
        return with("retryAfterSeconds", seconds);
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    public Response toResponse() {
        Response.ResponseBuilder r = Response.status(status).type(MEDIA_TYPE).entity(this);
        if (retryAfterSeconds != null) {
            r.header("Retry-After", retryAfterSeconds);
        }
        return r.build();
    }
}
