package ua.social.contracts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Validates event data against the producers' JSON Schemas in docs/events/ (formats asserted). */
public final class EventSchemas {

    /** docs/events/ relative to the module directory Maven runs tests in. */
    public static final Path DIR = Path.of("..", "docs", "events");
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema file of a CloudEvents type: ua.social.case.opened → case.opened.schema.json. */
    public static Path fileFor(String type) {
        return DIR.resolve(type.substring("ua.social.".length()) + ".schema.json");
    }

    public static Set<ValidationMessage> validate(String type, JsonNode data) {
        return SCHEMAS.computeIfAbsent(type, EventSchemas::load).validate(data);
    }

    private static JsonSchema load(String type) {
        Path file = fileFor(type);
        if (!Files.exists(file)) {
            throw new AssertionError("no JSON Schema for event type " + type + " at " + file.toAbsolutePath());
        }
        try (InputStream in = Files.newInputStream(file)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
