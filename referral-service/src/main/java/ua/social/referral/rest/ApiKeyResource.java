package ua.social.referral.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import ua.social.identity.web.QueryParams;
import ua.social.identity.web.PageView;
import ua.social.referral.apikey.ApiKeys;
import ua.social.referral.apikey.ApiKeyViews.ApiKeyView;
import ua.social.referral.rest.ApiKeyApi.IssueKeyRequest;
import ua.social.referral.apikey.ApiKeyViews.IssuedKeyView;
import ua.social.referral.rest.ApiKeyApi.RotateKeyRequest;
import ua.social.identity.web.Idempotency;

import java.net.URI;
import java.util.UUID;

@Path("/partners/{partnerId}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Tag(name = "Partner API keys", description = "Issue (secret shown once), list, revoke, rotate and re-activate a partner's API keys "
        + "(platform admin)")
public class ApiKeyResource {

    @Inject
    ApiKeys keys;
    @Inject
    Idempotency idempotency;
    @Inject
    CallerContext callerContext;

    @POST
    @Operation(summary = "Issue a key; the response holds the secret, the only time it is shown. Accepts Idempotency-Key "
            + "(a replay answers without the secret)")
    @APIResponseSchema(value = IssuedKeyView.class, responseCode = "201", responseDescription = "Created")
    public Response issue(@PathParam("partnerId") UUID partnerId, @Valid IssueKeyRequest req,
                          @HeaderParam(Idempotency.HEADER) String key) {
        IssueKeyRequest r = req == null ? new IssueKeyRequest(null, null) : req;
        return idempotency.create(callerContext.current(), key, "POST /partners/" + partnerId + "/api-keys", r,
                location -> keys.get(partnerId, Idempotency.idIn(location)), () -> {
            IssuedKeyView issued = keys.issue(partnerId, r.label(), r.expiresAt());
            return new Idempotency.Created(location(partnerId, issued.id()), issued, issued.withoutSecret());
        });
    }

    @GET
    @Operation(summary = "The partner's keys, newest first: prefix, status, created, last used, expiry; never secrets")
    public PageView<ApiKeyView> list(@PathParam("partnerId") UUID partnerId, @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        return keys.list(partnerId, QueryParams.page(page), QueryParams.size(size, 20));
    }

    @GET
    @Path("/{keyId}")
    @Operation(summary = "One key: prefix, status, created, last used, expiry, rotation links")
    public ApiKeyView get(@PathParam("partnerId") UUID partnerId, @PathParam("keyId") UUID keyId) {
        return keys.get(partnerId, keyId);
    }

    @POST
    @Path("/{keyId}/revocation")
    @Operation(summary = "Revoke a key; effective for the very next request")
    public ApiKeyView revoke(@PathParam("partnerId") UUID partnerId, @PathParam("keyId") UUID keyId) {
        return keys.revoke(partnerId, keyId);
    }

    @POST
    @Path("/{keyId}/reactivation")
    @Operation(summary = "Re-activate a key suspended when its partner was deactivated; the partner must be active "
            + "again (re-activating the partner alone never revives its keys)")
    public ApiKeyView reactivate(@PathParam("partnerId") UUID partnerId, @PathParam("keyId") UUID keyId) {
        return keys.reactivate(partnerId, keyId);
    }

    @POST
    @Path("/{keyId}/rotation")
    @Operation(summary = "Rotate a key: issue its successor (secret shown once); the old key keeps working for the "
            + "rotation grace period. Accepts Idempotency-Key")
    @APIResponseSchema(value = IssuedKeyView.class, responseCode = "201", responseDescription = "Created")
    public Response rotate(@PathParam("partnerId") UUID partnerId, @PathParam("keyId") UUID keyId,
                           @Valid RotateKeyRequest req, @HeaderParam(Idempotency.HEADER) String key) {
        RotateKeyRequest r = req == null ? new RotateKeyRequest(null, null) : req;
        return idempotency.create(callerContext.current(), key,
                "POST /partners/" + partnerId + "/api-keys/" + keyId + "/rotation", r,
                location -> keys.get(partnerId, Idempotency.idIn(location)), () -> {
                    IssuedKeyView issued = keys.rotate(partnerId, keyId, r.label(), r.expiresAt());
                    return new Idempotency.Created(location(partnerId, issued.id()), issued, issued.withoutSecret());
                });
    }

    private static URI location(UUID partnerId, UUID keyId) {
        return URI.create("/partners/" + partnerId + "/api-keys/" + keyId);
    }
}
