package ua.social.referral;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.contracts.code.ServiceCategory;
import ua.social.identity.testing.TestClock;
import ua.social.referral.support.Api.PartnerSetup;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.identity.testing.DemoUsers.ADMIN;
import static ua.social.identity.testing.DemoUsers.ANALYST;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.POLTAVA_CITY_COMMUNITY;
import static ua.social.identity.testing.DemoUsers.POLTAVA_OBLAST;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.partnerBody;
import static ua.social.referral.support.Api.uniqueName;
import static ua.social.referral.support.HsdsSchemas.ORGANIZATION;
import static ua.social.referral.support.HsdsSchemas.ORGANIZATION_LIST;
import static ua.social.referral.support.HsdsSchemas.SERVICE;
import static ua.social.referral.support.HsdsSchemas.SERVICE_AT_LOCATION;
import static ua.social.referral.support.HsdsSchemas.SERVICE_AT_LOCATION_LIST;
import static ua.social.referral.support.HsdsSchemas.SERVICE_LIST;
import static ua.social.referral.support.HsdsSchemas.TAXONOMY;
import static ua.social.referral.support.HsdsSchemas.TAXONOMY_TERM;
import static ua.social.referral.support.HsdsSchemas.assertPage;
import static ua.social.referral.support.HsdsSchemas.assertValid;
import static ua.social.referral.support.HsdsSchemas.read;

/**
 * The /hsds API as an Open Referral HSDS 3.0 consumer sees it: every endpoint of the API reference, every body
 * validated against the official HSDS 3.0 JSON Schemas (src/test/resources/hsds-3.0), and the points where the
 * platform's own data needed care (Kyiv opening hours, the vocabularies, the community code, Cyrillic domains,
 * deactivated partners).
 */
