package ua.social.cases.client;

import ua.social.contracts.code.Codes;
import ua.social.contracts.code.VulnerableGroup;
import ua.social.contracts.event.ClientRegistered;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import ua.social.cases.client.ClientCommands.ClientRequest;
import ua.social.cases.client.DuplicateCheck.DuplicateCandidate;
import ua.social.cases.client.DuplicateCheck.DuplicateCheckView;
import ua.social.cases.events.CaseEvents;
import ua.social.cases.support.CurrentCaller;
import ua.social.identity.Caller;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.Versions;
import ua.social.identity.web.PageView;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ua.social.contracts.name.NameFolding;

/** Registering, finding and updating clients, with the duplicate check of the front office. */
@ApplicationScoped
public class ClientService {

    /** Folded names within this edit distance, with the same date of birth, are likely the same person. */
    static final int CLOSE_NAME_DISTANCE = 2;

    @Inject
    Clock clock;
    @Inject
    CurrentCaller currentCaller;
    @Inject
    ClientAccess access;
    @Inject
    CaseEvents events;
    @Inject
    DuplicateCheck duplicates;

    @Transactional
    public Client register(ClientRequest req) {
        Caller caller = currentCaller.get();
        String hromada = currentCaller.ownHromada();
        requireOwnJurisdiction(caller, req);
        if (req.rnokpp() != null) {
            Client existing = Client.find("rnokpp", req.rnokpp()).firstResult();
            if (existing != null) {
                throw rnokppTaken(duplicates.answer(List.of(new DuplicateCheck.Match(existing, "RNOKPP"))));
            }
        }
        if (!Boolean.TRUE.equals(req.confirmedNotDuplicate())) {
            List<DuplicateCheck.Match> likely = likelyDuplicates(req.lastName(), req.firstName(), req.dateOfBirth(), null);
            if (!likely.isEmpty()) {
                DuplicateCheckView answer = duplicates.answer(likely);
                throw new ProblemException(Problem.of(409, "likely-duplicate", "Likely duplicate",
                                "Registered clients with the same date of birth and a close name exist"
                                        + (answer.recordsElsewhere().isEmpty() ? "" : " (some in another community: "
                                        + "not shown; your supervisor can ask for such a record with POST /record-requests "
                                        + "and its reference)") + ". Check them; if this is a different person, send the "
                                        + "request again with \"confirmedNotDuplicate\": true.")
                        .with("likelyDuplicates", answer.candidates())
                        .with("recordsElsewhere", answer.recordsElsewhere()));
            }
        }
        Client c = new Client();
        c.id = UUID.randomUUID();
        c.apply(req);
        c.oblast = caller.jurisdiction().oblast();
        c.hromada = hromada;
        c.createdAt = OffsetDateTime.now(clock);
        c.updatedAt = c.createdAt;
        c.createdBy = caller.username();
        c.persist();
        events.publish(c.id, c.id, new ClientRegistered(c.id, c.oblast, c.hromada,
                Codes.list(VulnerableGroup.class, c.vulnerableGroups), c.createdAt));
        return c;
    }

    @Transactional
    public Client update(UUID id, String ifMatch, ClientRequest req) {
        Client c = access.inReach(id);
        Versions.check(ifMatch, c.version);
        requireOwnJurisdiction(currentCaller.get(), req);
        if (req.rnokpp() != null && !req.rnokpp().equals(c.rnokpp)
                && Client.count("rnokpp = ?1 and id <> ?2", req.rnokpp(), id) > 0) {
            throw new ProblemException(Problem.of(409, "duplicate-rnokpp", "RNOKPP belongs to another client",
                    "Another client is registered with this RNOKPP.").field("rnokpp", "already registered"));
        }
        c.apply(req);
        c.updatedAt = OffsetDateTime.now(clock);
        Client.flush();
        return c;
    }

    private static ProblemException rnokppTaken(DuplicateCheckView answer) {
        if (!answer.candidates().isEmpty()) {
            DuplicateCandidate existing = answer.candidates().get(0);
            return new ProblemException(Problem.of(409, "duplicate-rnokpp", "Client already registered",
                            "A client with this RNOKPP is already registered (client " + existing.id() + ").")
                    .field("rnokpp", "already registered")
                    .with("existingClientId", existing.id())
                    .with("existing", existing));
        }
        return new ProblemException(Problem.of(409, "duplicate-rnokpp", "Client registered elsewhere",
                        "A client with this RNOKPP is registered in another community. The record is not shown here; "
                                + "your supervisor can ask for it with POST /record-requests and the reference.")
                .field("rnokpp", "already registered")
                .with("recordElsewhere", answer.recordsElsewhere().get(0)));
    }

