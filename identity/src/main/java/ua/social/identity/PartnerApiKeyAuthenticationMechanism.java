package ua.social.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/**
 * Authenticates partner organisations by the {@code X-API-Key} header, delegating the check of
 * the key to the service's {@link PartnerApiKeyVerifier}. Where a service has no verifier the
 * header is ignored and the request stays anonymous (bearer tokens are handled by OIDC).
 */
@ApplicationScoped
public class PartnerApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-API-Key";
    public static final String PARTNER_ID_ATTRIBUTE = "partner-id";
    public static final String PARTNER_NAME_ATTRIBUTE = "partner-name";
    public static final String RATE_LIMITED_ATTRIBUTE = "partner-rate-limited-retry-after";

    @Inject
    Instance<PartnerApiKeyVerifier> verifier;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String key = context.request().getHeader(HEADER);
        if (key == null || key.isBlank() || !verifier.isResolvable()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return Uni.createFrom().item(() -> verify(context, key.trim()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private SecurityIdentity verify(RoutingContext context, String key) {
        try {
            return verifier.get().verify(key)
                    .map(owner -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(owner.partnerName()))
                            .addRole(Roles.PARTNER)
                            .addAttribute(PARTNER_ID_ATTRIBUTE, owner.partnerId())
                            .addAttribute(PARTNER_NAME_ATTRIBUTE, owner.partnerName())
                            .build())
                    .orElseThrow(() -> new AuthenticationFailedException("Unknown, revoked or expired API key"));
        } catch (PartnerRateLimitedException e) {
            context.put(RATE_LIMITED_ATTRIBUTE, e.retryAfterSeconds());
            throw new AuthenticationFailedException(e.getMessage(), e);
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().optional(Optional.empty());
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
