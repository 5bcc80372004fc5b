package ua.social.referral;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.referral.support.Api.PartnerSetup;
import ua.social.referral.support.CaseFeed;
import ua.social.referral.support.CaseFeed.TestCase;

import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_VINNYTSIA;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.awaitCase;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.openCase;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.referralBody;
import static ua.social.referral.support.Api.sent;
import static ua.social.referral.support.Api.userId;

/**
 * Every read that shows a referral's client data is in its access log, with who read it (staff: user
 * id, username, roles; partner: partner id and key prefix), and only a supervisor of the case's
 * community may list it.
 */
@QuarkusTest
class AccessLogTest {

    private static final String CM = MANAGER1_POLTAVA;

    @Inject
    DataSource dataSource;

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void everyReadOfClientDataIsLoggedWithWhoReadIt() {
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("LEGAL_AID", "LEGAL");
        String key = issueKey(p.partnerId());
        String keyPrefix = key.substring(0, 14);
        String cmId = userId(CM);

        // Created (and the retry replayed), sent: each answer shows the client data.
        String idemKey = "log-" + c.id();
        String id = as(CM).header("Idempotency-Key", idemKey).body(referralBody(c, p, "ROUTINE")).post("/referrals")
                .then().statusCode(201).extract().path("id");
        as(CM).header("Idempotency-Key", idemKey).body(referralBody(c, p, "ROUTINE")).post("/referrals")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
        as(CM).body(Map.of("status", "REQUESTED")).post("/referrals/" + id + "/transitions").then().statusCode(200);

        // The partner reads it, then the case manager, then the partner lists its referrals.
        partner(key).get("/partner/referrals/" + id).then().statusCode(200)
                .body("client.fullName", equalTo("Ганна Тестова"));
        as(CM).get("/referrals/" + id).then().statusCode(200).body("client.fullName", equalTo("Ганна Тестова"));
        partner(key).get("/partner/referrals").then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].clientName", equalTo("Ганна Тестова"));
        // The history and the referring side's lists show no client data: not logged.
        as(CM).get("/referrals/" + id + "/history").then().statusCode(200);
        as(CM).get("/cases/" + c.id() + "/referrals").then().statusCode(200);

        as(SUPERVISOR_POLTAVA).get("/referrals/" + id + "/access-log").then().statusCode(200)
                .body("totalItems", equalTo(6))
                .body("items.action", contains("LIST_CLIENT_NAME", "REFERRAL", "REFERRAL", "REFERRAL_AFTER_CHANGE",
                        "REFERRAL_CREATED", "REFERRAL_CREATED"))
                .body("items.side", contains("PARTNER", "REFERRING_SIDE", "PARTNER", "REFERRING_SIDE",
                        "REFERRING_SIDE", "REFERRING_SIDE"))
                .body("items.accessedAt", everyItem(notNullValue()))
                // the partner: its id and the prefix of the key it used, never a user id
                .body("items[0].partnerId", equalTo(p.partnerId()))
                .body("items[0].keyPrefix", equalTo(keyPrefix))
                .body("items[0].username", equalTo(p.name()))
                .body("items[0].roles", equalTo("partner"))
                .body("items[0].userId", nullValue())
                .body("items[2].partnerId", equalTo(p.partnerId()))
                .body("items[2].keyPrefix", equalTo(keyPrefix))
                // the case manager: user id, username and roles, no partner
                .body("items[1].userId", equalTo(cmId))
                .body("items[1].username", equalTo(CM))
                .body("items[1].roles", containsString("case-manager"))
                .body("items[1].partnerId", nullValue())
                .body("items[1].keyPrefix", nullValue())
                .body("items[3].username", equalTo(CM))
                .body("items[5].userId", equalTo(cmId));

        // Paginated, newest first.
        as(SUPERVISOR_POLTAVA).get("/referrals/" + id + "/access-log?page=1&size=2").then().statusCode(200)
                .body("items.action", contains("REFERRAL", "REFERRAL_AFTER_CHANGE"))
                .body("page", equalTo(1)).body("size", equalTo(2)).body("totalPages", equalTo(3));
    }

    @Test
    void onlyASupervisorOfTheCommunityMayListTheReads() {
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("HEALTH", "MEDICAL");
        String id = sent(CM, c, p, "URGENT");

        as(CM).get("/referrals/" + id + "/access-log").then().statusCode(403)
                .contentType("application/problem+json");
        as(SUPERVISOR_VINNYTSIA).get("/referrals/" + id + "/access-log").then().statusCode(404)
                .contentType("application/problem+json");
        as(SUPERVISOR_POLTAVA).get("/referrals/" + UUID.randomUUID() + "/access-log").then().statusCode(404);
        partner(issueKey(p.partnerId())).get("/referrals/" + id + "/access-log").then().statusCode(403);
        as(SUPERVISOR_POLTAVA).get("/referrals/" + id + "/access-log?size=0").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        // Listing the log is not itself a read of client data.
        as(SUPERVISOR_POLTAVA).get("/referrals/" + id + "/access-log").then().statusCode(200)
                .body("items.action", contains("REFERRAL_AFTER_CHANGE", "REFERRAL_CREATED"));
    }

    @Test
    void aPartnerReadWithTheClientDataWithheldIsNotAReadOfIt() {
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("HOUSING", "HOUSING");
        String key = issueKey(p.partnerId());
        String id = sent(CM, c, p, "ROUTINE");
        CaseFeed.consent(c.id(), c.hromada(), false, CaseFeed.now());
        awaitCase(CM, c, false, false);

        partner(key).get("/partner/referrals/" + id).then().statusCode(200).body("client", nullValue());
        partner(key).get("/partner/referrals").then().statusCode(200).body("items[0].clientName", nullValue());
        as(SUPERVISOR_POLTAVA).get("/referrals/" + id + "/access-log").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.side", everyItem(equalTo("REFERRING_SIDE")));
    }

    @Test
    void aReadWhoseLogEntryCannotBeWrittenFailsAndShowsNothing() throws SQLException {
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("SOCIAL_PROTECTION", "MATERIAL_ECONOMIC");
        String key = issueKey(p.partnerId());
        String id = sent(CM, c, p, "ROUTINE");
        // The database refuses this referral's access log entries (as if the log were unavailable).
        String name = "refuse_log_" + id.replace("-", "");
        sql("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'access log unavailable'; END $$");
        try {
            sql("CREATE TRIGGER " + name + " BEFORE INSERT ON referral_access_log FOR EACH ROW WHEN (NEW.referral_id = '"
                    + id + "') EXECUTE FUNCTION " + name + "()");
            as(CM).get("/referrals/" + id).then().statusCode(500).contentType("application/problem+json")
                    .body("type", containsString("access-log-unavailable"))
                    .body(not(containsString("Ганна")));
            partner(key).get("/partner/referrals/" + id).then().statusCode(500)
                    .body("type", containsString("access-log-unavailable")).body(not(containsString("Ганна")));
            partner(key).get("/partner/referrals").then().statusCode(500)
                    .body("type", containsString("access-log-unavailable")).body(not(containsString("Ганна")));
        } finally {
            sql("DROP TRIGGER IF EXISTS " + name + " ON referral_access_log");
            sql("DROP FUNCTION IF EXISTS " + name + "()");
        }
        // Once the log can be written again, so can the read.
        as(CM).get("/referrals/" + id).then().statusCode(200);
        as(SUPERVISOR_POLTAVA).get("/referrals/" + id + "/access-log").then().statusCode(200)
                .body("items.action", contains("REFERRAL", "REFERRAL_AFTER_CHANGE", "REFERRAL_CREATED"));
    }
}
