package ua.social.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.social.contracts.testing.EventSchemas;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The AsyncAPI 3 document of the events ({@code docs/events/asyncapi.yaml}) is read the way its
 * readers' tools read it: {@code docs/events/validation/validate.mjs} parses it with
 * {@code @asyncapi/parser}, resolving every payload {@code $ref} from the JSON Schema files next to it
 * (nothing is fetched), fails on any error or warning, and checks that every event schema has exactly
 * one message whose type, source and key agree with it. The npm packages are the ones pinned by
 * {@code validation/package-lock.json}, installed by the script on its first run into
 * {@code $PLATFORM_HOME/asyncapi-validator} (PLATFORM_HOME defaults to {@code .platform}).
 */
class AsyncApiDocumentTest {

    private static final Path VALIDATOR = EventSchemas.DIR.resolve("validation").resolve("validate.mjs");
    private static final Path DOCUMENT = EventSchemas.DIR.resolve("asyncapi.yaml");

    @Test
    void theEventsDocumentIsValidAsyncApiWithAMessageForEveryEventSchema() throws Exception {
        Result result = validate(DOCUMENT);

        assertEquals(0, result.exit(), "docs/events/asyncapi.yaml is not valid:\n" + result.output());
        assertTrue(result.output().contains("every one of the " + schemaFiles(EventSchemas.DIR).size() + " event schemas has its message"),
                result.output());
    }

    @Test
    void aPayloadReferenceToAMissingSchemaFileIsRefused(@TempDir Path copy) throws Exception {
        for (Path f : schemaFiles(EventSchemas.DIR)) {
            Files.copy(f, copy.resolve(f.getFileName().toString()));
        }
        String document = Files.readString(DOCUMENT);
        assertTrue(document.contains("$ref: './case.closed.schema.json'"), "the document no longer references case.closed.schema.json");
        Files.writeString(copy.resolve("asyncapi.yaml"),
                document.replace("$ref: './case.closed.schema.json'", "$ref: './case.shut.schema.json'"));

        Result result = validate(copy.resolve("asyncapi.yaml"));

        assertEquals(1, result.exit(), result.output());
        assertTrue(result.output().contains("case.shut.schema.json: no such file"), result.output());
        assertTrue(result.output().contains("case.closed.schema.json is the payload of no message"), result.output());
    }

    private record Result(int exit, String output) {
    }

    private static Result validate(Path document) throws IOException, InterruptedException {
        String node = executable("node").orElseGet(() -> fail(
                "node is not on the PATH: the AsyncAPI document is validated with Node.js 18.18+ and npm "
                        + "(./platform test installs the OS packages nodejs and npm when they are missing)"));
        File log = File.createTempFile("asyncapi-validation", ".log");
        try {
            Process p = new ProcessBuilder(node, VALIDATOR.toAbsolutePath().toString(), document.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log)
                    .start();
            // the first run installs the pinned npm packages; later runs take seconds
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("the AsyncAPI validation did not finish within 10 minutes:\n" + Files.readString(log.toPath()));
            }
            return new Result(p.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }

    private static Optional<String> executable(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    private static List<Path> schemaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".schema.json")).sorted().toList();
        }
    }
}
