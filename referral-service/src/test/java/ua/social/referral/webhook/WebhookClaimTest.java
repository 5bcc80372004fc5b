package ua.social.referral.webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ua.social.referral.support.Api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How instances share the deliveries: a claim skips, without waiting, what another instance has locked; leases what
 * it takes, so a second claim does not take it again; and offers only the oldest waiting delivery of a referral. The
 * deliveries here come due ten years ahead, so the running dispatcher (on the real clock) never touches them.
 */
@QuarkusTest
class WebhookClaimTest {

    @Inject
    WebhookDeliveries deliveries;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aClaimSkipsWhatAnotherInstanceHoldsLeasesWhatItTakesAndOffersOnlyTheOldestOfAReferral() throws SQLException {
        String partnerId = Api.newPartner("LEGAL_AID", "LEGAL").partnerId();
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).plusYears(10);
        UUID subscription = UUID.randomUUID();
        UUID referralA = UUID.randomUUID();
        UUID referralB = UUID.randomUUID();
        UUID a1 = UUID.randomUUID();
        UUID b1 = UUID.randomUUID();
        UUID b2 = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO webhook_subscription (id, partner_id, url, "
                    + "signing_secret, secret_prefix, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, 'ACTIVE', now(), 'test')")) {
                String secret = WebhookSignatures.newSecret();
                s.setObject(1, subscription);
                s.setObject(2, UUID.fromString(partnerId));
                s.setString(3, "http://127.0.0.1:9/claims");
                s.setString(4, secret);
                s.setString(5, WebhookSignatures.prefixOf(secret));
                s.executeUpdate();
            }
            insert(c, a1, subscription, partnerId, referralA, due);
            insert(c, b1, subscription, partnerId, referralB, due);
            insert(c, b2, subscription, partnerId, referralB, due);
        }

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT id FROM webhook_delivery WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, a1);
                lock.executeQuery().close();
            }
            // another instance is in the middle of claiming a1: this claim neither waits for it nor takes it
            List<UUID> first = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ids(deliveries.claim(500, due)));
            assertFalse(first.contains(a1), "a1 is held by the other instance");
            assertTrue(first.contains(b1), "b1 is due and free");
            assertFalse(first.contains(b2), "b2 waits while b1, the earlier change of its referral, is waiting");
            other.rollback();
        }

        List<UUID> second = ids(deliveries.claim(500, due));
        assertTrue(second.contains(a1), "released by the other instance, a1 is claimed");
        assertFalse(second.contains(b1), "b1 is leased by the first claim");
        assertFalse(second.contains(b2), "b2 still waits behind b1");
        assertEquals(List.of(), ids(deliveries.claim(500, due)).stream().filter(List.of(a1, b1, b2)::contains).toList(),
                "everything leased: nothing of these is claimed twice");
    }

    private static List<UUID> ids(List<WebhookDeliveries.Claimed> claimed) {
        return claimed.stream().map(WebhookDeliveries.Claimed::deliveryId).toList();
    }

    private static void insert(Connection c, UUID id, UUID subscription, String partnerId, UUID referral,
                               OffsetDateTime due) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO webhook_delivery (id, subscription_id, partner_id, "
                + "referral_id, case_id, event_id, event_type, occurred_at, body, status, created_at, next_attempt_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'ua.social.referral.requested', now(), '{}', 'PENDING', now(), ?)")) {
            s.setObject(1, id);
            s.setObject(2, subscription);
            s.setObject(3, UUID.fromString(partnerId));
            s.setObject(4, referral);
            s.setObject(5, UUID.randomUUID());
            s.setString(6, UUID.randomUUID().toString());
            s.setTimestamp(7, Timestamp.from(due.toInstant()));
            s.executeUpdate();
        }
    }
}
