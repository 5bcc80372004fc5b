package ua.social.referral.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The shape of a partner API key: {@code rsk_<10 hex prefix>_<43 base64url chars of 32 random bytes>}.
 * The prefix is public (it finds the stored row and is shown in listings); the rest is the secret, with
 * 256 bits of entropy, so a plain SHA-256 of the whole key is a safe thing to store.
 */
public final class KeySecrets {

    public static final String SCHEME = "rsk_";
    static final int PREFIX_HEX = 10;
    static final int SECRET_BYTES = 32;
    static final int SECRET_CHARS = 43;
    public static final int KEY_LENGTH = SCHEME.length() + PREFIX_HEX + 1 + SECRET_CHARS;

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {
    }

    /** A new key and its public prefix. */
    public record NewKey(String prefix, String key) {
    }

    public static NewKey generate() {
        byte[] p = new byte[PREFIX_HEX / 2];
        RANDOM.nextBytes(p);
        byte[] s = new byte[SECRET_BYTES];
        RANDOM.nextBytes(s);
        String prefix = SCHEME + HexFormat.of().formatHex(p);
        return new NewKey(prefix, prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(s));
    }

    /** The public prefix of a presented key, or empty when it does not have the shape of one. */
    public static Optional<String> prefixOf(String presented) {
        if (presented == null || presented.length() != KEY_LENGTH || !presented.startsWith(SCHEME)
                || presented.charAt(SCHEME.length() + PREFIX_HEX) != '_') {
            return Optional.empty();
        }
        String hex = presented.substring(SCHEME.length(), SCHEME.length() + PREFIX_HEX);
        if (!hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        return Optional.of(SCHEME + hex);
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
