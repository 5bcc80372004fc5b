package ua.social.cases.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ua.social.cases.support.AccessLog;
import ua.social.cases.support.CurrentCaller;
import ua.social.identity.Caller;
import ua.social.identity.Roles;
import ua.social.identity.problem.ProblemException;

import java.util.UUID;

/**
 * Who reaches a client record: front-office staff, case managers and supervisors of the client's community, and
 * staff of another community through a case of the client ({@link ClientCases}). Anything outside a caller's reach
 * answers 404, so its existence does not leak; a read of the record is written to the access log.
 */
@ApplicationScoped
public class ClientAccess {

    @Inject
    CurrentCaller caller;
    @Inject
    ClientCases cases;
    @Inject
    AccessLog accessLog;

    public boolean reaches(Caller c, Client client) {
        if (c.hasAnyRole(Roles.INTAKE_OFFICER, Roles.CASE_MANAGER, Roles.SUPERVISOR)
                && c.jurisdiction().coversHromada(client.hromada)) {
            return true;
        }
        return cases.reachThroughCase(c, client.id);
    }

    /** The client if the caller reaches the record, else 404. */
    public Client inReach(UUID id) {
        Client client = Client.findById(id);
        if (client == null || !reaches(caller.get(), client)) {
            throw ProblemException.notFound("Client " + id);
        }
        return client;
    }

    /** A read of the client record: reach checked and the read logged. */
    public Client read(UUID id, String what) {
        Client c = inReach(id);
        accessLog.read(caller.get(), AccessLog.RecordType.CLIENT, id, what);
        return c;
    }
}
