package ua.social.identity;

import java.util.Set;

/**
 * Who is calling: a staff member authenticated by a Keycloak token, or a partner organisation
 * authenticated by its API key ({@link #partnerId()} set, {@link #roles()} = {@code partner}).
 */
public record Caller(String id, String username, String displayName, Set<String> roles,
                     Jurisdiction jurisdiction, String partnerId) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String r : candidates) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean isPartner() {
        return partnerId != null;
    }
}
