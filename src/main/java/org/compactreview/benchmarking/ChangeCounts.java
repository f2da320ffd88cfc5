package org.compactreview.benchmarking;

import java.util.Collection;

/** How many participant-objective pairs improved, stayed, regressed or could not be compared. */
public record ChangeCounts(int improved, int unchanged, int regressed, int notComparable) {

    public static final ChangeCounts NONE = new ChangeCounts(0, 0, 0, 0);

    public static ChangeCounts of(Collection<Change> changes) {
        int improved = 0;
        int unchanged = 0;
        int regressed = 0;
        int notComparable = 0;
        for (Change change : changes) {
            switch (change) {
                case IMPROVED -> improved++;
                case UNCHANGED -> unchanged++;
                case REGRESSED -> regressed++;
                case NOT_COMPARABLE -> notComparable++;
            }
        }
        return new ChangeCounts(improved, unchanged, regressed, notComparable);
    }

    /** The pairs that could be compared. */
    public int compared() {
        return improved + unchanged + regressed;
    }
}
