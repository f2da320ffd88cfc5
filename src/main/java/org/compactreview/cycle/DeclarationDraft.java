package org.compactreview.cycle;

import java.time.Instant;

/** A numbered draft of the progress declaration; every draft is kept. */
public record DeclarationDraft(int number, String text, String createdBy, Instant createdAt) {}
