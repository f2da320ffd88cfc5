package org.compactreview.identity;

/** Someone to write to: an e-mail address and the language the user chose (null: none chosen). */
public record Recipient(String email, String locale) {}
