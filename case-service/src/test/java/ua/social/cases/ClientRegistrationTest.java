package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static ua.social.cases.support.Api.as;
import static ua.social.cases.support.Api.client;
import static ua.social.cases.support.Api.uniqueBirthDate;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.INTAKE_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.MANAGER2_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_VINNYTSIA;

/** The front office registers people: duplicates, search, records, the access log, concurrency, retries. */
@QuarkusTest
class ClientRegistrationTest {

    @Test
    void sameRnokppIsRefusedWithAPointerToTheExistingRecordInYourReach() {
        String rnokpp = Api.rnokpp();
        Map<String, Object> first = client("Шевченко", "Оксана", uniqueBirthDate());
        first.put("rnokpp", rnokpp);
        String id = as(INTAKE_POLTAVA).body(first).post("/clients").then().statusCode(201)
                .body("rnokpp", equalTo(rnokpp)).extract().path("id");

        Map<String, Object> again = client("Петренко", "Ірина", uniqueBirthDate());
        again.put("rnokpp", rnokpp);
        as(MANAGER2_POLTAVA).body(again).post("/clients").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("duplicate-rnokpp"))
                .body("existingClientId", equalTo(id))
                .body("existing.lastName", equalTo("Шевченко"))
                .body("errors[0].field", equalTo("rnokpp"));
        // Another community learns only that the person is registered elsewhere (see RecordRequestTest).
        as(INTAKE_VINNYTSIA).body(again).post("/clients").then().statusCode(409)
                .body("type", containsString("duplicate-rnokpp"))
                .body("existingClientId", equalTo(null))
                .body("recordElsewhere.reference", notNullValue());
        as(INTAKE_VINNYTSIA).queryParam("rnokpp", rnokpp).get("/clients").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void transliteratedCloseNameWithTheSameBirthDateIsALikelyDuplicate() {
        LocalDate dob = uniqueBirthDate();
        String id = as(INTAKE_POLTAVA).body(client("Олійник", "Мар'яна", dob)).post("/clients")
                .then().statusCode(201).extract().path("id");

        // Latin transliteration, another apostrophe, other letter case: still the same person.
        as(INTAKE_POLTAVA).body(client("OLIYNYK", "Maryana", dob)).post("/clients").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("likely-duplicate"))
                .body("likelyDuplicates.id", hasItem(id))
                .body("likelyDuplicates[0].match", equalTo("same name and date of birth"));
        // A typo is close enough; an officer can check before registering.
        as(INTAKE_POLTAVA).queryParam("lastName", "Олiйнік").queryParam("firstName", "Марʼяна")
                .queryParam("dateOfBirth", dob.toString()).get("/clients/likely-duplicates")
                .then().statusCode(200).body("candidates.id", hasItem(id)).body("recordsElsewhere", hasSize(0));
        // Another birth date is another person.
        as(INTAKE_POLTAVA).queryParam("lastName", "Oliinyk").queryParam("firstName", "Mariana")
                .queryParam("dateOfBirth", dob.plusDays(1).toString()).get("/clients/likely-duplicates")
                .then().statusCode(200).body("candidates.id", org.hamcrest.Matchers.not(hasItem(id)));
        // The officer confirms it is a different person: registered.
        Map<String, Object> confirmed = client("OLIYNYK", "Maryana", dob);
        confirmed.put("confirmedNotDuplicate", true);
        as(INTAKE_POLTAVA).body(confirmed).post("/clients").then().statusCode(201);
    }

    @Test
    void searchPagesCountEveryMatchEvenPastTheLastPage() {
        LocalDate dob = uniqueBirthDate();
        List<String> ids = new ArrayList<>();
        for (String firstName : List.of("Анна", "Богдана", "Валерія")) {
            Map<String, Object> c = client("Пагінченко", firstName, dob);
            c.put("confirmedNotDuplicate", true);
            ids.add(as(INTAKE_POLTAVA).body(c).post("/clients").then().statusCode(201).extract().path("id"));
        }
        // in name order, two to a page; every page says how many match in all
        as(INTAKE_POLTAVA).queryParam("name", "пагінченко").queryParam("dateOfBirth", dob.toString())
                .queryParam("size", 2).get("/clients").then().statusCode(200)
                .body("items.id", contains(ids.get(0), ids.get(1))).body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        as(INTAKE_POLTAVA).queryParam("name", "pahinchenko").queryParam("dateOfBirth", dob.toString())
                .queryParam("size", 2).queryParam("page", 1).get("/clients").then().statusCode(200)
                .body("items.id", contains(ids.get(2))).body("totalItems", equalTo(3));
        as(INTAKE_POLTAVA).queryParam("name", "пагінченко").queryParam("dateOfBirth", dob.toString())
                .queryParam("size", 2).queryParam("page", 2).get("/clients").then().statusCode(200)
                .body("items", hasSize(0)).body("totalItems", equalTo(3)).body("page", equalTo(2));
        // without a name (the count is a statement of its own there), the same pages and the same count
        as(INTAKE_POLTAVA).queryParam("dateOfBirth", dob.toString()).queryParam("size", 2).get("/clients")
                .then().statusCode(200).body("items.id", contains(ids.get(0), ids.get(1))).body("totalItems", equalTo(3));
        as(INTAKE_POLTAVA).queryParam("dateOfBirth", dob.toString()).queryParam("size", 2).queryParam("page", 1)
                .get("/clients").then().statusCode(200).body("items.id", contains(ids.get(2)))
                .body("totalItems", equalTo(3));
        // another community's officer finds none of them
        as(INTAKE_VINNYTSIA).queryParam("name", "пагінченко").queryParam("dateOfBirth", dob.toString())
                .queryParam("page", 1).get("/clients").then().statusCode(200)
                .body("items", hasSize(0)).body("totalItems", equalTo(0));
    }

    @Test
    void searchByCyrillicOrLatinFragmentWithinOwnCommunity() {
        LocalDate dob = uniqueBirthDate();
        Map<String, Object> c = client("Ґудзь-Їжакевич", "Євгенія", dob);
        c.put("confirmedNotDuplicate", true);
        String id = as(INTAKE_POLTAVA).body(c).post("/clients").then().statusCode(201).extract().path("id");

        as(INTAKE_POLTAVA).queryParam("name", "ґудзь").get("/clients").then().statusCode(200)
                .body("items.id", hasItem(id));
        as(INTAKE_POLTAVA).queryParam("name", "Gudz Yizhakevych").get("/clients").then().statusCode(200)
                .body("items.id", hasItem(id));
        as(INTAKE_POLTAVA).queryParam("name", "yevheniia").queryParam("dateOfBirth", dob.toString())
                .get("/clients").then().statusCode(200).body("items.id", contains(id));
        // Another community's officer does not find the person, and cannot open the record.
        as(INTAKE_VINNYTSIA).queryParam("name", "ґудзь").get("/clients").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        as(INTAKE_VINNYTSIA).get("/clients/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyReadOfAClientRecordIsInTheAccessLog() {
        String id = Api.registerClient(INTAKE_POLTAVA);
        as(MANAGER2_POLTAVA).get("/clients/" + id).then().statusCode(200);
        as(INTAKE_POLTAVA).get("/clients/" + id).then().statusCode(200);

        as(SUPERVISOR_POLTAVA).get("/clients/" + id + "/access-log").then().statusCode(200)
                .body("items.username", contains(INTAKE_POLTAVA, MANAGER2_POLTAVA, INTAKE_POLTAVA))
                .body("items.action", contains("client record", "client record", "client registered"))
                .body("items[0].accessedAt", notNullValue());
        // Only supervisors, and only of the community.
        as(MANAGER2_POLTAVA).get("/clients/" + id + "/access-log").then().statusCode(403);
        as(SUPERVISOR_VINNYTSIA).get("/clients/" + id + "/access-log").then().statusCode(404);
    }

    @Test
    void aStaleUpdateIsRefusedAndChangesNothing() {
        String id = Api.registerClient(INTAKE_POLTAVA);
        var read = as(INTAKE_POLTAVA).get("/clients/" + id);
        String etag = read.header("ETag");
        Map<String, Object> body = client(read.path("lastName"), "Ганна", LocalDate.parse(read.path("dateOfBirth")));
        body.put("phone", "+380 67 000 11 22");
        as(INTAKE_POLTAVA).header("If-Match", etag).body(body).put("/clients/" + id).then().statusCode(200)
                .body("phone", equalTo("+380 67 000 11 22"));

        body.put("phone", "+380 99 999 99 99");
        as(MANAGER2_POLTAVA).header("If-Match", etag).body(body).put("/clients/" + id).then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", containsString("stale-version"));
        as(INTAKE_POLTAVA).get("/clients/" + id).then().body("phone", equalTo("+380 67 000 11 22"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesNothingNew() {
        LocalDate dob = uniqueBirthDate();
        Map<String, Object> c = client("Бондар", "Людмила", dob);
        String key = UUID.randomUUID().toString();
        String id = as(INTAKE_POLTAVA).header("Idempotency-Key", key).body(c).post("/clients")
                .then().statusCode(201).extract().path("id");
        as(INTAKE_POLTAVA).header("Idempotency-Key", key).body(c).post("/clients")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", containsString("/clients/" + id))
                .body("id", equalTo(id));
        as(INTAKE_POLTAVA).queryParam("dateOfBirth", dob.toString()).get("/clients").then()
                .body("items", hasSize(1));
        // The same key for another request is a client error.
        c.put("firstName", "Лариса");
        as(INTAKE_POLTAVA).header("Idempotency-Key", key).body(c).post("/clients")
                .then().statusCode(422).body("type", containsString("idempotency-key-reused"));
    }

    @Test
    void invalidRnokppIsRefusedNamingTheField() {
        Map<String, Object> c = client("Коваль", "Ніна", uniqueBirthDate());
        c.put("rnokpp", "1234567890");
        as(INTAKE_POLTAVA).body(c).post("/clients").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("rnokpp"));
    }

    @Test
    void householdsGroupClientsWithTheirRelations() {
        String mother = Api.registerClient(INTAKE_POLTAVA);
        String son = Api.registerClient(INTAKE_POLTAVA);
        String hh = as(INTAKE_POLTAVA).body(Map.of("name", "Родина Тестових", "members", java.util.List.of(
                        Map.of("clientId", mother, "relation", "HEAD"), Map.of("clientId", son, "relation", "CHILD"))))
                .post("/households").then().statusCode(201).body("members", hasSize(2)).extract().path("id");
        as(MANAGER2_POLTAVA).get("/households/" + hh).then().statusCode(200)
                .body("members.find { it.clientId == '" + son + "' }.relation", equalTo("CHILD"));
        as(INTAKE_VINNYTSIA).get("/households/" + hh).then().statusCode(404);
    }
}
