package ua.social.cases.rest;

import ua.social.identity.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Query parameters parsed with a 400 problem naming the parameter (instead of JAX-RS's bare 404). */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
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

    static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    static UUID uuid(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not a UUID");
        }
    }

    static Boolean bool(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }

    static int page(int page) {
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        return page;
    }

    static int size(int size) {
        if (size < 1 || size > ua.social.identity.web.PageView.MAX_SIZE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + ua.social.identity.web.PageView.MAX_SIZE);
        }
        return size;
    }
}
