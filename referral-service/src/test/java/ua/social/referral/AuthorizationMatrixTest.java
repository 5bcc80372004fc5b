package ua.social.referral;

import java.time.Clock;
import ua.social.identity.testing.TestClock;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.AuthorizationMatrix;
import ua.social.identity.testing.AuthorizationMatrix.Call;
import ua.social.identity.testing.AuthorizationMatrix.Caller;
import ua.social.identity.testing.AuthorizationMatrix.Recipe;
import ua.social.referral.partner.HsdsVocabularies;
import ua.social.referral.support.Api.PartnerSetup;
import ua.social.referral.support.CaseFeed.TestCase;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.identity.testing.DemoUsers.ADMIN;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.POLTAVA_HROMADA;
import static ua.social.identity.testing.DemoUsers.POLTAVA_OBLAST;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.draft;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.locationBody;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.openCase;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.partnerBody;
import static ua.social.referral.support.Api.sent;
import static ua.social.referral.support.Api.serviceBody;
import static ua.social.referral.support.Api.uniqueName;

/**
 * Every cell of referral-service's rows of docs/security/authorization-matrix.csv, run against this service
 * with real records: a case of manager1.poltava (Poltava) with consent, a partner with a key that the
 * referrals go to, another partner with its key, a revoked key and a rotated key past its grace period.
 * Operations that change their record get a fresh one per cell.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String SERVICE = "referral-service";

    /**
     * The records, a recipe per operation, the keys of the key columns, and how to issue another key of the
     * referrals' partner: shared with {@link FuzzTest}, which starts from these requests.
     */
    record Fixture(Map<String, Recipe> recipes, Map<Caller, String> keys, Supplier<String> freshPartnerKey) {
    }

    static Fixture fixture() {
        // The platform's clock, moved past the rotation grace below instead of waiting 24 hours.
        TestClock clock = new TestClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        TestCase c = openCase(MANAGER1_POLTAVA, true);
        PartnerSetup p = newPartner("LEGAL_AID", "LEGAL");
        String partnerKey = issueKey(p.partnerId());
        PartnerSetup other = newPartner("HEALTH", "MEDICAL");
        String otherKey = issueKey(other.partnerId());

        String revoked = issueKey(p.partnerId());
        as(ADMIN).post("/partners/" + p.partnerId() + "/api-keys/" + keyId(p.partnerId(), revoked) + "/revocation")
                .then().statusCode(200);
        String rotatedOld = issueKey(p.partnerId());
        as(ADMIN).post("/partners/" + p.partnerId() + "/api-keys/" + keyId(p.partnerId(), rotatedOld) + "/rotation")
                .then().statusCode(201);
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        partner(rotatedOld).get("/me").then().statusCode(401);

        // The directory record that supervisors and admins edit: one location in Poltava.
        PartnerSetup d = newPartner("EMPLOYMENT", "EMPLOYMENT");
        String dKey = issueKey(d.partnerId());
        String dKeyId = keyId(d.partnerId(), dKey);
        String sharedReferral = sent(MANAGER1_POLTAVA, c, p, "ROUTINE");

        Map<String, Recipe> recipes = new HashMap<>();
        recipes.put("GET /me", k -> Call.of("/me"));
        recipes.put("GET /admin/dead-letters", k -> Call.of("/admin/dead-letters"));
        // A dead letter that does not exist: the operator gets 404, everyone else is refused before that.
        recipes.put("GET /admin/dead-letters/{id}", k -> Call.of("/admin/dead-letters/case.events.dlt:0:999999999"));
        recipes.put("POST /admin/dead-letters/{id}/redrive",
                k -> Call.of("/admin/dead-letters/case.events.dlt:0:999999999/redrive"));
        recipes.put("GET /partners", k -> Call.of("/partners?size=5"));
        recipes.put("POST /partners", k -> Call.json("/partners", partnerBody(uniqueName("Матриця"), "HOUSING")));
        recipes.put("GET /partners/{id}", k -> Call.of("/partners/" + d.partnerId()));
        recipes.put("PUT /partners/{id}", k -> Call.json("/partners/" + d.partnerId(), partnerBody(d.name(), "EMPLOYMENT")));
        recipes.put("POST /partners/{id}/locations", k -> Call.json("/partners/" + d.partnerId() + "/locations",
                locationBody(POLTAVA_OBLAST, POLTAVA_HROMADA)));
        recipes.put("PUT /partners/{id}/locations/{locationId}", k -> Call.json("/partners/" + d.partnerId()
                + "/locations/" + d.locationId(), locationBody(POLTAVA_OBLAST, POLTAVA_HROMADA)));
        recipes.put("POST /partners/{id}/services", k -> Call.json("/partners/" + d.partnerId() + "/services",
                serviceBody("EMPLOYMENT", d.locationId())));
        recipes.put("PUT /partners/{id}/services/{serviceId}", k -> Call.json("/partners/" + d.partnerId()
                + "/services/" + d.serviceId(), serviceBody("EMPLOYMENT", d.locationId())));
        recipes.put("GET /hsds/organizations", k -> Call.of("/hsds/organizations?per_page=5"));
        recipes.put("GET /hsds/organizations/{id}", k -> Call.of("/hsds/organizations/" + d.partnerId()));
        recipes.put("GET /hsds", k -> Call.of("/hsds"));
        recipes.put("GET /hsds/services", k -> Call.of("/hsds/services?per_page=5"));
        recipes.put("GET /hsds/services/{id}", k -> Call.of("/hsds/services/" + d.serviceId()));
        recipes.put("GET /hsds/service_at_locations", k -> Call.of("/hsds/service_at_locations?per_page=5"));
        // Looked up per cell: updating the service (another row) gives its service_at_location a new id.
        recipes.put("GET /hsds/service_at_locations/{id}", k -> Call.of("/hsds/service_at_locations/"
                + as(ADMIN).get("/hsds/services/" + d.serviceId()).then().statusCode(200).extract()
                .path("service_at_locations[0].id")));
        recipes.put("GET /hsds/taxonomies", k -> Call.of("/hsds/taxonomies"));
        recipes.put("GET /hsds/taxonomies/{id}", k -> Call.of("/hsds/taxonomies/" + HsdsVocabularies.CATEGORIES.id()));
        recipes.put("GET /hsds/taxonomy_terms", k -> Call.of("/hsds/taxonomy_terms?per_page=5"));
        recipes.put("GET /hsds/taxonomy_terms/{id}", k -> Call.of("/hsds/taxonomy_terms/"
                + HsdsVocabularies.category(ua.social.contracts.code.ServiceCategory.EMPLOYMENT).id()));
        String keys = "/partners/" + d.partnerId() + "/api-keys";
        recipes.put("POST /partners/{partnerId}/api-keys", k -> Call.json(keys, Map.of("label", "matrix")));
        recipes.put("GET /partners/{partnerId}/api-keys", k -> Call.of(keys));
        recipes.put("GET /partners/{partnerId}/api-keys/{keyId}", k -> Call.of(keys + "/" + dKeyId));
        recipes.put("POST /partners/{partnerId}/api-keys/{keyId}/revocation",
                k -> Call.of(keys + "/" + keyId(d.partnerId(), issueKey(d.partnerId())) + "/revocation"));
        recipes.put("POST /partners/{partnerId}/api-keys/{keyId}/reactivation", k -> Call.of(keys + "/" + dKeyId + "/reactivation"));
        recipes.put("POST /partners/{partnerId}/api-keys/{keyId}/rotation",
                k -> Call.of(keys + "/" + keyId(d.partnerId(), issueKey(d.partnerId())) + "/rotation"));

        // Webhooks of the referrals' partner: its own key and the admin reach them, another partner's key is 403.
        // The endpoint is a closed local port (http on localhost is allowed in tests): deliveries fail fast.
        String hooks = "/partners/" + p.partnerId() + "/webhooks";
        Map<String, Object> hookBody = Map.of("url", "http://127.0.0.1:9/matrix", "description", "matrix");
        String hookId = as(ADMIN).body(hookBody).post(hooks).then().statusCode(201).extract().path("id");
        recipes.put("POST /partners/{partnerId}/webhooks", k -> Call.json(hooks, hookBody));
        recipes.put("GET /partners/{partnerId}/webhooks", k -> Call.of(hooks));
        recipes.put("GET /partners/{partnerId}/webhooks/{webhookId}", k -> Call.of(hooks + "/" + hookId));
        recipes.put("POST /partners/{partnerId}/webhooks/{webhookId}/reactivation",
                k -> Call.of(hooks + "/" + hookId + "/reactivation"));
        recipes.put("GET /partners/{partnerId}/webhooks/{webhookId}/deliveries",
                k -> Call.of(hooks + "/" + hookId + "/deliveries"));

        recipes.put("GET /partner/referrals", k -> Call.of("/partner/referrals"));
        recipes.put("GET /partner/referrals/{id}", k -> Call.of("/partner/referrals/" + sharedReferral));
        recipes.put("POST /partner/referrals/{id}/transitions", k -> Call.json("/partner/referrals/"
                + sent(MANAGER1_POLTAVA, c, p, "ROUTINE") + "/transitions", Map.of("status", "ACCEPTED")));
        recipes.put("POST /partner/referrals/{id}/notes", k -> Call.json("/partner/referrals/" + sharedReferral + "/notes",
                Map.of("text", "Клієнтку записано на консультацію")));

        recipes.put("POST /referrals", k -> Call.json("/referrals", ua.social.referral.support.Api.referralBody(c, p, "URGENT")));
        recipes.put("GET /referrals", k -> Call.of("/referrals"));
        recipes.put("GET /referrals/{id}", k -> Call.of("/referrals/" + sharedReferral));
        recipes.put("GET /referrals/{id}/history", k -> Call.of("/referrals/" + sharedReferral + "/history"));
        recipes.put("POST /referrals/{id}/transitions", k -> Call.json("/referrals/" + draft(MANAGER1_POLTAVA, c, p, "ROUTINE")
                + "/transitions", Map.of("status", "REQUESTED")));
        recipes.put("POST /referrals/{id}/notes", k -> Call.json("/referrals/" + sharedReferral + "/notes",
                Map.of("text", "Домовились про супровід")));
        recipes.put("GET /referrals/{id}/access-log", k -> Call.of("/referrals/" + sharedReferral + "/access-log"));
        recipes.put("GET /cases/{caseId}", k -> Call.of("/cases/" + c.id()));
        recipes.put("GET /cases/{caseId}/referrals", k -> Call.of("/cases/" + c.id() + "/referrals"));

        recipes.put("GET /fhir/metadata", k -> Call.of("/fhir/metadata"));
        recipes.put("GET /fhir/Task", k -> Call.of("/fhir/Task?owner=Organization/" + p.partnerId()
                + "&_lastUpdated=gt2026-01-01T00:00:00Z&_count=5"));
        recipes.put("GET /fhir/Task/{id}", k -> Call.of("/fhir/Task/" + sharedReferral));
        recipes.put("GET /fhir/ServiceRequest/{id}", k -> Call.of("/fhir/ServiceRequest/" + sharedReferral));

        // Each row's partner-key cells start a fresh rate-limit window (moved on the platform's clock, not waited
        // for): the matrix is about who may call, and it has more rows than a key may make requests per window.
        Map<String, Recipe> paced = new HashMap<>();
        recipes.forEach((operation, recipe) -> paced.put(operation, k -> {
            if (k == Caller.PARTNER_KEY) {
                clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            }
            return recipe.prepare(k);
        }));

        Map<Caller, String> apiKeys = new EnumMap<>(Caller.class);
        apiKeys.put(Caller.PARTNER_KEY, partnerKey);
        apiKeys.put(Caller.OTHER_PARTNER_KEY, otherKey);
        apiKeys.put(Caller.REVOKED_KEY, revoked);
        apiKeys.put(Caller.ROTATED_KEY_PAST_GRACE, rotatedOld);
        return new Fixture(paced, apiKeys, () -> issueKey(p.partnerId()));
    }

    @Test
    void everyCellOfTheMatrixAnswersItsExpectedStatus() {
        Fixture f = fixture();
        int cells = AuthorizationMatrix.check(SERVICE, f.recipes(), f.keys());
        assertEquals(AuthorizationMatrix.rows(SERVICE).size() * Caller.values().length, cells);
    }

    @Test
    void everyOperationOfTheOpenApiDocumentIsInTheMatrix() {
        List<String> problems = AuthorizationMatrix.missingFromMatrix(SERVICE);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static String keyId(String partnerId, String secret) {
        Response r = as(ADMIN).queryParam("size", 200).get("/partners/" + partnerId + "/api-keys");
        List<Map<String, Object>> items = r.jsonPath().getList("items");
        return items.stream().filter(i -> secret.startsWith((String) i.get("prefix"))).findFirst()
                .map(i -> (String) i.get("id")).orElseThrow();
    }
}
