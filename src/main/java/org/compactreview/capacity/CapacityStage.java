package org.compactreview.capacity;

/** Where a request stands. MERGED, DECLINED and EVALUATED are final. */
public enum CapacityStage {
    ASSESSMENT,
    PLANNING,
    IMPLEMENTATION,
    EVALUATION,
    EVALUATED,
    MERGED,
    DECLINED;

    public boolean open() {
        return this != EVALUATED && this != MERGED && this != DECLINED;
    }
}
