package ua.social.cases.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import ua.social.cases.client.Rnokpp;
import ua.social.identity.testing.Tokens;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Small helpers for driving case-service over HTTP as the demo users do. */
public final class Api {

    private static final AtomicInteger SEQ = new AtomicInteger();

    /** Birth dates handed out in this run: consecutive days from a random start, so none repeats within a run. */
    private static final AtomicInteger BIRTH_DAYS = new AtomicInteger(ThreadLocalRandom.current().nextInt(30000));

    /** Tells this run's test clients apart from those of earlier runs against the same database. */
    private static final String RUN = letters(ThreadLocalRandom.current().nextInt(27 * 27 * 27));

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return given().header("Authorization", Tokens.bearer(username)).contentType(ContentType.JSON);
    }

    /** A valid, random RNOKPP. */
    public static String rnokpp() {
        StringBuilder nine = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            nine.append(ThreadLocalRandom.current().nextInt(10));
        }
        return Rnokpp.withCheckDigit(nine.toString());
    }

    /** A unique, realistic client body; names get a distinct suffix so tests never collide. */
    public static Map<String, Object> client(String lastName, String firstName, LocalDate dob) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("lastName", lastName);
        c.put("firstName", firstName);
        c.put("patronymic", "Петрівна");
        c.put("dateOfBirth", dob.toString());
        c.put("sex", "FEMALE");
        c.put("phone", "+380 50 123 45 67");
        c.put("address", "вул. Соборності, 12, кв. 5");
        c.put("vulnerableGroups", List.of("INTERNALLY_DISPLACED", "FAMILY_WITH_CHILDREN_IN_DIFFICULTY"));
        return c;
    }

    /** A number written in Cyrillic letters, so generated names stay valid names. */
    public static String letters(int n) {
        String abc = "абвгдежзиклмнопрстуфхцчшщюя";
        StringBuilder b = new StringBuilder();
        do {
            b.append(abc.charAt(n % abc.length()));
            n /= abc.length();
        } while (n > 0);
        return b.toString();
    }

    /**
     * A birth date no other client of this run has, so duplicate checks (same date of birth and a close name) stay
     * independent: a random date would repeat among a few hundred clients, and a close name then matches.
     */
    public static LocalDate uniqueBirthDate() {
        return LocalDate.of(1940, 1, 1).plusDays(BIRTH_DAYS.incrementAndGet() % 30000);
    }

    public static String registerClient(String user) {
        Map<String, Object> body = client("Тестова-" + RUN + letters(SEQ.incrementAndGet()), "Ганна", uniqueBirthDate());
        body.put("confirmedNotDuplicate", true);
        return as(user).body(body).post("/clients").then().statusCode(201).extract().path("id");
    }

    public static String recordAppeal(String user, String clientId, List<String> needDomains) {
        return as(user).body(Map.of("clientId", clientId, "channel", "IN_PERSON",
                        "location", "Фронт-офіс ЦНАП", "needDomains", needDomains,
                        "description", "Звернулася щодо житла та виплат"))
                .post("/appeals").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> consent() {
        return Map.of("givenAt", "2026-01-10T10:00:00Z", "processing", true, "sharingWithPartners", true);
    }

    /** Opens a case for a new client of the user's community and returns its id. */
    public static String openCase(String opener, String caseManager, String model) {
        String clientId = registerClient(opener);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"));
        body.put("model", model);
        body.put("consent", consent());
        if (caseManager != null) {
            body.put("caseManager", caseManager);
        }
        return as(opener).body(body).post("/cases").then().statusCode(201).extract().path("id");
    }

    public static Response get(String user, String path) {
        return as(user).get(path);
    }
}
