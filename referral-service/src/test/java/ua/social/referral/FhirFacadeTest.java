package ua.social.referral;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.TestClock;
import ua.social.referral.support.Api.PartnerSetup;
import ua.social.referral.support.CaseFeed;
import ua.social.referral.support.CaseFeed.TestCase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.identity.testing.DemoUsers.ANALYST;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER2_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_VINNYTSIA;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.awaitCase;
import static ua.social.referral.support.Api.draft;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.openCase;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.sent;

/**
 * The read-only FHIR R4 facade as an integrator's FHIR client sees it: every answer is FHIR JSON that HAPI
 * FHIR parses back into the resource it claims to be (errors into an OperationOutcome), with the reach and
 * the access log of the referral API.
 */
@QuarkusTest
class FhirFacadeTest {

    private static final String CM = MANAGER2_POLTAVA;
    private static final IParser FHIR = FhirContext.forR4().newJsonParser();

    private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(Response r, int status, Class<T> type) {
        r.then().statusCode(status).contentType("application/fhir+json");
        return FHIR.parseResource(type, r.asString());
    }

    private static OperationOutcome outcome(Response r, int status) {
        OperationOutcome o = parse(r, status, OperationOutcome.class);
        assertFalse(o.getIssue().isEmpty(), r.asString());
        assertEquals(OperationOutcome.IssueSeverity.ERROR, o.getIssueFirstRep().getSeverity());
        return o;
    }

    private static List<String> expressions(OperationOutcome o) {
        return o.getIssue().stream().flatMap(i -> i.getExpression().stream()).map(e -> e.getValue()).toList();
    }

    private static void partnerMoves(String key, String id, Map<String, Object> body) {
        partner(key).body(body).post("/partner/referrals/" + id + "/transitions").then().statusCode(200);
    }

    @Test
    void aPartnerReadsItsReferralAsATaskAndAServiceRequestWithTheClientDataOfThePartnerApiAndTheReadIsLogged() {
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("EMPLOYMENT", "EMPLOYMENT");
        String key = issueKey(p.partnerId());
        String id = sent(CM, c, p, "URGENT");
        partnerMoves(key, id, Map.of("status", "ACCEPTED"));

        Response taskAnswer = partner(key).get("/fhir/Task/" + id);
        Task task = parse(taskAnswer, 200, Task.class);
        assertEquals(id, task.getIdElement().getIdPart());
        assertEquals(Task.TaskStatus.ACCEPTED, task.getStatus());
        assertEquals(Task.TaskIntent.ORDER, task.getIntent());
        assertEquals(Task.TaskPriority.URGENT, task.getPriority());
        assertEquals("Organization/" + p.partnerId(), task.getOwner().getReference());
        assertEquals(p.name(), task.getOwner().getDisplay());
        assertEquals("ServiceRequest/" + id, task.getFocus().getReference());
        assertEquals("fulfill", task.getCode().getCodingFirstRep().getCode());
        assertFalse(task.hasBusinessStatus(), "not overdue");
        assertEquals("W/\"" + task.getMeta().getVersionId() + "\"", taskAnswer.header("ETag"));
        assertFalse(taskAnswer.asString().contains("Ганна"), "a Task carries no client data");

        ServiceRequest sr = parse(partner(key).get("/fhir/ServiceRequest/" + id), 200, ServiceRequest.class);
        assertEquals(ServiceRequest.ServiceRequestStatus.ACTIVE, sr.getStatus());
        assertEquals(ServiceRequest.ServiceRequestIntent.ORDER, sr.getIntent());
        assertEquals("https://social-services.example.ua/fhir/CodeSystem/service-category",
                sr.getCategoryFirstRep().getCodingFirstRep().getSystem());
        assertEquals("EMPLOYMENT", sr.getCategoryFirstRep().getCodingFirstRep().getCode());
        assertEquals("EMPLOYMENT", sr.getCode().getCodingFirstRep().getCode());
        assertEquals("Organization/" + p.partnerId(), sr.getPerformerFirstRep().getReference());
        Patient client = (Patient) sr.getSubject().getResource();
        assertEquals("Ганна Тестова", client.getNameFirstRep().getText());
        assertEquals("1985-03-14", client.getBirthDateElement().getValueAsString());
        assertEquals("+380 50 123 45 67", client.getTelecomFirstRep().getValue());
        assertTrue(client.getIdentifier().isEmpty(), "no identifiers of the client");
        assertFalse(FHIR.encodeResourceToString(sr).contains(c.id().toString()), "no case id");

        // The ServiceRequest's read of the client data is in the access log; the Task's is not (it has none).
        as(SUPERVISOR_POLTAVA).get("/referrals/" + id + "/access-log").then().statusCode(200)
                .body("items[0].action", equalTo("FHIR_SERVICE_REQUEST")).body("items[0].side", equalTo("PARTNER"))
                .body("items[0].partnerId", equalTo(p.partnerId()))
                .body("items.action.findAll { it == 'FHIR_SERVICE_REQUEST' }.size()", equalTo(1));

        // Consent withdrawn: the partner still sees the request, without the client, and that is no logged read.
        CaseFeed.consent(c.id(), c.hromada(), false, CaseFeed.now());
        awaitCase(CM, c, false, false);
        ServiceRequest withheld = parse(partner(key).get("/fhir/ServiceRequest/" + id), 200, ServiceRequest.class);
        assertTrue(withheld.getContained().isEmpty());
        assertNull(withheld.getSubject().getReference());
        assertTrue(withheld.getSubject().getDisplay().contains("withheld"));
        as(SUPERVISOR_POLTAVA).get("/referrals/" + id + "/access-log").then()
                .body("items.action.findAll { it == 'FHIR_SERVICE_REQUEST' }.size()", equalTo(1));

        // The referring side reads the same resources (its read of the client data logged too).
        CaseFeed.consent(c.id(), c.hromada(), true, null);
        awaitCase(CM, c, true, false);
        parse(as(CM).get("/fhir/Task/" + id), 200, Task.class);
        ServiceRequest staff = parse(as(CM).get("/fhir/ServiceRequest/" + id), 200, ServiceRequest.class);
        assertEquals("Ганна Тестова", ((Patient) staff.getSubject().getResource()).getNameFirstRep().getText());
        as(SUPERVISOR_POLTAVA).get("/referrals/" + id + "/access-log").then()
                .body("items[0].action", equalTo("FHIR_SERVICE_REQUEST")).body("items[0].side", equalTo("REFERRING_SIDE"))
                .body("items[0].username", equalTo(CM));
    }

