package org.compactreview.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * The Message-ID of each mail, made from what the mail is about, never from when it was sent: a
 * mail sent again (a node died after the server accepted it, before the outbox heard) carries the
 * same id, and the receiving side keeps one. The event key and username are hashed, so that the
 * id reveals neither and holds only the characters RFC 5322 allows.
 */
final class MessageIds {

    private MessageIds() {}

    static String forNotice(String eventKey, String username, String domain) {
        return "<notice." + hash(eventKey + "\n" + username) + "@" + domain + ">";
    }

    static String forDigest(String username, LocalDate day, String domain) {
        return "<digest." + day + "." + hash(username) + "@" + domain + ">";
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
