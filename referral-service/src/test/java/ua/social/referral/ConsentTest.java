package ua.social.referral;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.referral.support.Api.PartnerSetup;
import ua.social.referral.support.CaseFeed;
import ua.social.referral.support.CaseFeed.TestCase;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static ua.social.identity.testing.DemoUsers.MANAGER1_VINNYTSIA;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.awaitCase;
import static ua.social.referral.support.Api.draft;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.openCase;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.referralBody;
import static ua.social.referral.support.Api.sent;

/** No referral without the client's recorded consent to share with partners, nor on a closed case. */
@QuarkusTest
class ConsentTest {

    private static final String CM = MANAGER1_VINNYTSIA;

    @Test
    void aCaseWithoutConsentCannotBeReferred() {
        TestCase c = openCase(CM, false);
        PartnerSetup p = newPartner("CHILDREN_SERVICE", "PROTECTION_AND_SAFETY");
        as(CM).get("/cases/" + c.id()).then().statusCode(200).body("referable", equalTo(false));
        as(CM).body(referralBody(c, p, "URGENT")).post("/referrals").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("sharing-consent-missing"));
        as(CM).get("/cases/" + c.id() + "/referrals").then().statusCode(200).body("items", hasSize(0));

        // Consent recorded later: now it can.
        CaseFeed.consent(c.id(), c.hromada(), true, null);
        awaitCase(CM, c, true, false);
        draft(CM, c, p, "URGENT");
    }

    @Test
    void withdrawnConsentStopsNewReferralsAndWithholdsClientDataFromPartners() {
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("PSYCHOLOGICAL_SUPPORT", "PSYCHOLOGICAL");
        String key = issueKey(p.partnerId());
        String sentBefore = sent(CM, c, p, "ROUTINE");
        String drafted = draft(CM, c, p, "ROUTINE");
        partner(key).get("/partner/referrals/" + sentBefore).then().statusCode(200)
                .body("client.fullName", equalTo("Ганна Тестова"));

        CaseFeed.consent(c.id(), c.hromada(), false, CaseFeed.now());
        awaitCase(CM, c, false, false);

        as(CM).body(referralBody(c, p, "ROUTINE")).post("/referrals").then().statusCode(409)
                .body("type", containsString("sharing-consent-missing"));
        as(CM).body(Map.of("status", "REQUESTED")).post("/referrals/" + drafted + "/transitions").then().statusCode(409)
                .body("type", containsString("sharing-consent-missing"));
        as(CM).get("/referrals/" + drafted).then().body("status", equalTo("DRAFT"));
        partner(key).get("/partner/referrals/" + sentBefore).then().statusCode(200)
                .body("client", nullValue()).body("clientDataWithheld", equalTo(true));
        partner(key).get("/partner/referrals").then().statusCode(200).body("items[0].clientName", nullValue());
        // The referring side may still cancel what was sent.
        as(CM).body(Map.of("status", "CANCELLED", "reason", "Згоду відкликано")).post("/referrals/" + sentBefore + "/transitions")
                .then().statusCode(200);
    }

    @Test
    void aClosedCaseCannotBeReferredUntilReopened() {
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("EDUCATION", "EDUCATIONAL");
        CaseFeed.close(c);
        awaitCase(CM, c, true, true);
        as(CM).body(referralBody(c, p, "ROUTINE")).post("/referrals").then().statusCode(409)
                .body("type", containsString("case-closed"));
        CaseFeed.reopen(c);
        awaitCase(CM, c, true, false);
        draft(CM, c, p, "ROUTINE");
    }
}
