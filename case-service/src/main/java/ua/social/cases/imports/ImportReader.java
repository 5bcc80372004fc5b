package ua.social.cases.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads an import file line by line into JSON objects, whichever its format: JSON Lines (one object a line) or
 * CSV (a header row naming the fields, then one record a row; list fields separated by {@code |}). A line that
 * cannot be read is handed on with what is wrong with it, so it is refused on its own. Blank lines are skipped.
 */
final class ImportReader implements Closeable {

    /** Fields that hold lists: in CSV their values are separated by {@value #LIST_SEPARATOR}. */
    static final Set<String> LIST_FIELDS = Set.of("vulnerableGroups", "needDomains", "criteria");
    static final String LIST_SEPARATOR = "|";
    /** A longer line is refused unread. */
    static final int MAX_LINE_LENGTH = 65_536;

    /** One line (or CSV record) of the file: its number (1-based, the first physical line), and its fields or a problem. */
    record Line(int number, ObjectNode fields, String field, String problem) {
    }

    private final BufferedReader in;
    private final ImportJob.Format format;
    private final ObjectMapper mapper;
    private List<String> header;
    private int physical;

    ImportReader(InputStream stream, ImportJob.Format format, ObjectMapper mapper) {
        this.in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        this.format = format;
        this.mapper = mapper;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        while (true) {
            String text = in.readLine();
            if (text == null) {
                return null;
            }
            physical++;
            if (physical == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            int number = physical;
            if (format == ImportJob.Format.JSONL) {
                return json(number, text);
            }
            List<String> cells = new ArrayList<>();
            String problem = csv(text, cells);
            if (header == null) {
                header = cells.stream().map(String::trim).toList();
                if (problem != null || !header.contains("kind") || !header.contains("externalId")) {
                    throw new IOException("line 1 is not a CSV header naming at least the columns kind and externalId");
                }
                continue;
            }
            if (problem != null) {
                return new Line(number, null, "line", problem);
            }
            if (cells.size() > header.size()) {
                return new Line(number, null, "line", "has " + cells.size() + " values but the header names "
                        + header.size() + " columns");
            }
            ObjectNode o = mapper.createObjectNode();
            for (int i = 0; i < cells.size(); i++) {
                String name = header.get(i);
                String value = cells.get(i).trim();
                if (name.isEmpty() || value.isEmpty()) {
                    continue;
                }
                if (LIST_FIELDS.contains(name)) {
                    ArrayNode list = o.putArray(name);
                    for (String item : value.split("\\" + LIST_SEPARATOR)) {
                        if (!item.isBlank()) {
                            list.add(item.trim());
                        }
                    }
                } else {
                    o.put(name, value);
                }
            }
            return new Line(number, o, null, null);
        }
    }

    private Line json(int number, String text) {
        if (text.length() > MAX_LINE_LENGTH) {
            return new Line(number, null, "line", "longer than " + MAX_LINE_LENGTH + " characters");
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (node instanceof ObjectNode o) {
                return new Line(number, o, null, null);
            }
            return new Line(number, null, "line", "not a JSON object");
        } catch (IOException e) {
            return new Line(number, null, "line", "not valid JSON");
        }
    }

    /**
     * Splits one CSV record (RFC 4180: quoted values may hold commas, doubled quotes and line breaks) into
     * {@code cells}; returns what is wrong with it, or null.
     */
    private String csv(String first, List<String> cells) throws IOException {
        StringBuilder cell = new StringBuilder();
        String text = first;
        int length = text.length();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i >= text.length()) {
                if (!quoted) {
                    break;
                }
                String more = in.readLine();
                if (more == null) {
                    return "a quoted value is not closed";
                }
                physical++;
                length += more.length() + 1;
                if (length > MAX_LINE_LENGTH) {
                    return "longer than " + MAX_LINE_LENGTH + " characters";
                }
                cell.append('\n');
                text = more;
                i = 0;
                continue;
            }
            char ch = text.charAt(i++);
            if (quoted) {
                if (ch == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return length > MAX_LINE_LENGTH ? "longer than " + MAX_LINE_LENGTH + " characters" : null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
