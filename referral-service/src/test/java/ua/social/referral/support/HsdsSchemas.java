package ua.social.referral.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official Open Referral HSDS 3.0 JSON Schemas (vendored in src/test/resources/hsds-3.0, see its README),
 * with formats (uuid, email, uri, date-time) asserted, and the paged envelope of the HSDS API.
 */
public final class HsdsSchemas {

    public static final String ORGANIZATION = "compiled/organization.json";
    public static final String ORGANIZATION_LIST = "compiled/organization_list.json";
    public static final String SERVICE = "compiled/service.json";
    public static final String SERVICE_LIST = "compiled/service_list.json";
    public static final String SERVICE_AT_LOCATION = "compiled/service_at_location.json";
    public static final String SERVICE_AT_LOCATION_LIST = "compiled/service_at_location_list.json";
    public static final String TAXONOMY = "taxonomy.json";
    public static final String TAXONOMY_TERM = "taxonomy_term.json";

    /** The keys of the HSDS API's Page (openapi.json components.schemas.Page) and its contents. */
    public static final List<String> PAGE_KEYS = List.of("total_items", "total_pages", "page_number", "size",
            "first_page", "last_page", "empty", "contents");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private HsdsSchemas() {
    }

    /** Asserts that the JSON document is valid against the named HSDS schema. */
    public static void assertValid(String schema, String json) {
        assertValid(schema, read(json));
    }

    public static void assertValid(String schema, JsonNode document) {
        Set<ValidationMessage> errors = schema(schema).validate(document);
        assertTrue(errors.isEmpty(), "not valid against HSDS 3.0 " + schema + ": " + errors + "\n" + document);
        List<String> nonAscii = nonAsciiEmails(document, "$", new ArrayList<>());
        assertTrue(nonAscii.isEmpty(), "format: email is an RFC 5321 (ASCII) address, non-ASCII ones are idn-email: "
                + nonAscii);
    }

    /**
     * The e-mail fields holding non-ASCII characters. JSON Schema's {@code format: email} is an RFC 5321 mailbox
     * (ASCII; {@code idn-email} is the internationalized one), but the validator accepts both, so this is checked
     * here.
     */
    public static List<String> nonAsciiEmails(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String at = path + "." + e.getKey();
                if (e.getKey().endsWith("email") && e.getValue().isTextual()
                        && !e.getValue().asText().chars().allMatch(c -> c < 0x80)) {
                    found.add(at + " = " + e.getValue().asText());
                }
                nonAsciiEmails(e.getValue(), at, found);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nonAsciiEmails(node.get(i), path + "[" + i + "]", found);
            }
        }
        return found;
    }

    /** The messages of validating the document against the named schema (empty when valid). */
    public static Set<ValidationMessage> validate(String schema, JsonNode document) {
        return schema(schema).validate(document);
    }

    /**
     * Asserts an HSDS API page: the Page keys with their types (integers and booleans as openapi.json gives
     * them, consistent with each other) and every item of {@code contents} valid against {@code itemSchema}.
     * Returns the page.
     */
    public static JsonNode assertPage(String itemSchema, String json) {
        JsonNode page = read(json);
        List<String> keys = new ArrayList<>();
        page.fieldNames().forEachRemaining(keys::add);
        assertTrue(keys.containsAll(PAGE_KEYS), "an HSDS page has " + PAGE_KEYS + ", this one " + keys);
        for (String k : List.of("total_items", "total_pages", "page_number", "size")) {
            assertTrue(page.get(k).isIntegralNumber(), k + " is an integer: " + page.get(k));
        }
        for (String k : List.of("first_page", "last_page", "empty")) {
            assertTrue(page.get(k).isBoolean(), k + " is a boolean: " + page.get(k));
        }
        assertTrue(page.get("contents").isArray(), "contents is an array");
        assertEquals(page.get("contents").size(), page.get("size").asInt(), "size counts the contents");
        assertEquals(page.get("contents").isEmpty(), page.get("empty").asBoolean(), "empty says whether contents is");
        assertEquals(page.get("page_number").asInt() == 1, page.get("first_page").asBoolean(), "first_page");
        assertEquals(page.get("page_number").asLong() >= page.get("total_pages").asLong(), page.get("last_page").asBoolean(),
                "last_page");
        for (JsonNode item : page.get("contents")) {
            assertValid(itemSchema, item);
        }
        return page;
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            if (HsdsSchemas.class.getResource("/hsds-3.0/" + n) == null) {
                throw new AssertionError("no HSDS schema /hsds-3.0/" + n + " on the test classpath");
            }
            // Loaded by location, so the relative $refs of the uncompiled schemas (taxonomy.json, metadata.json) resolve.
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(SchemaLocation.of("classpath:hsds-3.0/" + n), config);
        });
    }
}
