package ua.social.cases;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.PackageGraph;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages of case-service form layers, read from the sources: the REST resources and the referral-events
 * consumer on top, then record requests, cases, appeals, clients and services delivered, and the shared parts
 * below. No package reaches back up, so there are no cycles, and only the REST layer knows about REST.
 */
@Tag("fast")
class PackageLayeringTest {

    private static final PackageGraph GRAPH = PackageGraph.of(Path.of("src/main/java"), "ua.social.cases");

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
                Set.of("records", "imports"),
                Set.of("casefile"),
                Set.of("appeal"),
                Set.of("client", "delivery"),
                Set.of("events", "staff", "support", "reference"),
                Set.of("config")));
    }

    @Test
    void theGraphIsReadFromTheSources() {
        assertTrue(GRAPH.dependenciesOf("rest").containsAll(Set.of("casefile", "client", "appeal", "records")),
                () -> "rest uses " + GRAPH.dependenciesOf("rest"));
        assertTrue(GRAPH.dependenciesOf("casefile").contains("client"), () -> "casefile uses " + GRAPH.dependenciesOf("casefile"));
    }
}
