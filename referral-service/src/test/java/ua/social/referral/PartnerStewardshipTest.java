package ua.social.referral;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.referral.support.Api.PartnerSetup;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static ua.social.identity.testing.DemoUsers.ADMIN;
import static ua.social.identity.testing.DemoUsers.POLTAVA_HROMADA;
import static ua.social.identity.testing.DemoUsers.POLTAVA_OBLAST;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_HROMADA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_OBLAST;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.locationBody;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.partnerBody;
import static ua.social.referral.support.Api.serviceBody;
import static ua.social.referral.support.Api.uniqueName;

/**
 * Who maintains a partner (issue 8, hole 2): a supervisor only the organisations of their own community,
 * a platform admin every organisation and alone its activation; a deactivated partner's keys stay refused
 * until an admin re-activates the partner and each key.
 */
@QuarkusTest
class PartnerStewardshipTest {

    private static Map<String, Object> renamed(String name, String sector) {
        Map<String, Object> body = partnerBody(name, sector);
        body.put("description", "Змінено: " + name);
        return body;
    }

    @Test
    void aSupervisorEditsOnlyPartnersWhoseLocationsAllLieInTheirCommunity() {
        PartnerSetup p = newPartner("HEALTH", "MEDICAL"); // one location in Poltava
        String url = "/partners/" + p.partnerId();

        as(SUPERVISOR_POLTAVA).body(renamed(p.name(), "HEALTH")).put(url).then().statusCode(200)
                .body("description", equalTo("Змінено: " + p.name()));

        // Another community's supervisor sees the partner (public directory) but may not change it.
        as(SUPERVISOR_VINNYTSIA).get(url).then().statusCode(200);
        Map<String, Object> hijack = partnerBody(p.name(), "HEALTH");
        hijack.put("description", "Чужа зміна");
        as(SUPERVISOR_VINNYTSIA).body(hijack).put(url).then().statusCode(403)
                .contentType("application/problem+json").body("type", containsString("partner-outside-community"));
        as(SUPERVISOR_VINNYTSIA).body(locationBody(VINNYTSIA_OBLAST, VINNYTSIA_HROMADA)).post(url + "/locations")
                .then().statusCode(403).contentType("application/problem+json");
        as(SUPERVISOR_VINNYTSIA).body(locationBody(VINNYTSIA_OBLAST, VINNYTSIA_HROMADA))
                .put(url + "/locations/" + p.locationId()).then().statusCode(403).contentType("application/problem+json");
        as(SUPERVISOR_VINNYTSIA).body(serviceBody("MEDICAL", null)).post(url + "/services").then().statusCode(403)
                .contentType("application/problem+json");
        as(SUPERVISOR_VINNYTSIA).body(serviceBody("MEDICAL", p.locationId())).put(url + "/services/" + p.serviceId())
                .then().statusCode(403).contentType("application/problem+json");

        // Nor may the own supervisor move a location, or add one, outside their community.
        as(SUPERVISOR_POLTAVA).body(locationBody(VINNYTSIA_OBLAST, VINNYTSIA_HROMADA)).post(url + "/locations")
                .then().statusCode(403).contentType("application/problem+json").body("errors[0].field", equalTo("hromada"));
        as(SUPERVISOR_POLTAVA).body(locationBody(VINNYTSIA_OBLAST, VINNYTSIA_HROMADA))
                .put(url + "/locations/" + p.locationId()).then().statusCode(403)
                .body("errors[0].field", equalTo("hromada"));

        as(ADMIN).get(url).then().statusCode(200).body("description", equalTo("Змінено: " + p.name()))
                .body("locations.size()", equalTo(1)).body("locations[0].hromada", equalTo(POLTAVA_HROMADA))
                .body("services.size()", equalTo(1));

        // Once the organisation works in two communities it is national: the admin's alone.
        as(ADMIN).body(locationBody(VINNYTSIA_OBLAST, VINNYTSIA_HROMADA)).post(url + "/locations")
                .then().statusCode(201);
        as(SUPERVISOR_POLTAVA).body(partnerBody(p.name(), "HEALTH")).put(url).then().statusCode(403)
                .contentType("application/problem+json");
        as(ADMIN).body(partnerBody(p.name(), "HEALTH")).put(url).then().statusCode(200);
    }

