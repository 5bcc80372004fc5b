package ua.social.identity;

import ua.social.contracts.code.Codifier;
import ua.social.identity.problem.ProblemException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one territory rule of the platform: which territorial communities (hromadas, KATOTTG codes) exist
 * and which oblast (ISO 3166-2:UA code) each lies in, read from the official codifier shipped with this
 * contracts module ({@link Codifier}). The oblast of a community is looked up, never derived from
 * the code's digits: KATOTTG and ISO 3166-2:UA number five regions differently (Luhansk {@code UA44…} is
 * {@code UA-09}, Chernivtsi {@code UA73…} is {@code UA-77}, Crimea {@code UA01…} is {@code UA-43},
 * Kyiv {@code UA80…} is {@code UA-30}, Sevastopol {@code UA85…} is {@code UA-40}).
 *
 * <p>Every input that names an oblast or a community goes through {@link #requireOblast},
 * {@link #requireCommunity} and {@link #requireInOblast}: a malformed or unknown code, or a community
 * outside the oblast named with it, is a 400 problem naming the field.
 */
public final class Territory {

    public static final String EXAMPLE_OBLAST = "UA-53";
    public static final String EXAMPLE_COMMUNITY = "UA53080370000025447";

    /** A community of the codifier: its code and name, its raion, and its oblast's ISO code and name. */
    public static Optional<Codifier.Community> community(String code) {
        return Codifier.community(code);
    }

    private Territory() {
    }

    /** The ISO 3166-2:UA code of the oblast a community lies in, looked up in the codifier. */
    public static Optional<String> oblastOf(String community) {
        return Codifier.oblastOf(community);
    }

    public static boolean isOblast(String code) {
        return Codifier.isOblast(code);
    }

    public static boolean isCommunity(String code) {
        return Codifier.isCommunity(code);
    }

    public static boolean isCommunityFormat(String code) {
        return Codifier.isCommunityFormat(code);
    }

    public static boolean isOblastFormat(String code) {
        return Codifier.isOblastFormat(code);
    }

    /** Every oblast code of the codifier, sorted. */
    public static Set<String> oblasts() {
        return Codifier.oblasts();
    }

    /** Every community of the codifier, in the codifier's order. */
    public static List<Codifier.Community> communities() {
        return Codifier.communities();
    }

    /** The communities of one oblast, in the codifier's order. */
    public static List<Codifier.Community> communitiesOf(String oblast) {
        return Codifier.communitiesOf(oblast);
    }

    /** Why {@code value} is not a known oblast, or null when it is one. */
    public static String oblastProblem(String value) {
        if (value == null) {
            return null;
        }
        if (!isOblastFormat(value)) {
            return "must be an ISO 3166-2:UA code such as " + EXAMPLE_OBLAST;
        }
        if (!isOblast(value)) {
            return "unknown oblast '" + value + "'";
        }
        return null;
    }

    /** Why {@code value} is not a known community, or null when it is one. */
    public static String communityProblem(String value) {
        if (value == null) {
            return null;
        }
        if (!isCommunityFormat(value)) {
            return "must be a KATOTTG community code such as " + EXAMPLE_COMMUNITY;
        }
        if (!isCommunity(value)) {
            return "unknown community '" + value + "': not in the KATOTTG codifier";
        }
        return null;
    }

    /** The oblast code, trimmed and upper-cased; null when blank; else 400 naming {@code field}. */
    public static String requireOblast(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.trim().toUpperCase(Locale.ROOT);
        String problem = oblastProblem(code);
        if (problem != null) {
            throw ProblemException.badRequest(field, problem);
        }
        return code;
    }

    /** The community code, trimmed and upper-cased; null when blank; else 400 naming {@code field}. */
    public static String requireCommunity(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.trim().toUpperCase(Locale.ROOT);
        String problem = communityProblem(code);
        if (problem != null) {
            throw ProblemException.badRequest(field, problem);
        }
        return code;
    }

    /**
     * A known community of a known oblast, lying in that oblast; else 400 naming the offending field
     * ({@code communityField} when the pair does not belong together).
     */
    public static void requireInOblast(String oblast, String oblastField, String community, String communityField) {
        String o = requireOblast(oblast, oblastField);
        String c = requireCommunity(community, communityField);
        if (o == null || c == null) {
            return;
        }
        Codifier.Community known = Codifier.community(c).orElseThrow();
        String actual = known.oblast();
        if (!actual.equals(o)) {
            throw ProblemException.badRequest(communityField, "community " + c + " (" + known.name()
                    + ") lies in oblast " + actual + ", not in " + o);
        }
    }
}
