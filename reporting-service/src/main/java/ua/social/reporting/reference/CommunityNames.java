package ua.social.reporting.reference;

import ua.social.contracts.code.Codifier;
import ua.social.identity.Territory;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The communities of the KATOTTG codifier as the ministry reads them: each with a label a person can tell apart,
 * its name, raion and oblast ("Полтавська — Полтавський р-н, Полтавська обл."); the few that would still read
 * alike carry their code too. The dashboard's community filter offers these labels and the statistics rows of
 * communities carry them.
 */
public final class CommunityNames {

    public static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    /** A community of the codifier with its label; {@code label} is unique across the codifier. */
    public record Community(String code, String name, String raionName, String oblast, String oblastName, String label) {
    }

    /** All of them, sorted by name as Ukrainian sorts (Є after Е, І and Ї after И). */
    private static final List<Community> ALL = load();
    private static final Map<String, Community> BY_CODE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Community::code, Function.identity()));

    private CommunityNames() {
    }

    private static List<Community> load() {
        Function<Codifier.Community, String> place = c -> c.name() + " — "
                + (c.raionName() == null ? "" : c.raionName() + " р-н, ") + c.oblastName()
                + (c.oblastName().endsWith("ська") || c.oblastName().endsWith("цька") || c.oblastName().endsWith("зька")
                ? " обл." : "");
        Map<String, Long> alike = Territory.communities().stream().collect(Collectors.groupingBy(place, Collectors.counting()));
        Collator collator = Collator.getInstance(UKRAINIAN);
        return Territory.communities().stream()
                .map(c -> new Community(c.code(), c.name(), c.raionName(), c.oblast(), c.oblastName(),
                        place.apply(c) + (alike.get(place.apply(c)) > 1 ? " (" + c.code() + ")" : "")))
                .sorted(Comparator.comparing(Community::name, collator)
                        .thenComparing(Community::label, collator).thenComparing(Community::code))
                .toList();
    }

    public static List<Community> all() {
        return ALL;
    }

    /** The label of a community code; the code itself for one the codifier does not know (older records). */
    public static String labelOf(String code) {
        Community c = BY_CODE.get(code);
        return c == null ? code : c.label();
    }
}
