package org.compactreview.report;

import java.util.List;
import org.compactreview.identity.CurrentUser;

/**
 * The capacity-building requests a participant has raised (open and closed), shown beside each
 * objective of the report form. Provided by the capacity module, which raises its requests from
 * accepted reports: the report module names no capacity type, so the two form no cycle.
 */
public interface SupportRequests {

    /** The participant's requests that the user may see, oldest first. */
    List<SupportRequestView> of(String participantCode, CurrentUser user);
}
