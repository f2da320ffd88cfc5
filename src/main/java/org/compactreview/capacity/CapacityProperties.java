package org.compactreview.capacity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long focal points have to send a due progress update before it escalates to the managers. */
@ConfigurationProperties("compact-review.capacity")
record CapacityProperties(@DefaultValue("P14D") String updateGracePeriod) {}
