package org.compactreview.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code demo-users}: when not set, demo users are created only when no external database is
 * configured. {@code admin-username}/{@code admin-password} create the first administrator of a real
 * deployment when none exists.
 */
@ConfigurationProperties("compact-review.initial-users")
record InitialUsersProperties(Boolean demoUsers, String adminUsername, String adminPassword) {}
