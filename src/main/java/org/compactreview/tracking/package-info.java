/** What the secretariat tracks: where every participant stands in a cycle, and its summary. Reads only. */
package org.compactreview.tracking;
