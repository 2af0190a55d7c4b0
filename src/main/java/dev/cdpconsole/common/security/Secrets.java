package dev.cdpconsole.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets, their one-way hashes, and comparisons that take the same time whatever they compare. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /**
     * A URL-safe random string carrying {@code bytes} bytes of entropy (less 0.03 bits: it never starts with
     * {@code -}). These strings are ids too, and an id that starts with a minus reads as an option on a command
     * line and as a formula in a spreadsheet, where an export then has to quote it.
     */
    public static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        String drawn;
        do {
            RANDOM.nextBytes(buffer);
            drawn = Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
        } while (drawn.startsWith("-"));
        return drawn;
    }

    /** The SHA-256 of a high-entropy secret (tokens, API secrets), as hex. Not for passwords. */
    public static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Compares two strings in time that depends only on their lengths; null equals nothing. */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
