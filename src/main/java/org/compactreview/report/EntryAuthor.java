package org.compactreview.report;

import java.time.Instant;

/** Who last wrote an objective's entry of a report, and when: the focal point sees who wrote what. */
public record EntryAuthor(int objective, String updatedBy, Instant updatedAt) {}
