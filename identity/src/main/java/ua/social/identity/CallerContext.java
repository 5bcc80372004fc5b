package ua.social.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;

/**
 * The current caller, read once per request from the security identity: the token's
 * {@code oblast} and {@code hromada} claims (mapped from Keycloak user attributes), its realm
 * roles, or the partner organisation an API key belongs to.
 */
@RequestScoped
public class CallerContext {

    public static final String OBLAST_CLAIM = "oblast";
    public static final String HROMADA_CLAIM = "hromada";

    @Inject
    SecurityIdentity identity;

    private Caller caller;

    public Caller current() {
        if (caller == null) {
            caller = read(identity);
        }
        return caller;
    }

    public static Caller read(SecurityIdentity identity) {
        Set<String> roles = new TreeSet<>(identity.getRoles());
        Principal principal = identity.getPrincipal();
        String partnerId = identity.getAttribute(PartnerApiKeyAuthenticationMechanism.PARTNER_ID_ATTRIBUTE);
        if (partnerId != null) {
            return new Caller("partner:" + partnerId, principal.getName(), principal.getName(), roles,
                    Jurisdiction.NONE, partnerId);
        }
        if (principal instanceof JsonWebToken jwt) {
            String username = claim(jwt, "preferred_username");
            String name = claim(jwt, "name");
            return new Caller(jwt.getSubject(), username != null ? username : jwt.getSubject(),
                    name != null ? name : username, roles,
                    new Jurisdiction(claim(jwt, OBLAST_CLAIM), claim(jwt, HROMADA_CLAIM)), null);
        }
        String name = principal == null ? "anonymous" : principal.getName();
        return new Caller(name, name, name, roles, Jurisdiction.NONE, null);
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return null;
        }
        String s = value.toString();
        if (s.length() > 1 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isBlank() ? null : s;
    }
}
