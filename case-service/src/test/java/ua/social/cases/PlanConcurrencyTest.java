package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER2_POLTAVA;

/** Two people changing two actions of one plan at the same moment both keep their change. */
@QuarkusTest
class PlanConcurrencyTest {

    static final int ROUNDS = 25;
    static final List<String> STATUSES = List.of("IN_PROGRESS", "DONE", "NOT_DONE", "PLANNED", "CANCELLED");

    private static Map<String, Object> action(String description) {
        return Map.of("description", description, "responsibleKind", "STAFF", "responsible", MANAGER2_POLTAVA,
                "deadline", LocalDate.now().plusDays(30).toString());
    }

    @Test
    void concurrentStatusChangesOfTwoActionsOfOnePlanAreBothKept() throws Exception {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER2_POLTAVA, "BROKERAGE");
        as(MANAGER2_POLTAVA).body(Map.of("stage", "ASSESSMENT")).post("/cases/" + caseId + "/stage").then().statusCode(200);
        as(MANAGER2_POLTAVA).body(Map.of("needs", List.of(Map.of("domain", "HOUSING", "severity", "HIGH"))))
                .post("/cases/" + caseId + "/assessments").then().statusCode(201);
        as(MANAGER2_POLTAVA).body(Map.of("stage", "PLANNING")).post("/cases/" + caseId + "/stage").then().statusCode(200);
        JsonPath plan = as(MANAGER2_POLTAVA).body(Map.of("goals", List.of(Map.of("description", "Житло",
                        "needDomains", List.of("HOUSING"),
                        "actions", List.of(action("Заява на житло"), action("Пошук оренди"))))))
                .post("/cases/" + caseId + "/plan/revisions").then().statusCode(201).extract().jsonPath();
        String first = plan.getString("goals[0].actions[0].id");
        String second = plan.getString("goals[0].actions[1].id");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String a = STATUSES.get(round % STATUSES.size());
                String b = STATUSES.get((round + 2) % STATUSES.size());
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> change(caseId, first, a, together), pool);
                CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> change(caseId, second, b, together), pool);
                assertEquals(200, one.get(), "round " + round);
                assertEquals(200, two.get(), "round " + round);
                JsonPath now = as(MANAGER2_POLTAVA).get("/cases/" + caseId + "/plan").then().statusCode(200)
                        .extract().jsonPath();
                assertEquals(a, now.getString("goals[0].actions.find { it.id == '" + first + "' }.status"),
                        "round " + round + ": the first change survived");
                assertEquals(b, now.getString("goals[0].actions.find { it.id == '" + second + "' }.status"),
                        "round " + round + ": the second change survived");
            }
        } finally {
            pool.shutdownNow();
        }
        as(MANAGER2_POLTAVA).get("/cases/" + caseId + "/timeline?size=200").then()
                .body("items.findAll { it.type == 'PLAN_ACTION_UPDATED' }.size()", org.hamcrest.Matchers.equalTo(2 * ROUNDS));
    }

    private static int change(String caseId, String actionId, String status, CyclicBarrier together) {
        var request = as(MANAGER2_POLTAVA).body(Map.of("status", status));
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return request.put("/cases/" + caseId + "/plan/actions/" + actionId + "/status").statusCode();
    }
}