    @Test
    void outsideItsReachACallerGetsAnOperationOutcomeWithTheStatusOfTheReferralApi() {
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("HEALTH", "MEDICAL");
        PartnerSetup other = newPartner("HEALTH", "MEDICAL");
        String key = issueKey(p.partnerId());
        String otherKey = issueKey(other.partnerId());
        String id = sent(CM, c, p, "ROUTINE");
        String drafted = draft(CM, c, p, "ROUTINE");
        int logged = as(SUPERVISOR_POLTAVA).get("/referrals/" + id + "/access-log").path("totalItems");

        assertEquals(OperationOutcome.IssueType.NOTFOUND,
                outcome(partner(otherKey).get("/fhir/Task/" + id), 404).getIssueFirstRep().getCode());
        outcome(partner(otherKey).get("/fhir/ServiceRequest/" + id), 404);
        outcome(partner(key).get("/fhir/Task/" + drafted), 404);
        outcome(partner(key).get("/fhir/Task/" + java.util.UUID.randomUUID()), 404);
        outcome(partner(key).get("/fhir/Task/not-a-referral"), 404);
        outcome(as(MANAGER1_POLTAVA).get("/fhir/Task/" + id), 404);
        outcome(as(SUPERVISOR_VINNYTSIA).get("/fhir/ServiceRequest/" + id), 404);
        assertEquals(Task.TaskStatus.DRAFT, parse(as(CM).get("/fhir/Task/" + drafted), 200, Task.class).getStatus());
        assertEquals(OperationOutcome.IssueType.LOGIN,
                outcome(io.restassured.RestAssured.given().get("/fhir/Task/" + id), 401).getIssueFirstRep().getCode());
        outcome(partner("rsk_0000000000_" + "A".repeat(43)).get("/fhir/Task/" + id), 401);
        assertEquals(OperationOutcome.IssueType.FORBIDDEN,
                outcome(as(INTAKE_POLTAVA).get("/fhir/Task/" + id), 403).getIssueFirstRep().getCode());
        outcome(as(ANALYST).get("/fhir/metadata"), 403);
        // Nothing read, nothing logged.
        as(SUPERVISOR_POLTAVA).get("/referrals/" + id + "/access-log").then().body("totalItems", equalTo(logged))
                .body("items.action.findAll { it == 'FHIR_SERVICE_REQUEST' }.size()", equalTo(0));
    }

