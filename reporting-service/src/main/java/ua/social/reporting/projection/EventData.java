package ua.social.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import ua.social.identity.Territory;
import ua.social.messaging.CloudEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Typed, checked access to an event's JSON data; a field that breaks the contract raises {@link InvalidEvent}. */
final class EventData {

    private final CloudEvent event;
    private final JsonNode data;

    EventData(CloudEvent event) {
        this.event = event;
        this.data = event.data();
        if (data == null || !data.isObject()) {
            throw invalid("data is not a JSON object");
        }
    }

    String text(String field) {
        String value = optionalText(field);
        if (value == null || value.isBlank()) {
            throw invalid(field + " is missing");
        }
        return value;
    }

    String optionalText(String field) {
        JsonNode n = data.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw invalid(field + " is not a string");
        }
        return n.asText();
    }

    UUID uuid(String field) {
        UUID value = optionalUuid(field);
        if (value == null) {
            throw invalid(field + " is missing");
        }
        return value;
    }

    UUID optionalUuid(String field) {
        String value = optionalText(field);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field + " is not a UUID");
        }
    }

    OffsetDateTime time(String field) {
        OffsetDateTime value = optionalTime(field);
        if (value == null) {
            throw invalid(field + " is missing");
        }
        return value;
    }

    OffsetDateTime optionalTime(String field) {
        String value = optionalText(field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field + " is not a date-time");
        }
    }

    LocalDate date(String field) {
        try {
            return LocalDate.parse(text(field));
        } catch (DateTimeParseException e) {
            throw invalid(field + " is not a date");
        }
    }

    String oblast(String field) {
        String value = text(field);
        if (!Territory.isOblastFormat(value)) {
            throw invalid(field + " is not an oblast code");
        }
        return value;
    }

    String hromada(String field) {
        String value = text(field);
        if (!Territory.isCommunityFormat(value)) {
            throw invalid(field + " is not a KATOTTG community code");
        }
        return value;
    }

    <E extends Enum<E>> String enumName(String field, Class<E> type) {
        return known(field, text(field), type);
    }

    /** A list of enum names; null and absent mean an empty list. */
    <E extends Enum<E>> List<String> enumList(String field, Class<E> type) {
        JsonNode n = data.get(field);
        List<String> values = new ArrayList<>();
        if (n == null || n.isNull()) {
            return values;
        }
        if (!n.isArray()) {
            throw invalid(field + " is not an array");
        }
        for (JsonNode item : n) {
            String value = known(field, item.asText(), type);
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }

    private <E extends Enum<E>> String known(String field, String value, Class<E> type) {
        if (Arrays.stream(type.getEnumConstants()).noneMatch(e -> e.name().equals(value))) {
            throw invalid(field + " has an unknown value '" + value + "'");
        }
        return value;
    }

    InvalidEvent invalid(String message) {
        return new InvalidEvent(event.type() + " " + event.id() + ": " + message);
    }
}
