package org.compactreview.identity;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;

/** The signed-in user as every feature sees it: name, roles and represented participants. */
public record CurrentUser(String username, Set<Role> roles, Set<String> participants) implements Serializable {

    /**
     * A contributor's participant (its ministry's state) only tells its focal points whom they may
     * pick; its scope is its delegations, so it represents no participant here and every feature
     * that filters by {@link #participants()} shows it nothing.
     */
    public CurrentUser {
        roles = Set.copyOf(roles);
        participants = roles.contains(Role.CONTRIBUTOR) ? Set.of() : Set.copyOf(participants);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when the user may see every participant's data (not only its own). */
    public boolean seesAllParticipants() {
        return has(Role.SECRETARIAT) || has(Role.MANAGER) || has(Role.ADMIN);
    }

    public boolean represents(String participantCode) {
        return has(Role.FOCAL_POINT) && participants.contains(participantCode);
    }

    /** The Camunda candidate groups this user belongs to. */
    public Set<String> candidateGroups() {
        Set<String> groups = new LinkedHashSet<>();
        if (has(Role.FOCAL_POINT)) {
            participants.forEach(code -> groups.add(Groups.focalPointsOf(code)));
        }
        if (has(Role.SECRETARIAT)) {
            groups.add(Groups.SECRETARIAT);
        }
        if (has(Role.MANAGER)) {
            groups.add(Groups.MANAGER);
        }
        if (has(Role.ADMIN)) {
            groups.add(Groups.CAMUNDA_ADMIN);
        }
        return groups;
    }
}
