package org.compactreview.identity;

/** A token just created: the secret is in this answer and nowhere else (only its hash is stored). */
public record IssuedToken(ApiToken token, String secret) {}
