package org.compactreview.report;

import java.util.List;

/**
 * The commitments of adopted progress declarations that a participant reports against, shown
 * beside each objective of the report form. Provided by the cycle module, which owns conferences.
 */
public interface FollowUps {

    List<FollowUpView> items(String participantCode);
}
