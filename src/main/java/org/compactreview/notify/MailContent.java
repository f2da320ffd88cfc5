package org.compactreview.notify;

import java.util.List;

/**
 * A mail as its recipient reads it: a subject, the same words as plain text and as HTML, and the
 * unsubscribe address when the mail is one its recipient may turn off (the List-Unsubscribe header).
 */
record MailContent(String to, String subject, String text, String html, String unsubscribeUrl) {

    /** One notice in the words of the recipient's language. */
    record Item(String subject, String body, String detail, String action, String url) {}

    /** What the templates get. */
    record Model(
            String lang,
            String dir,
            String heading,
            List<Item> items,
            String unsubscribeUrl,
            String preferencesUrl,
            String inboxUrl) {}
}