    @Test
    void aPartnerPollsItsTasksWithLastUpdatedAndGetsOnlyWhatChangedSince() {
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("SOCIAL_PROTECTION", "MATERIAL_ECONOMIC");
        PartnerSetup other = newPartner("SOCIAL_PROTECTION", "MATERIAL_ECONOMIC");
        String key = issueKey(p.partnerId());
        String first = sent(CM, c, p, "ROUTINE");
        String second = sent(CM, c, p, "EMERGENCY");
        sent(CM, c, other, "ROUTINE");

        Bundle all = parse(partner(key).queryParam("owner", "Organization/" + p.partnerId())
                .get("/fhir/Task"), 200, Bundle.class);
        assertEquals(Bundle.BundleType.SEARCHSET, all.getType());
        assertEquals(2, all.getTotal());
        List<Task> tasks = all.getEntry().stream().map(e -> (Task) e.getResource()).toList();
        assertEquals(List.of(first, second), tasks.stream().map(t -> t.getIdElement().getIdPart()).toList(),
                "oldest change first");
        assertTrue(all.getEntryFirstRep().getFullUrl().endsWith("/fhir/Task/" + first), all.getEntryFirstRep().getFullUrl());
        assertEquals(Task.TaskPriority.STAT, tasks.get(1).getPriority());

        // The next poll: gt the latest lastUpdated seen gives nothing until something changes.
        Instant seen = tasks.get(1).getMeta().getLastUpdated().toInstant();
        Bundle none = parse(partner(key).queryParam("_lastUpdated", "gt" + seen).get("/fhir/Task"), 200, Bundle.class);
        assertEquals(0, none.getTotal());
        partnerMoves(key, first, Map.of("status", "REJECTED", "reason", "Поза нашою територією"));
        Bundle changed = parse(partner(key).queryParam("_lastUpdated", "gt" + seen).get("/fhir/Task"), 200, Bundle.class);
        assertEquals(1, changed.getTotal());
        Task rejected = (Task) changed.getEntryFirstRep().getResource();
        assertEquals(first, rejected.getIdElement().getIdPart());
        assertEquals(Task.TaskStatus.REJECTED, rejected.getStatus());
        assertEquals("Поза нашою територією", rejected.getStatusReason().getText());
        assertTrue(rejected.getMeta().getLastUpdated().toInstant().isAfter(seen));
        // A range, a status, paging with _count and the next link.
        Bundle range = parse(partner(key).queryParam("_lastUpdated", "ge" + tasks.get(0).getMeta().getLastUpdated().toInstant())
                .queryParam("_lastUpdated", "le" + seen).get("/fhir/Task"), 200, Bundle.class);
        assertEquals(List.of(second), range.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList(),
                "the first changed after the range");
        Bundle requested = parse(partner(key).queryParam("status", "requested,accepted").get("/fhir/Task"), 200, Bundle.class);
        assertEquals(1, requested.getTotal());
        Bundle page = parse(partner(key).queryParam("_count", 1).get("/fhir/Task"), 200, Bundle.class);
        assertEquals(2, page.getTotal());
        assertEquals(1, page.getEntry().size());
        assertTrue(page.getLink("next").getUrl().contains("_offset=1"), page.getLink("next").getUrl());
        Bundle next = parse(partner(key).queryParam("_count", 1).queryParam("_offset", 1).get("/fhir/Task"), 200, Bundle.class);
        assertEquals(first, next.getEntryFirstRep().getResource().getIdElement().getIdPart());
        assertNull(next.getLink("next"));

        // Another partner's owner is outside the reach: an empty searchset, not its Tasks.
        assertEquals(0, parse(partner(key).queryParam("owner", "Organization/" + other.partnerId()).get("/fhir/Task"),
                200, Bundle.class).getTotal());
        // The referring side searches its caseload.
        Bundle staff = parse(as(CM).queryParam("owner", "Organization/" + other.partnerId()).get("/fhir/Task"), 200, Bundle.class);
        assertEquals(1, staff.getTotal());
        assertEquals(0, parse(as(MANAGER1_POLTAVA).queryParam("owner", "Organization/" + other.partnerId())
                .get("/fhir/Task"), 200, Bundle.class).getTotal());

        // Bad search input: a 400 OperationOutcome naming the parameter.
        assertEquals(List.of("_since"), expressions(outcome(partner(key).queryParam("_since", seen.toString())
                .get("/fhir/Task"), 400)));
        assertEquals(List.of("_lastUpdated"), expressions(outcome(partner(key).queryParam("_lastUpdated", "2026-12-01T10:00:00Z")
                .get("/fhir/Task"), 400)));
        assertEquals(List.of("_lastUpdated"), expressions(outcome(partner(key).queryParam("_lastUpdated", "gtвчора")
                .get("/fhir/Task"), 400)));
        assertEquals(List.of("status"), expressions(outcome(partner(key).queryParam("status", "REQUESTED")
                .get("/fhir/Task"), 400)));
        assertEquals(List.of("owner"), expressions(outcome(partner(key).queryParam("owner", "Organization/x")
                .get("/fhir/Task"), 400)));
        assertEquals(List.of("_count"), expressions(outcome(partner(key).queryParam("_count", 201).get("/fhir/Task"), 400)));
    }

