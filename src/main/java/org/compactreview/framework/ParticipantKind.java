package org.compactreview.framework;

public enum ParticipantKind {
    MEMBER_STATE,
    REGIONAL_COMMISSION,
    REGIONAL_PROCESS
}
