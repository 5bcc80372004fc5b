package ua.social.referral;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.referral.support.Api.PartnerSetup;
import ua.social.referral.support.CaseFeed;
import ua.social.referral.support.CaseFeed.TestCase;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static ua.social.identity.testing.DemoUsers.ADMIN;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_HROMADA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_OBLAST;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.locationBody;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.openCase;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.referralBody;
import static ua.social.referral.support.Api.userId;

/**
 * Partner locations lie in real communities of the oblast they name (the KATOTTG codifier decides),
 * far pages are a 400, and a replayed referral creation re-checks the caller's reach.
 */
@QuarkusTest
class TerritoryAndRangeTest {

    /** Алчевська громада: KATOTTG numbers Luhansk oblast 44, ISO 3166-2:UA numbers it 09. */
    static final String LUHANSK_COMMUNITY = "UA44020010000067642";

    @Test
    void aLocationInALuhanskCommunityIsAcceptedWithOblastUA09() {
        PartnerSetup p = newPartner("HOUSING", "HOUSING");
        as(ADMIN).body(locationBody("UA-09", LUHANSK_COMMUNITY)).post("/partners/" + p.partnerId() + "/locations")
                .then().statusCode(201).body("oblast", equalTo("UA-09")).body("hromada", equalTo(LUHANSK_COMMUNITY));
        as(MANAGER1_POLTAVA).queryParam("hromada", LUHANSK_COMMUNITY).queryParam("size", 200).get("/partners")
                .then().statusCode(200).body("items.id", hasItem(p.partnerId()));
    }

    @Test
    void aLocationWhoseCommunityIsNotInItsOblastOrNotInTheCodifierIsRefusedNamingTheField() {
        PartnerSetup p = newPartner("HOUSING", "HOUSING");
        String locations = "/partners/" + p.partnerId() + "/locations";
        as(ADMIN).body(locationBody("UA-44", LUHANSK_COMMUNITY)).post(locations).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("oblast"));
        as(ADMIN).body(locationBody(VINNYTSIA_OBLAST, LUHANSK_COMMUNITY)).post(locations).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("hromada"));
        as(ADMIN).body(locationBody("UA-53", "UA53999999999999999")).post(locations).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("hromada"))
                .body("detail", containsString("unknown"));
        as(ADMIN).get("/partners/" + p.partnerId()).then().body("locations.size()", equalTo(1));
        as(MANAGER1_POLTAVA).queryParam("hromada", "UA53999999999999999").get("/partners").then().statusCode(400)
                .body("errors.field", hasItem("hromada"));
    }

    @Test
    void aPageBeyondTheLastPossibleOffsetIsRefusedOnEveryList() {
        PartnerSetup p = newPartner("HOUSING", "HOUSING");
        String key = issueKey(p.partnerId());
        TestCase c = openCase(MANAGER1_POLTAVA, true);
        String referral = as(MANAGER1_POLTAVA).body(referralBody(c, p, "ROUTINE")).post("/referrals").then()
                .statusCode(201).extract().path("id");
        Map<String, String> staffLists = Map.of("/partners", MANAGER1_POLTAVA, "/referrals", MANAGER1_POLTAVA,
                "/cases/" + c.id() + "/referrals", MANAGER1_POLTAVA, "/partners/" + p.partnerId() + "/api-keys", ADMIN,
                "/referrals/" + referral + "/access-log", SUPERVISOR_POLTAVA);
        staffLists.forEach((list, user) -> {
            as(user).queryParam("page", 10737419).queryParam("size", 200).get(list).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("page"));
            as(user).queryParam("page", 10737418).queryParam("size", 200).get(list).then().statusCode(200)
                    .body("items.size()", equalTo(0));
        });
        partner(key).queryParam("page", 10737419).queryParam("size", 200).get("/partner/referrals").then()
                .statusCode(400).body("errors.field", hasItem("page"));
        as(MANAGER1_POLTAVA).queryParam("page", 10737420).queryParam("per_page", 200).get("/hsds/organizations")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("page"));
        as(MANAGER1_POLTAVA).queryParam("page", 10737419).queryParam("per_page", 200).get("/hsds/organizations")
                .then().statusCode(200);
    }

    @Test
    void aReplayedReferralCreationOutsideTheCallersReachIs404() {
        PartnerSetup p = newPartner("HOUSING", "HOUSING");
        TestCase c = openCase(MANAGER1_POLTAVA, true);
        String idempotencyKey = "replay-" + UUID.randomUUID();
        String id = as(MANAGER1_POLTAVA).header("Idempotency-Key", idempotencyKey).body(referralBody(c, p, "ROUTINE"))
                .post("/referrals").then().statusCode(201).extract().path("id");
        CaseFeed.transfer(c, VINNYTSIA_OBLAST, VINNYTSIA_HROMADA, userId(SUPERVISOR_VINNYTSIA));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(MANAGER1_POLTAVA).get("/referrals/" + id).statusCode() == 404);

        as(MANAGER1_POLTAVA).header("Idempotency-Key", idempotencyKey).body(referralBody(c, p, "ROUTINE"))
                .post("/referrals").then().statusCode(404).contentType("application/problem+json");
        List<String> reads = as(SUPERVISOR_VINNYTSIA).get("/referrals/" + id + "/access-log").then().statusCode(200)
                .extract().path("items.username");
        org.junit.jupiter.api.Assertions.assertEquals(1, reads.stream().filter(MANAGER1_POLTAVA::equals).count(),
                "only the creation itself was a read by the former case manager: " + reads);
    }
}
