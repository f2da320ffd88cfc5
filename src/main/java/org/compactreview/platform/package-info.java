/**
 * Infrastructure shared by every feature: the embedded PostgreSQL of the default run, the
 * engine-driven clock, problem responses and the domain exceptions that map to them.
 */
package org.compactreview.platform;
