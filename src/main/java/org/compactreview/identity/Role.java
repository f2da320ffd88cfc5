package org.compactreview.identity;

/** What a user may do. A focal point is further scoped to the participants it represents. */
public enum Role {
    FOCAL_POINT,
    SECRETARIAT,
    MANAGER,
    ADMIN
}
