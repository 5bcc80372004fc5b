package ua.social.referral.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.identity.CallerContext;
import ua.social.identity.Roles;
import ua.social.identity.web.Idempotency;
import ua.social.identity.web.PageView;
import ua.social.identity.web.QueryParams;
import ua.social.referral.webhook.WebhookDelivery;
import ua.social.referral.webhook.WebhookUrls;
import ua.social.referral.webhook.WebhookViews.DeliveryView;
import ua.social.referral.webhook.WebhookViews.RegisteredWebhookView;
import ua.social.referral.webhook.WebhookViews.WebhookView;
import ua.social.referral.webhook.Webhooks;

import java.net.URI;
import java.util.UUID;

@Path("/partners/{partnerId}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.PARTNER})
@Tag(name = "Partner webhooks", description = "Push instead of polling: a partner (its X-API-Key) or a platform admin "
        + "registers an HTTPS endpoint; every change of the partner's referrals is POSTed to it, signed (Standard "
        + "Webhooks style), retried for at least 24 hours, and logged")
public class WebhookResource {

    @Inject
    Webhooks webhooks;
    @Inject
    Idempotency idempotency;
    @Inject
    CallerContext callerContext;

    /** An endpoint to register: an https:// URL reachable on the internet, and an optional description. */
    public record RegisterWebhookRequest(@NotNull @Size(max = WebhookUrls.MAX_LENGTH) String url,
                                         @Size(max = 200) String description) {
    }

    @POST
    @Operation(summary = "Register an HTTPS endpoint; the response holds its signing secret, the only time it is shown. "
            + "Accepts Idempotency-Key (a replay answers without the secret)")
    @APIResponseSchema(value = RegisteredWebhookView.class, responseCode = "201", responseDescription = "Created")
    public Response register(@PathParam("partnerId") UUID partnerId, @Valid @NotNull RegisterWebhookRequest req,
                             @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(callerContext.current(), key, "POST /partners/" + partnerId + "/webhooks", req,
                location -> webhooks.get(partnerId, Idempotency.idIn(location)), () -> {
                    RegisteredWebhookView w = webhooks.register(partnerId, req.url(), req.description());
                    return new Idempotency.Created(location(partnerId, w.id()), w, w.withoutSecret());
                });
    }

    @GET
    @Operation(summary = "The partner's endpoints, newest first: URL, status (ACTIVE, DISABLED and why); never secrets")
    public PageView<WebhookView> list(@PathParam("partnerId") UUID partnerId, @QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        return webhooks.list(partnerId, QueryParams.page(page), QueryParams.size(size, 20));
    }

    @GET
    @Path("/{webhookId}")
    @Operation(summary = "One endpoint: URL, status, and when and why it was disabled")
    public WebhookView get(@PathParam("partnerId") UUID partnerId, @PathParam("webhookId") UUID webhookId) {
        return webhooks.get(partnerId, webhookId);
    }

    @POST
    @Path("/{webhookId}/reactivation")
    @Operation(summary = "Switch a disabled endpoint on again: changes from now on are delivered (given-up ones are not)")
    public WebhookView reactivate(@PathParam("partnerId") UUID partnerId, @PathParam("webhookId") UUID webhookId) {
        return webhooks.reactivate(partnerId, webhookId);
    }

    @GET
    @Path("/{webhookId}/deliveries")
    @Operation(summary = "The delivery log, newest first: each delivery's webhook-id, event, status (PENDING, DELIVERED, "
            + "FAILED, ABANDONED, WITHHELD), attempts with their status codes, and the next attempt")
    public PageView<DeliveryView> deliveries(@PathParam("partnerId") UUID partnerId,
                                             @PathParam("webhookId") UUID webhookId,
                                             @QueryParam("status") String status, @QueryParam("page") String page,
                                             @QueryParam("size") String size) {
        return webhooks.deliveries(partnerId, webhookId,
                QueryParams.enumValue(WebhookDelivery.Status.class, status, "status"), QueryParams.page(page),
                QueryParams.size(size, 20));
    }

    private static URI location(UUID partnerId, UUID webhookId) {
        return URI.create("/partners/" + partnerId + "/webhooks/" + webhookId);
    }
}
