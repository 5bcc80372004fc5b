package ua.social.identity.web;

import ua.social.identity.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Query parameters parsed with a 400 problem naming the parameter (instead of JAX-RS's bare 404). */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "unknown value '" + value + "'; allowed: "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** A calendar date (YYYY-MM-DD) of a year between {@link Dates#MIN_YEAR} and {@link Dates#MAX_YEAR}. */
    public static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
        if (!Dates.saneYear(d.getYear())) {
            throw ProblemException.badRequest(name, Dates.YEAR_MESSAGE);
        }
        return d;
    }

    public static UUID uuid(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not a UUID");
        }
    }

    public static Boolean bool(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }

    /**
     * The highest page number: {@code page × size} must stay an int offset for every allowed size, so a
     * far page is a 400 naming {@code page}, not an overflowing database offset.
     */
    public static final int MAX_PAGE = Integer.MAX_VALUE / PageView.MAX_SIZE;

    /** A 0-based page number between 0 and {@link #MAX_PAGE}; absent means the first page. */
    public static int page(String value) {
        int page = integer(value, "page", 0);
        if (page < 0 || page > MAX_PAGE) {
            throw ProblemException.badRequest("page", "must be between 0 and " + MAX_PAGE);
        }
        return page;
    }

    /** A page size between 1 and {@link PageView#MAX_SIZE}; absent means {@code defaultSize}. */
    public static int size(String value, int defaultSize) {
        int size = integer(value, "size", defaultSize);
        if (size < 1 || size > PageView.MAX_SIZE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + PageView.MAX_SIZE);
        }
        return size;
    }

    public static int integer(String value, String name, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not an integer");
        }
    }

    public static String pattern(String value, String regex, String name, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.trim().matches(regex)) {
            throw ProblemException.badRequest(name, message);
        }
        return value.trim();
    }
}
