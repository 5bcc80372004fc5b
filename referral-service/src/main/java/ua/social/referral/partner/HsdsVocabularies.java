package ua.social.referral.partner;

import ua.social.contracts.code.Codifier;
import ua.social.contracts.code.Labelled;
import ua.social.contracts.code.PartnerSector;
import ua.social.contracts.code.ServiceCategory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The vocabularies the HSDS export classifies with, published as HSDS taxonomies with their terms:
 * service categories (on services), partner sectors (on organisations) and the territorial communities of the
 * codifier КАТОТТГ (on locations). Their codes and Ukrainian/English labels are the shared codes of
 * {@code ua.social.contracts.code}. HSDS gives a term one {@code name}: it is the Ukrainian label
 * ({@code language: uk}); the English label is the term's {@code description} (communities have no English name
 * in the codifier: their description names raion, oblast and code). Identifiers are name-based UUIDs, the same in
 * every deployment and every export.
 */
public final class HsdsVocabularies {

    public static final String CATEGORY_TAXONOMY = "ua-social-service-category";
    public static final String SECTOR_TAXONOMY = "ua-social-partner-sector";
    public static final String COMMUNITY_TAXONOMY = "ua-katottg-community";

    /** What a term says of the record it is attached to (HSDS {@code attribute.link_type}). */
    public static final String LINK_SERVICE_TYPE = "service_type";
    public static final String LINK_ORGANIZATION_SECTOR = "organization_sector";
    public static final String LINK_TERRITORIAL_COMMUNITY = "territorial_community";

    /** A published taxonomy. */
    public record Taxonomy(String key, UUID id, String name, String description, String version) {
    }

    /** A term of a taxonomy: its code and labels. */
    public record Term(Taxonomy taxonomy, UUID id, String code, String name, String description) {
    }

    public static final Taxonomy CATEGORIES = new Taxonomy(CATEGORY_TAXONOMY, id("taxonomy:" + CATEGORY_TAXONOMY),
            "Категорії соціальних послуг (Service categories)",
            "Categories of social services as the Ministry of Social Policy of Ukraine reports them; every service "
                    + "of the directory has one. Term names are Ukrainian, term descriptions English.",
            "1");
    public static final Taxonomy SECTORS = new Taxonomy(SECTOR_TAXONOMY, id("taxonomy:" + SECTOR_TAXONOMY),
            "Сектори партнерських організацій (Partner sectors)",
            "The sector a partner organisation works in (health, employment, education, legal aid, housing...); "
                    + "every organisation of the directory has one. Term names are Ukrainian, term descriptions English.",
            "1");
    public static final Taxonomy COMMUNITIES = new Taxonomy(COMMUNITY_TAXONOMY, id("taxonomy:" + COMMUNITY_TAXONOMY),
            "Територіальні громади КАТОТТГ (Territorial communities, KATOTTG)",
            "The territorial communities (hromadas) of Ukraine's codifier of administrative-territorial units "
                    + "КАТОТТГ; the term code is the community's KATOTTG code (UA and 17 digits). Locations carry the "
                    + "community they lie in as an attribute with link_type territorial_community.",
            null);

    public static final List<Taxonomy> TAXONOMIES = List.of(CATEGORIES, SECTORS, COMMUNITIES);

    private static final List<Term> TERMS = build();
    private static final Map<UUID, Term> BY_ID = index();

    private HsdsVocabularies() {
    }

    public static List<Term> terms() {
        return TERMS;
    }

    public static Optional<Term> term(UUID id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static Optional<Taxonomy> taxonomy(UUID id) {
        return TAXONOMIES.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public static Term category(ServiceCategory c) {
        return BY_ID.get(termId(CATEGORIES, c.name()));
    }

    public static Term sector(PartnerSector s) {
        return BY_ID.get(termId(SECTORS, s.name()));
    }

    /** The community's term; null when the codifier does not know the code. */
    public static Term community(String code) {
        return code == null ? null : BY_ID.get(termId(COMMUNITIES, code));
    }

    /** The identifier of a term (kept from the first export: a UUID named by taxonomy key and code). */
    public static UUID termId(Taxonomy taxonomy, String code) {
        return id(taxonomy.key() + ":" + code);
    }

    private static List<Term> build() {
        List<Term> out = new ArrayList<>();
        labelled(out, CATEGORIES, ServiceCategory.values());
        labelled(out, SECTORS, PartnerSector.values());
        for (Codifier.Community c : Codifier.communities()) {
            String raion = c.raionName() == null ? "" : c.raionName() + " район, ";
            out.add(new Term(COMMUNITIES, termId(COMMUNITIES, c.code()), c.code(), c.name() + " територіальна громада",
                    "Territorial community " + c.name() + " (" + raion + c.oblastName() + "), KATOTTG " + c.code()));
        }
        return Collections.unmodifiableList(out);
    }

    private static void labelled(List<Term> out, Taxonomy taxonomy, Labelled[] codes) {
        Arrays.stream(codes).forEach(c -> out.add(new Term(taxonomy, termId(taxonomy, c.name()), c.name(), c.uk(), c.en())));
    }

    private static Map<UUID, Term> index() {
        Map<UUID, Term> m = new LinkedHashMap<>();
        TERMS.forEach(t -> m.put(t.id(), t));
        return Collections.unmodifiableMap(m);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
