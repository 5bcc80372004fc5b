package ua.social.cases.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ua.social.identity.Caller;
import ua.social.identity.CallerContext;
import ua.social.identity.problem.ProblemException;

/** The staff member behind the current request, and the community they work in. */
@ApplicationScoped
public class CurrentCaller {

    @Inject
    CallerContext callerContext;

    public Caller get() {
        return callerContext.current();
    }

    /** The caller's own community; staff without one in their token cannot work on clients or cases. */
    public String ownHromada() {
        Caller c = get();
        if (!c.jurisdiction().hasHromada()) {
            throw ProblemException.forbidden("Your account has no community (hromada) attribute; ask an administrator.");
        }
        return c.jurisdiction().hromada();
    }
}
