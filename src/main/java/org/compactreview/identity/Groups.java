package org.compactreview.identity;

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
}
