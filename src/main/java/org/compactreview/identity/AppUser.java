package org.compactreview.identity;

import java.util.Set;

/** A stored user, without the password hash. */
public record AppUser(
        String username,
        String displayName,
        String email,
        boolean enabled,
        String locale,
        Set<Role> roles,
        Set<String> participants) {

    public AppUser {
        roles = Set.copyOf(roles);
        participants = Set.copyOf(participants);
    }

    public CurrentUser asCurrentUser() {
        return new CurrentUser(username, roles, participants);
    }
}
