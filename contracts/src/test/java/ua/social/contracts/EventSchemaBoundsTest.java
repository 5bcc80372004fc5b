package ua.social.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.contracts.testing.EventSchemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Contracts that cannot overflow: every text a producer can put into an event has a bound a consumer
 * can size its storage by. A string is bounded by {@code maxLength}, an enum or const, a fixed-size
 * format (uuid, date, date-time) or a pattern without an open-ended repetition.
 */
@Tag("fast")
class EventSchemaBoundsTest {

    private static final Set<String> FIXED_FORMATS = Set.of("uuid", "date", "date-time");

    @Test
    void everyTextFieldOfEveryEventSchemaIsBounded() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(EventSchemas.DIR)) {
            files = s.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no event schemas found in " + EventSchemas.DIR.toAbsolutePath());
        List<String> unbounded = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Path f : files) {
            collectUnbounded(json.readTree(f.toFile()), f.getFileName().toString(), unbounded);
        }
        assertEquals(List.of(), unbounded, "free-text fields without maxLength");
    }

    private static void collectUnbounded(JsonNode schema, String path, List<String> out) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        if (allowsString(schema.get("type")) && !bounded(schema)) {
            out.add(path);
        }
        schema.path("properties").fields().forEachRemaining(e -> collectUnbounded(e.getValue(), path + "." + e.getKey(), out));
        collectUnbounded(schema.get("items"), path + "[]", out);
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            schema.path(combinator).forEach(s -> collectUnbounded(s, path, out));
        }
    }

    private static boolean allowsString(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("string".equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return "string".equals(type.asText());
    }

    private static boolean bounded(JsonNode s) {
        if (s.has("maxLength") || s.has("enum") || s.has("const")) {
            return true;
        }
        if (s.has("format") && FIXED_FORMATS.contains(s.get("format").asText())) {
            return true;
        }
        if (s.has("pattern")) {
            String p = s.get("pattern").asText();
            return p.startsWith("^") && p.endsWith("$") && !p.matches(".*([*+]|\\{\\d+,\\}).*");
        }
        return false;
    }
}
