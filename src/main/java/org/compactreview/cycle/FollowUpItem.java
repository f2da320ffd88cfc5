package org.compactreview.cycle;

import java.time.Instant;
import java.util.List;

/** A commitment adopted at a conference that the following annual cycles report against. */
public record FollowUpItem(
        long id,
        long conferenceId,
        String conferencePeriod,
        int objective,
        String text,
        List<String> responsible,
        Instant createdAt) {}
