package ua.social.referral;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.referral.support.Api.PartnerSetup;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static ua.social.identity.testing.DemoUsers.ADMIN;
import static ua.social.identity.testing.DemoUsers.ANALYST;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.POLTAVA_CITY_COMMUNITY;
import static ua.social.identity.testing.DemoUsers.POLTAVA_OBLAST;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_HROMADA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_OBLAST;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.locationBody;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.partnerBody;
import static ua.social.referral.support.Api.serviceBody;
import static ua.social.referral.support.Api.uniqueName;

/** The partner directory: maintained by admins and supervisors, searched by staff, exported as HSDS. */
@QuarkusTest
class PartnerDirectoryTest {

    @Test
    void anOrganisationWithLocationsHoursContactsAndServices() {
        String name = uniqueName("Полтавський центр зайнятості");
        Map<String, Object> body = partnerBody(name, "EMPLOYMENT");
        body.put("edrpou", String.format("%08d", System.nanoTime() % 100_000_000L));
        String id = as(SUPERVISOR_POLTAVA).body(body).post("/partners").then().statusCode(201)
                .header("Location", containsString("/partners/"))
                .body("sector", equalTo("EMPLOYMENT")).body("active", equalTo(true))
                .body("contacts[0].name", equalTo("Ірина Петренко"))
                .body("createdBy", equalTo(SUPERVISOR_POLTAVA)).extract().path("id");
        String locationId = as(ADMIN).body(locationBody(POLTAVA_OBLAST, POLTAVA_CITY_COMMUNITY))
                .post("/partners/" + id + "/locations").then().statusCode(201)
                .body("hromada", equalTo(POLTAVA_CITY_COMMUNITY)).body("hours[0].days", hasSize(5))
                .body("hours[0].opensAt", equalTo("09:00:00")).extract().path("id");
        String serviceId = as(ADMIN).body(serviceBody("EMPLOYMENT", locationId))
                .post("/partners/" + id + "/services").then().statusCode(201)
                .body("category", equalTo("EMPLOYMENT")).body("feeFree", equalTo(true))
                .body("languages", equalTo(List.of("uk", "en"))).body("locationIds", equalTo(List.of(locationId)))
                .extract().path("id");

        as(MANAGER1_POLTAVA).get("/partners/" + id).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo(name)).body("locations[0].id", equalTo(locationId))
                .body("services[0].id", equalTo(serviceId)).body("contacts", hasSize(1));

