package org.compactreview.task;

import java.util.List;

/**
 * What the module that owns a task's object says about it in the inbox, beside the task: a status
 * ({@code statusKey}, a message key), a text of the user's (a return comment, shown shortened) with
 * the link to read it whole, and links into the task's form (e.g. the objectives a comment names).
 */
public record TaskRemark(String statusKey, String text, String href, List<Link> links) {

    /** A link with its label: a message key and its arguments. */
    public record Link(String href, String messageKey, List<Object> arguments) {

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    /** The text cut at a word for the inbox's row; the whole text is on the form. */
    public String shortText(int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max).strip() + "\u2026";
    }
}
