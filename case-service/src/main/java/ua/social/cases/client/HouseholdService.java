package ua.social.cases.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.client.ClientCommands.HouseholdRequest;
import ua.social.cases.client.ClientCommands.MemberRequest;
import ua.social.cases.client.HouseholdMember.Relation;
import ua.social.cases.support.CurrentCaller;
import ua.social.identity.Caller;
import ua.social.identity.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Households and families: the persons who take part in the work when the client is a family. */
@ApplicationScoped
public class HouseholdService {

    @Inject
    Clock clock;
    @Inject
    CurrentCaller currentCaller;
    @Inject
    ClientAccess access;

    public record MemberView(UUID clientId, String lastName, String firstName, LocalDate dateOfBirth, Relation relation) {
    }

    public record HouseholdView(UUID id, String name, String oblast, String hromada, List<MemberView> members) {
    }


    @Transactional
    public Household create(HouseholdRequest req) {
        Caller caller = currentCaller.get();
        String hromada = currentCaller.ownHromada();
        Set<UUID> seen = new HashSet<>();
        for (MemberRequest m : req.members()) {
            if (!seen.add(m.clientId())) {
                throw ProblemException.badRequest("members", "client " + m.clientId() + " is listed twice");
            }
            access.inReach(m.clientId());
        }
        Household h = new Household();
        h.id = UUID.randomUUID();
        h.name = req.name().trim();
        h.oblast = caller.jurisdiction().oblast();
        h.hromada = hromada;
        h.createdAt = OffsetDateTime.now(clock);
        h.createdBy = caller.username();
        h.persist();
        for (MemberRequest m : req.members()) {
            addMember(h, m);
        }
        return h;
    }

    @Transactional
    public Household addMember(UUID householdId, MemberRequest m) {
        Household h = inReach(householdId);
        access.inReach(m.clientId());
        if (HouseholdMember.findById(new HouseholdMember.Key(h.id, m.clientId())) != null) {
            throw ProblemException.conflict("already-member", "Already a member",
                    "Client " + m.clientId() + " is already a member of this household.");
        }
        addMember(h, m);
        return h;
    }

    private static void addMember(Household h, MemberRequest m) {
        HouseholdMember hm = new HouseholdMember();
        hm.id = new HouseholdMember.Key(h.id, m.clientId());
        hm.relation = m.relation();
        hm.persist();
    }

    public Household inReach(UUID id) {
        Household h = Household.findById(id);
        if (h == null || !currentCaller.get().jurisdiction().coversHromada(h.hromada)) {
            throw ProblemException.notFound("Household " + id);
        }
        return h;
    }

    public HouseholdView view(Household h) {
        List<MemberView> members = HouseholdMember.<HouseholdMember>list("id.householdId", h.id).stream()
                .map(m -> {
                    Client c = Client.findById(m.id.clientId());
                    return new MemberView(c.id, c.lastName, c.firstName, c.dateOfBirth, m.relation);
                }).toList();
        return new HouseholdView(h.id, h.name, h.oblast, h.hromada, members);
    }
}
