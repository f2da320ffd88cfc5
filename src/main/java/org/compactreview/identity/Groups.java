package org.compactreview.identity;

import java.util.Optional;

/**
 * Candidate group names shared by the process models, the task module and Camunda identity.
 * Contributors ({@link Role#CONTRIBUTOR}) are in none: they hold no task, only the report sections
 * delegated to them.
 */
public final class Groups {

    public static final String SECRETARIAT = "secretariat";
    public static final String MANAGER = "manager";
    /** Camunda's own administrators group: members may use Cockpit, Tasklist and Admin. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    private static final String FOCAL_POINT_PREFIX = "focal-point:";

    private Groups() {}

    public static String focalPointsOf(String participantCode) {
        return FOCAL_POINT_PREFIX + participantCode;
    }

    /** The participant whose focal points form the group, if it is such a group. */
    public static Optional<String> participantOf(String group) {
        return group != null && group.startsWith(FOCAL_POINT_PREFIX)
                ? Optional.of(group.substring(FOCAL_POINT_PREFIX.length()))
                : Optional.empty();
    }

    /** The role whose holders form the group: the secretariat, the managers, the administrators. */
    public static Optional<Role> roleOf(String group) {
        if (group == null) {
            return Optional.empty();
        }
        return switch (group) {
            case SECRETARIAT -> Optional.of(Role.SECRETARIAT);
            case MANAGER -> Optional.of(Role.MANAGER);
            case CAMUNDA_ADMIN -> Optional.of(Role.ADMIN);
            default -> Optional.empty();
        };
    }
}
