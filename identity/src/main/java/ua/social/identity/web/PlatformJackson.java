package ua.social.identity.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * How every service reads a JSON body. Dates only as ISO-8601 strings (a JSON number or array is not taken as a
 * day or second count) and only with a year in {@link Dates}' range. Text only as text: a string holding a NUL
 * character or half of a surrogate pair is refused (PostgreSQL cannot store the one, and the other would be
 * stored as '?'). Anything else is a Jackson input error, which the shared problem mapping answers with a 400
 * naming the field. Jackson's own date deserializers still do the parsing; they are wrapped whichever module
 * registered them.
 */
@Singleton
public class PlatformJackson implements ObjectMapperCustomizer {

    private static final Map<Class<?>, ToIntFunction<Object>> YEARS = Map.of(
            LocalDate.class, d -> ((LocalDate) d).getYear(),
            OffsetDateTime.class, d -> ((OffsetDateTime) d).getYear(),
            ZonedDateTime.class, d -> ((ZonedDateTime) d).getYear(),
            Instant.class, d -> ((Instant) d).atOffset(ZoneOffset.UTC).getYear());

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule strictDates = new SimpleModule("platform-strict-dates");
        strictDates.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return YEARS.containsKey(type) && !(deserializer instanceof StrictDate)
                        ? new StrictDate(type, deserializer) : deserializer;
            }
        });
        strictDates.addDeserializer(String.class, new TextOnly());
        mapper.registerModule(strictDates);
    }

    /** What a string that is not text is told, in the 400 naming its field. */
    public static final String NOT_TEXT = "is not text: it holds a NUL character or half of a surrogate pair";

    /** Whether the string is text that can be stored: no NUL, no unpaired surrogate. */
    public static boolean isText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Jackson's own string reading, refusing what is not text. */
    static final class TextOnly extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            if (s != null && !isText(s)) {
                throw InvalidFormatException.from(p, NOT_TEXT, s, String.class);
            }
            return s;
        }
    }

    /** A date read by Jackson's own deserializer, but only from a string and only in the sane years. */
    static final class StrictDate extends JsonDeserializer<Object> implements ContextualDeserializer {
        private final Class<?> type;
        private final JsonDeserializer<?> delegate;

        StrictDate(Class<?> type, JsonDeserializer<?> delegate) {
            this.type = type;
            this.delegate = delegate;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(type, p);
            }
            String text = p.getText();
            Object value = delegate.deserialize(p, ctxt);
            if (value != null && !Dates.saneYear(YEARS.get(type).applyAsInt(value))) {
                throw InvalidFormatException.from(p, Dates.YEAR_MESSAGE, text, type);
            }
            return value;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            if (delegate instanceof ContextualDeserializer contextual) {
                return new StrictDate(type, contextual.createContextual(ctxt, property));
            }
            return this;
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}
