package org.compactreview.notify;

/** Where a mail of the outbox stands (the migration V27 describes each). */
enum MailStatus {
    PENDING,
    HELD,
    DIGESTED,
    SENT,
    FAILED,
    SKIPPED
}