        // Search by sector, service category and community; the analyst reads the directory too.
        as(MANAGER1_POLTAVA).queryParam("sector", "EMPLOYMENT").queryParam("category", "EMPLOYMENT")
                .queryParam("hromada", POLTAVA_CITY_COMMUNITY).queryParam("size", 200).get("/partners")
                .then().statusCode(200).body("items.id", hasItem(id))
                .body("items.sector", everyItem(equalTo("EMPLOYMENT")))
                .body("totalItems", greaterThanOrEqualTo(1));
        as(ANALYST).queryParam("q", name).get("/partners").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].hromadas", equalTo(List.of(POLTAVA_CITY_COMMUNITY)))
                .body("items[0].services[0].category", equalTo("EMPLOYMENT"));
        as(MANAGER1_POLTAVA).queryParam("hromada", VINNYTSIA_HROMADA).queryParam("size", 200).get("/partners")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        as(MANAGER1_POLTAVA).queryParam("category", "MEDICAL").queryParam("size", 200).get("/partners")
                .then().statusCode(200).body("items.id", not(hasItem(id)));

        // A deactivated service no longer makes the organisation match its category.
        Map<String, Object> inactive = serviceBody("EMPLOYMENT", locationId);
        inactive.put("active", false);
        as(ADMIN).body(inactive).put("/partners/" + id + "/services/" + serviceId).then().statusCode(200)
                .body("active", equalTo(false));
        as(MANAGER1_POLTAVA).queryParam("category", "EMPLOYMENT").queryParam("q", name).get("/partners")
                .then().statusCode(200).body("items", hasSize(0));

        // The same EDRPOU cannot be registered twice.
        Map<String, Object> twin = partnerBody(uniqueName("Двійник"), "OTHER");
        twin.put("edrpou", body.get("edrpou"));
        as(ADMIN).body(twin).post("/partners").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("edrpou"));
    }

    @Test
    void onlyAdminsAndSupervisorsMaintainTheDirectory() {
        as(MANAGER1_POLTAVA).body(partnerBody(uniqueName("Ні"), "HEALTH")).post("/partners")
                .then().statusCode(403).contentType("application/problem+json");
        PartnerSetup p = newPartner("HEALTH", "MEDICAL");
        as(ANALYST).body(locationBody(POLTAVA_OBLAST, POLTAVA_CITY_COMMUNITY)).post("/partners/" + p.partnerId() + "/locations")
                .then().statusCode(403);
    }

    @Test
    void optimisticLockingOnTheProfile() {
        PartnerSetup p = newPartner("LEGAL_AID", "LEGAL");
        String etag = as(ADMIN).get("/partners/" + p.partnerId()).then().statusCode(200).extract().header("ETag");
        Map<String, Object> changed = partnerBody(p.name(), "LEGAL_AID");
        changed.put("description", "Оновлений опис");
        as(ADMIN).header("If-Match", etag).body(changed).put("/partners/" + p.partnerId()).then().statusCode(200)
                .body("description", equalTo("Оновлений опис"));
        as(ADMIN).header("If-Match", etag).body(changed).put("/partners/" + p.partnerId()).then().statusCode(412)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        String name = uniqueName("Невдалий");
        as(ADMIN).body("{\"name\": \"x\", ").post("/partners").then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("malformed-json"));
        Map<String, Object> badSector = partnerBody(name, "SPACE_AGENCY");
        as(ADMIN).body(badSector).post("/partners").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sector"))
                .body("detail", containsString("HEALTH"));
        Map<String, Object> longName = partnerBody("Я".repeat(301), "HEALTH");
        as(ADMIN).body(longName).post("/partners").then().statusCode(400).body("errors[0].field", equalTo("name"));
        as(ADMIN).body(Map.of()).post("/partners").then().statusCode(400).body("errors.field", hasItem("sector"));
        as(ADMIN).contentType("application/json").post("/partners").then().statusCode(400)
                .contentType("application/problem+json");
        as(ADMIN).queryParam("q", name).get("/partners").then().statusCode(200).body("items", hasSize(0));

        PartnerSetup p = newPartner("HOUSING", "HOUSING");
        String locations = "/partners/" + p.partnerId() + "/locations";
        Map<String, Object> badTime = locationBody(POLTAVA_OBLAST, POLTAVA_CITY_COMMUNITY);
        badTime.put("hours", List.of(Map.of("days", List.of("MO"), "opensAt", "25:00", "closesAt", "18:00")));
        as(ADMIN).body(badTime).post(locations).then().statusCode(400).body("errors[0].field", containsString("opensAt"));
        Map<String, Object> reversed = locationBody(POLTAVA_OBLAST, POLTAVA_CITY_COMMUNITY);
        reversed.put("hours", List.of(Map.of("days", List.of("MO"), "opensAt", "18:00", "closesAt", "09:00")));
        as(ADMIN).body(reversed).post(locations).then().statusCode(400)
                .body("errors[0].field", equalTo("hours[0].closesAt"));
        as(ADMIN).body(locationBody(POLTAVA_OBLAST, VINNYTSIA_HROMADA)).post(locations).then().statusCode(400)
                .body("errors[0].field", equalTo("hromada"));
        Map<String, Object> badDay = locationBody(VINNYTSIA_OBLAST, VINNYTSIA_HROMADA);
        badDay.put("hours", List.of(Map.of("days", List.of("MONDAY"), "opensAt", "09:00", "closesAt", "18:00")));
        as(ADMIN).body(badDay).post(locations).then().statusCode(400).body("detail", containsString("MO"));
        Map<String, Object> foreignLocation = serviceBody("HOUSING", java.util.UUID.randomUUID().toString());
        as(ADMIN).body(foreignLocation).post("/partners/" + p.partnerId() + "/services").then().statusCode(400)
                .body("errors[0].field", equalTo("locationIds[0]"));
        Map<String, Object> paid = serviceBody("HOUSING", null);
        paid.put("feeFree", false);
        as(ADMIN).body(paid).post("/partners/" + p.partnerId() + "/services").then().statusCode(400)
                .body("errors[0].field", equalTo("feesDescription"));
        as(ADMIN).get("/partners/" + p.partnerId()).then().statusCode(200)
                .body("locations", hasSize(1)).body("services", hasSize(1));

        as(MANAGER1_POLTAVA).queryParam("sector", "SPACE").get("/partners").then().statusCode(400)
                .body("errors[0].field", equalTo("sector"));
        as(MANAGER1_POLTAVA).queryParam("hromada", "Poltava").get("/partners").then().statusCode(400)
                .body("errors[0].field", equalTo("hromada"));
        as(MANAGER1_POLTAVA).queryParam("page", "abc").get("/partners").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        as(MANAGER1_POLTAVA).get("/partners/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theDirectoryExportsAsHsds() {
        PartnerSetup p = newPartner("PSYCHOLOGICAL_SUPPORT", "PSYCHOLOGICAL");
        as(MANAGER1_POLTAVA).get("/hsds/organizations/" + p.partnerId() + "?full_service=true").then().statusCode(200)
                .body("id", equalTo(p.partnerId()))
                .body("name", equalTo(p.name()))
                .body("description", notNullValue())
                .body("website", equalTo("https://partner.example.ua"))
                .body("phones[0].number", notNullValue())
                .body("contacts[0].name", equalTo("Ірина Петренко"))
                .body("contacts[0].phones[0].number", equalTo("+380 50 111 22 33"))
                .body("attributes[0].taxonomy_term.code", equalTo("PSYCHOLOGICAL_SUPPORT"))
                .body("locations[0].id", equalTo(p.locationId()))
                .body("locations[0].location_type", equalTo("physical"))
                .body("locations[0].attributes[0].taxonomy_term.code", equalTo(POLTAVA_CITY_COMMUNITY))
                .body("locations[0].addresses[0].address_1", equalTo("вул. Соборності, 45"))
                .body("locations[0].addresses[0].city", equalTo("Полтава"))
                .body("locations[0].addresses[0].state_province", equalTo(POLTAVA_OBLAST))
                .body("locations[0].addresses[0].postal_code", equalTo("36000"))
                .body("locations[0].addresses[0].country", equalTo("UA"))
                .body("locations[0].addresses[0].address_type", equalTo("physical"))
                .body("locations[0].schedules[0].freq", equalTo("WEEKLY"))
                .body("locations[0].schedules[0].byday", equalTo("MO,TU,WE,TH,FR"))
                .body("locations[0].schedules[0].opens_at", startsWith("09:00+0"))
                .body("locations[0].schedules[0].closes_at", startsWith("18:00+0"))
                .body("services[0].id", equalTo(p.serviceId()))
                .body("services[0].organization_id", equalTo(p.partnerId()))
                .body("services[0].status", equalTo("active"))
                .body("services[0].eligibility_description", notNullValue())
                .body("services[0].languages.code", equalTo(List.of("uk", "en")))
                .body("services[0].languages[0].name", equalTo("Ukrainian"))
                .body("services[0].service_at_locations[0].service_id", equalTo(p.serviceId()))
                .body("services[0].service_at_locations[0].location_id", equalTo(p.locationId()))
                .body("services[0].attributes.taxonomy_term.code", hasItem("PSYCHOLOGICAL"));
        as(ADMIN).queryParam("per_page", 200).get("/hsds/organizations").then().statusCode(200)
                .body("page_number", equalTo(1)).body("first_page", equalTo(true))
                .body("total_items", greaterThanOrEqualTo(1)).body("empty", equalTo(false))
                .body("contents.id", hasItem(p.partnerId()));
        as(ADMIN).queryParam("page", 0).get("/hsds/organizations").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }
}
