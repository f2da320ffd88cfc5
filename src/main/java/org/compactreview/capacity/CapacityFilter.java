package org.compactreview.capacity;

/** Filters of the request list; all optional. */
public record CapacityFilter(Integer objective, String region, CapacityStage stage, String participantCode) {

    public static CapacityFilter none() {
        return new CapacityFilter(null, null, null, null);
    }
}