    @Test
    void aPartnerWithoutLocationsBelongsToWhoeverRegisteredIt() {
        String national = as(ADMIN).body(partnerBody(uniqueName("Всеукраїнська гаряча лінія"), "LEGAL_AID"))
                .post("/partners").then().statusCode(201).extract().path("id");
        as(SUPERVISOR_POLTAVA).body(partnerBody(uniqueName("Інша назва"), "LEGAL_AID")).put("/partners/" + national)
                .then().statusCode(403).contentType("application/problem+json");

        String name = uniqueName("Полтавська ініціатива");
        String local = as(SUPERVISOR_POLTAVA).body(partnerBody(name, "HUMANITARIAN")).post("/partners")
                .then().statusCode(201).extract().path("id");
        as(SUPERVISOR_POLTAVA).body(renamed(name, "HUMANITARIAN")).put("/partners/" + local).then().statusCode(200);
        as(SUPERVISOR_POLTAVA).body(locationBody(POLTAVA_OBLAST, POLTAVA_HROMADA)).post("/partners/" + local + "/locations")
                .then().statusCode(201);
        as(SUPERVISOR_VINNYTSIA).body(renamed(name, "HUMANITARIAN")).put("/partners/" + local).then().statusCode(403);
    }

    @Test
    void onlyAPlatformAdminSwitchesAPartnerOnOrOff() {
        PartnerSetup p = newPartner("EDUCATION", "EDUCATIONAL");
        Map<String, Object> off = partnerBody(p.name(), "EDUCATION");
        off.put("active", false);
        as(SUPERVISOR_POLTAVA).body(off).put("/partners/" + p.partnerId()).then().statusCode(403)
                .contentType("application/problem+json").body("errors[0].field", equalTo("active"));
        as(ADMIN).get("/partners/" + p.partnerId()).then().statusCode(200).body("active", equalTo(true));

        // Sending the current value is no switch: the supervisor's ordinary edit goes through.
        Map<String, Object> same = renamed(p.name(), "EDUCATION");
        same.put("active", true);
        as(SUPERVISOR_POLTAVA).body(same).put("/partners/" + p.partnerId()).then().statusCode(200);

        as(ADMIN).body(off).put("/partners/" + p.partnerId()).then().statusCode(200).body("active", equalTo(false));
        Map<String, Object> on = partnerBody(p.name(), "EDUCATION");
        on.put("active", true);
        as(SUPERVISOR_POLTAVA).body(on).put("/partners/" + p.partnerId()).then().statusCode(403);
        as(ADMIN).get("/partners/" + p.partnerId()).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void reactivatingAPartnerDoesNotReviveItsKeysUntilAnAdminReactivatesEachKey() {
        PartnerSetup p = newPartner("HUMANITARIAN", "MATERIAL_ECONOMIC");
        String secret = issueKey(p.partnerId());
        String keyId = as(ADMIN).get("/partners/" + p.partnerId() + "/api-keys").then().statusCode(200)
                .extract().path("items[0].id");
        String keyUrl = "/partners/" + p.partnerId() + "/api-keys/" + keyId;
        partner(secret).get("/partner/referrals").then().statusCode(200);

        Map<String, Object> off = partnerBody(p.name(), "HUMANITARIAN");
        off.put("active", false);
        as(ADMIN).body(off).put("/partners/" + p.partnerId()).then().statusCode(200);
        partner(secret).get("/partner/referrals").then().statusCode(401);
        as(ADMIN).get(keyUrl).then().statusCode(200).body("status", equalTo("SUSPENDED"))
                .body("suspendedBy", equalTo(ADMIN)).body("suspendedAt", notNullValue());
        as(ADMIN).post(keyUrl + "/reactivation").then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("partner-inactive"));

        Map<String, Object> on = partnerBody(p.name(), "HUMANITARIAN");
        on.put("active", true);
        as(ADMIN).body(on).put("/partners/" + p.partnerId()).then().statusCode(200).body("active", equalTo(true));
        partner(secret).get("/partner/referrals").then().statusCode(401);
        as(ADMIN).get(keyUrl).then().statusCode(200).body("status", equalTo("SUSPENDED"));

        as(SUPERVISOR_POLTAVA).post(keyUrl + "/reactivation").then().statusCode(403)
                .contentType("application/problem+json");
        as(ADMIN).post(keyUrl + "/reactivation").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("suspendedAt", equalTo(null));
        partner(secret).get("/partner/referrals").then().statusCode(200);

        // A revoked key is not brought back by re-activation.
        as(ADMIN).post(keyUrl + "/revocation").then().statusCode(200);
        as(ADMIN).post(keyUrl + "/reactivation").then().statusCode(409)
                .body("type", containsString("key-not-suspended")).body("status", equalTo("REVOKED"));
        partner(secret).get("/partner/referrals").then().statusCode(401);
    }
}
