package ua.social.identity.web;

import jakarta.ws.rs.core.EntityTag;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: reads carry {@code ETag: "<version>"}; a change sent with
 * {@code If-Match} that no longer matches is refused with 412 and changes nothing.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** @param ifMatch the If-Match header or null (then only the database's version check applies) */
    public static void check(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String expected = "\"" + currentVersion + "\"";
        for (String candidate : ifMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(expected)) {
                return;
            }
        }
        throw new ProblemException(Problem.of(412, "stale-version", "Precondition failed",
                "The record changed since you read it (current version " + currentVersion
                        + "); reload it and apply your change again.").with("currentVersion", currentVersion));
    }
}
