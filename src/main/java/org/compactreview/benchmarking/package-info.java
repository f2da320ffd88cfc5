/**
 * Benchmarking: per objective how the accepted reports of an annual cycle rate progress, what
 * changed since the previous annual cycle (per participant and per region), which objectives need
 * most support, and each participant's and region's profile. Reads only, through the queries of
 * {@code report}, {@code framework} and {@code cycle}; the arithmetic lives in plain classes.
 */
package org.compactreview.benchmarking;
