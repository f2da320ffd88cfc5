/**
 * The process models' contract with the code: process keys, element ids and variable names of
 * the BPMN files in {@code bpmn/}, mirrored here so that services, delegates and tests name the
 * same things. Nothing else lives here.
 */
package org.compactreview.process;
