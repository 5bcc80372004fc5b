package ua.social.reporting;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.PackageGraph;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages of reporting-service form layers, read from the sources: rest → statistics → replay → messaging
 * → projection → reference, with the configuration below all. No package reaches back up, so there are no
 * cycles, and only the REST layer knows about REST.
 */
@Tag("fast")
class PackageLayeringTest {

    private static final PackageGraph GRAPH = PackageGraph.of(Path.of("src/main/java"), "ua.social.reporting");

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
                Set.of("rest"),
                Set.of("statistics"),
                Set.of("replay"),
                Set.of("messaging"),
                Set.of("projection"),
                Set.of("reference"),
                Set.of("config")));
    }

    @Test
    void theGraphIsReadFromTheSources() {
        assertTrue(GRAPH.dependenciesOf("statistics").contains("projection"),
                () -> "statistics uses " + GRAPH.dependenciesOf("statistics"));
    }
}
