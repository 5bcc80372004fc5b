package ua.social.referral;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.PackageGraph;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages of referral-service form layers, read from the sources: the REST resources and the event
 * consumers on top, then partners' webhooks, then referrals, partners' API keys, the partner directory, and the case projection and shared
 * parts below. No package reaches back up, so there are no cycles, and only the REST layer knows about REST.
 */
@Tag("fast")
class PackageLayeringTest {

    private static final PackageGraph GRAPH = PackageGraph.of(Path.of("src/main/java"), "ua.social.referral");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        GRAPH.assertNoCycles();
    }

    @Test
    void onlyTheRestLayerUsesTheRestPackage() {
        GRAPH.assertUsedOnlyBy("rest", Set.of());
    }

    @Test
    void eachPackageUsesOnlyTheLayersBelowIt() {
        GRAPH.assertLayered(List.of(
                Set.of("rest", "messaging"),
                Set.of("fhir", "webhook"),
                Set.of("referral"),
                Set.of("apikey"),
                Set.of("partner"),
                Set.of("casefile", "support", "config")));
    }

    @Test
    void theGraphIsReadFromTheSources() {
        assertTrue(GRAPH.dependenciesOf("rest").containsAll(Set.of("referral", "partner", "apikey")),
                () -> "rest uses " + GRAPH.dependenciesOf("rest"));
        assertTrue(GRAPH.dependenciesOf("messaging").contains("casefile"),
                () -> "messaging uses " + GRAPH.dependenciesOf("messaging"));
    }
}
