package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The operator's {@code platform_outbox_backlog} stays true and cheap however long the backlog: a short one is
 * counted, a long one (a bulk import, an outage of Kafka) is the span of its sequence numbers, read from the ends
 * of the unpublished-rows index instead of counting millions of rows every 5 s.
 */
@QuarkusTest
class OutboxBacklogTest {

    /** messaging's OutboxRelay.RELAY_LOCK: while the test holds it, the relay skips its rounds. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    private static final String TOPIC = "test.outbox-backlog-not-published";

    @Inject
    DataSource dataSource;

    @Test
    void aBacklogBeyondTenThousandEventsIsMeasuredByItsSpanAndAShortOneIsCountedExactly() throws SQLException {
        try (Connection relayTurn = dataSource.getConnection(); Connection writer = dataSource.getConnection();
             Statement hold = relayTurn.createStatement(); Statement write = writer.createStatement()) {
            relayTurn.setAutoCommit(false);
            hold.execute("SELECT pg_advisory_xact_lock(" + RELAY_LOCK + ")");
            try {
                write.execute("INSERT INTO outbox_event (id, topic, event_key, type, source, occurred_at, payload) "
                        + "SELECT gen_random_uuid(), '" + TOPIC + "', 'k' || i, 'ua.social.test', 'test', now(), '{}' "
                        + "FROM generate_series(1, 12000) AS i");
                String first = "(SELECT min(seq) FROM outbox_event WHERE topic = '" + TOPIC + "')";
                // one row gone from the middle: 11,999 wait, but a long backlog is its span (an upper bound),
                // read from the index's two ends, not counted
                write.execute("DELETE FROM outbox_event WHERE seq = " + first + " + 6000");
                awaitBacklog(12_000);

                // a short backlog (101 numbers, one of them gone) is counted row by row: exactly 100
                write.execute("DELETE FROM outbox_event WHERE topic = '" + TOPIC + "' AND seq > " + first + " + 100");
                write.execute("DELETE FROM outbox_event WHERE seq = " + first + " + 50");
                awaitBacklog(100);
            } finally {
                // never published: the topic is not one of the platform's
                write.execute("DELETE FROM outbox_event WHERE topic = '" + TOPIC + "'");
                relayTurn.rollback();
            }
        }
        awaitBacklog(0);
    }

    private static void awaitBacklog(long expected) {
        Pattern gauge = Pattern.compile("(?m)^platform_outbox_backlog(?:\\{[^}]*})? ([0-9.E]+)$");
        await("platform_outbox_backlog to read " + expected).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
                    Matcher m = gauge.matcher(metrics);
                    return m.find() && (long) Double.parseDouble(m.group(1)) == expected;
                });
    }
}
