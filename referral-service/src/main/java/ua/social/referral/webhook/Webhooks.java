package ua.social.referral.webhook;

import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.identity.Caller;
import ua.social.identity.CallerContext;
import ua.social.identity.Roles;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.PageView;
import ua.social.referral.config.ReferralConfig;
import ua.social.referral.partner.Partner;
import ua.social.referral.support.Time;
import ua.social.referral.webhook.WebhookViews.DeliveryView;
import ua.social.referral.webhook.WebhookViews.RegisteredWebhookView;
import ua.social.referral.webhook.WebhookViews.WebhookView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Registering, listing and re-activating a partner's webhook endpoints, and their delivery log. A platform admin
 * reaches every partner's; a partner (its API key) only its own: another partner's are 403.
 */
@ApplicationScoped
public class Webhooks {

    @Inject
    Clock clock;
    @Inject
    CallerContext callerContext;
    @Inject
    ReferralConfig config;

    @Transactional
    public RegisteredWebhookView register(UUID partnerId, String url, String description) {
        Partner p = partnerInReach(partnerId);
        String endpoint = WebhookUrls.check(url, config.webhooks().allowInsecureLocalhost()).toString();
        if (!p.active) {
            throw ProblemException.conflict("partner-inactive", "Partner inactive",
                    "Partner " + p.name + " is deactivated in the directory; it gets no webhooks.");
        }
        String secret = WebhookSignatures.newSecret();
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.partnerId = p.id;
        s.url = endpoint;
        s.description = description == null || description.isBlank() ? null : description.trim();
        s.signingSecret = secret;
        s.secretPrefix = WebhookSignatures.prefixOf(secret);
        s.status = WebhookSubscription.Status.ACTIVE;
        s.createdAt = Time.now(clock);
        s.createdBy = callerContext.current().username();
        s.persist();
        return new RegisteredWebhookView(s.id, s.partnerId, s.url, s.description, secret, s.secretPrefix, s.status,
                s.createdAt, s.createdBy, RegisteredWebhookView.SIGNATURE,
                "Store this secret now: it is shown only once. Verify the webhook-signature of every request with it.");
    }

    @Transactional
    public PageView<WebhookView> list(UUID partnerId, int page, int size) {
        partnerInReach(partnerId);
        var query = WebhookSubscription.<WebhookSubscription>find("partnerId = ?1 order by createdAt desc, id", partnerId);
        long total = query.count();
        return PageView.of(query.page(Page.of(page, size)).list().stream().map(WebhookView::of).toList(), page, size,
                total);
    }

    @Transactional
    public WebhookView get(UUID partnerId, UUID webhookId) {
        return WebhookView.of(subscription(partnerId, webhookId));
    }

    /** Switches a disabled endpoint on again: events from now on are delivered (those given up are not). */
    @Transactional
    public WebhookView reactivate(UUID partnerId, UUID webhookId) {
        WebhookSubscription s = subscription(partnerId, webhookId);
        if (s.status != WebhookSubscription.Status.ACTIVE) {
            s.status = WebhookSubscription.Status.ACTIVE;
            s.reactivatedAt = Time.now(clock);
            s.reactivatedBy = callerContext.current().username();
        }
        return WebhookView.of(s);
    }

    /** The endpoint's deliveries, newest first, each with its attempts. */
    @Transactional
    public PageView<DeliveryView> deliveries(UUID partnerId, UUID webhookId, WebhookDelivery.Status status, int page,
                                             int size) {
        WebhookSubscription s = subscription(partnerId, webhookId);
        Map<String, Object> params = new HashMap<>();
        params.put("subscription", s.id);
        String where = "subscriptionId = :subscription";
        if (status != null) {
            where += " and status = :status";
            params.put("status", status);
        }
        var query = WebhookDelivery.<WebhookDelivery>find(where + " order by seq desc", params);
        long total = query.count();
        List<WebhookDelivery> deliveries = query.page(Page.of(page, size)).list();
        Map<UUID, List<WebhookAttempt>> attempts = deliveries.isEmpty() ? Map.of()
                : WebhookAttempt.<WebhookAttempt>list("deliveryId in ?1 order by attempt",
                        deliveries.stream().map(d -> d.id).toList())
                .stream().collect(Collectors.groupingBy(a -> a.deliveryId));
        return PageView.of(deliveries.stream().map(d -> DeliveryView.of(d, attempts.getOrDefault(d.id, List.of())))
                .toList(), page, size, total);
    }

    private WebhookSubscription subscription(UUID partnerId, UUID webhookId) {
        partnerInReach(partnerId);
        WebhookSubscription s = WebhookSubscription.findById(webhookId);
        if (s == null || !s.partnerId.equals(partnerId)) {
            throw ProblemException.notFound("Webhook " + webhookId);
        }
        return s;
    }

    /** The partner, when the caller is a platform admin or that partner; 403 for another partner. */
    private Partner partnerInReach(UUID partnerId) {
        Caller c = callerContext.current();
        if (c.isPartner()) {
            if (!partnerId.toString().equals(c.partnerId())) {
                throw ProblemException.forbidden("A partner manages only its own webhooks.");
            }
        } else if (!c.hasRole(Roles.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("Only a platform admin or the partner itself manages its webhooks.");
        }
        Partner p = Partner.findById(partnerId);
        if (p == null) {
            throw ProblemException.notFound("Partner " + partnerId);
        }
        return p;
    }
}
