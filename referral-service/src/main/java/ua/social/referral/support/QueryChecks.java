package ua.social.referral.support;

import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.Dates;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** Query parameters a list or search is strict about: unknown names refused, instants parsed, each a 400 naming it. */
public final class QueryChecks {

    private QueryChecks() {
    }

    /**
     * Refuses the first query parameter that is not in {@code known}: a silently ignored filter (a typo,
     * or one this version does not offer) would answer everything instead of what was asked.
     */
    public static void onlyKnown(Collection<String> given, Set<String> known) {
        for (String name : new TreeSet<>(given)) {
            if (!known.contains(name)) {
                throw ProblemException.badRequest(name, "unknown query parameter; allowed: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    /**
     * An instant in ISO 8601 with an offset ({@code 2026-12-01T09:30:00Z}, {@code 2026-12-01T11:30:00+02:00}).
     * A {@code +} of an offset sent unencoded arrives as a space; it is read as the {@code +} it was.
     */
    public static OffsetDateTime instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().replace(' ', '+');
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not an instant in ISO 8601 with an offset, "
                    + "e.g. 2026-12-01T09:30:00Z");
        }
        if (!Dates.saneYear(t.getYear())) {
            throw ProblemException.badRequest(name, Dates.YEAR_MESSAGE);
        }
        return t;
    }
}
