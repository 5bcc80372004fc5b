package ua.social.referral.partner;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A platform admin switched an organisation off in the directory. Fired synchronously, in the transaction of the
 * change, to whoever holds what the partner may no longer use (its API keys: {@code apikey.ApiKeys}), so the
 * directory needs not know them.
 */
public record PartnerDeactivated(UUID partnerId, OffsetDateTime at, String by) {
}
