package ua.social.identity.web;

/**
 * The range of years the platform accepts in any date it is given (request bodies and query
 * parameters): four-digit years, so that far-off dates such as {@code +999999999-12-31} are a 400
 * naming the field rather than an overflow in date arithmetic or in the database.
 */
public final class Dates {

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;
    public static final String YEAR_MESSAGE = "the year must be between " + MIN_YEAR + " and " + MAX_YEAR;

    private Dates() {
    }

    public static boolean saneYear(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }
}
