/**
 * Progress reports: one per participant and cycle, an entry per objective, every submitted
 * version kept whole, validation decisions, and the consolidated summary (benchmarking) per
 * objective.
 */
package org.compactreview.report;
