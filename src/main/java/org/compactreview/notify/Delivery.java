package org.compactreview.notify;

/** How a user wants their mail: each at once, or all of a day in one digest at their chosen hour. */
public enum Delivery {
    IMMEDIATE,
    DAILY_DIGEST
}
