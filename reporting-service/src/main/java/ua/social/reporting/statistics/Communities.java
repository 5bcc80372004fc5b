package ua.social.reporting.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import ua.social.identity.Territory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which communities the statistics can be asked about, and in which oblast each lies: a community of
 * the KATOTTG codifier (the identity library's {@link Territory}, looked up, never derived from the code's
 * digits), or one the events themselves reported with its oblast (staff communities come from the realm).
 * Anything else is unknown, and a filter naming it is refused.
 */
@ApplicationScoped
public class Communities {

    @Inject
    EntityManager em;

    public Optional<String> oblastOf(String hromada) {
        Optional<String> codified = Territory.oblastOf(hromada);
        if (codified.isPresent()) {
            return codified;
        }
        @SuppressWarnings("unchecked")
        List<String> reported = em.createNativeQuery("SELECT oblast FROM rm_contact WHERE hromada = ?1 "
                        + "UNION SELECT oblast FROM rm_case WHERE hromada = ?1 LIMIT 1")
                .setParameter(1, hromada).getResultList();
        return reported.stream().findFirst();
    }

    /**
     * The oblast of each of many communities (a community without one is left out): the codifier first,
     * then one query over the communities the events reported, for the rest.
     */
    public Map<String, String> oblastsOf(Collection<String> hromadas) {
        Map<String, String> oblasts = new HashMap<>();
        List<String> reported = new ArrayList<>();
        for (String h : hromadas) {
            Territory.oblastOf(h).ifPresentOrElse(o -> oblasts.put(h, o), () -> reported.add(h));
        }
        for (int from = 0; from < reported.size(); from += 500) {
            List<String> part = reported.subList(from, Math.min(reported.size(), from + 500));
            String in = String.join(", ", part.stream().map(h -> "?").toList());
            var query = em.createNativeQuery("SELECT hromada, min(oblast) FROM (SELECT hromada, oblast FROM rm_contact "
                    + "WHERE hromada IN (" + in + ") UNION SELECT hromada, oblast FROM rm_case WHERE hromada IN (" + in
                    + ") UNION SELECT hromada, oblast FROM rm_case_change WHERE hromada IN (" + in + ")) x GROUP BY hromada");
            int p = 1;
            for (int copy = 0; copy < 3; copy++) {
                for (String h : part) {
                    query.setParameter(p++, h);
                }
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            rows.forEach(r -> oblasts.put((String) r[0], (String) r[1]));
        }
        return oblasts;
    }
}
