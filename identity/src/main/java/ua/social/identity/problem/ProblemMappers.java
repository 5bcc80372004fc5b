package ua.social.identity.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import ua.social.identity.PartnerRateLimitedException;


import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;

/**
 * The one error mapping of the platform: every failure leaves as {@code application/problem+json}
 * with a stable {@code type}, never a stack trace. Bad input names the offending field.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated("Authentication is required: send a bearer token from Keycloak"
                + " (or a partner's X-API-Key where partner calls are accepted).");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        if (DatabaseUnavailable.causes(e)) {
            // the API key could not be checked: not the caller's fault, and not a verdict on the key
            return databaseUnavailable(e);
        }
        if (e.getCause() instanceof PartnerRateLimitedException limited) {
            return Response.fromResponse(Problem.of(429, "rate-limited", "Too many requests",
                            "This API key made more requests than its rate limit allows; retry later.")
                            .with("retryAfterSeconds", limited.retryAfterSeconds()).toResponse())
                    .header("Retry-After", limited.retryAfterSeconds()).build();
        }
        return unauthenticated("The credentials were not accepted: the token is invalid or expired,"
                + " or the API key is unknown, revoked or expired.");
    }

    private static Response unauthenticated(String detail) {
        return Response.fromResponse(Problem.of(401, "unauthenticated", "Unauthenticated", detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"social-services\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "forbidden", "Forbidden",
                "Your role does not allow this operation.").toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        Problem p = Problem.of(400, "validation", "Invalid request", null);
        e.getConstraintViolations().stream()
                .sorted((a, b) -> fieldOf(a).compareTo(fieldOf(b)))
                .forEach(v -> p.field(fieldOf(v), v.getMessage()));
        p.detail = p.errors == null ? "The request is invalid." : p.errors.stream()
                .map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return p.toResponse();
    }

    /**
     * Turns {@code create.arg0.person.rnokpp} into {@code person.rnokpp}, and an element of a list into its index on
     * the list ({@code needs[0].domain}, {@code needDomains[1]}): the path of the field as the client sent it. (Bean
     * Validation puts a list's index on the node after the list, and names a bare element {@code <list element>}.)
     */
    static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder sb = new StringBuilder();
        Iterator<Path.Node> it = v.getPropertyPath().iterator();
        while (it.hasNext()) {
            Path.Node node = it.next();
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable() && !sb.isEmpty()) {
                if (node.getIndex() != null) {
                    sb.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    sb.append('.').append(node.getKey());
                }
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
        }
        if (sb.isEmpty()) {
            return "body";
        }
        return sb.toString();
    }

    @ServerExceptionMapper({JsonParseException.class})
    public Response malformedJson(JsonParseException e) {
        return Problem.of(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON (line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ").").field("body", "not valid JSON")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = path(e);
        String message;
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            message = "unknown value '" + ife.getValue() + "'; allowed: "
                    + Arrays.stream(ife.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() == String.class) {
            message = ife.getOriginalMessage();
        } else if (e instanceof InvalidFormatException ife) {
            message = "'" + ife.getValue() + "' is not a valid " + simpleType(ife.getTargetType());
        } else if (e instanceof UnrecognizedPropertyException upe) {
            message = "unknown field '" + upe.getPropertyName() + "'";
            field = field.isEmpty() ? upe.getPropertyName() : field;
        } else {
            message = "has the wrong JSON type; expected " + simpleType(e.getTargetType());
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return Problem.of(400, "validation", "Invalid request", field + ": " + message)
                .field(field, message).toResponse();
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        String field = path(e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof IllegalArgumentException || root instanceof java.time.DateTimeException
                ? "invalid value: " + root.getMessage() : "invalid value";
        if (field.isEmpty()) {
            field = "body";
        }
        return Problem.of(400, "validation", "Invalid request", field + ": " + message)
                .field(field, message).toResponse();
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e) {
        return Problem.of(400, "malformed-json", "Malformed JSON", "The request body could not be read as JSON.")
                .field("body", "not valid JSON").toResponse();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "OffsetDateTime", "Instant" -> "date-time (ISO 8601 with offset)";
            case "UUID" -> "UUID";
            case "Integer", "int", "Long", "long" -> "integer";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "string";
            default -> type.isArray() || java.util.Collection.class.isAssignableFrom(type) ? "array"
                    : "object";
        };
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return Problem.of(409, "concurrent-update", "Concurrent update",
                "Someone else changed this record meanwhile; reload it and try again.").toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // A body that could not be read arrives wrapped: answer as for the JSON failure itself.
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched);
        }
        if (cause instanceof JsonMappingException mapping) {
            return jsonMapping(mapping);
        }
        if (cause instanceof JsonProcessingException processing) {
            return jsonProcessing(processing);
        }
        Response r = e.getResponse();
        int status = r.getStatus();
        if (r.hasEntity() && r.getMediaType() != null && r.getMediaType().toString().startsWith(Problem.MEDIA_TYPE)) {
            return r;
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family == Response.Status.Family.SERVER_ERROR) {
            LOG.error("Request failed", e);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "No such resource, or it is outside your reach.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "The requested media type is not available here.";
            case 415 -> "Unsupported media type: send application/json.";
            default -> family == Response.Status.Family.CLIENT_ERROR ? e.getMessage() : "The request could not be completed.";
        };
        if (status == 404) {
            return Problem.of(404, "not-found", ProblemException.NOT_FOUND_TITLE, detail).toResponse();
        }
        return Problem.of(status, slug(title), title, detail).toResponse();
    }

    /** The database is out of reach (stopped, restarting, connection cut): 503 with Retry-After, one log line. */
    private static Response databaseUnavailable(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.warnf("database unavailable, answered 503: %s", root.getMessage());
        return DatabaseUnavailable.problem().toResponse();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** RESTEasy Reactive's form reader met bytes that do not decode (it says so with a bare IllegalArgumentException). */
    private static boolean isUndecodableForm(Throwable e) {
        return e instanceof IllegalArgumentException && e.getStackTrace().length > 0
                && e.getStackTrace()[0].getClassName().equals("org.jboss.resteasy.reactive.common.util.URLUtils");
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        // Races the request could not see coming: a concurrent change of the same record, or a
        // concurrent insert of the same unique value (SQLState 23505). The transaction rolled back.
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t.getClass().getSimpleName().startsWith("StaleObjectState")) {
                return optimisticLock(null);
            }
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return Problem.of(409, "conflict", "Conflict",
                        "A record with the same unique value was created meanwhile; reload and check before retrying.")
                        .toResponse();
            }
        }
        if (DatabaseUnavailable.causes(e)) {
            return databaseUnavailable(e);
        }
        if (DatabaseUnavailable.busy(e)) {
            LOG.warnf("every database connection busy, answered 503: %s", e.getMessage());
            return DatabaseUnavailable.busyProblem().toResponse();
        }
        if (isUndecodableForm(e)) {
            return Problem.of(400, "malformed-form", "Malformed form",
                    "The request body is not application/x-www-form-urlencoded (a name or value does not decode).")
                    .field("body", "not a URL-encoded form").toResponse();
        }
        LOG.error("Unexpected failure", e);
        return Problem.of(500, "internal", "Internal error",
                "The request could not be completed; it has been logged.").toResponse();
    }
}
