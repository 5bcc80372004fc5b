package ua.social.cases.client;

import ua.social.identity.Caller;

import java.util.UUID;

/**
 * Whether staff reach a client record through a case of that client (as its case manager, a team member or a
 * supervisor of the case's community). Cases know this, and cases depend on clients, not the other way round:
 * the casefile package answers it ({@code CaseAccess}), {@link ClientAccess} asks.
 */
public interface ClientCases {

    boolean reachThroughCase(Caller caller, UUID clientId);
}
