package ua.social.referral.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signing secrets and signatures in the style of the Standard Webhooks convention: a secret is
 * {@code whsec_} + the base64 of 32 random bytes (those bytes are the HMAC key); a request carries
 * {@code webhook-id}, {@code webhook-timestamp} (unix seconds) and {@code webhook-signature} =
 * {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)).
 */
public final class WebhookSignatures {

    public static final String SECRET_SCHEME = "whsec_";
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    static final int SECRET_BYTES = 32;
    /** Characters of a secret shown in listings to tell secrets apart ({@code whsec_} and 6 more). */
    static final int PREFIX_LENGTH = SECRET_SCHEME.length() + 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {
    }

    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_SCHEME + Base64.getEncoder().encodeToString(key);
    }

    public static String prefixOf(String secret) {
        return secret.substring(0, PREFIX_LENGTH);
    }

    /** The {@code webhook-signature} header of a request: {@code v1,} and the base64 HMAC-SHA256. */
    public static String sign(String secret, String id, long timestamp, String body) {
        if (!secret.startsWith(SECRET_SCHEME)) {
            throw new IllegalArgumentException("not a webhook signing secret");
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_SCHEME.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
