package ua.social.reporting.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import ua.social.identity.Territory;

import java.util.List;
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
}
