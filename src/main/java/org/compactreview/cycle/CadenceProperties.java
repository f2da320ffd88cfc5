package org.compactreview.cycle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When cycles open by themselves: ISO-8601 repeating intervals anchored on a UTC date (so that a
 * redeployment does not restart the clock). The defaults follow the source document: an annual
 * review each year, a high-level conference every five years; set {@code conference} to
 * {@code R/2030-01-15T00:00:00Z/P4Y} for the adopted compact's four-yearly review forum.
 * {@code submissionWindow} is the time from opening to the submission due date;
 * {@code conferenceAfter} the time from opening a conference to its date.
 */
@ConfigurationProperties("compact-review.cadence")
public record CadenceProperties(
        @DefaultValue("R/2027-01-15T00:00:00Z/P1Y") String annual,
        @DefaultValue("R/2030-01-15T00:00:00Z/P5Y") String conference,
        @DefaultValue("P90D") Duration submissionWindow,
        @DefaultValue("P240D") Duration conferenceAfter,
        @DefaultValue("5") int conferenceYears) {}
