package ua.social.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.contracts.code.ClosureReason;
import ua.social.contracts.code.NeedDomain;
import ua.social.contracts.code.PartnerSector;
import ua.social.contracts.code.ReferralStatus;
import ua.social.contracts.code.ServiceCategory;
import ua.social.contracts.code.VulnerableGroup;
import ua.social.contracts.event.AppealRecorded;
import ua.social.contracts.event.CaseAssigned;
import ua.social.contracts.event.CaseClosed;
import ua.social.contracts.event.CaseEvent;
import ua.social.contracts.event.CaseOpened;
import ua.social.contracts.event.CaseReopened;
import ua.social.contracts.event.CaseStageChanged;
import ua.social.contracts.event.CaseTransferred;
import ua.social.contracts.event.ClientRegistered;
import ua.social.contracts.event.ConsentChanged;
import ua.social.contracts.event.ContractViolation;
import ua.social.contracts.event.EventData;
import ua.social.contracts.event.EventJson;
import ua.social.contracts.event.EventType;
import ua.social.contracts.event.PlanRevised;
import ua.social.contracts.event.ReferralEvent;
import ua.social.contracts.event.ReferralChanged;
import ua.social.contracts.event.ReferralResponseOverdue;
import ua.social.contracts.event.ServiceDelivered;
import ua.social.contracts.testing.EventSchemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event type has a record, every record writes what its JSON Schema in docs/events/ accepts (all
 * values filled, and the nullable ones null), reads back equal, and refuses what the schema refuses.
 */
