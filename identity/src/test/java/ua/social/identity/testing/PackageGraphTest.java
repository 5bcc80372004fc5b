package ua.social.identity.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The package graph the services' layering tests read from their sources. */
@Tag("fast")
class PackageGraphTest {

    @TempDir
    Path src;

    private void write(String pkg, String cls, String body) throws IOException {
        Path dir = src.resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(cls + ".java"), "package " + pkg + ";\n\n" + body + "\nclass " + cls + " {}\n");
    }

    @Test
    void aCycleIsNamedWithTheFilesBehindEachStep() throws IOException {
        write("ua.social.x.a", "A", "import ua.social.x.b.B;");
        write("ua.social.x.b", "B", "import ua.social.x.c.C;");
        write("ua.social.x.c", "C", "class D { Object o = new ua.social.x.a.A(); }");
        PackageGraph g = PackageGraph.of(src, "ua.social.x");
        assertEquals(Optional.of(List.of("a", "b", "c", "a")), g.cycle());
        AssertionFailedError e = assertThrows(AssertionFailedError.class, g::assertNoCycles);
        assertTrue(e.getMessage().contains("a → b → c → a"), e.getMessage());
        assertTrue(e.getMessage().contains("c → a: " + Path.of("ua/social/x/c/C.java")), e.getMessage());
    }

    @Test
    void commentsAndStringsAreNoDependency() throws IOException {
        write("ua.social.x.a", "A", "import ua.social.x.b.B;");
        write("ua.social.x.b", "B", "/** See {@link ua.social.x.a.A}. */\nclass E { String t = \"ua.social.x.a.A\"; } // ua.social.x.a.A");
        PackageGraph g = PackageGraph.of(src, "ua.social.x");
        assertEquals(Optional.empty(), g.cycle());
        assertDoesNotThrow(g::assertNoCycles);
        assertEquals(Set.of("b"), g.dependenciesOf("a"));
    }

    @Test
    void aPackageUsedOutsideItsAllowedUsersIsNamed() throws IOException {
        write("ua.social.x.rest", "R", "import ua.social.x.a.A;");
        write("ua.social.x.a", "A", "import static ua.social.x.rest.R.*;");
        PackageGraph g = PackageGraph.of(src, "ua.social.x");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> g.assertUsedOnlyBy("rest", Set.of()));
        assertTrue(e.getMessage().contains("used by a (" + Path.of("ua/social/x/a/A.java") + ")"), e.getMessage());
    }

    @Test
    void aDependencyAgainstTheLayeringIsNamed() throws IOException {
        write("ua.social.x.top", "T", "import ua.social.x.low.L;");
        write("ua.social.x.low", "L", "import ua.social.x.top.T;");
        PackageGraph g = PackageGraph.of(src, "ua.social.x");
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> g.assertLayered(List.of(Set.of("top"), Set.of("low"))));
        assertTrue(e.getMessage().contains("low → top"), e.getMessage());
        assertThrows(AssertionFailedError.class, () -> g.assertLayered(List.of(Set.of("top"))));
    }
}
