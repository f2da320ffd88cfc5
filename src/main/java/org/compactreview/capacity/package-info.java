/**
 * Capacity-building follow-up: requests raised from the objectives that accepted reports flag for
 * support, assessed (accept, merge for peer exchange, decline), planned with an implementing
 * partner, followed by periodic progress updates and evaluated; evaluated requests can be
 * published as practices. Runs the {@code capacityBuilding} process.
 */
package org.compactreview.capacity;
