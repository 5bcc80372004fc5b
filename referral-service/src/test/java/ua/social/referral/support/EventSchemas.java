package ua.social.referral.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Validates event data against the producer's JSON Schemas in docs/events/. */
public final class EventSchemas {

    /** docs/events/ relative to the module directory Maven runs tests in. */
    public static final Path DIR = Path.of("..", "docs", "events");

    private EventSchemas() {
    }

    /** The schema file of a CloudEvents type: ua.social.referral.accepted → referral.accepted.schema.json. */
    public static Path fileFor(String type) {
        return DIR.resolve(type.substring("ua.social.".length()) + ".schema.json");
    }

    public static Set<ValidationMessage> validate(String type, JsonNode data) {
        Path file = fileFor(type);
        if (!Files.exists(file)) {
            throw new AssertionError("no JSON Schema for event type " + type + " at " + file.toAbsolutePath());
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            return schema.validate(data);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
