package org.compactreview.identity;

/** Published when a user's record, roles, participants or password change. */
public record UserChanged(String username) {}
