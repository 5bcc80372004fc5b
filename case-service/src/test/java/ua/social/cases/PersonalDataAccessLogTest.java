package ua.social.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.cases.support.Api.as;
import static ua.social.cases.support.Api.client;
import static ua.social.cases.support.Api.uniqueBirthDate;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.INTAKE_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER2_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_VINNYTSIA;

/**
 * Every response that shows a person's data writes an access-log entry, one per person shown. The operations
 * are not listed by hand: they are read from the service's own OpenAPI document (every operation whose response
 * schema carries a field naming or identifying a person), and each must have a walk below, so a new operation
 * that shows people cannot be forgotten.
 */
@QuarkusTest
class PersonalDataAccessLogTest {

    /** Fields that name or identify a person: a response schema carrying one of them shows a person's data. */
    static final Set<String> PERSONAL_FIELDS = Set.of("lastName", "firstName", "patronymic", "dateOfBirth", "rnokpp",
            "phone", "email", "address", "idpCertificateNumber", "clientId");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record whose access log a Poltava supervisor reads: "clients" or "cases", and its id. */
    private record Seen(String kind, String id) {
        static Seen client(String id) {
            return new Seen("clients", id);
        }

        static Seen caseFile(String id) {
            return new Seen("cases", id);
        }
    }

    private static JsonNode openApi() throws Exception {
        return JSON.readTree(given().accept("application/json").queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    private static Set<String> fieldsOf(JsonNode schema, JsonNode schemas, Set<String> visited) {
        Set<String> out = new HashSet<>();
        if (schema == null || !schema.isObject()) {
            return out;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            if (visited.add(name)) {
                out.addAll(fieldsOf(schemas.get(name), schemas, visited));
            }
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> p = props.next();
            out.add(p.getKey());
            out.addAll(fieldsOf(p.getValue(), schemas, visited));
        }
        for (String nested : List.of("items", "additionalProperties")) {
            out.addAll(fieldsOf(schema.get(nested), schemas, visited));
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode s : schema.path(combined)) {
                out.addAll(fieldsOf(s, schemas, visited));
            }
        }
        return out;
    }

    /** "METHOD /path" → the response schemas of each operation, as the OpenAPI document describes them. */
    private static Map<String, List<JsonNode>> responseSchemas(JsonNode doc) {
        Map<String, List<JsonNode>> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                List<JsonNode> schemas = new ArrayList<>();
                op.getValue().path("responses").forEach(r -> r.path("content").forEach(c -> schemas.add(c.path("schema"))));
                out.put(op.getKey().toUpperCase() + " " + path.getKey(), schemas);
            }
        }
        return out;
    }

    @Test
    void everyOperationDescribesTheSchemaOfWhatItAnswers() throws Exception {
        List<String> undescribed = new ArrayList<>();
        responseSchemas(openApi()).forEach((op, schemas) -> {
            if (schemas.stream().anyMatch(s -> s.isEmpty())) {
                undescribed.add(op);
            }
        });
        assertEquals(List.of(), undescribed, "operations whose response has no schema cannot be checked for personal "
                + "data; describe them with @APIResponse(content = @Content(schema = ...))");
    }

    @Test
    void everyResponseShowingAPersonsDataWritesOneAccessLogEntryPerPersonShown() throws Exception {
        JsonNode doc = openApi();
        JsonNode schemas = doc.path("components").path("schemas");
        Set<String> personal = new TreeSet<>();
        responseSchemas(doc).forEach((op, list) -> {
            Set<String> fields = new HashSet<>();
            list.forEach(s -> fields.addAll(fieldsOf(s, schemas, new HashSet<>())));
            fields.retainAll(PERSONAL_FIELDS);
            if (!fields.isEmpty()) {
                personal.add(op);
            }
        });
        Map<String, Runnable> walks = walks();
        assertEquals(personal, new TreeSet<>(walks.keySet()),
                "each operation whose response shows a person's data needs a walk here (and only those)");
        assertTrue(personal.size() >= 25, "the OpenAPI document lists " + personal.size() + " such operations");
        walks.forEach((op, walk) -> {
            try {
                walk.run();
            } catch (AssertionError e) {
                throw new AssertionError(op + ": " + e.getMessage(), e);
            }
        });
    }

    // ------------------------------------------------------------------ how each operation is walked

    private static long entries(Seen s) {
        return as(SUPERVISOR_POLTAVA).queryParam("size", "1").get("/" + s.kind() + "/" + s.id() + "/access-log")
                .then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    private static String newestReader(Seen s) {
        return as(SUPERVISOR_POLTAVA).queryParam("size", "1").get("/" + s.kind() + "/" + s.id() + "/access-log")
                .then().statusCode(200).extract().path("items[0].username");
    }

    /** Runs the call and asserts exactly one new entry, by the caller, for every person (record) it shows. */
    private static void logsOncePerPerson(String caller, List<Seen> shown, Runnable call) {
        Map<Seen, Long> before = new LinkedHashMap<>();
        shown.forEach(s -> before.put(s, entries(s)));
        call.run();
        for (Seen s : shown) {
            assertEquals(before.get(s) + 1, entries(s), "one new access-log entry for " + s);
            assertEquals(caller, newestReader(s), "the entry names the caller, for " + s);
        }
    }

    /** For a record the call created: its log holds exactly the one entry of that response. */
    private static void loggedOnceSinceCreated(String caller, Seen s) {
        assertEquals(1, entries(s), "one access-log entry for the new " + s);
        assertEquals(caller, newestReader(s));
    }

    private static String clientNamed(String lastName) {
        Map<String, Object> body = client(lastName, "Ганна", uniqueBirthDate());
        body.put("confirmedNotDuplicate", true);
        return as(INTAKE_POLTAVA).body(body).post("/clients").then().statusCode(201).extract().path("id");
    }

    private static String household(String... members) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            list.add(Map.of("clientId", members[i], "relation", i == 0 ? "HEAD" : "CHILD"));
        }
        return as(INTAKE_POLTAVA).body(Map.of("name", "Родина", "members", list)).post("/households")
                .then().statusCode(201).extract().path("id");
    }

    private static String openCase() {
        return Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");
    }

    private static String etag(String caseId) {
        return as(SUPERVISOR_POLTAVA).get("/cases/" + caseId).then().statusCode(200).extract().header("ETag");
    }

    /** The reference Vinnytsia's front office gets for a Poltava client. */
    private static String referenceFor(String clientId) {
        Map<String, Object> shown = as(INTAKE_POLTAVA).get("/clients/" + clientId).then().extract().as(Map.class);
        return as(INTAKE_VINNYTSIA).queryParam("lastName", shown.get("lastName"))
                .queryParam("firstName", shown.get("firstName")).queryParam("dateOfBirth", shown.get("dateOfBirth"))
                .get("/clients/likely-duplicates").then().statusCode(200).extract().path("recordsElsewhere[0].reference");
    }

    private static String request(String reference) {
        return as(SUPERVISOR_VINNYTSIA).body(Map.of("reference", reference, "reason", "Звернулася у Вінниці"))
                .post("/record-requests").then().statusCode(201).extract().path("id");
    }

    private static String recordRequestFor(String clientId) {
        return request(referenceFor(clientId));
    }

    private static Map<String, Runnable> walks() {
        Map<String, Runnable> w = new TreeMap<>();

        // Clients
        w.put("POST /clients", () -> {
            Map<String, Object> body = client("Записана-" + Api.letters((int) (System.nanoTime() % 50000)), "Ганна",
                    uniqueBirthDate());
            String id = as(INTAKE_POLTAVA).body(body).post("/clients").then().statusCode(201).extract().path("id");
            loggedOnceSinceCreated(INTAKE_POLTAVA, Seen.client(id));
        });
        w.put("GET /clients", () -> {
            String fragment = "Пошуковенко" + Api.letters((int) (System.nanoTime() % 50000));
            String a = clientNamed(fragment);
            String b = clientNamed(fragment);
            logsOncePerPerson(MANAGER2_POLTAVA, List.of(Seen.client(a), Seen.client(b)), () ->
                    as(MANAGER2_POLTAVA).queryParam("name", fragment).get("/clients").then().statusCode(200)
                            .body("totalItems", org.hamcrest.Matchers.equalTo(2)));
        });
        w.put("GET /clients/likely-duplicates", () -> {
            LocalDate dob = uniqueBirthDate();
            String last = "Подвійна-" + Api.letters((int) (System.nanoTime() % 50000));
            Map<String, Object> body = client(last, "Ганна", dob);
            String id = as(INTAKE_POLTAVA).body(body).post("/clients").then().statusCode(201).extract().path("id");
            logsOncePerPerson(INTAKE_POLTAVA, List.of(Seen.client(id)), () ->
                    as(INTAKE_POLTAVA).queryParam("lastName", last).queryParam("firstName", "Ганна")
                            .queryParam("dateOfBirth", dob.toString()).get("/clients/likely-duplicates")
                            .then().statusCode(200).body("candidates.id", org.hamcrest.Matchers.contains(id)));
        });
        w.put("GET /clients/{id}", () -> {
            String id = Api.registerClient(INTAKE_POLTAVA);
            logsOncePerPerson(MANAGER1_POLTAVA, List.of(Seen.client(id)), () ->
                    as(MANAGER1_POLTAVA).get("/clients/" + id).then().statusCode(200));
        });
        w.put("PUT /clients/{id}", () -> {
            String id = Api.registerClient(INTAKE_POLTAVA);
            Map<String, Object> shown = as(INTAKE_POLTAVA).get("/clients/" + id).then().extract().as(Map.class);
            Map<String, Object> body = client((String) shown.get("lastName"), "Ганна",
                    LocalDate.parse((String) shown.get("dateOfBirth")));
            body.put("phone", "+380 67 111 22 33");
            logsOncePerPerson(INTAKE_POLTAVA, List.of(Seen.client(id)), () ->
                    as(INTAKE_POLTAVA).body(body).put("/clients/" + id).then().statusCode(200));
        });

        // Households
        w.put("POST /households", () -> {
            String a = Api.registerClient(INTAKE_POLTAVA);
            String b = Api.registerClient(INTAKE_POLTAVA);
            logsOncePerPerson(INTAKE_POLTAVA, List.of(Seen.client(a), Seen.client(b)), () -> household(a, b));
        });
        w.put("GET /households/{id}", () -> {
            String a = Api.registerClient(INTAKE_POLTAVA);
            String b = Api.registerClient(INTAKE_POLTAVA);
            String h = household(a, b);
            logsOncePerPerson(MANAGER2_POLTAVA, List.of(Seen.client(a), Seen.client(b)), () ->
                    as(MANAGER2_POLTAVA).get("/households/" + h).then().statusCode(200));
        });
        w.put("POST /households/{id}/members", () -> {
            String a = Api.registerClient(INTAKE_POLTAVA);
            String b = Api.registerClient(INTAKE_POLTAVA);
            String h = household(a);
            logsOncePerPerson(INTAKE_POLTAVA, List.of(Seen.client(a), Seen.client(b)), () ->
                    as(INTAKE_POLTAVA).body(Map.of("clientId", b, "relation", "CHILD"))
                            .post("/households/" + h + "/members").then().statusCode(200));
        });

        // Appeals
        w.put("POST /appeals", () -> {
            String c = Api.registerClient(INTAKE_POLTAVA);
            logsOncePerPerson(INTAKE_POLTAVA, List.of(Seen.client(c)), () ->
                    Api.recordAppeal(INTAKE_POLTAVA, c, List.of("HOUSING")));
        });
        w.put("GET /appeals", () -> {
            String c = Api.registerClient(INTAKE_POLTAVA);
            Api.recordAppeal(INTAKE_POLTAVA, c, List.of("HOUSING"));
            logsOncePerPerson(MANAGER1_POLTAVA, List.of(Seen.client(c)), () ->
                    as(MANAGER1_POLTAVA).queryParam("clientId", c).get("/appeals").then().statusCode(200)
                            .body("totalItems", org.hamcrest.Matchers.equalTo(1)));
        });
        w.put("GET /appeals/{id}", () -> {
            String c = Api.registerClient(INTAKE_POLTAVA);
            String a = Api.recordAppeal(INTAKE_POLTAVA, c, List.of("HOUSING"));
            logsOncePerPerson(MANAGER1_POLTAVA, List.of(Seen.client(c)), () ->
                    as(MANAGER1_POLTAVA).get("/appeals/" + a).then().statusCode(200));
        });
        w.put("POST /appeals/{id}/resolution", () -> {
            String c = Api.registerClient(INTAKE_POLTAVA);
            String a = Api.recordAppeal(INTAKE_POLTAVA, c, List.of("HOUSING"));
            logsOncePerPerson(INTAKE_POLTAVA, List.of(Seen.client(c)), () ->
                    as(INTAKE_POLTAVA).body(Map.of("outcome", "INFORMATION_PROVIDED"))
                            .post("/appeals/" + a + "/resolution").then().statusCode(200));
        });

        // Cases: the case file shown is the case's access log
        w.put("POST /cases", () -> loggedOnceSinceCreated(INTAKE_POLTAVA, Seen.caseFile(openCase())));
        w.put("GET /cases", () -> {
            String id = openCase();
            logsOncePerPerson(MANAGER1_POLTAVA, List.of(Seen.caseFile(id)), () ->
                    as(MANAGER1_POLTAVA).queryParam("size", "1").get("/cases").then().statusCode(200)
                            .body("items[0].id", org.hamcrest.Matchers.equalTo(id)));
        });
        w.put("GET /cases/{id}", () -> {
            String id = openCase();
            logsOncePerPerson(MANAGER1_POLTAVA, List.of(Seen.caseFile(id)), () ->
                    as(MANAGER1_POLTAVA).get("/cases/" + id).then().statusCode(200));
        });
        w.put("PUT /cases/{id}/assignment", () -> {
            String id = openCase();
            String etag = etag(id);
            logsOncePerPerson(SUPERVISOR_POLTAVA, List.of(Seen.caseFile(id)), () ->
                    as(SUPERVISOR_POLTAVA).header("If-Match", etag).body(Map.of("caseManager", MANAGER2_POLTAVA))
                            .put("/cases/" + id + "/assignment").then().statusCode(200));
        });
        w.put("POST /cases/{id}/transfer", () -> {
            String id = openCase();
            logsOncePerPerson(SUPERVISOR_POLTAVA, List.of(Seen.caseFile(id)), () ->
                    as(SUPERVISOR_POLTAVA).body(Map.of("toCaseManager", MANAGER2_POLTAVA, "reason", "Відпустка"))
                            .post("/cases/" + id + "/transfer").then().statusCode(200));
        });
        w.put("PUT /cases/{id}/team", () -> {
            String id = openCase();
            logsOncePerPerson(MANAGER1_POLTAVA, List.of(Seen.caseFile(id)), () ->
                    as(MANAGER1_POLTAVA).body(Map.of("arrangement", "MULTIDISCIPLINARY", "members", List.of(
                                    Map.of("kind", "PARTNER", "name", "Центр зайнятості"))))
                            .put("/cases/" + id + "/team").then().statusCode(200));
        });
        w.put("POST /cases/{id}/stage", () -> {
            String id = openCase();
            logsOncePerPerson(MANAGER1_POLTAVA, List.of(Seen.caseFile(id)), () ->
                    as(MANAGER1_POLTAVA).body(Map.of("stage", "ASSESSMENT")).post("/cases/" + id + "/stage")
                            .then().statusCode(200));
        });
        w.put("POST /cases/{id}/closure", () -> {
            String id = openCase();
            logsOncePerPerson(MANAGER1_POLTAVA, List.of(Seen.caseFile(id)), () -> close(id));
        });
        w.put("POST /cases/{id}/reopening", () -> {
            String id = openCase();
            close(id);
            logsOncePerPerson(SUPERVISOR_POLTAVA, List.of(Seen.caseFile(id)), () ->
                    as(SUPERVISOR_POLTAVA).body(Map.of("reason", "Повернулася")).post("/cases/" + id + "/reopening")
                            .then().statusCode(200));
        });
        w.put("PUT /cases/{id}/consent", () -> {
            String id = openCase();
            logsOncePerPerson(MANAGER1_POLTAVA, List.of(Seen.caseFile(id)), () ->
                    as(MANAGER1_POLTAVA).body(Api.consent()).put("/cases/" + id + "/consent").then().statusCode(200));
        });
        w.put("POST /cases/{id}/consent/withdrawal", () -> {
            String id = openCase();
            logsOncePerPerson(MANAGER1_POLTAVA, List.of(Seen.caseFile(id)), () ->
                    as(MANAGER1_POLTAVA).body(Map.of("sharingOnly", true)).post("/cases/" + id + "/consent/withdrawal")
                            .then().statusCode(200));
        });

        // Record requests between communities (Poltava holds the record, Vinnytsia asks)
        w.put("POST /record-requests", () -> {
            String c = Api.registerClient(INTAKE_POLTAVA);
            // The requester is shown nobody; the owner's log still records who asked for the person.
            String reference = referenceFor(c);
            logsOncePerPerson(SUPERVISOR_VINNYTSIA, List.of(Seen.client(c)), () -> request(reference));
        });
        w.put("GET /record-requests", () -> {
            String c = Api.registerClient(INTAKE_POLTAVA);
            String r = recordRequestFor(c);
            logsOncePerPerson(SUPERVISOR_POLTAVA, List.of(Seen.client(c)), () ->
                    as(SUPERVISOR_POLTAVA).queryParam("direction", "incoming").queryParam("size", "1").get("/record-requests")
                            .then().statusCode(200).body("items[0].id", org.hamcrest.Matchers.equalTo(r)));
        });
        w.put("GET /record-requests/{id}", () -> {
            String c = Api.registerClient(INTAKE_POLTAVA);
            String r = recordRequestFor(c);
            logsOncePerPerson(SUPERVISOR_POLTAVA, List.of(Seen.client(c)), () ->
                    as(SUPERVISOR_POLTAVA).get("/record-requests/" + r).then().statusCode(200));
        });
        w.put("POST /record-requests/{id}/decision", () -> {
            String c = Api.registerClient(INTAKE_POLTAVA);
            String r = recordRequestFor(c);
            logsOncePerPerson(SUPERVISOR_POLTAVA, List.of(Seen.client(c)), () ->
                    as(SUPERVISOR_POLTAVA).body(Map.of("decision", "DECLINED")).post("/record-requests/" + r + "/decision")
                            .then().statusCode(200).body("client.id", org.hamcrest.Matchers.equalTo(c)));
        });
        return w;
    }

    private static void close(String caseId) {
        as(MANAGER1_POLTAVA).body(Map.of("reason", "GOALS_ACHIEVED", "outcomeEvaluation", "Житло знайдено"))
                .post("/cases/" + caseId + "/closure").then().statusCode(200);
    }
}
