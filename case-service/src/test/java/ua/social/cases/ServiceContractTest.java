package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import ua.social.identity.testing.PlatformContractTest;

@QuarkusTest
class ServiceContractTest extends PlatformContractTest {
    @Override
    protected String expectedApiTitle() {
        return "Case service API";
    }
}