@Tag("fast")
class EventRecordsTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 14, 9, 30, 0, 0, ZoneOffset.ofHours(2));
    private static final String OBLAST = "UA-09";
    private static final String HROMADA = "UA44020010000067642";

    /** One full event of every type; the referral types differ by status. */
    static Map<EventType, EventData> samples() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        Map<EventType, EventData> m = new EnumMap<>(EventType.class);
        m.put(EventType.CLIENT_REGISTERED, new ClientRegistered(a, OBLAST, HROMADA,
                List.of(VulnerableGroup.INTERNALLY_DISPLACED, VulnerableGroup.DISABILITY), AT));
        m.put(EventType.APPEAL_RECORDED, new AppealRecorded(a, b, OBLAST, HROMADA, AT, "IN_PERSON",
                List.of(NeedDomain.HOUSING), List.of(VulnerableGroup.OLDER_PERSON)));
        m.put(EventType.CASE_OPENED, new CaseOpened(a, "UA-09-2026-000017", b, "PERSON", c, OBLAST, HROMADA,
                CaseManagementModel.BROKERAGE, "MULTIDISCIPLINARY", List.of("ADDITIONAL_RESOURCES_NEEDED"), false,
                List.of(VulnerableGroup.VETERAN_OR_FAMILY), true, AT));
        m.put(EventType.CASE_ASSIGNED, new CaseAssigned(a, OBLAST, HROMADA, "9a1f-staff", "olena.kovalenko", "prev-staff",
                CaseManagementModel.CLINICAL, true, AT));
        m.put(EventType.CASE_STAGE_CHANGED, new CaseStageChanged(a, OBLAST, HROMADA, "CONTACT", "ASSESSMENT", AT));
        m.put(EventType.PLAN_REVISED, new PlanRevised(a, OBLAST, HROMADA, 2, 3, 7, 2L, AT));
        m.put(EventType.SERVICE_DELIVERED, new ServiceDelivered(a, b, c, UUID.randomUUID(), OBLAST, HROMADA,
                ServiceCategory.LEGAL, LocalDate.of(2026, 3, 14)));
        m.put(EventType.CONSENT_CHANGED, new ConsentChanged(a, HROMADA, true, false, AT, AT.plusDays(3)));
        m.put(EventType.CASE_TRANSFERRED, new CaseTransferred(a, "UA-53", "UA53080370000025447", "s1", OBLAST, HROMADA,
                "s2", AT));
        m.put(EventType.CASE_CLOSED, new CaseClosed(a, OBLAST, HROMADA, "MONITORING", ClosureReason.GOALS_ACHIEVED,
                "s1", CaseManagementModel.INTENSIVE, AT.minusMonths(4), AT));
        m.put(EventType.CASE_REOPENED, new CaseReopened(a, OBLAST, HROMADA, "ASSESSMENT", "s1", AT));
        for (ReferralStatus s : ReferralStatus.values()) {
            m.put(EventType.of(s.eventType()).orElseThrow(), new ReferralChanged(a, b, c, UUID.randomUUID(),
                    "Центр безоплатної правничої допомоги", PartnerSector.LEGAL_AID, null, ServiceCategory.LEGAL, OBLAST,
                    HROMADA, "URGENT", s, s == ReferralStatus.DRAFT ? null : ReferralStatus.DRAFT,
                    s == ReferralStatus.REJECTED ? "Немає вільних місць" : null,
                    s == ReferralStatus.COMPLETED ? "x".repeat(ReferralChanged.TEXT_MAX) : null,
                    s == ReferralStatus.DRAFT ? null : AT, AT, s == ReferralStatus.DRAFT ? "REFERRING_SIDE" : "PARTNER"));
        }
        m.put(EventType.REFERRAL_RESPONSE_OVERDUE, new ReferralResponseOverdue(a, b, c, PartnerSector.HEALTH, OBLAST,
                HROMADA, "ROUTINE", AT, AT.plusDays(5), AT.plusDays(5).plusMinutes(1)));
        return m;
    }

    @Test
    void everyEventTypeHasASampleAndEverySchemaFileAType() throws IOException {
        assertEquals(Set.of(EventType.values()), samples().keySet());
        Set<String> files;
        try (Stream<Path> s = Files.list(EventSchemas.DIR)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> typed = Arrays.stream(EventType.values()).map(EventType::schemaFile)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(files, typed, "docs/events/*.schema.json and the contract's event types");
    }

    @Test
    void everyRecordWritesWhatItsSchemaAcceptsAndReadsBackEqual() {
        List<String> broken = new ArrayList<>();
        samples().forEach((type, data) -> {
            assertEquals(type.type(), data.eventType(), "the sample of " + type);
            JsonNode json = EventJson.tree(data);
            EventSchemas.validate(type.type(), json).forEach(m -> broken.add(type.type() + ": " + m.getMessage()));
            assertEquals(data, EventJson.read(type, json), "read back " + type);
        });
        assertEquals(List.of(), broken);
    }

    @Test
    void aMissingRequiredValueIsRefusedNamingTheField() {
        ObjectNode json = (ObjectNode) EventJson.tree(samples().get(EventType.CASE_OPENED));
        json.remove("openedAt");
        ContractViolation missing = assertThrows(ContractViolation.class,
                () -> EventJson.read(EventType.CASE_OPENED, json));
        assertTrue(missing.getMessage().contains("openedAt"), missing.getMessage());

        json.put("openedAt", AT.toString());
        json.putNull("hromada");
        ContractViolation nullCommunity = assertThrows(ContractViolation.class,
                () -> EventJson.read(EventType.CASE_OPENED, json));
        assertTrue(nullCommunity.getMessage().contains("hromada is missing"), nullCommunity.getMessage());
    }

    @Test
    void aMalformedCodeOrAnUnknownEnumValueIsRefusedNamingTheField() {
        ObjectNode json = (ObjectNode) EventJson.tree(samples().get(EventType.CASE_CLOSED));
        json.put("oblast", "UA44");
        ContractViolation oblast = assertThrows(ContractViolation.class, () -> EventJson.read(EventType.CASE_CLOSED, json));
        assertTrue(oblast.getMessage().contains("oblast is not an oblast code"), oblast.getMessage());

        json.put("oblast", OBLAST);
        json.put("reason", "BORED");
        ContractViolation reason = assertThrows(ContractViolation.class, () -> EventJson.read(EventType.CASE_CLOSED, json));
        assertTrue(reason.getMessage().contains("reason"), reason.getMessage());
    }

    @Test
    void aReferralOutcomeLongerThanTheContractIsRefusedAndOneAsLongIsCarriedWhole() {
        ReferralChanged completed = (ReferralChanged) samples().get(EventType.REFERRAL_COMPLETED);
        assertEquals(ReferralChanged.TEXT_MAX, completed.outcome().length());
        ObjectNode json = (ObjectNode) EventJson.tree(completed);
        json.put("outcome", "x".repeat(ReferralChanged.TEXT_MAX + 1));
        ContractViolation tooLong = assertThrows(ContractViolation.class,
                () -> EventJson.read(EventType.REFERRAL_COMPLETED, json));
        assertTrue(tooLong.getMessage().contains("outcome is longer than 4000"), tooLong.getMessage());
    }

    @Test
    void dataOfOneStatusUnderTheTypeOfAnotherIsRefused() {
        JsonNode accepted = EventJson.tree(samples().get(EventType.REFERRAL_ACCEPTED));
        ContractViolation wrong = assertThrows(ContractViolation.class,
                () -> EventJson.read(EventType.REFERRAL_COMPLETED, accepted));
        assertTrue(wrong.getMessage().contains("ua.social.referral.accepted"), wrong.getMessage());
    }

    @Test
    void aConsumerReadsTheRecordOfTheTypeItExpectsByItsFamily() {
        JsonNode opened = EventJson.tree(samples().get(EventType.CASE_OPENED));
        CaseEvent read = EventJson.read(CaseEvent.class, EventType.CASE_OPENED.type(), opened);
        assertEquals(samples().get(EventType.CASE_OPENED).getClass(), read.getClass());
        assertEquals(opened, EventJson.tree(read));
        ContractViolation notReferral = assertThrows(ContractViolation.class,
                () -> EventJson.read(ReferralEvent.class, EventType.CASE_OPENED.type(), opened));
        assertTrue(notReferral.getMessage().contains("not a ReferralEvent"), notReferral.getMessage());
        ContractViolation unknown = assertThrows(ContractViolation.class,
                () -> EventJson.read(CaseEvent.class, "ua.social.case.unknown-kind", opened));
        assertTrue(unknown.getMessage().contains("not an event type"), unknown.getMessage());
    }

    @Test
    void aTypeThePlatformDoesNotKnowReadsAsNothing() {
        assertTrue(EventJson.read("ua.social.case.unknown-kind", EventJson.tree(samples().get(EventType.CASE_OPENED)))
                .isEmpty());
    }
}
