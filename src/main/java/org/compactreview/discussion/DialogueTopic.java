package org.compactreview.discussion;

import java.time.Instant;

/** One objective's thread in a cycle's dialogue: how many posts it has and when the last came. */
public record DialogueTopic(int objective, String title, long posts, Instant lastPostAt) {}
