package ua.social.contracts.name;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Folds a name to a key that is insensitive to case, apostrophes, hyphens and to the common
 * ways Ukrainian names are written in Latin letters: "Олійник", "Oliinyk", "Oliynyk" and
 * "Olijnyk" fold alike, and so do "Гнатюк" and "Gnatyuk". Used for likely-duplicate checks and
 * for searching by a name fragment typed in either alphabet.
 */
public final class NameFolding {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"),
            Map.entry('ґ', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('є', "ie"),
            Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "y"), Map.entry('і', "i"),
            Map.entry('ї', "i"), Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('л', "l"),
            Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"),
            Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ь', ""), Map.entry('ъ', ""),
            Map.entry('ю', "iu"), Map.entry('я', "ia"), Map.entry('ы', "y"), Map.entry('э', "e"),
            Map.entry('ё', "e"));

    private static final String[][] LATIN_FOLDS = {
            {"shch", "sc"}, {"sch", "sc"}, {"tch", "c"}, {"kh", "h"}, {"zh", "z"}, {"ch", "c"}, {"sh", "s"},
            {"ts", "c"}, {"tz", "c"}, {"ck", "k"}, {"w", "v"}, {"x", "ks"}, {"q", "k"}, {"g", "h"},
            {"ye", "e"}, {"ie", "e"}, {"je", "e"}, {"yu", "u"}, {"iu", "u"}, {"ju", "u"},
            {"ya", "a"}, {"ia", "a"}, {"ja", "a"}, {"yi", "i"}, {"ji", "i"}, {"y", "i"}, {"j", "i"}};

    private NameFolding() {
    }

    /** Folds one name or fragment; keeps spaces between words, drops everything not a letter. */
    public static String fold(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        StringBuilder latin = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String t = CYRILLIC.get(c);
            if (t != null) {
                latin.append(t);
            } else if (c >= 'a' && c <= 'z') {
                latin.append(c);
            } else if (Character.isWhitespace(c) || c == '-') {
                latin.append(' ');
            } else if (Character.isLetter(c)) {
                // accented Latin letters: strip the accent
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                latin.append(base.matches("[a-z]+") ? base : "");
            }
            // apostrophes (', ’, ʼ, `) and other marks vanish
        }
        StringBuilder out = new StringBuilder();
        for (String word : latin.toString().trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String w = word;
            for (String[] f : LATIN_FOLDS) {
                w = w.replace(f[0], f[1]);
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(collapseRepeats(w));
        }
        return out.toString();
    }

    private static String collapseRepeats(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            if (i == 0 || w.charAt(i) != w.charAt(i - 1)) {
                b.append(w.charAt(i));
            }
        }
        return b.toString();
    }

    /** Levenshtein distance, for "close" names (a typo, one letter dropped). */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