    @Test
    void theOverdueFlagIsTheTasksBusinessStatusAndEnteredInErrorItsStatus() {
        TestClock clock = new TestClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("CHILDREN_SERVICE", "PROTECTION_AND_SAFETY");
        String key = issueKey(p.partnerId());
        String id = sent(CM, c, p, "EMERGENCY");
        Task before = parse(partner(key).get("/fhir/Task/" + id), 200, Task.class);
        assertFalse(before.hasBusinessStatus());
        assertTrue(before.getRestriction().getPeriod().hasEnd(), "the response deadline");

        clock.advance(Duration.ofHours(4));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> as(CM).get("/referrals/" + id).<Boolean>path("overdue"));
        Task overdue = parse(partner(key).get("/fhir/Task/" + id), 200, Task.class);
        assertEquals("overdue", overdue.getBusinessStatus().getCodingFirstRep().getCode());
        assertEquals("https://social-services.example.ua/fhir/CodeSystem/referral-business-status",
                overdue.getBusinessStatus().getCodingFirstRep().getSystem());
        assertEquals(Task.TaskStatus.REQUESTED, overdue.getStatus());
        assertTrue(overdue.getMeta().getLastUpdated().after(before.getMeta().getLastUpdated()),
                "the flag is a change a poller sees");
        Bundle polled = parse(partner(key).queryParam("_lastUpdated", "gt" + before.getMeta().getLastUpdated().toInstant())
                .get("/fhir/Task"), 200, Bundle.class);
        assertEquals(List.of(id), polled.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList());

        partnerMoves(key, id, Map.of("status", "ACCEPTED"));
        assertFalse(parse(partner(key).get("/fhir/Task/" + id), 200, Task.class).hasBusinessStatus(),
                "answered: no longer overdue");

        as(CM).body(Map.of("status", "ENTERED_IN_ERROR", "reason", "Не той партнер")).post("/referrals/" + id + "/transitions")
                .then().statusCode(200);
        Task error = parse(partner(key).get("/fhir/Task/" + id), 200, Task.class);
        assertEquals(Task.TaskStatus.ENTEREDINERROR, error.getStatus());
        assertEquals("Не той партнер", error.getStatusReason().getText());
        assertEquals(ServiceRequest.ServiceRequestStatus.ENTEREDINERROR,
                parse(partner(key).get("/fhir/ServiceRequest/" + id), 200, ServiceRequest.class).getStatus());
    }

    @Test
    void theCapabilityStatementTellsWhatThisServerOffers() {
        CapabilityStatement cs = parse(partner(issueKey(newPartner("HOUSING", "HOUSING").partnerId()))
                .get("/fhir/metadata"), 200, CapabilityStatement.class);
        assertEquals("4.0.1", cs.getFhirVersion().toCode());
        assertEquals(CapabilityStatement.CapabilityStatementKind.INSTANCE, cs.getKind());
        assertEquals(List.of("json"), cs.getFormat().stream().map(f -> f.getValue()).toList());
        CapabilityStatement.CapabilityStatementRestComponent rest = cs.getRestFirstRep();
        assertEquals(List.of("Task", "ServiceRequest"), rest.getResource().stream().map(r -> r.getType()).toList());
        assertEquals(List.of("owner", "status", "_lastUpdated", "_count", "_offset"),
                rest.getResourceFirstRep().getSearchParam().stream().map(s -> s.getName()).toList());
        assertTrue(rest.getResource().get(1).getInteraction().stream()
                .allMatch(i -> i.getCode() == CapabilityStatement.TypeRestfulInteraction.READ), "read-only");
        parse(as(SUPERVISOR_POLTAVA).get("/fhir/metadata"), 200, CapabilityStatement.class);
        outcome(io.restassured.RestAssured.given().get("/fhir/metadata"), 401);
        // a resource type this facade does not serve
        outcome(as(SUPERVISOR_POLTAVA).get("/fhir/Patient/1"), 404);
    }
}
