package ua.social.identity.problem;

import jakarta.ws.rs.core.Response;

/**
 * Thrown by services for a rule the request broke (conflict, illegal move, limit reached...).
 * The shared mapper turns it into its {@link Problem}; the transaction it crosses rolls back.
 */
public class ProblemException extends RuntimeException {

    public static final String NOT_FOUND_TITLE = "Not found";

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title + (problem.detail == null ? "" : ": " + problem.detail));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.of(400, "validation", "Invalid request",
                field + ": " + message).field(field, message));
    }

    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(Problem.of(422, slug, title, detail));
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Problem.of(409, slug, title, detail));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND.getStatusCode(), "not-found",
                NOT_FOUND_TITLE, what + " was not found or is outside your reach"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }
}
