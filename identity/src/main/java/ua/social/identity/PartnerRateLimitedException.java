package ua.social.identity;

/** A valid partner key was used more often than its rate limit allows; mapped to 429. */
public class PartnerRateLimitedException extends RuntimeException {
    private final long retryAfterSeconds;

    public PartnerRateLimitedException(long retryAfterSeconds) {
        super("Rate limit exceeded for this API key");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
