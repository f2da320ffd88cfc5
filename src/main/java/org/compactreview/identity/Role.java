package org.compactreview.identity;

/**
 * What a user may do. A focal point is further scoped to the participants it represents. A
 * contributor (a colleague in another ministry) belongs to one participant, but sees and writes
 * only the sections of a draft report its focal points delegated to it (see {@code
 * report.DelegationService}); it holds no other role and no candidate group.
 */
public enum Role {
    FOCAL_POINT,
    SECRETARIAT,
    MANAGER,
    ADMIN,
    CONTRIBUTOR
}
