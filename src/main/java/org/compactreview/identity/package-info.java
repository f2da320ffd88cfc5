/**
 * Users, their roles and the participants a focal point represents. Camunda's identity tables
 * are kept as a projection of these tables, written in the same transaction, so that Cockpit and
 * Tasklist see the same users and groups as the app.
 */
package org.compactreview.identity;
