package org.compactreview.identity;

/** A user as a list shows it: the username and the name people know them by. */
public record UserSummary(String username, String displayName) {}
