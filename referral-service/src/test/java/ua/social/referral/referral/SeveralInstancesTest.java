package ua.social.referral.referral;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.TestClock;
import ua.social.messaging.OutboxRelay;
import ua.social.referral.support.Api.PartnerSetup;
import ua.social.referral.support.CaseFeed.TestCase;
import ua.social.referral.support.ReferralEventsReader;
import ua.social.referral.support.ReferralEventsReader.Event;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.identity.testing.DemoUsers.MANAGER2_POLTAVA;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.openCase;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.sent;

/**
 * What several instances of referral-service share only through PostgreSQL: the overdue check, the
 * outbox relay and the partner rate limit. Two of each run at once here against the one database (as two
 * instances would, each in its own transaction); the scheduled ones of this instance run alongside.
 * {@code platform-tests} ReplicasTest proves the same with two real processes behind HAProxy.
 */
@QuarkusTest
class SeveralInstancesTest {

    private static final String CM = MANAGER2_POLTAVA;

    @Inject
    ResponseDeadlines deadlines;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;

    @Test
    void twoOverdueChecksRunningAtOnceAnnounceEachLateReferralOnce() throws Exception {
        TestClock clock = new TestClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        try (ReferralEventsReader events = new ReferralEventsReader()) {
            TestCase c = openCase(CM, true);
            PartnerSetup p = newPartner("HEALTH", "MEDICAL");
            String key = issueKey(p.partnerId());
            List<String> late = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                late.add(sent(CM, c, p, "EMERGENCY"));
            }
            clock.advance(Duration.ofHours(4));
            twoAtOnce(() -> deadlines.flagBatch());
            for (String id : late) {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                        .until(() -> as(CM).get("/referrals/" + id).<Boolean>path("overdue"));
            }

            // once the partner's later answer is on the topic, every overdue event of the case before it is too
            String last = late.get(late.size() - 1);
            partner(key).body(Map.of("status", "ACCEPTED")).post("/partner/referrals/" + last + "/transitions")
                    .then().statusCode(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> events.ofCase(c.id().toString()).stream()
                    .anyMatch(e -> e.type().equals("ua.social.referral.accepted")));
            Map<String, Long> overdueEvents = events.ofCase(c.id().toString()).stream()
                    .filter(e -> e.type().equals("ua.social.referral.response-overdue"))
                    .collect(Collectors.groupingBy(e -> e.data().get("referralId").asText(), Collectors.counting()));
            assertEquals(late.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)), overdueEvents,
                    "one response-overdue event per late referral");
        }
    }

    @Test
    void anOverdueCheckSkipsAReferralAnotherInstanceHoldsInsteadOfWaitingForIt() throws Exception {
        TestClock clock = new TestClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("HEALTH", "MEDICAL");
        String held = sent(CM, c, p, "EMERGENCY");
        String free = sent(CM, c, p, "EMERGENCY");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // "another instance" holds the row of one referral in an open transaction
            Future<?> holder = other.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                // the lock a status change or another instance's check takes
                em.createNativeQuery("SELECT id FROM referral WHERE id = ?1 FOR NO KEY UPDATE")
                        .setParameter(1, UUID.fromString(held)).getSingleResult();
                locked.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertTrue(locked.await(20, TimeUnit.SECONDS), "the row is held");
            clock.advance(Duration.ofHours(4));
            ExecutorService check = Executors.newSingleThreadExecutor();
            try {
                // returns at once instead of waiting for the held row; flags what is free
                check.submit(() -> deadlines.flagBatch()).get(10, TimeUnit.SECONDS);
            } finally {
                check.shutdown();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> as(CM).get("/referrals/" + free).<Boolean>path("overdue"));
            assertTrue(overdueAt(held) == null, "the held referral waits for a later round");
            release.countDown();
            holder.get(20, TimeUnit.SECONDS);
            // the next round (the scheduled check, every second in tests) flags it
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                    .until(() -> as(CM).get("/referrals/" + held).<Boolean>path("overdue"));
        } finally {
            release.countDown();
            other.shutdown();
        }
    }

    @Test
    void twoRelaysRunningAtOncePublishEachEventOnceInOrder() throws Exception {
        try (ReferralEventsReader events = new ReferralEventsReader()) {
            TestCase c = openCase(CM, true);
            PartnerSetup p = newPartner("HEALTH", "MEDICAL");
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<String>> referrals = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                referrals.add(writers.submit(() -> sent(CM, c, p, "ROUTINE")));
            }
            // while the referrals are written, two more relays publish alongside the scheduled one
            ExecutorService relays = Executors.newFixedThreadPool(2);
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                rounds.add(relays.submit(() -> {
                    int published = 0;
                    while (!referrals.stream().allMatch(Future::isDone) || unpublished(c) > 0) {
                        published += relay.publishBatch();
                    }
                    return published;
                }));
            }
            for (Future<String> f : referrals) {
                f.get(60, TimeUnit.SECONDS);
            }
            for (Future<Integer> f : rounds) {
                f.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();
            relays.shutdown();

            Map<String, List<String>> written = outboxIdsByReferral(c);
            assertEquals(12, written.size(), "12 referrals written");
            int total = written.values().stream().mapToInt(List::size).sum();
            assertEquals(24, total, "drafted and requested: two events of each referral in the outbox");
            await().atMost(Duration.ofSeconds(20)).until(() -> events.ofCase(c.id().toString()).size() >= total);
            List<Event> published = events.ofCase(c.id().toString());
            assertEquals(total, published.stream().map(Event::id).collect(Collectors.toSet()).size(),
                    "no event published twice");
            assertEquals(written, published.stream().collect(Collectors.groupingBy(
                            e -> e.data().get("referralId").asText(), Collectors.mapping(Event::id, Collectors.toList()))),
                    "every event published once, those of a referral in the order they were written");
        }
    }

    @Test
    void concurrentRequestsOfOneKeyAreAdmittedUpToTheLimitInTotal() throws Exception {
        TestClock clock = new TestClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        String secret = issueKey(newPartner("HUMANITARIAN", "MATERIAL_ECONOMIC").partnerId());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            answers.add(pool.submit(() -> partner(secret).get("/partner/referrals")));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : answers) {
            responses.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
        assertEquals(Map.of(200, 40L, 429, 20L), byStatus, "40 per minute in tests, counted once for all requests");
        responses.stream().filter(r -> r.statusCode() == 429).forEach(r -> r.then()
                .contentType("application/problem+json").body("type", containsString("rate-limited"))
                .header("Retry-After", notNullValue()));
    }

    /** The referral's overdue flag as stored (a plain read, which no row lock blocks). */
    private Object overdueAt(String referralId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT response_overdue_at FROM referral WHERE id = ?1")
                .setParameter(1, UUID.fromString(referralId)).getSingleResult());
    }

    private long unpublished(TestCase c) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE event_key = ?1 AND published_at IS NULL")
                .setParameter(1, c.id().toString()).getSingleResult()).longValue());
    }

    /** The outbox's events of the case, by referral, in the order they were written. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> outboxIdsByReferral(TestCase c) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT CAST(id AS text), payload->>'referralId' FROM outbox_event WHERE event_key = ?1 ORDER BY seq")
                .setParameter(1, c.id().toString()).getResultList());
        return rows.stream().collect(Collectors.groupingBy(r -> (String) r[1],
                Collectors.mapping(r -> (String) r[0], Collectors.toList())));
    }

    /** Runs the task on two threads released at the same moment; their results. */
    private static <T> List<T> twoAtOnce(Callable<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(two.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : results) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            two.shutdown();
        }
    }
}
