package ua.social.contracts.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads an event's JSON data into its record, and writes a record as the JSON the schemas describe. A
 * consumer gets either the typed record or a {@link ContractViolation} naming the field; it never reads
 * fields by name.
 */
public final class EventJson {

    /**
     * The mapper of the contract: dates as ISO-8601 text with their offset kept, every property of the
     * record required (the schemas require them all; nullable ones are present as null), unknown
     * properties ignored (a newer producer may add optional ones).
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    private EventJson() {
    }

    /**
     * The data of an event of {@code type}, typed; empty when the type is not one of the platform's.
     *
     * @throws ContractViolation when the data breaks the type's contract
     */
    public static Optional<EventData> read(String type, JsonNode data) {
        Optional<EventType> t = EventType.of(type);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(t.get(), data));
    }

    public static EventData read(EventType type, JsonNode data) {
        return readAs(type.dataClass(), type.type(), data);
    }

    /**
     * Reads data of {@code type} expected to be one of {@code family} (a record, or {@code CaseEvent} /
     * {@code ReferralEvent}).
     *
     * @throws ContractViolation when the type is not one of the platform's, not of that family, or the
     *                           data breaks the type's contract
     */
    public static <T extends EventData> T read(Class<T> family, String type, JsonNode data) {
        EventType t = EventType.of(type).orElseThrow(() -> new ContractViolation(type + ": not an event type of the platform"));
        if (!family.isAssignableFrom(t.dataClass())) {
            throw new ContractViolation(type + ": not a " + family.getSimpleName());
        }
        return family.cast(read(t, data));
    }

    private static EventData readAs(Class<? extends EventData> dataClass, String type, JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new ContractViolation(type + ": data is not a JSON object");
        }
        try {
            EventData value = MAPPER.treeToValue(data, dataClass);
            if (!value.eventType().equals(type)) {
                throw new ContractViolation(type + ": data is that of " + value.eventType());
            }
            return value;
        } catch (ContractViolation e) {
            throw e;
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String why = cause instanceof ContractViolation cv ? cv.getMessage() : e.getOriginalMessage();
            throw new ContractViolation(type + ": " + (field.isEmpty() || cause instanceof ContractViolation ? "" : field + ": ")
                    + why, e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ContractViolation(type + ": " + e.getMessage(), e);
        }
    }

    /** The JSON tree of a record, as the schemas describe it. */
    public static JsonNode tree(EventData data) {
        return MAPPER.valueToTree(data);
    }
}
