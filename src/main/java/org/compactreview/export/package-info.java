/**
 * Tabular exports in one home: a table model ({@link org.compactreview.export.ExportTable}) and its
 * writers to CSV, XLSX and PDF ({@link org.compactreview.export.Exports}). A module of its own,
 * not a sub-package of {@code platform}: Modulith keeps sub-packages internal, and every feature
 * that exports (audit, tracking, report) uses these types. It reads and writes nothing else.
 */
package org.compactreview.export;
