package ua.social.referral;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.referral.support.Api.PartnerSetup;
import ua.social.referral.support.CaseFeed.TestCase;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static ua.social.identity.testing.DemoUsers.ADMIN;
import static ua.social.identity.testing.DemoUsers.ANALYST;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.draft;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.openCase;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.referralBody;

/** Bad input to the referral API is a 400 problem naming the field, never a 500, and creates nothing. */
@QuarkusTest
class ReferralValidationTest {

    private static final String CM = MANAGER1_POLTAVA;

    @Test
    void malformedReferralsAreRefusedAndCreateNothing() {
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("HOUSING", "HOUSING");

        as(CM).body("{\"caseId\": ").post("/referrals").then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("malformed-json"));
        as(CM).body("[1, 2]").post("/referrals").then().statusCode(400).contentType("application/problem+json");
        as(CM).post("/referrals").then().statusCode(400).contentType("application/problem+json");

        Map<String, Object> urgency = referralBody(c, p, "WHENEVER");
        as(CM).body(urgency).post("/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("urgency")).body("detail", containsString("EMERGENCY"));
        Map<String, Object> badCase = referralBody(c, p, "ROUTINE");
        badCase.put("caseId", "12345");
        as(CM).body(badCase).post("/referrals").then().statusCode(400).body("errors[0].field", equalTo("caseId"));
        Map<String, Object> badDate = referralBody(c, p, "ROUTINE");
        badDate.put("desiredDate", "2026-02-30");
        as(CM).body(badDate).post("/referrals").then().statusCode(400).body("errors[0].field", equalTo("desiredDate"));
        Map<String, Object> pastDate = referralBody(c, p, "ROUTINE");
        pastDate.put("desiredDate", LocalDate.now().minusDays(3).toString());
        as(CM).body(pastDate).post("/referrals").then().statusCode(400).body("errors[0].field", equalTo("desiredDate"));
        Map<String, Object> longReason = referralBody(c, p, "ROUTINE");
        longReason.put("reason", "а".repeat(4001));
        as(CM).body(longReason).post("/referrals").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        Map<String, Object> noClient = referralBody(c, p, "ROUTINE");
        noClient.remove("client");
        as(CM).body(noClient).post("/referrals").then().statusCode(400).body("errors[0].field", equalTo("client"));
        Map<String, Object> badPhone = referralBody(c, p, "ROUTINE");
        badPhone.put("client", Map.of("fullName", "Ганна", "phone", "call me"));
        as(CM).body(badPhone).post("/referrals").then().statusCode(400).body("errors[0].field", equalTo("client.phone"));
        Map<String, Object> unborn = referralBody(c, p, "ROUTINE");
        unborn.put("client", Map.of("fullName", "Ганна", "dateOfBirth", LocalDate.now().plusDays(1).toString()));
        as(CM).body(unborn).post("/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("client.dateOfBirth"));
        Map<String, Object> wrongType = referralBody(c, p, "ROUTINE");
        wrongType.put("reason", Map.of("text", "x"));
        as(CM).body(wrongType).post("/referrals").then().statusCode(400).body("errors[0].field", equalTo("reason"));

        PartnerSetup other = newPartner("HOUSING", "HOUSING");
        Map<String, Object> foreignService = referralBody(c, p, "ROUTINE");
        foreignService.put("serviceId", other.serviceId());
        as(CM).body(foreignService).post("/referrals").then().statusCode(400).body("errors[0].field", equalTo("serviceId"));
        Map<String, Object> noService = referralBody(c, p, "ROUTINE");
        noService.remove("serviceId");
        as(CM).body(noService).post("/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("serviceCategory"));
        Map<String, Object> unknownPartner = referralBody(c, p, "ROUTINE");
        unknownPartner.put("partnerId", UUID.randomUUID().toString());
        as(CM).body(unknownPartner).post("/referrals").then().statusCode(400).body("errors[0].field", equalTo("partnerId"));
        Map<String, Object> unknownCase = referralBody(c, p, "ROUTINE");
        unknownCase.put("caseId", UUID.randomUUID().toString());
        as(CM).body(unknownCase).post("/referrals").then().statusCode(404).contentType("application/problem+json");

        as(CM).get("/cases/" + c.id() + "/referrals").then().statusCode(200).body("items", hasSize(0));

        // A category without a named service is enough.
        Map<String, Object> byCategory = referralBody(c, p, "ROUTINE");
        byCategory.remove("serviceId");
        byCategory.put("serviceCategory", "HOUSING");
        as(CM).body(byCategory).post("/referrals").then().statusCode(201).body("service", equalTo(null))
                .body("serviceCategory", equalTo("HOUSING"));

        // The same Idempotency-Key with another body is refused.
        as(CM).header("Idempotency-Key", "k-" + c.id()).body(referralBody(c, p, "ROUTINE")).post("/referrals")
                .then().statusCode(201);
        as(CM).header("Idempotency-Key", "k-" + c.id()).body(referralBody(c, p, "URGENT")).post("/referrals")
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        as(CM).get("/cases/" + c.id() + "/referrals").then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void malformedTransitionsAndQueriesAreRefused() {
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("HOUSING", "HOUSING");
        String key = issueKey(p.partnerId());
        String id = draft(CM, c, p, "ROUTINE");
        as(CM).body(Map.of("status", "SENT")).post("/referrals/" + id + "/transitions").then().statusCode(400)
                .body("errors[0].field", equalTo("status")).body("detail", containsString("REQUESTED"));
        as(CM).body("{").post("/referrals/" + id + "/transitions").then().statusCode(400)
                .body("type", containsString("malformed-json"));
        as(CM).body(Map.of("status", "CANCELLED", "reason", "x".repeat(4001))).post("/referrals/" + id + "/transitions")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(CM).header("If-Match", "\"99\"").body(Map.of("status", "REQUESTED")).post("/referrals/" + id + "/transitions")
                .then().statusCode(412).contentType("application/problem+json");
        as(CM).get("/referrals/" + id).then().body("status", equalTo("DRAFT")).body("history", hasSize(1));
        as(CM).body(Map.of("text", "")).post("/referrals/" + id + "/notes").then().statusCode(400)
                .body("errors[0].field", equalTo("text"));

        as(CM).queryParam("status", "LOST").get("/referrals").then().statusCode(400).body("errors[0].field", equalTo("status"));
        as(CM).queryParam("caseId", "nope").get("/referrals").then().statusCode(400).body("errors[0].field", equalTo("caseId"));
        as(CM).queryParam("overdue", "maybe").get("/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("overdue"));
        as(CM).queryParam("size", 1000).get("/referrals").then().statusCode(400).body("errors[0].field", equalTo("size"));
        partner(key).queryParam("status", "x").get("/partner/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as(CM).get("/referrals/not-a-uuid").then().statusCode(404).contentType("application/problem+json");

        // Roles: analysts and admins do not make referrals.
        as(ANALYST).get("/referrals").then().statusCode(403).contentType("application/problem+json");
        as(ADMIN).body(referralBody(c, p, "ROUTINE")).post("/referrals").then().statusCode(403);
        // (filtered by its case: other tests leave referrals dated later by a moved test clock on page one)
        as(CM).queryParam("caseId", c.id()).get("/referrals").then().statusCode(200).body("items.id", hasItem(id));
    }
}
