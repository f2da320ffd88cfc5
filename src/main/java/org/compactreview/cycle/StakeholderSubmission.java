package org.compactreview.cycle;

import java.time.Instant;

/** A contribution to the stakeholder consultation, recorded by the secretariat. */
public record StakeholderSubmission(
        long id,
        StakeholderGroup group,
        String organisation,
        String submission,
        String recordedBy,
        Instant recordedAt) {

    /** Whole-of-society: who the consultation heard. */
    public enum StakeholderGroup {
        CIVIL_SOCIETY,
        LOCAL_AUTHORITY,
        PRIVATE_SECTOR,
        MIGRANT_ORGANISATION,
        OTHER
    }
}
