package ua.social.identity.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The package dependency graph of a service, read from its main source files (no compiled classes, no
 * framework): package {@code a} depends on package {@code b} when a file of {@code a} names a class of
 * {@code b} by its qualified name, in an import or in code. Comments and string literals are left out, so an
 * event type such as {@code "ua.social.referral.accepted"} is not a dependency. Packages are named relative to
 * the service's base package ({@code casefile}, not {@code ua.social.cases.casefile}); classes directly in the
 * base package belong to {@link #ROOT}.
 */
public final class PackageGraph {

    public static final String ROOT = "(root)";

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern NOISE = Pattern.compile(
            "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'|//[^\\n]*|/\\*[\\s\\S]*?\\*/");

    private final String base;
    /** from → to → the files of {@code from} that name {@code to}. */
    private final Map<String, Map<String, Set<String>>> edges = new TreeMap<>();

    private PackageGraph(String base) {
        this.base = base;
    }

    /** Reads every {@code .java} file under {@code sourceRoot} whose package is {@code basePackage} or below it. */
    public static PackageGraph of(Path sourceRoot, String basePackage) {
        PackageGraph g = new PackageGraph(basePackage);
        Map<Path, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(f, Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> packages = new TreeSet<>();
        Map<Path, String> packageOf = new LinkedHashMap<>();
        sources.forEach((file, text) -> {
            Matcher m = PACKAGE.matcher(text);
            if (m.find() && g.owns(m.group(1))) {
                packageOf.put(file, g.relative(m.group(1)));
                packages.add(g.relative(m.group(1)));
            }
        });
        packages.forEach(p -> g.edges.put(p, new TreeMap<>()));
        Pattern named = Pattern.compile("\\b" + Pattern.quote(basePackage) + "((?:\\.[a-z_][\\w]*)*)\\.[A-Z*]");
        packageOf.forEach((file, from) -> {
            String code = NOISE.matcher(sources.get(file)).replaceAll(" ");
            code = PACKAGE.matcher(code).replaceFirst(" ");
            Matcher m = named.matcher(code);
            while (m.find()) {
                String to = m.group(1).isEmpty() ? ROOT : m.group(1).substring(1);
                if (!to.equals(from) && packages.contains(to)) {
                    g.edges.get(from).computeIfAbsent(to, k -> new TreeSet<>())
                            .add(sourceRoot.relativize(file).toString());
                }
            }
        });
        if (packages.isEmpty()) {
            throw new IllegalStateException("no source files of package " + basePackage + " under " + sourceRoot);
        }
        return g;
    }

    private boolean owns(String pkg) {
        return pkg.equals(base) || pkg.startsWith(base + ".");
    }

    private String relative(String pkg) {
        return pkg.equals(base) ? ROOT : pkg.substring(base.length() + 1);
    }

    public Set<String> packages() {
        return edges.keySet();
    }

    /** The packages {@code from} depends on directly. */
    public Set<String> dependenciesOf(String from) {
        return edges.getOrDefault(from, Map.of()).keySet();
    }

    /** The files of {@code from} that name a class of {@code to}. */
    public Set<String> filesNaming(String from, String to) {
        return edges.getOrDefault(from, Map.of()).getOrDefault(to, Set.of());
    }

    /** A shortest cycle through the first package that lies on one, as {@code [a, b, …, a]}; empty when there is none. */
    public Optional<List<String>> cycle() {
        for (String start : edges.keySet()) {
            Optional<List<String>> c = shortestPath(start, start);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** Breadth-first: the shortest path of dependencies from {@code from} back to {@code to}. */
    private Optional<List<String>> shortestPath(String from, String to) {
        Map<String, String> previous = new LinkedHashMap<>();
        List<String> queue = new ArrayList<>(dependenciesOf(from));
        queue.forEach(n -> previous.put(n, from));
        for (int i = 0; i < queue.size(); i++) {
            String n = queue.get(i);
            if (n.equals(to)) {
                List<String> path = new ArrayList<>();
                String at = to;
                path.add(0, at);
                do {
                    at = previous.get(at);
                    path.add(0, at);
                } while (!at.equals(from));
                return Optional.of(path);
            }
            for (String next : dependenciesOf(n)) {
                if (!previous.containsKey(next)) {
                    previous.put(next, n);
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }

    /** Fails naming a cycle of package dependencies, and the files behind each of its steps. */
    public void assertNoCycles() {
        cycle().ifPresent(c -> {
            StringBuilder why = new StringBuilder("package cycle in " + base + ": " + String.join(" → ", c));
            for (int i = 0; i + 1 < c.size(); i++) {
                why.append("\n  ").append(c.get(i)).append(" → ").append(c.get(i + 1)).append(": ")
                        .append(String.join(", ", filesNaming(c.get(i), c.get(i + 1))));
            }
            fail(why.toString());
        });
    }

    /** Fails naming every file of a package outside {@code allowed} that names a class of {@code pkg}. */
    public void assertUsedOnlyBy(String pkg, Collection<String> allowed) {
        List<String> offenders = new ArrayList<>();
        for (String from : edges.keySet()) {
            if (!from.equals(pkg) && !allowed.contains(from) && dependenciesOf(from).contains(pkg)) {
                offenders.add(from + " (" + String.join(", ", filesNaming(from, pkg)) + ")");
            }
        }
        if (!offenders.isEmpty()) {
            fail("only " + (allowed.isEmpty() ? "itself" : String.join(", ", allowed)) + " may use " + base + "."
                    + pkg + "; used by " + String.join("; ", offenders));
        }
    }

    /**
     * Fails naming each dependency that goes up: {@code layers} lists the service's packages from the top (what
     * nothing else uses) down, and a package may use only packages of lower layers. Every package must be listed.
     */
    public void assertLayered(List<Set<String>> layers) {
        Map<String, Integer> level = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (String p : layers.get(i)) {
                level.put(p, i);
            }
        }
        Set<String> unlisted = new LinkedHashSet<>(edges.keySet());
        unlisted.removeAll(level.keySet());
        if (!unlisted.isEmpty()) {
            fail("packages of " + base + " missing from the layering: " + unlisted);
        }
        List<String> upward = new ArrayList<>();
        edges.forEach((from, tos) -> tos.forEach((to, files) -> {
            if (level.get(to) <= level.get(from)) {
                upward.add(from + " → " + to + " (" + String.join(", ", files) + ")");
            }
        }));
        if (!upward.isEmpty()) {
            fail("dependencies against the layering of " + base + ": " + String.join("; ", upward));
        }
    }
}
