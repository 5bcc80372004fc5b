package ua.social.identity.web;

import java.util.List;

/** One page of a list, as every list endpoint of the platform returns it. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static final int MAX_SIZE = 200;

    public static <T> PageView<T> of(List<T> items, int page, int size, long total) {
        return new PageView<>(items, page, size, total, size == 0 ? 0 : (total + size - 1) / size);
    }
}
