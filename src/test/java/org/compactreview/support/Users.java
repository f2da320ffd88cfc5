package org.compactreview.support;

import java.util.Set;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;

/** The demo users as the services see them, for tests that call services directly. */
public final class Users {

    public static final CurrentUser SECRETARIAT = new CurrentUser("secretariat", Set.of(Role.SECRETARIAT), Set.of());
    public static final CurrentUser MANAGER = new CurrentUser("manager", Set.of(Role.MANAGER), Set.of());
    public static final CurrentUser FP_EGY = new CurrentUser("fp-egy", Set.of(Role.FOCAL_POINT), Set.of("EGY"));
    public static final CurrentUser FP_JOR = new CurrentUser("fp-jor", Set.of(Role.FOCAL_POINT), Set.of("JOR"));
    public static final CurrentUser FP_MAR = new CurrentUser("fp-mar", Set.of(Role.FOCAL_POINT), Set.of("MAR"));
    /** The demo contributor of an Egyptian ministry: scoped by its delegations, never a participant. */
    public static final CurrentUser CONTRIB_EGY = new CurrentUser("contrib-egy", Set.of(Role.CONTRIBUTOR), Set.of());

    private Users() {}
}
