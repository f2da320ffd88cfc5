package org.compactreview.capacity;

/** The secretariat's assessment of a request. MERGE links it to a similar request for peer exchange. */
public enum Assessment {
    ACCEPT,
    MERGE,
    DECLINE
}