@QuarkusTest
class HsdsConformanceTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Test
    void everyEndpointOfTheHsdsApiReferenceAnswersInTheShapeOfTheOfficialSchemas() {
        PartnerSetup p = newPartner("LEGAL_AID", "LEGAL");
        String salId = salOf(p);

        JsonNode api = read(as(ANALYST).get("/hsds").then().statusCode(200).extract().asString());
        assertEquals("3.0", api.get("version").asText());
        assertTrue(URI.create(api.get("openapi_url").asText()).isAbsolute(), "openapi_url is an absolute URI");
        as(ANALYST).get(URI.create(api.get("openapi_url").asText()).getPath()).then().statusCode(200);

        String search = "?search=" + p.name();
        assertPage(SERVICE_LIST, json("/hsds/services" + search));
        assertPage(SERVICE, json("/hsds/services" + search + "&full=true"));
        assertValid(SERVICE, json("/hsds/services/" + p.serviceId()));
        assertPage(ORGANIZATION_LIST, json("/hsds/organizations" + search));
        assertPage(ORGANIZATION, json("/hsds/organizations" + search + "&full=true&full_service=true"));
        assertValid(ORGANIZATION, json("/hsds/organizations/" + p.partnerId()));
        assertValid(ORGANIZATION, json("/hsds/organizations/" + p.partnerId() + "?full_service=true"));
        assertPage(SERVICE_AT_LOCATION_LIST, json("/hsds/service_at_locations" + search));
        assertPage(SERVICE_AT_LOCATION, json("/hsds/service_at_locations" + search + "&full=true"));
        assertValid(SERVICE_AT_LOCATION, json("/hsds/service_at_locations/" + salId));
        JsonNode taxonomies = assertPage(TAXONOMY, json("/hsds/taxonomies"));
        assertValid(TAXONOMY, json("/hsds/taxonomies/" + taxonomies.get("contents").get(0).get("id").asText()));
        JsonNode terms = assertPage(TAXONOMY_TERM, json("/hsds/taxonomy_terms?per_page=200"));
        assertValid(TAXONOMY_TERM, json("/hsds/taxonomy_terms/" + terms.get("contents").get(0).get("id").asText()));

        // The same records, nested as the list shapes promise.
        as(ANALYST).get("/hsds/services" + search).then().statusCode(200)
                .body("total_items", equalTo(1)).body("contents[0].id", equalTo(p.serviceId()))
                .body("contents[0].organization.id", equalTo(p.partnerId()))
                .body("contents[0].status", equalTo("active"));
        as(ANALYST).get("/hsds/services/" + p.serviceId()).then().statusCode(200)
                .body("service_at_locations[0].id", equalTo(salId))
                .body("service_at_locations[0].location.id", equalTo(p.locationId()))
                .body("organization.name", equalTo(p.name()));
        as(ANALYST).get("/hsds/service_at_locations/" + salId).then().statusCode(200)
                .body("service.id", equalTo(p.serviceId())).body("location.id", equalTo(p.locationId()))
                .body("location.schedules", hasSize(1));
        as(ANALYST).get("/hsds/organizations/" + p.partnerId() + "?full_service=true").then().statusCode(200)
                .body("services[0].service_at_locations[0].location_id", equalTo(p.locationId()));

        // A partner's own key reads the directory too; an unknown record is a 404 problem.
        String key = issueKey(p.partnerId());
        assertValid(SERVICE, partner(key).get("/hsds/services/" + p.serviceId()).then().statusCode(200).extract().asString());
        for (String path : List.of("/hsds/services/", "/hsds/organizations/", "/hsds/service_at_locations/",
                "/hsds/taxonomies/", "/hsds/taxonomy_terms/")) {
            as(ANALYST).get(path + java.util.UUID.randomUUID()).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void pagesCountFromOneAndTellTheirPlace() {
        String tag = uniqueName("Сторінки");
        for (int i = 0; i < 3; i++) {
            as(ADMIN).body(partnerBody(tag + " " + i, "HOUSING")).post("/partners").then().statusCode(201);
        }
        JsonNode first = assertPage(ORGANIZATION_LIST, json("/hsds/organizations?search=" + tag + "&per_page=2"));
        assertEquals(3, first.get("total_items").asInt());
        assertEquals(2, first.get("total_pages").asInt());
        assertEquals(1, first.get("page_number").asInt());
        assertTrue(first.get("first_page").asBoolean());
        assertFalse(first.get("last_page").asBoolean());
        JsonNode second = assertPage(ORGANIZATION_LIST, json("/hsds/organizations?search=" + tag + "&per_page=2&page=2"));
        assertEquals(1, second.get("size").asInt());
        assertTrue(second.get("last_page").asBoolean());
        assertFalse(second.get("first_page").asBoolean());
        JsonNode beyond = assertPage(ORGANIZATION_LIST, json("/hsds/organizations?search=" + tag + "&per_page=2&page=3"));
        assertTrue(beyond.get("empty").asBoolean());
    }

    @Test
    void openingHoursCarryKyivsOffsetAndTimezoneAcrossDaylightSavingTime() {
        TestClock clock = new TestClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        PartnerSetup p = newPartner("SOCIAL_PROTECTION", "MATERIAL_ECONOMIC");

        ZoneOffset now = KYIV.getRules().getOffset(clock.instant());
        JsonNode schedule = read(json("/hsds/organizations/" + p.partnerId())).get("locations").get(0).get("schedules").get(0);
        assertEquals("09:00" + now.getId(), schedule.get("opens_at").asText());
        assertEquals("18:00" + now.getId(), schedule.get("closes_at").asText());
        assertEquals(now.getTotalSeconds() / 3600, schedule.get("timezone").asInt());
        assertTrue(schedule.get("description").asText().contains("Europe/Kyiv"));
        assertValid(ORGANIZATION, json("/hsds/organizations/" + p.partnerId()));

        // Past Kyiv's next clock change the same 09:00 is given with the other offset.
        ZoneOffsetTransition change = KYIV.getRules().nextTransition(clock.instant());
        clock.advance(Duration.between(clock.instant(), change.getInstant()).plusDays(1));
        ZoneOffset after = KYIV.getRules().getOffset(clock.instant());
        assertNotEquals(now, after);
        JsonNode moved = read(json("/hsds/service_at_locations/" + salOf(p))).get("location").get("schedules").get(0);
        assertEquals("09:00" + after.getId(), moved.get("opens_at").asText());
        assertEquals(after.getTotalSeconds() / 3600, moved.get("timezone").asInt());
    }

    @Test
    void theTaxonomiesArePublishedWithUrisAndTheirTermsInUkrainianAndEnglish() {
        PartnerSetup p = newPartner("HUMANITARIAN", "MATERIAL_ECONOMIC");
        JsonNode taxonomies = assertPage(TAXONOMY, json("/hsds/taxonomies"));
        assertEquals(3, taxonomies.get("total_items").asInt());
        for (JsonNode t : taxonomies.get("contents")) {
            assertTrue(URI.create(t.get("uri").asText()).isAbsolute(), "uri of " + t);
            assertFalse(t.get("description").asText().isBlank());
            // The URI of a taxonomy answers with that taxonomy.
            as(ANALYST).get(URI.create(t.get("uri").asText()).getPath()).then().statusCode(200)
                    .body("id", equalTo(t.get("id").asText()));
        }

        JsonNode service = read(json("/hsds/services/" + p.serviceId()));
        JsonNode attribute = service.get("attributes").get(0);
        assertEquals("service_type", attribute.get("link_type").asText());
        assertEquals("service", attribute.get("link_entity").asText());
        JsonNode term = attribute.get("taxonomy_term");
        assertEquals("MATERIAL_ECONOMIC", term.get("code").asText());
        assertEquals(ServiceCategory.MATERIAL_ECONOMIC.uk(), term.get("name").asText());
        assertEquals(ServiceCategory.MATERIAL_ECONOMIC.en(), term.get("description").asText());
        assertEquals("uk", term.get("language").asText());
        String categories = term.get("taxonomy_id").asText();
        assertEquals(term.get("taxonomy_detail").get("id").asText(), categories);
        assertTrue(term.get("taxonomy_detail").get("name").asText().contains("Service categories"));

        // The term and its taxonomy are where the ids say; the taxonomy lists every category.
        as(ANALYST).get("/hsds/taxonomy_terms/" + term.get("id").asText()).then().statusCode(200)
                .body("name", equalTo("Матеріальні, економічні")).body("description", equalTo("Material and economic"));
        assertValid(TAXONOMY_TERM, json(URI.create(term.get("term_uri").asText()).getPath()));
        JsonNode categoryTerms = assertPage(TAXONOMY_TERM, json("/hsds/taxonomy_terms?per_page=200&taxonomy_id=" + categories));
        assertEquals(ServiceCategory.values().length, categoryTerms.get("total_items").asInt());
        as(ANALYST).queryParam("search", "житлові").get("/hsds/taxonomy_terms").then().statusCode(200)
                .body("contents.code", hasItem("HOUSING"));

        JsonNode organization = read(json("/hsds/organizations/" + p.partnerId()));
        JsonNode sector = organization.get("attributes").get(0);
        assertEquals("organization_sector", sector.get("link_type").asText());
        assertEquals("Гуманітарні організації", sector.get("taxonomy_term").get("name").asText());
        assertEquals("Humanitarian organisations", sector.get("taxonomy_term").get("description").asText());

        // taxonomy_term_id filters the services by their category term.
        as(ANALYST).queryParam("taxonomy_term_id", term.get("id").asText()).queryParam("search", p.name())
                .get("/hsds/services").then().statusCode(200).body("contents.id", equalTo(List.of(p.serviceId())));
        String medical = read(json("/hsds/taxonomy_terms?search=MEDICAL&taxonomy_id=" + categories))
                .get("contents").get(0).get("id").asText();
        as(ANALYST).queryParam("taxonomy_term_id", medical).queryParam("search", p.name())
                .get("/hsds/services").then().statusCode(200).body("contents", hasSize(0));
    }

    @Test
    void theCommunityIsALocationAttributeAndTheAddressNamesTheOblast() {
        PartnerSetup p = newPartner("EDUCATION", "EDUCATIONAL");
        JsonNode location = read(json("/hsds/organizations/" + p.partnerId())).get("locations").get(0);
        assertFalse(location.has("external_identifier"), "the community is not the location's own identifier");
        JsonNode address = location.get("addresses").get(0);
        assertEquals("Полтавська область", address.get("region").asText());
        assertEquals(POLTAVA_OBLAST, address.get("state_province").asText());
        assertEquals("UA", address.get("country").asText());
        JsonNode community = location.get("attributes").get(0);
        assertEquals("territorial_community", community.get("link_type").asText());
        assertEquals("location", community.get("link_entity").asText());
        assertEquals(POLTAVA_CITY_COMMUNITY, community.get("taxonomy_term").get("code").asText());
        assertTrue(community.get("taxonomy_term").get("name").asText().contains("Полтавська"),
                community.get("taxonomy_term").toString());

        // The community term finds the services given there.
        as(ANALYST).queryParam("taxonomy_term_id", community.get("taxonomy_term_id").asText())
                .queryParam("search", p.name()).get("/hsds/service_at_locations").then().statusCode(200)
                .body("contents.location.id", equalTo(List.of(p.locationId())));
    }

    @Test
    void cyrillicDomainsAreGivenAsPunycodeAndANonAsciiMailboxIsRefusedNamingTheField() {
        Map<String, Object> body = partnerBody(uniqueName("Центр .укр"), "SOCIAL_PROTECTION");
        body.put("email", "info@центр.укр");
        body.put("website", "https://центр.укр/послуги");
        body.put("contacts", List.of(Map.of("name", "Олена", "email", "olena@громада.укр")));
        String id = as(ADMIN).body(body).post("/partners").then().statusCode(201)
                .body("email", equalTo("info@xn--e1aqjhr.xn--j1amh"))
                .body("website", equalTo("https://xn--e1aqjhr.xn--j1amh/%D0%BF%D0%BE%D1%81%D0%BB%D1%83%D0%B3%D0%B8"))
                .extract().path("id");
        String exported = json("/hsds/organizations/" + id);
        assertValid(ORGANIZATION, exported);
        JsonNode o = read(exported);
        assertEquals("info@xn--e1aqjhr.xn--j1amh", o.get("email").asText());
        assertEquals("olena@xn--80aahf2bln.xn--j1amh", o.get("contacts").get(0).get("email").asText());

        Map<String, Object> cyrillicMailbox = partnerBody(uniqueName("Кирилиця"), "OTHER");
        cyrillicMailbox.put("email", "пошта@центр.укр");
        as(ADMIN).body(cyrillicMailbox).post("/partners").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("email"));
        Map<String, Object> contactMailbox = partnerBody(uniqueName("Кирилиця"), "OTHER");
        contactMailbox.put("contacts", List.of(Map.of("name", "Олена", "email", "олена@громада.укр")));
        as(ADMIN).body(contactMailbox).post("/partners").then().statusCode(400)
                .body("errors[0].field", equalTo("contacts[0].email"));
        as(ADMIN).queryParam("q", "Кирилиця").get("/partners").then().statusCode(200)
                .body("items.name", not(hasItem(containsString("Кирилиця"))));
    }

    @Test
    void aDeactivatedPartnerLeavesTheLiveListsAndReachesIncrementalConsumersAsInactive() {
        PartnerSetup p = newPartner("HOUSING", "HOUSING");
        String since = Instant.now().minusSeconds(5).toString();
        as(ANALYST).queryParam("search", p.name()).get("/hsds/services").then().statusCode(200)
                .body("contents.status", equalTo(List.of("active")));

        Map<String, Object> off = partnerBody(p.name(), "HOUSING");
        off.put("active", false);
        as(ADMIN).body(off).put("/partners/" + p.partnerId()).then().statusCode(200);

        for (String list : List.of("/hsds/services", "/hsds/organizations", "/hsds/service_at_locations")) {
            as(ANALYST).queryParam("search", p.name()).get(list).then().statusCode(200).body("total_items", equalTo(0));
        }
        JsonNode changed = assertPage(SERVICE_LIST, json("/hsds/services?search=" + p.name() + "&modified_after=" + since));
        assertEquals(1, changed.get("total_items").asInt());
        assertEquals("inactive", changed.get("contents").get(0).get("status").asText());
        as(ANALYST).get("/hsds/services/" + p.serviceId()).then().statusCode(200).body("status", equalTo("inactive"));
        as(ANALYST).get("/hsds/organizations/" + p.partnerId()).then().statusCode(200)
                .body("services.status", everyItem(equalTo("inactive")));
    }

    @Test
    void modifiedAfterAndSearchNarrowTheLists() {
        PartnerSetup before = newPartner("CHILDREN_SERVICE", "PROTECTION_AND_SAFETY");
        String since = Instant.now().plusSeconds(1).toString();
        as(ANALYST).queryParam("modified_after", since).queryParam("search", before.name()).get("/hsds/services")
                .then().statusCode(200).body("total_items", equalTo(0));
        as(ANALYST).queryParam("modified_after", since).queryParam("search", before.name()).get("/hsds/organizations")
                .then().statusCode(200).body("total_items", equalTo(0));
        String earlier = Instant.now().minus(Duration.ofMinutes(10)).toString();
        as(ANALYST).queryParam("modified_after", earlier).queryParam("search", before.name()).get("/hsds/organizations")
                .then().statusCode(200).body("contents.id", equalTo(List.of(before.partnerId())));
        // Search matches the service's organisation, name and description, case-insensitively.
        as(ANALYST).queryParam("search", before.name().toUpperCase()).get("/hsds/service_at_locations").then()
                .statusCode(200).body("contents.service.id", equalTo(List.of(before.serviceId())));
        as(ANALYST).queryParam("organization_id", before.partnerId()).get("/hsds/services").then().statusCode(200)
                .body("contents.id", equalTo(List.of(before.serviceId())));
        as(ANALYST).queryParam("search", "100%_" + before.name()).get("/hsds/services").then().statusCode(200)
                .body("total_items", equalTo(0));
    }

    @Test
    void unknownRepeatedOrMalformedParametersAreAProblemNamingTheParameter() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[]{"/hsds/services?colour=red", "colour"});
        cases.add(new String[]{"/hsds/services?page=0", "page"});
        cases.add(new String[]{"/hsds/services?page=x", "page"});
        cases.add(new String[]{"/hsds/services?per_page=201", "per_page"});
        cases.add(new String[]{"/hsds/services?full=yes", "full"});
        cases.add(new String[]{"/hsds/services?modified_after=yesterday", "modified_after"});
        cases.add(new String[]{"/hsds/services?modified_after=2026-01-01", "modified_after"});
        cases.add(new String[]{"/hsds/services?taxonomy_term_id=HOUSING", "taxonomy_term_id"});
        cases.add(new String[]{"/hsds/services?organization_id=1", "organization_id"});
        cases.add(new String[]{"/hsds/services?minimal=true", "minimal"});
        cases.add(new String[]{"/hsds/services?format=ndjson", "format"});
        cases.add(new String[]{"/hsds/services?page=1&page=2", "page"});
        cases.add(new String[]{"/hsds/services/" + java.util.UUID.randomUUID() + "?full=true", "full"});
        cases.add(new String[]{"/hsds/organizations?taxonomy_id=" + java.util.UUID.randomUUID(), "taxonomy_id"});
        cases.add(new String[]{"/hsds/organizations?full_service=1", "full_service"});
        cases.add(new String[]{"/hsds/service_at_locations?proximity=1000", "proximity"});
        cases.add(new String[]{"/hsds/service_at_locations?postcode=36000", "postcode"});
        cases.add(new String[]{"/hsds/taxonomies?taxonomy_id=x", "taxonomy_id"});
        cases.add(new String[]{"/hsds/taxonomy_terms?parent_id=x", "parent_id"});
        cases.add(new String[]{"/hsds/taxonomy_terms?top_only=maybe", "top_only"});
        cases.add(new String[]{"/hsds?page=1", "page"});
        for (String[] c : cases) {
            as(MANAGER1_POLTAVA).get(c[0]).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[1]));
        }
        // The specification's own values pass.
        as(MANAGER1_POLTAVA).get("/hsds/services?format=json&full=false&page=1&per_page=1").then().statusCode(200);
        as(MANAGER1_POLTAVA).get("/hsds/taxonomy_terms?top_only=true&per_page=1").then().statusCode(200)
                .body("empty", equalTo(false));
    }

    private static String json(String path) {
        return as(ANALYST).get(path).then().statusCode(200).extract().asString();
    }

    private static String salOf(PartnerSetup p) {
        return read(json("/hsds/services/" + p.serviceId())).get("service_at_locations").get(0).get("id").asText();
    }
}
