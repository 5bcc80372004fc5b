package ua.social.e2e;

import java.time.Year;
import java.time.ZoneId;

/**
 * The period these tests read the ministry's statistics over: the current calendar year in Kyiv. The
 * statistics answer whole calendar months, quarters and years only (a defence against differencing), and
 * the demo dataset keeps its history inside the current year.
 */
final class ThisYear {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private ThisYear() {
    }

    static String from() {
        return Year.now(KYIV).atDay(1).toString();
    }

    static String to() {
        return Year.now(KYIV).atMonth(12).atEndOfMonth().toString();
    }
}
