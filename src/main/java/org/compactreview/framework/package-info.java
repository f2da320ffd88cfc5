/**
 * The framework under review: its objectives (with SDG target links) and its participants
 * (member states, UN regional commissions, regional consultative processes), loaded by Flyway.
 */
package org.compactreview.framework;
