package ua.social.referral.rest;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** Request shapes of partner API keys (the keys as shown are {@code apikey.ApiKeyViews}). */
public final class ApiKeyApi {

    private ApiKeyApi() {
    }

    public record IssueKeyRequest(@Size(max = 200) String label, @Future OffsetDateTime expiresAt) {
    }

    public record RotateKeyRequest(@Size(max = 200) String label, @Future OffsetDateTime expiresAt) {
    }
}
