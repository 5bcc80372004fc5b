package ua.social.cases.staff;

import java.util.Set;

/** A member of staff as the realm knows them: Keycloak user id, username, name, roles and community. */
public record StaffMember(String id, String username, String name, Set<String> roles, String oblast, String hromada) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
