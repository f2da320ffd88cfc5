package org.compactreview.notify;

/**
 * A feed just created or rotated, with its address: the only moment the address (which holds the
 * token) is known; afterwards only the token's hash is stored.
 */
public record CalendarFeedAddress(CalendarFeed feed, String url) {}
