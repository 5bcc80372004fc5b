package ua.social.contracts.code;

import java.util.ArrayList;
import java.util.List;

/** Conversions between stored code names and the shared code enums. */
public final class Codes {

    private Codes() {
    }

    /**
     * The codes named in {@code names}, in their order; null for null (a list the event may omit).
     *
     * @throws IllegalArgumentException naming the value that is not a code of {@code type}
     */
    public static <E extends Enum<E>> List<E> list(Class<E> type, List<String> names) {
        if (names == null) {
            return null;
        }
        List<E> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(Enum.valueOf(type, n));
        }
        return out;
    }
}
