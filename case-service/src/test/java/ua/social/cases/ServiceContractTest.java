package ua.social.cases;

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
        return "Case service API";
    }

    @Test
    void registeringAClientIsDocumentedAs201WithTheClientSchema() {
        var doc = openApi();
        assertEquals("#/components/schemas/ClientView",
                doc.getString("paths.'/clients'.post.responses.'201'.content.'application/json'.schema.'$ref'"));
        assertEquals(null, doc.<Object>get("paths.'/clients'.post.responses.'200'"));
        assertEquals(List.of(Map.of("keycloak", List.of())), doc.getList("paths.'/clients'.post.security"));
    }
}