    private static void requireOwnJurisdiction(Caller caller, ClientRequest req) {
        if (req.hromada() != null && !req.hromada().equals(caller.jurisdiction().hromada())) {
            throw new ProblemException(Problem.of(422, "outside-jurisdiction", "Outside your community",
                    "Clients are registered in your own community (" + caller.jurisdiction().hromada() + ").")
                    .field("hromada", "not your community"));
        }
        if (req.oblast() != null && !req.oblast().equals(caller.jurisdiction().oblast())) {
            throw new ProblemException(Problem.of(422, "outside-jurisdiction", "Outside your oblast",
                    "Clients are registered in your own oblast (" + caller.jurisdiction().oblast() + ").")
                    .field("oblast", "not your oblast"));
        }
    }

    /**
     * Clients born on the same day whose folded name (case-, apostrophe- and transliteration-insensitive)
     * is equal or within a small edit distance, in either name order.
     */
    public List<DuplicateCheck.Match> likelyDuplicates(String lastName, String firstName, LocalDate dob, UUID except) {
        return matches(lastName, firstName, dob, except);
    }

    /** The registered clients likely the same person (see {@link #likelyDuplicates}), anywhere in the country. */
    public static List<Client> likelyDuplicatesOf(String lastName, String firstName, LocalDate dob) {
        return matches(lastName, firstName, dob, null).stream().map(DuplicateCheck.Match::client).toList();
    }

    private static List<DuplicateCheck.Match> matches(String lastName, String firstName, LocalDate dob, UUID except) {
        List<DuplicateCheck.Match> out = new ArrayList<>();
        for (Client c : Client.<Client>list("dateOfBirth", dob)) {
            if (c.id.equals(except)) {
                continue;
            }
            String why = likelySamePerson(lastName, firstName, c.lastName, c.firstName);
            if (why != null) {
                out.add(new DuplicateCheck.Match(c, why));
            }
        }
        return out;
    }

    /**
     * Why two people born on the same day are likely the same (equal folded names in either order, or names within
     * a small edit distance), or null when they are not.
     */
    public static String likelySamePerson(String lastName, String firstName, String otherLastName, String otherFirstName) {
        String key = NameFolding.fold(lastName) + " " + NameFolding.fold(firstName);
        String swapped = NameFolding.fold(firstName) + " " + NameFolding.fold(lastName);
        String other = NameFolding.fold(otherLastName) + " " + NameFolding.fold(otherFirstName);
        if (other.equals(key) || other.equals(swapped)) {
            return "same name and date of birth";
        }
        return NameFolding.distance(other, key) <= CLOSE_NAME_DISTANCE ? "close name and same date of birth" : null;
    }

    /**
     * Search within the caller's community by name fragment (Cyrillic or Latin), date of birth, RNOKPP. With a name,
     * the page and the number of all matches come from one statement ({@code count(*) over ()}): both would read
     * the same trigram-index matches, so they are read once (docs/performance.md, client search); only a page past
     * the last one, which has no row to carry the count, counts on its own. Without a name the count reads an index
     * alone, and carrying every row of the community through a window would cost more than it saves.
     */
    public PageView<Client> search(String name, LocalDate dob, String rnokpp, int page, int size) {
        StringBuilder where = new StringBuilder("c.hromada = :hromada");
        Parameters p = Parameters.with("hromada", currentCaller.ownHromada());
        boolean byName = false;
        if (name != null && !name.isBlank()) {
            String[] words = NameFolding.fold(name).split(" ");
            for (int i = 0; i < words.length; i++) {
                if (words[i].isEmpty()) {
                    continue;
                }
                where.append(" and c.nameKey like :w").append(i);
                p.and("w" + i, "%" + words[i] + "%");
                byName = true;
            }
        }
        if (dob != null) {
            where.append(" and c.dateOfBirth = :dob");
            p.and("dob", dob);
        }
        if (rnokpp != null && !rnokpp.isBlank()) {
            where.append(" and c.rnokpp = :rnokpp");
            p.and("rnokpp", rnokpp.trim());
        }
        String from = " from Client c where " + where;
        String order = " order by c.lastName, c.firstName, c.id";
        var em = Client.getEntityManager();
        if (!byName) {
            List<Client> items = bind(em.createQuery("select c" + from + order, Client.class), p)
                    .setFirstResult(page * size).setMaxResults(size).getResultList();
            return PageView.of(items, page, size, bind(em.createQuery("select count(c)" + from, Long.class), p)
                    .getSingleResult());
        }
        List<Object[]> rows = bind(em.createQuery("select c, count(*) over ()" + from + order, Object[].class), p)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = !rows.isEmpty() ? ((Number) rows.get(0)[1]).longValue()
                : page == 0 ? 0 : bind(em.createQuery("select count(c)" + from, Long.class), p).getSingleResult();
        return PageView.of(rows.stream().map(r -> (Client) r[0]).toList(), page, size, total);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Parameters p) {
        p.map().forEach(query::setParameter);
        return query;
    }
}
