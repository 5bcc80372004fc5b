package ua.social.identity.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import ua.social.identity.testing.AuthorizationMatrix.Call;
import ua.social.identity.testing.AuthorizationMatrix.Caller;
import ua.social.identity.testing.AuthorizationMatrix.Recipe;
import ua.social.identity.testing.AuthorizationMatrix.Row;
import ua.social.identity.testing.FuzzValues.InvalidUtf8;
import ua.social.identity.testing.FuzzValues.Raw;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Fuzzing every operation that takes a body or parameters, driven by the service's own OpenAPI document.
 *
 * <p>Each operation starts from the valid request of its authorization-matrix recipe, sent by a caller the matrix
 * lets through; every generated input changes that request in one place: a body field set to a hostile value
 * ({@link FuzzValues}), removed, or joined by an undeclared one; the whole body replaced by malformed JSON or
 * broken UTF-8; a query, path or header parameter (declared in the document, sent by the seed or not) set to a
 * hostile string. The inputs come from a seeded generator: the seed is printed, and {@code -Dfuzz.seed=…}
 * repeats a run exactly.
 *
 * <p>What every answer must be: never a 5xx; every 4xx {@code application/problem+json} with its status (or, from a
 * FHIR endpoint, an {@code application/fhir+json} OperationOutcome, whose issue expressions name the field); every
 * 400 naming in {@code errors[].field} the field or parameter the input changed ({@code body} for a body that is
 * not JSON); and no refused request stores anything: no table of the service's database grows across a 4xx.
 *
 * <p>Inputs per operation: {@value #DEFAULT_INPUTS} by default, {@code -Dfuzz.inputs=10000} (or {@code FUZZ_INPUTS})
 * for the long run.
 */
public final class Fuzz {

    public static final int DEFAULT_INPUTS = 200;

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    /** Callers tried in this order for the one that the matrix lets through. */
    private static final List<Caller> PREFERRED = List.of(Caller.SUPERVISOR, Caller.CASE_MANAGER, Caller.INTAKE_OFFICER,
            Caller.PARTNER_KEY, Caller.PLATFORM_ADMIN, Caller.MINISTRY_ANALYST);
    /** A partner key serves this many requests before a fresh one is taken, under the per-key rate limit. */
    private static final int REQUESTS_PER_PARTNER_KEY = 30;

    /** What the service gives the fuzzer: its recipes, its callers' keys, and how to count its database's rows. */
    public record Target(String service, Map<String, Recipe> recipes, Map<Caller, String> keys,
                         Supplier<String> freshPartnerKey, Supplier<Map<String, Long>> rowCounts, Set<String> auditTables) {
    }

    /** What a run did: operations fuzzed, inputs sent, answers per status, and every broken promise. */
    public record Report(long seed, int operations, int inputs, Map<Integer, Integer> statuses, List<String> failures) {
        public String summary() {
            return "Fuzzing: " + operations + " operations, " + inputs + " inputs (seed " + seed + "), answers by status "
                    + statuses + ", " + failures.size() + " failures";
        }
    }

    private record Param(String name, String in, JsonNode schema) {
    }

    private record Operation(String method, String template, List<Param> params, String mediaType, JsonNode bodySchema) {
        String id() {
            return method.toUpperCase() + " " + template;
        }
    }

    /** One request as sent: where the input differs from the seed, and the field a 400 must name. */
    private static final class Input {
        String description;
        /** The field or parameter changed, which a 400 must name; null where any named field will do. */
        String field;
        /** The input's bytes are not UTF-8 or not JSON: a 400 may name the whole {@code body}. */
        boolean bytesBroken;
        final Map<String, String> pathParams = new LinkedHashMap<>();
        final Map<String, List<String>> query = new LinkedHashMap<>();
        /** Parameters given already percent-encoded (broken encodings on purpose). */
        final Set<String> preEncoded = new TreeSet<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
    }

    private Fuzz() {
    }

    public static int inputsPerOperation() {
        String v = System.getProperty("fuzz.inputs", System.getenv().getOrDefault("FUZZ_INPUTS", ""));
        return v.isBlank() ? DEFAULT_INPUTS : Integer.parseInt(v.trim());
    }

    /** Whether {@code -Dfuzz.only} narrowed the run to some operations (the tests' operation counts then do not hold). */
    public static boolean narrowed() {
        return !System.getProperty("fuzz.only", "").isBlank();
    }

    private static long seed() {
        String v = System.getProperty("fuzz.seed", System.getenv().getOrDefault("FUZZ_SEED", ""));
        return v.isBlank() ? new Random().nextLong() : Long.parseLong(v.trim());
    }

    /** Fuzzes every operation of the service that takes a body or parameters; fails listing every broken promise. */
    public static Report run(Target target) {
        long seed = seed();
        int perOperation = inputsPerOperation();
        JsonNode doc = readTree(RestAssured.given().accept(ContentType.JSON).queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString());
        Map<String, Row> matrix = new LinkedHashMap<>();
        AuthorizationMatrix.rows(target.service()).forEach(r -> matrix.put(r.operation(), r));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = RestAssured.baseURI + ":" + RestAssured.port;

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int operations = 0;
        int inputs = 0;
        String only = System.getProperty("fuzz.only", "");
        List<String> timings = new ArrayList<>();
        for (Operation op : operations(doc)) {
            if (op.params().isEmpty() && op.bodySchema() == null || !op.id().contains(only)) {
                continue;
            }
            long started = System.nanoTime();
            Recipe recipe = target.recipes().get(op.id());
            Row row = matrix.get(op.id());
            if (recipe == null || row == null) {
                failures.add(op.id() + ": no recipe or matrix row to start from");
                continue;
            }
            Caller caller = callerFor(row);
            Call call = recipe.prepare(caller);
            Random random = new Random(seed ^ op.id().hashCode());
            Credentials credentials = new Credentials(caller, target);
            Map<String, Long> rows = target.rowCounts().get();
            operations++;
            for (int i = 0; i < perOperation; i++) {
                Input input = generate(random, op, call, doc);
                if (credentials.renew()) {
                    rows = target.rowCounts().get();      // the new key is the fuzzer's row, not the input's
                }
                HttpResponse<String> response;
                try {
                    response = send(http, request(base, op, input, credentials));
                } catch (Exception e) {
                    failures.add(op.id() + " #" + i + " (" + input.description + "): no answer (" + e + ")");
                    continue;
                }
                inputs++;
                int status = response.statusCode();
                statuses.merge(status, 1, Integer::sum);
                String broken = judge(input, response);
                Map<String, Long> after = target.rowCounts().get();
                if (status >= 400 && status < 500 && broken == null) {
                    // A 409 may show the records it conflicts with (the likely duplicates of a new client): showing
                    // them is a read, which the access log must record. Nothing else may grow.
                    broken = grown(rows, after, status == 409 ? target.auditTables() : Set.of());
                }
                rows = after;
                if (broken != null) {
                    failures.add(op.id() + " #" + i + " (" + input.description + "): " + broken);
                }
            }
            timings.add(op.id() + ": " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        Report report = new Report(seed, operations, inputs, statuses, failures);
        System.out.println(target.service() + ": " + report.summary());
        failures.stream().limit(40).forEach(f -> System.out.println("  " + f));
        writeReport(target.service(), report, timings);
        return report;
    }

    /** The whole report, every failure and the time per operation, in target/fuzz-SERVICE.txt. */
    private static void writeReport(String service, Report report, List<String> timings) {
        List<String> lines = new ArrayList<>();
        lines.add(report.summary());
        lines.add("");
        lines.addAll(report.failures());
        lines.add("");
        lines.addAll(timings);
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
            java.nio.file.Files.write(java.nio.file.Path.of("target", "fuzz-" + service + ".txt"), lines);
        } catch (java.io.IOException e) {
            System.out.println("could not write the fuzz report: " + e);
        }
    }

    /**
     * Sends the request; once more on a fresh connection if the server had closed the pooled one (it closes after
     * refusing a request line it will not read, and the client learns so only on the next request).
     */
    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException closed) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    // ------------------------------------------------------------------ the OpenAPI document

    private static List<Operation> operations(JsonNode doc) {
        List<Operation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>(shared);
                op.getValue().path("parameters").forEach(declared::add);
                for (JsonNode p : declared) {
                    p = resolve(doc, p);
                    String in = p.path("in").asText();
                    if (Set.of("path", "query", "header").contains(in)) {
                        params.add(new Param(p.path("name").asText(), in, resolve(doc, p.path("schema"))));
                    }
                }
                String mediaType = null;
                JsonNode schema = null;
                Iterator<Map.Entry<String, JsonNode>> content = op.getValue().path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> c = content.next();
                    mediaType = c.getKey();
                    schema = resolve(doc, c.getValue().path("schema"));
                }
                out.add(new Operation(op.getKey(), path.getKey(), params, mediaType, schema));
            }
        }
        return out;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        int guard = 0;
        while (node != null && node.has("$ref") && guard++ < 20) {
            String ref = node.get("$ref").asText();
            node = doc.at(ref.substring(1));
        }
        return node;
    }

    /** The schema of the field at {@code path} (object keys and list indexes) within {@code schema}. */
    private static JsonNode schemaAt(JsonNode doc, JsonNode schema, List<Object> path) {
        JsonNode s = resolve(doc, schema);
        for (Object step : path) {
            if (s == null || s.isMissingNode()) {
                return null;
            }
            for (String combined : List.of("allOf", "oneOf", "anyOf")) {
                if (s.has(combined) && s.get(combined).size() > 0) {
                    s = resolve(doc, s.get(combined).get(0));
                }
            }
            s = step instanceof Integer ? resolve(doc, s.path("items")) : resolve(doc, s.path("properties").path((String) step));
        }
        return s == null || s.isMissingNode() ? null : s;
    }

    // ------------------------------------------------------------------ generating one input

    private static Caller callerFor(Row row) {
        for (Caller c : PREFERRED) {
            if (row.expected().get(c) < 300) {
                return c;
            }
        }
        for (Caller c : PREFERRED) {
            int s = row.expected().get(c);
            if (s != 401 && s != 403) {
                return c;
            }
        }
        return Caller.PLATFORM_ADMIN;
    }

    /**
     * A FHIR endpoint answers its errors as an OperationOutcome (FHIR clients read them there): at least one
     * issue with a severity and a code, and a 400 naming the changed parameter in an issue's expression.
     */
    private static String judgeOperationOutcome(Input in, int status, String body) {
        JsonNode outcome;
        try {
            outcome = JSON.readTree(body);
        } catch (Exception e) {
            return "answered " + status + " with FHIR JSON that is not JSON: " + abbreviate(body);
        }
        if (!"OperationOutcome".equals(outcome.path("resourceType").asText()) || outcome.path("issue").isEmpty()
                || outcome.path("issue").path(0).path("severity").asText("").isBlank()
                || outcome.path("issue").path(0).path("code").asText("").isBlank()) {
            return "answered " + status + " as FHIR JSON without an OperationOutcome issue: " + abbreviate(body);
        }
        if (status == 400) {
            List<String> named = new ArrayList<>();
            outcome.path("issue").forEach(i -> i.path("expression").forEach(e -> named.add(e.asText())));
            if (named.isEmpty()) {
                return "answered 400 naming no field: " + abbreviate(body);
            }
            if (in.field != null && named.stream().noneMatch(f -> names(f, in))) {
                return "answered 400 naming " + named + ", not " + in.field + ": " + abbreviate(body);
            }
        }
        return null;
    }

    private static Input seeded(Operation op, Call call) {
        Input in = new Input();
        String path = call.path();
        int q = path.indexOf('?');
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                in.query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            path = path.substring(0, q);
        }
        String[] template = op.template().split("/");
        String[] actual = path.split("/");
        for (int i = 0; i < template.length && i < actual.length; i++) {
            if (template[i].startsWith("{")) {
                in.pathParams.put(template[i].substring(1, template[i].length() - 1), actual[i]);
            }
        }
        return in;
    }

    private static Input generate(Random r, Operation op, Call call, JsonNode doc) {
        Input in = seeded(op, call);
        Object body = call.body() == null ? null : JSON.convertValue(call.body(), Object.class);
        boolean form = op.mediaType() != null && op.mediaType().contains("form");
        boolean bodyFuzz = op.bodySchema() != null && (op.params().isEmpty() || r.nextInt(4) != 0);
        if (!bodyFuzz) {
            Param p = op.params().get(r.nextInt(op.params().size()));
            mutateParameter(r, in, p);
        } else {
            int kind = r.nextInt(100);
            if (kind < 14) {
                List<byte[]> bodies = FuzzValues.malformedBodies(r, new String(write(body, form), StandardCharsets.UTF_8));
                int i = r.nextInt(bodies.size());
                in.description = "malformed body #" + i;
                in.field = null;
                in.bytesBroken = true;
                in.body = bodies.get(i);
                return in;
            }
            List<List<Object>> fields = new ArrayList<>();
            collectFields(body, op.bodySchema(), doc, new ArrayList<>(), fields);
            if (fields.isEmpty() || !(body instanceof Map || body instanceof List)) {
                in.description = "body replaced by a hostile value";
                in.field = null;
                in.bytesBroken = true;
                body = FuzzValues.field(r, null, body);
            } else {
                List<Object> at = fields.get(r.nextInt(fields.size()));
                String name = dotted(at);
                if (kind < 24) {
                    body = remove(body, at);
                    in.description = "without " + name;
                    in.field = name;
                } else if (kind < 32) {
                    List<Object> parent = at.subList(0, at.size() - 1);
                    String extra = FuzzValues.extraFieldName(r);
                    List<Object> extraPath = new ArrayList<>(parent);
                    extraPath.add(extra);
                    Object value = FuzzValues.field(r, null, null);
                    body = put(body, extraPath, value);
                    in.description = "undeclared field '" + abbreviate(extra) + "' = " + describe(value);
                    in.field = null;
                } else if (kind < 38 && !form) {
                    InvalidUtf8 bad = FuzzValues.invalidUtf8(r);
                    body = put(body, at, bad);
                    in.description = name + " with invalid UTF-8";
                    in.field = name;
                    in.bytesBroken = true;
                } else {
                    Object value = FuzzValues.field(r, schemaAt(doc, op.bodySchema(), at), get(body, at));
                    body = put(body, at, value);
                    in.description = name + " = " + describe(value);
                    in.field = name;
                }
            }
        }
        in.body = op.bodySchema() == null ? null : write(body, form);
        if (in.description == null) {
            in.description = "?";
        }
        return in;
    }

    private static void mutateParameter(Random r, Input in, Param p) {
        int kind = r.nextInt(10);
        String value = FuzzValues.parameter(r, p.schema() == null ? JSON.createObjectNode() : p.schema());
        in.field = p.name();
        switch (p.in()) {
            case "path" -> {
                if (kind == 0) {
                    // percent-encoded bytes that are not text; never %2F or dot segments, which lead elsewhere
                    value = FuzzValues.pick(r, List.of("%C3%28", "%FF", "%00", "%E2%80%AE", "%0A"));
                    in.preEncoded.add(p.name());
                }
                in.pathParams.put(p.name(), value);
            }
            case "header" -> {
                // HTTP carries only visible ASCII in a header; keep within what a server reads at all (8 KB).
                StringBuilder ascii = new StringBuilder();
                for (char c : value.toCharArray()) {
                    ascii.append(c >= 0x20 && c < 0x7F ? c : 'x');
                }
                in.headers.put(p.name(), ascii.length() > 4000 ? ascii.substring(0, 4000) : ascii.toString());
                value = ascii.toString();
            }
            default -> {
                if (kind == 0) {
                    in.query.remove(p.name());
                    in.description = "without parameter " + p.name();
                    return;
                }
                if (kind == 1) {
                    in.query.put(p.name(), List.of(value, FuzzValues.pick(r, FuzzValues.EDGE_STRINGS)));
                    in.description = "parameter " + p.name() + " given twice";
                    return;
                }
                if (kind == 2) {
                    value = FuzzValues.pick(r, List.of("%C3%28", "%FF", "%00", "%E2%80%AE", "%0A%0D"));
                    in.preEncoded.add(p.name());
                }
                in.query.put(p.name(), List.of(value));
            }
        }
        in.description = p.in() + " parameter " + p.name() + " = " + describe(value);
    }

    // ------------------------------------------------------------------ sending and judging

    /** The caller's credentials; a partner key is renewed every few requests, under its rate limit. */
    private static final class Credentials {
        final Caller caller;
        final Target target;
        String key;
        int used;

        Credentials(Caller caller, Target target) {
            this.caller = caller;
            this.target = target;
            this.key = target.keys().get(caller);
        }

        /** Takes a fresh partner key when this one has served its share; whether it did. */
        boolean renew() {
            if (caller == Caller.PARTNER_KEY && target.freshPartnerKey() != null && ++used > REQUESTS_PER_PARTNER_KEY) {
                key = target.freshPartnerKey().get();
                used = 1;
                return true;
            }
            return false;
        }

        void apply(HttpRequest.Builder b) {
            if (caller.demoUser() != null) {
                b.header("Authorization", Tokens.bearer(caller.demoUser()));
                return;
            }
            if (key != null) {
                b.header("X-API-Key", key);
            }
        }
    }

    private static HttpRequest request(String base, Operation op, Input in, Credentials credentials) {
        StringBuilder url = new StringBuilder(base);
        for (String segment : op.template().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            url.append('/');
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                String v = in.pathParams.getOrDefault(name, "");
                url.append(in.preEncoded.contains(name) ? v : encode(v));
            } else {
                url.append(segment);
            }
        }
        char sep = '?';
        for (Map.Entry<String, List<String>> q : in.query.entrySet()) {
            for (String v : q.getValue()) {
                url.append(sep).append(encode(q.getKey())).append('=')
                        .append(in.preEncoded.contains(q.getKey()) ? v : encode(v));
                sep = '&';
            }
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(60));
        credentials.apply(b);
        in.headers.forEach(b::header);
        if (in.body != null) {
            b.header("Content-Type", op.mediaType() == null ? "application/json" : op.mediaType());
            b.method(op.method().toUpperCase(), HttpRequest.BodyPublishers.ofByteArray(in.body));
        } else {
            b.method(op.method().toUpperCase(), HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    private static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What is wrong with the answer, or null. */
    private static String judge(Input in, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            return "answered " + status + ": " + abbreviate(body);
        }
        if (status < 400) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("application/fhir+json")) {
            return judgeOperationOutcome(in, status, body);
        }
        if (!type.startsWith("application/problem+json")) {
            return "answered " + status + " as '" + type + "', not application/problem+json: " + abbreviate(body);
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (Exception e) {
            return "answered " + status + " with a problem that is not JSON: " + abbreviate(body);
        }
        if (problem.path("status").asInt() != status || problem.path("title").asText("").isBlank()) {
            return "answered " + status + " with a problem without its status and title: " + abbreviate(body);
        }
        if (status == 400) {
            List<String> named = new ArrayList<>();
            problem.path("errors").forEach(e -> named.add(e.path("field").asText()));
            if (named.isEmpty()) {
                return "answered 400 naming no field: " + abbreviate(body);
            }
            if (in.field != null && named.stream().noneMatch(f -> names(f, in))) {
                return "answered 400 naming " + named + ", not " + in.field + ": " + abbreviate(body);
            }
        }
        return null;
    }

    /**
     * Whether a problem's field names the changed one: itself, a field within it, the object holding it, or — for
     * the rules that tie fields together ("give the service, or at least its category") — a field beside it.
     */
    private static boolean names(String problemField, Input in) {
        String f = problemField.replaceAll("\\[(\\d+)]", ".$1");
        String changed = in.field;
        return f.equals(changed) || f.startsWith(changed + ".") || changed.startsWith(f + ".")
                || parent(f).equals(parent(changed)) || in.bytesBroken && f.equals("body");
    }

    private static String parent(String dotted) {
        int i = dotted.lastIndexOf('.');
        return i < 0 ? "" : dotted.substring(0, i);
    }

    private static String grown(Map<String, Long> before, Map<String, Long> after, Set<String> allowed) {
        List<String> grew = new ArrayList<>();
        after.forEach((table, n) -> {
            long was = before.getOrDefault(table, 0L);
            if (n > was && !allowed.contains(table)) {
                grew.add(table + " +" + (n - was));
            }
        });
        return grew.isEmpty() ? null : "refused, yet stored rows: " + grew;
    }

    // ------------------------------------------------------------------ bodies as trees

    @SuppressWarnings("unchecked")
    private static void collectFields(Object node, JsonNode schema, JsonNode doc, List<Object> at, List<List<Object>> out) {
        if (node instanceof Map<?, ?> m) {
            Set<String> names = new TreeSet<>((Set<String>) m.keySet());
            JsonNode s = schemaAt(doc, schema, at);
            if (s != null) {
                s.path("properties").fieldNames().forEachRemaining(names::add);
            }
            for (String name : names) {
                List<Object> p = new ArrayList<>(at);
                p.add(name);
                out.add(p);
                collectFields(((Map<String, Object>) m).get(name), schema, doc, p, out);
            }
        } else if (node instanceof List<?> l && !l.isEmpty()) {
            List<Object> p = new ArrayList<>(at);
            p.add(0);
            out.add(p);
            collectFields(l.get(0), schema, doc, p, out);
        }
    }

    private static String dotted(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object step : path) {
            if (!b.isEmpty()) {
                b.append('.');
            }
            b.append(step);
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static Object get(Object root, List<Object> path) {
        Object node = root;
        for (Object step : path) {
            if (node instanceof Map<?, ?> m) {
                node = ((Map<String, Object>) m).get(String.valueOf(step));
            } else if (node instanceof List<?> l && step instanceof Integer i && i < l.size()) {
                node = l.get(i);
            } else {
                return null;
            }
        }
        return node;
    }

    /** A copy of the tree with the value at {@code path} set (parents made as needed). */
    @SuppressWarnings("unchecked")
    private static Object put(Object root, List<Object> path, Object value) {
        Object copy = FuzzValues.copy(root);
        Object node = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            Object next = node instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(String.valueOf(step))
                    : ((List<Object>) node).get((Integer) step);
            if (!(next instanceof Map) && !(next instanceof List)) {
                next = new LinkedHashMap<String, Object>();
                if (node instanceof Map<?, ?> m) {
                    ((Map<String, Object>) m).put(String.valueOf(step), next);
                } else {
                    ((List<Object>) node).set((Integer) step, next);
                }
            }
            node = next;
        }
        Object last = path.get(path.size() - 1);
        if (node instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put(String.valueOf(last), value);
        } else if (node instanceof List<?> l && last instanceof Integer i) {
            ((List<Object>) l).set(i, value);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object remove(Object root, List<Object> path) {
        Object copy = FuzzValues.copy(root);
        Object parent = get(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).remove(String.valueOf(last));
        } else if (parent instanceof List<?> l && last instanceof Integer i && i < l.size()) {
            ((List<Object>) l).remove((int) i);
        }
        return copy;
    }

    /** The body as bytes: JSON (non-ASCII escaped, so lone surrogates travel as written) or a form. */
    private static byte[] write(Object body, boolean form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (form) {
            StringBuilder b = new StringBuilder();
            if (body instanceof Map<?, ?> m) {
                m.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(encode(String.valueOf(k))).append('=')
                        .append(encode(v == null ? "" : v instanceof InvalidUtf8 ? "x" : String.valueOf(v))));
            } else {
                b.append(encode(String.valueOf(body)));
            }
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }
        writeJson(body, out);
        return out.toByteArray();
    }

    private static void writeJson(Object v, ByteArrayOutputStream out) {
        if (v == null) {
            ascii(out, "null");
        } else if (v instanceof Raw raw) {
            ascii(out, raw.json());
        } else if (v instanceof InvalidUtf8 bad) {
            out.write('"');
            out.writeBytes(bad.bytes());
            out.write('"');
        } else if (v instanceof String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    b.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7E) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            ascii(out, b.append('"').toString());
        } else if (v instanceof Number || v instanceof Boolean) {
            ascii(out, String.valueOf(v));
        } else if (v instanceof Map<?, ?> m) {
            out.write('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                writeJson(String.valueOf(e.getKey()), out);
                out.write(':');
                writeJson(e.getValue(), out);
            }
            out.write('}');
        } else if (v instanceof List<?> l) {
            out.write('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                writeJson(l.get(i), out);
            }
            out.write(']');
        } else {
            writeJson(JSON.convertValue(v, Object.class), out);
        }
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String describe(Object value) {
        if (value instanceof Raw raw) {
            return abbreviate(raw.json());
        }
        if (value instanceof String s) {
            return "\"" + abbreviate(s) + "\" (" + s.length() + " chars)";
        }
        if (value instanceof List<?> l) {
            return "[" + l.size() + " items]";
        }
        return abbreviate(String.valueOf(value));
    }

    /** At most 160 characters, controls and invisible characters shown as escapes so a report stays one line each. */
    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 160; i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (c < 0x20 || c == 0x7F || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.NON_SPACING_MARK || c >= 0xFFF0) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return s.length() > 160 ? b + "… (" + s.length() + " chars)" : b.toString();
    }

    private static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
