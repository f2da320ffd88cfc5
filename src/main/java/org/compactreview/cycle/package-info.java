/**
 * Review cycles: opening an annual review for a period and a set of participants, its deadlines,
 * the annual meeting steps and closing; starts and owns the {@code annualReview} process.
 */
package org.compactreview.cycle;
