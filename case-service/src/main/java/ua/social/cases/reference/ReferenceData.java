package ua.social.cases.reference;

import ua.social.contracts.code.Labelled;
import ua.social.contracts.code.Oblast;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.contracts.code.NeedDomain;
import ua.social.contracts.code.VulnerableGroup;
import ua.social.contracts.code.ServiceCategory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reference lists front-office clients need, by kind, each entry with uk/en labels. */
public final class ReferenceData {

    /** One entry as the API shows it; {@code attributes} holds kind-specific facts (e.g. caseload limit). */
    public record Entry(String code, String uk, String en, Map<String, Object> attributes) {
    }

    private static final Map<String, List<Entry>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("oblasts", Arrays.stream(Oblast.values())
                .map(o -> new Entry(o.code(), o.uk(), o.en(), Map.of())).toList());
        KINDS.put("need-domains", entries(NeedDomain.values()));
        KINDS.put("service-categories", entries(ServiceCategory.values()));
        KINDS.put("vulnerable-groups", entries(VulnerableGroup.values()));
        KINDS.put("case-management-models", Arrays.stream(CaseManagementModel.values())
                .map(m -> new Entry(m.name(), m.uk(), m.en(),
                        Map.of("caseloadLimit", m.caseloadLimit(), "teamBased", m.teamBased())))
                .toList());
        KINDS.put("team-arrangements", entries(TeamArrangement.values()));
    }

    private ReferenceData() {
    }

    private static List<Entry> entries(Labelled[] values) {
        return Arrays.stream(values).map(v -> new Entry(v.name(), v.uk(), v.en(), Map.of())).toList();
    }

    public static Map<String, List<Entry>> all() {
        return KINDS;
    }

    public static Optional<List<Entry>> kind(String kind) {
        return Optional.ofNullable(KINDS.get(kind));
    }
}
