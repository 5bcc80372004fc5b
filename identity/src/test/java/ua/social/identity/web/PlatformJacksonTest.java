package ua.social.identity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Dates in a request body: ISO strings of a four-digit year, nothing else. */
@Tag("fast")
class PlatformJacksonTest {

    record Body(LocalDate day, OffsetDateTime at) {
    }

    private static boolean before;

    /** Our customizer before or after the Java time module (the order Quarkus applies them in may vary). */
    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        before = !before;
        if (before) {
            new PlatformJackson().customize(m);
            m.registerModule(new JavaTimeModule());
        } else {
            m.registerModule(new JavaTimeModule());
            new PlatformJackson().customize(m);
        }
        return m;
    }

    @Test
    void isoDatesOfSaneYearsAreRead() throws Exception {
        for (int order = 0; order < 2; order++) {
            Body b = mapper().readValue("{\"day\":\"1980-05-17\",\"at\":\"2026-01-10T10:00:00+02:00\"}", Body.class);
            assertEquals(LocalDate.of(1980, 5, 17), b.day());
            assertEquals(2026, b.at().getYear());
        }
    }

    @Test
    void aDateSentAsANumberOrAnArrayIsRefused() {
        assertThrows(MismatchedInputException.class, () -> mapper().readValue("{\"day\":3650}", Body.class));
        assertThrows(MismatchedInputException.class, () -> mapper().readValue("{\"day\":[1980,5,17]}", Body.class));
        assertThrows(MismatchedInputException.class, () -> mapper().readValue("{\"at\":1700000000}", Body.class));
        assertThrows(MismatchedInputException.class, () -> mapper().readValue("{\"day\":3650}", Body.class));
    }

    @Test
    void farOffYearsAreRefused() {
        for (String day : new String[]{"+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-12-31"}) {
            assertThrows(MismatchedInputException.class, () -> mapper().readValue("{\"day\":\"" + day + "\"}", Body.class),
                    day);
        }
        for (String at : new String[]{"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z"}) {
            assertThrows(MismatchedInputException.class, () -> mapper().readValue("{\"at\":\"" + at + "\"}", Body.class), at);
        }
    }
}
