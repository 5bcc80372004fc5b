package ua.social.referral.support;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vendored HSDS 3.0 schemas do refuse what the export must never send, so a passing check means something. */
@Tag("fast")
class HsdsSchemasTest {

    private static final String ORGANIZATION = """
            {"id": "0f5d3c9e-8a1e-4c57-9a43-3f4d1c2b7a10", "name": "Центр", "description": "Опис", %s}""";

    @Test
    void theOrganizationSchemaAcceptsAnAsciiOrganisation() {
        assertTrue(HsdsSchemas.validate(HsdsSchemas.ORGANIZATION, HsdsSchemas.read(ORGANIZATION.formatted(
                "\"email\": \"info@xn--e1aqjhr.xn--j1amh\", \"website\": \"https://xn--e1aqjhr.xn--j1amh/\""))).isEmpty());
    }

    @Test
    void theOrganizationSchemaRefusesACyrillicWebAddressAndAMissingDescription() {
        assertFalse(HsdsSchemas.validate(HsdsSchemas.ORGANIZATION, HsdsSchemas.read(ORGANIZATION.formatted(
                "\"website\": \"https://центр.укр/\""))).isEmpty());
        assertFalse(HsdsSchemas.validate(HsdsSchemas.ORGANIZATION, HsdsSchemas.read(
                "{\"id\": \"0f5d3c9e-8a1e-4c57-9a43-3f4d1c2b7a10\", \"name\": \"Центр\"}")).isEmpty());
    }

    @Test
    void aCyrillicEmailAddressWhichTheValidatorLetsThroughIsCaughtByTheAsciiCheck() {
        var document = HsdsSchemas.read(ORGANIZATION.formatted(
                "\"email\": \"info@центр.укр\", \"contacts\": [{\"id\": \"0f5d3c9e-8a1e-4c57-9a43-3f4d1c2b7a11\", "
                        + "\"email\": \"olena@xn--80aahf2bln.xn--j1amh\"}]"));
        assertEquals(java.util.List.of("$.email = info@центр.укр"),
                HsdsSchemas.nonAsciiEmails(document, "$", new java.util.ArrayList<>()));
    }

    @Test
    void theServiceSchemaRefusesAStatusOutsideTheHsdsEnumAndAnIdThatIsNotAUuid() {
        assertFalse(HsdsSchemas.validate(HsdsSchemas.SERVICE_LIST, HsdsSchemas.read(
                "{\"id\": \"0f5d3c9e-8a1e-4c57-9a43-3f4d1c2b7a10\", \"name\": \"П\", \"status\": \"deactivated\"}")).isEmpty());
        assertFalse(HsdsSchemas.validate(HsdsSchemas.SERVICE_LIST, HsdsSchemas.read(
                "{\"id\": \"HOUSING\", \"name\": \"П\", \"status\": \"active\"}")).isEmpty());
    }
}
