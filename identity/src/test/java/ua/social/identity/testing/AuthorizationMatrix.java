package ua.social.identity.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The authorization matrix as data ({@code docs/security/authorization-matrix.csv}): one row per operation
 * (service, method, path template), one column per kind of caller, each cell the expected HTTP status.
 * A service's test gives a {@link Recipe} per operation (real records, made fresh where the call changes
 * them) and the credentials of every caller kind; {@link #check} runs every cell against the running
 * service and fails listing every cell whose status differs; {@link #missingFromMatrix} compares the
 * matrix with the service's OpenAPI document.
 */
public final class AuthorizationMatrix {

    /** The kinds of caller, in the order of the matrix's columns. */
    public enum Caller {
        ANONYMOUS("anonymous"),
        INVALID_TOKEN("invalid-token"),
        INTAKE_OFFICER("intake-officer"),
        CASE_MANAGER("case-manager"),
        SUPERVISOR("supervisor"),
        MINISTRY_ANALYST("ministry-analyst"),
        PLATFORM_ADMIN("platform-admin"),
        OTHER_INTAKE_OFFICER("other-intake-officer"),
        OTHER_CASE_MANAGER("other-case-manager"),
        OTHER_SUPERVISOR("other-supervisor"),
        PARTNER_KEY("partner-key"),
        OTHER_PARTNER_KEY("other-partner-key"),
        REVOKED_KEY("revoked-key"),
        ROTATED_KEY_PAST_GRACE("rotated-key-past-grace");

        public final String column;

        Caller(String column) {
            this.column = column;
        }

        /** The demo user of a staff caller kind (Poltava = the record's community, Vinnytsia = another oblast). */
        public String demoUser() {
            return switch (this) {
                case INTAKE_OFFICER -> DemoUsers.INTAKE_POLTAVA;
                case CASE_MANAGER -> DemoUsers.MANAGER1_POLTAVA;
                case SUPERVISOR -> DemoUsers.SUPERVISOR_POLTAVA;
                case MINISTRY_ANALYST -> DemoUsers.ANALYST;
                case PLATFORM_ADMIN -> DemoUsers.ADMIN;
                case OTHER_INTAKE_OFFICER -> DemoUsers.INTAKE_VINNYTSIA;
                case OTHER_CASE_MANAGER -> DemoUsers.MANAGER1_VINNYTSIA;
                case OTHER_SUPERVISOR -> DemoUsers.SUPERVISOR_VINNYTSIA;
                default -> null;
            };
        }
    }

    /** One operation and its expected status per caller kind. */
    public record Row(String service, String method, String path, Map<Caller, Integer> expected) {
        public String operation() {
            return method + " " + path;
        }
    }

    /**
     * A concrete request for one cell: the path with its ids, how to send it, and optionally a text of the
     * record (its id or name) that an answer to a caller outside its community must never contain.
     */
    public record Call(String path, Function<RequestSpecification, RequestSpecification> setup, String secret,
                       Object body, String mediaType) {
        public Call(String path, Function<RequestSpecification, RequestSpecification> setup) {
            this(path, setup, null, null, null);
        }

        public static Call of(String path) {
            return new Call(path, r -> r);
        }

        /** A JSON body (maps, lists, strings, numbers): the fuzz tests mutate it field by field. */
        public static Call json(String path, Object body) {
            return new Call(path, r -> r.contentType(ContentType.JSON).body(body), null, body, "application/json");
        }

        /** A form body ({@code application/x-www-form-urlencoded}). */
        public static Call form(String path, Map<String, String> fields) {
            return new Call(path, r -> {
                r.contentType(ContentType.URLENC);
                fields.forEach(r::formParam);
                return r;
            }, null, fields, "application/x-www-form-urlencoded");
        }

        /** The same call; a successful answer to an outsider must not contain {@code text}. */
        public Call hiding(String text) {
            return new Call(path, setup, text, body, mediaType);
        }
    }

    /** Callers outside the record's community or organisation, and callers who see no personal data. */
    public static final Set<Caller> OUTSIDERS = Set.of(Caller.OTHER_INTAKE_OFFICER, Caller.OTHER_CASE_MANAGER,
            Caller.OTHER_SUPERVISOR, Caller.OTHER_PARTNER_KEY, Caller.MINISTRY_ANALYST, Caller.PLATFORM_ADMIN);

    /** Prepares the call of one cell; made afresh per cell for operations that change their record. */
    @FunctionalInterface
    public interface Recipe {
        Call prepare(Caller caller);
    }

    private AuthorizationMatrix() {
    }

    /** The matrix file, found from the module's directory upwards. */
    public static Path file() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path f = dir.resolve("docs/security/authorization-matrix.csv");
            if (Files.exists(f)) {
                return f;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/security/authorization-matrix.csv not found above " + Path.of("").toAbsolutePath());
    }

    /** The rows of one service. */
    public static List<Row> rows(String service) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",", -1);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (!cells[0].equals(service)) {
                continue;
            }
            Map<Caller, Integer> expected = new LinkedHashMap<>();
            for (Caller c : Caller.values()) {
                int i = indexOf(header, c.column);
                expected.put(c, Integer.parseInt(cells[i].trim()));
            }
            rows.add(new Row(cells[0], cells[1], cells[2], expected));
        }
        return rows;
    }

    private static int indexOf(String[] header, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("matrix has no column " + column);
    }

    /** A real token of the caller with its signature broken: what a forged or tampered token looks like. */
    public static String tamperedToken() {
        String t = Tokens.of(DemoUsers.SUPERVISOR_POLTAVA);
        int dot = t.lastIndexOf('.');
        String sig = t.substring(dot + 1);
        char flipped = sig.charAt(4) == 'A' ? 'B' : 'A';
        return t.substring(0, dot + 1) + sig.substring(0, 4) + flipped + sig.substring(5);
    }

    /**
     * Runs every cell of the rows; {@code keys} holds the partner keys of the key caller kinds (a service
     * without partner access passes well-formed keys no service knows). Returns the number of cells checked.
     */
    public static int check(String service, Map<String, Recipe> recipes, Map<Caller, String> keys) {
        List<Row> rows = rows(service);
        List<String> failures = new ArrayList<>();
        Set<String> withoutRecipe = new TreeSet<>();
        int cells = 0;
        String invalid = tamperedToken();
        for (Row row : rows) {
            Recipe recipe = recipes.get(row.operation());
            if (recipe == null) {
                withoutRecipe.add(row.operation());
                continue;
            }
            for (Map.Entry<Caller, Integer> cell : row.expected().entrySet()) {
                Caller caller = cell.getKey();
                Call call = recipe.prepare(caller);
                // JSON unless the call says otherwise: a POST without a body still declares what it sends.
                RequestSpecification req = RestAssured.given().contentType(ContentType.JSON);
                if (caller == Caller.INVALID_TOKEN) {
                    req.header("Authorization", "Bearer " + invalid);
                } else if (caller.demoUser() != null) {
                    req.header("Authorization", Tokens.bearer(caller.demoUser()));
                } else if (keys.containsKey(caller)) {
                    req.header("X-API-Key", keys.get(caller));
                }
                Response r = call.setup().apply(req).request(row.method(), call.path());
                cells++;
                if (call.secret() != null && OUTSIDERS.contains(caller) && r.statusCode() < 300
                        && r.asString().contains(call.secret())) {
                    failures.add(row.operation() + " as " + caller.column + " (" + call.path() + "): [LEAK] the answer "
                            + "shows " + call.secret() + " of a record outside the caller's reach");
                } else if (r.statusCode() != cell.getValue()) {
                    String body = r.asString();
                    failures.add(row.operation() + " as " + caller.column + " (" + call.path() + "): expected "
                            + cell.getValue() + ", got " + r.statusCode()
                            + (r.statusCode() == 403 && cell.getValue() == 404 ? " [EXISTENCE DISCLOSED]" : "")
                            + (r.statusCode() < 300 && cell.getValue() >= 400 ? " [LEAK]" : "")
                            + " " + (body.length() > 300 ? body.substring(0, 300) : body));
                }
            }
        }
        System.out.println("Authorization matrix of " + service + ": " + cells + " cells checked, " + failures.size()
                + " differ" + (withoutRecipe.isEmpty() ? "" : ", rows without a recipe: " + withoutRecipe));
        if (!failures.isEmpty() || !withoutRecipe.isEmpty()) {
            throw new AssertionError("Authorization matrix of " + service + ": " + failures.size() + " of " + cells
                    + " cells differ" + (withoutRecipe.isEmpty() ? "" : "; rows without a recipe: " + withoutRecipe)
                    + "\n" + String.join("\n", failures));
        }
        return cells;
    }

    /**
     * The operations of the service's OpenAPI document ({@code /q/openapi?format=json}) that have no row in
     * the matrix, and the rows that name no operation of the document, as "METHOD path" lines.
     */
    public static List<String> missingFromMatrix(String service) {
        Map<String, Object> paths = RestAssured.given().accept(ContentType.JSON).queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, Object> p : paths.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ops = (Map<String, Object>) p.getValue();
            for (Iterator<String> it = ops.keySet().iterator(); it.hasNext(); ) {
                String m = it.next().toUpperCase();
                if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS").contains(m)) {
                    documented.add(m + " " + p.getKey());
                }
            }
        }
        Set<String> inMatrix = new TreeSet<>();
        rows(service).forEach(r -> inMatrix.add(r.operation()));
        List<String> problems = new ArrayList<>();
        for (String op : documented) {
            if (!inMatrix.contains(op)) {
                problems.add("not in the matrix: " + op);
            }
        }
        for (String op : inMatrix) {
            if (!documented.contains(op)) {
                problems.add("in the matrix but not in the OpenAPI document: " + op);
            }
        }
        return problems;
    }
}
