package org.compactreview.identity;

/**
 * Published inside the changing transaction when a user's access changes: enabled, roles,
 * represented participants or password. Every open session of the user ends with that
 * transaction, and every remembered credential check is dropped (a display name or e-mail change
 * ends nothing).
 */
public record UserChanged(String username) {}
