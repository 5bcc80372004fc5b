package ua.social.contracts.code;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The territorial communities (hromadas) of the official codifier КАТОТТГ and the oblast (ISO 3166-2:UA
 * code) each lies in, read from {@value #RESOURCE} shipped with this module. The oblast of a community is
 * looked up, never derived from the code's digits: KATOTTG and ISO 3166-2:UA number five regions
 * differently (Luhansk {@code UA44…} is {@code UA-09}, Chernivtsi {@code UA73…} is {@code UA-77}, Crimea
 * {@code UA01…} is {@code UA-43}, Kyiv {@code UA80…} is {@code UA-30}, Sevastopol {@code UA85…} is
 * {@code UA-40}).
 *
 * <p>Pure lookups; turning a refused code into an API error is the identity library's
 * {@code Territory}.
 */
public final class Codifier {

    /** Where the codifier is read from (on the classpath of every service). */
    public static final String RESOURCE = "/ua/social/contracts/katottg-communities.csv";

    private static final Pattern COMMUNITY_FORMAT = Pattern.compile("UA[0-9]{17}");
    private static final Pattern OBLAST_FORMAT = Pattern.compile("UA-[0-9]{2}");

    /** A community of the codifier: its code and name, its raion, and its oblast's ISO code and name. */
    public record Community(String code, String name, String raion, String raionName, String oblast,
                            String oblastName) {
    }

    private static final Map<String, Community> COMMUNITIES = load();
    private static final Set<String> OBLASTS = Collections.unmodifiableSet(new TreeSet<>(
            COMMUNITIES.values().stream().map(Community::oblast).toList()));

    private Codifier() {
    }

    private static Map<String, Community> load() {
        InputStream in = Codifier.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the territory codifier " + RESOURCE + " is missing from the classpath");
        }
        Map<String, Community> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null || !header.startsWith("hromada,hromada_name,raion,raion_name,oblast_katottg,oblast_name,oblast_iso")) {
                throw new IllegalStateException("unexpected header of " + RESOURCE + ": " + header);
            }
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 7 || !COMMUNITY_FORMAT.matcher(f[0]).matches() || !OBLAST_FORMAT.matcher(f[6]).matches()) {
                    throw new IllegalStateException("unexpected line of " + RESOURCE + ": " + line);
                }
                out.put(f[0], new Community(f[0], f[1], f[2].isEmpty() ? null : f[2], f[3].isEmpty() ? null : f[3],
                        f[6], f[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The community with this code, if the codifier has it. */
    public static Optional<Community> community(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(COMMUNITIES.get(code));
    }

    /** The ISO 3166-2:UA code of the oblast a community lies in, looked up in the codifier. */
    public static Optional<String> oblastOf(String community) {
        return community(community).map(Community::oblast);
    }

    /** True for the ISO 3166-2:UA code of an oblast, the Crimean republic or a city with special status. */
    public static boolean isOblast(String code) {
        return code != null && OBLASTS.contains(code);
    }

    public static boolean isCommunity(String code) {
        return code != null && COMMUNITIES.containsKey(code);
    }

    /** Shaped like a KATOTTG community code ({@code UA} and 17 digits); says nothing about existence. */
    public static boolean isCommunityFormat(String code) {
        return code != null && COMMUNITY_FORMAT.matcher(code).matches();
    }

    /** Shaped like an ISO 3166-2:UA code ({@code UA-} and 2 digits); says nothing about existence. */
    public static boolean isOblastFormat(String code) {
        return code != null && OBLAST_FORMAT.matcher(code).matches();
    }

    /** Every oblast code of the codifier, sorted. */
    public static Set<String> oblasts() {
        return OBLASTS;
    }

    /** Every community of the codifier, in the codifier's order. */
    public static List<Community> communities() {
        return List.copyOf(COMMUNITIES.values());
    }

    /** The communities of one oblast, in the codifier's order. */
    public static List<Community> communitiesOf(String oblast) {
        return COMMUNITIES.values().stream().filter(c -> c.oblast().equals(oblast)).toList();
    }
}
