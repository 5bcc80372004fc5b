package ua.social.referral;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.PlatformContractTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ServiceContractTest extends PlatformContractTest {
    @Override
    protected String expectedApiTitle() {
        return "Referral service API";
    }

    @Test
    void partnerOperationsAskForTheApiKeyAndStaffOperationsForTheToken() {
        var doc = openApi();
        assertEquals(List.of(Map.of("partnerApiKey", List.of())),
                doc.getList("paths.'/partner/referrals'.get.security"));
        assertEquals(List.of(Map.of("keycloak", List.of())), doc.getList("paths.'/referrals'.post.security"));
        assertEquals(List.of(Map.of("keycloak", List.of()), Map.of("partnerApiKey", List.of())),
                doc.getList("paths.'/partners'.get.security"), "the directory is open to staff and partners");
    }

    @Test
    void createdResourcesAreDocumentedAs201WithTheirSchema() {
        var doc = openApi();
        assertEquals("#/components/schemas/PartnerView",
                doc.getString("paths.'/partners'.post.responses.'201'.content.'application/json'.schema.'$ref'"));
        assertEquals("#/components/schemas/ReferralView",
                doc.getString("paths.'/referrals'.post.responses.'201'.content.'application/json'.schema.'$ref'"));
        assertEquals("#/components/schemas/IssuedKeyView", doc.getString(
                "paths.'/partners/{partnerId}/api-keys'.post.responses.'201'.content.'application/json'.schema.'$ref'"));
        assertEquals(null, doc.<Object>get("paths.'/partners'.post.responses.'200'"));
    }
}
