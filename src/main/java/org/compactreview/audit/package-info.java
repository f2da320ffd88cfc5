/**
 * The audit trail: every state change records who did what, when (UTC), on which object, with
 * the state before and after, in the same transaction as the change itself.
 */
package org.compactreview.audit;
