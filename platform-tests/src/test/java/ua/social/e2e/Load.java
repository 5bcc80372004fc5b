package ua.social.e2e;

import ua.social.identity.testing.DemoUsers;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Steady load of about 20 requests a second, as the people of one community work together: the front
 * office registers persons, records appeals and opens cases; two case managers move cases to
 * assessment, record services and close cases, and refer clients to partners; the partners answer
 * with their API keys. Every write and its outcome goes into a ledger, so that after a fault the
 * checks know exactly what was acknowledged.
 *
 * <p>A write that gets no HTTP answer (the process is dead, the connection was cut) or a 503 is
 * retried every second with the same request and the same {@code Idempotency-Key}, so its outcome
 * becomes known; a state change that cannot carry a key and answers 409 on a retry is looked up to
 * see whether the first attempt took effect.
 */
final class Load implements AutoCloseable {

    static final String HROMADA = DemoUsers.POLTAVA_HROMADA;
    static final String INTAKE = DemoUsers.INTAKE_POLTAVA;
    static final List<String> MANAGERS = List.of(DemoUsers.MANAGER1_POLTAVA, DemoUsers.MANAGER2_POLTAVA);
    /** Open cases of the load per case manager, kept below the brokerage caseload limit (35). */
    static final int ACTIVE_CAP = 16;
    static final int TICK_MILLIS = 50;
    static final int MAX_IN_FLIGHT = 40;
    static final Duration RETRY_BUDGET = Duration.ofSeconds(150);

    record PoolCase(String id, String manager) {
    }

    record CaseRef(String id, String manager) {
    }

    /** A referral of the load: its case, the partner it went to, and every acknowledged change, in order. */
    static final class Referral {
        final String id;
        final PoolCase onCase;
        final RunningPlatform.Partner partner;
        final List<String> changes = Collections.synchronizedList(new ArrayList<>());
        volatile String status;

        Referral(String id, PoolCase onCase, RunningPlatform.Partner partner) {
            this.id = id;
            this.onCase = onCase;
            this.partner = partner;
        }
    }

    /** One write: sent until it gets a definitive answer or the retry budget is spent. */
    private final class Write {
        final String kind;
        final ServiceProcess service;
        final String method = "POST";
        final String path;
        final String user;
        final String apiKey;
        final Object body;
        final String idempotencyKey;
        final Consumer<Http.Resp> onAck;
        final Runnable onRefused;
        final Callable<Boolean> inEffect;
        final Instant deadline = Instant.now().plus(RETRY_BUDGET);
        final FaultWindow window;
        volatile boolean retried;

        Write(String kind, ServiceProcess service, String path, String user, String apiKey, Object body,
              boolean idempotent, Callable<Boolean> inEffect, Consumer<Http.Resp> onAck, Runnable onRefused) {
            this.kind = kind;
            this.service = service;
            this.path = path;
            this.user = user;
            this.apiKey = apiKey;
            this.body = body;
            this.idempotencyKey = idempotent ? UUID.randomUUID().toString() : null;
            this.inEffect = inEffect;
            this.onAck = onAck;
            this.onRefused = onRefused;
            this.window = Load.this.window;
        }
    }

    private final RunningPlatform platform;
    final StaffTokens tokens = new StaffTokens();
    final List<RunningPlatform.Partner> partners = new ArrayList<>();
    final List<PoolCase> pool = new ArrayList<>();

    // the ledger: what was acknowledged
    final Set<String> clients = ConcurrentHashMap.newKeySet();
    final Set<String> appeals = ConcurrentHashMap.newKeySet();
    /** case id → its stage as acknowledged */
    final Map<String, String> caseStages = new ConcurrentHashMap<>();
    /** case id → the services recorded on it */
    final Map<String, Set<String>> services = new ConcurrentHashMap<>();
    final Map<String, Referral> referrals = new ConcurrentHashMap<>();
    /** client id → the window of its first acknowledged appeal (a new person in the statistics) */
    final Map<String, FaultWindow> firstContact = new ConcurrentHashMap<>();
    /** what each window acknowledged, for the presence checks */
    final Map<FaultWindow, Set<String>> touched = new ConcurrentHashMap<>();

    // work waiting for its next step
    private final Queue<String> clientsWithoutAppeal = new ConcurrentLinkedQueue<>();
    private final Queue<String> pendingAppeals = new ConcurrentLinkedQueue<>();
    private final Queue<CaseRef> inContact = new ConcurrentLinkedQueue<>();
    private final Queue<CaseRef> inAssessment = new ConcurrentLinkedQueue<>();
    private final Queue<CaseRef> served = new ConcurrentLinkedQueue<>();
    private final Queue<Referral> drafts = new ConcurrentLinkedQueue<>();
    private final Queue<Referral> requested = new ConcurrentLinkedQueue<>();
    private final Queue<Referral> accepted = new ConcurrentLinkedQueue<>();
    private final Queue<Referral> inProgress = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> activeCases = new ConcurrentHashMap<>();

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ExecutorService workers = Executors.newFixedThreadPool(MAX_IN_FLIGHT + 8);
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Writes without a final outcome yet (in flight or waiting for a retry). */
    private final Set<Write> pending = ConcurrentHashMap.newKeySet();
    private volatile FaultWindow window;
    private volatile ScheduledFuture<?> ticking;

    Load(RunningPlatform platform) {
        this.platform = platform;
        MANAGERS.forEach(m -> activeCases.put(m, new AtomicInteger()));
    }

    /** Partners (several keys, to stay under each key's rate limit) and the cases referrals are made on. */
    void prepare() throws Exception {
        for (int i = 0; i < 6; i++) {
            partners.add(platform.registerPartner("EMPLOYMENT", "EMPLOYMENT", DemoUsers.POLTAVA_OBLAST, HROMADA));
        }
        for (int i = 0; i < 8; i++) {
            String manager = MANAGERS.get(i % 2);
            String clientId = created(post(platform.cases, "/clients", INTAKE, clientBody()), "client");
            Map<String, Object> open = new LinkedHashMap<>();
            open.put("clientId", clientId);
            open.put("criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"));
            open.put("model", "BROKERAGE");
            open.put("caseManager", manager);
            open.put("consent", consent());
            pool.add(new PoolCase(created(post(platform.cases, "/cases", INTAKE, open), "case"), manager));
        }
    }

    /** True when referral-service has learnt every pool case from case.events. */
    boolean poolKnownToReferrals() throws Exception {
        for (PoolCase c : pool) {
            if (Http.get(platform.referrals.url() + "/cases/" + c.id(), auth(c.manager())).status() != 200) {
                return false;
            }
        }
        return true;
    }

    private Http.Resp post(ServiceProcess s, String path, String user, Object body) throws Exception {
        return Http.send("POST", s.url() + path, auth(user), body, Duration.ofSeconds(30));
    }

    private static String created(Http.Resp r, String what) {
        if (r.status() != 201) {
            throw new IllegalStateException("could not create the " + what + ": " + r);
        }
        return r.body().path("id").asText();
    }

    Map<String, String> auth(String user) {
        return Map.of("Authorization", tokens.bearer(user));
    }

    // ------------------------------------------------------------------ running

    /** Starts the load, counting into {@code w}. */
    void start(FaultWindow w) {
        window = w;
        touched.put(w, ConcurrentHashMap.newKeySet());
        ticking = scheduler.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops issuing new writes; those in flight or waiting for a retry go on until they settle. */
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    /** No write in flight and none waiting for a retry. */
    boolean settled() {
        return pending.isEmpty();
    }

    /** What is still waiting for its outcome, for diagnostics. */
    String pendingSummary() {
        return pending.stream().collect(java.util.stream.Collectors.groupingBy(w -> w.kind + (w.retried ? " (retrying)" : ""),
                java.util.stream.Collectors.counting())).toString();
    }

    private void tick() {
        try {
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                window.skipped.incrementAndGet();
                return;
            }
            Write w = next();
            window.attempted.incrementAndGet();
            send(w);
        } catch (RuntimeException e) {
            window.problems.add("load generator: " + e);
        }
    }

    /** The next write, chosen by weight among the steps that have work waiting. */
    private Write next() {
        int r = ThreadLocalRandom.current().nextInt(100);
        Write w = null;
        if (r < 12) {
            w = null; // register a client (the fallback below)
        } else if (r < 26) {
            w = appeal();
        } else if (r < 36) {
            w = openCase();
        } else if (r < 46) {
            w = stageMove();
        } else if (r < 58) {
            w = service();
        } else if (r < 64) {
            w = closure();
        } else if (r < 74) {
            w = createReferral();
        } else if (r < 82) {
            w = sendReferral();
        } else if (r < 90) {
            w = partnerAnswer();
        } else if (r < 95) {
            w = partnerMove(accepted, "IN_PROGRESS", inProgress);
        } else {
            w = partnerComplete();
        }
        return w != null ? w : registerClient();
    }

    private Write registerClient() {
        return new Write("client", platform.cases, "/clients", INTAKE, null, clientBody(), true, null, r -> {
            String id = r.body().path("id").asText();
            clients.add(id);
            clientsWithoutAppeal.add(id);
            touch("client:" + id);
        }, () -> { });
    }

    private Write appeal() {
        String clientId = clientsWithoutAppeal.poll();
        if (clientId == null) {
            return null;
        }
        return new Write("appeal", platform.cases, "/appeals", INTAKE, null, Map.of("clientId", clientId,
                "channel", "IN_PERSON", "needDomains", List.of("EMPLOYMENT", "HOUSING")), true, null, r -> {
            String id = r.body().path("id").asText();
            appeals.add(id);
            firstContact.putIfAbsent(clientId, window);
            pendingAppeals.add(id);
            touch("appeal:" + id);
        }, () -> clientsWithoutAppeal.add(clientId));
    }

    private Write openCase() {
        String manager = MANAGERS.stream().min((a, b) -> activeCases.get(a).get() - activeCases.get(b).get()).orElseThrow();
        if (activeCases.get(manager).get() >= ACTIVE_CAP) {
            return null;
        }
        String appealId = pendingAppeals.poll();
        if (appealId == null) {
            return null;
        }
        activeCases.get(manager).incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appealId", appealId);
        body.put("criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"));
        body.put("model", "BROKERAGE");
        body.put("caseManager", manager);
        body.put("consent", consent());
        return new Write("case opened", platform.cases, "/cases", INTAKE, null, body, true, null, r -> {
            String id = r.body().path("id").asText();
            caseStages.put(id, "CONTACT");
            inContact.add(new CaseRef(id, manager));
            touch("case:" + id);
        }, () -> {
            activeCases.get(manager).decrementAndGet();
            pendingAppeals.add(appealId);
        });
    }

    private Write stageMove() {
        CaseRef c = inContact.poll();
        if (c == null) {
            return null;
        }
        return new Write("stage move", platform.cases, "/cases/" + c.id() + "/stage", c.manager(), null,
                Map.of("stage", "ASSESSMENT", "note", "Оцінка потреб розпочата"), false,
                () -> "ASSESSMENT".equals(caseStage(c)), r -> {
            caseStages.put(c.id(), "ASSESSMENT");
            inAssessment.add(c);
            touch("case:" + c.id());
        }, () -> inContact.add(c));
    }

    private Write service() {
        CaseRef c = inAssessment.poll();
        if (c == null) {
            return null;
        }
        return new Write("service", platform.cases, "/cases/" + c.id() + "/services", c.manager(), null,
                Map.of("category", "LEGAL", "deliveredOn", LocalDate.now(ZoneOffset.UTC).toString(),
                        "provider", "Бюро правничої допомоги"), true, null, r -> {
            services.computeIfAbsent(c.id(), k -> ConcurrentHashMap.newKeySet()).add(r.body().path("id").asText());
            served.add(c);
            touch("services:" + c.id());
        }, () -> inAssessment.add(c));
    }

    private Write closure() {
        CaseRef c = served.poll();
        if (c == null) {
            return null;
        }
        return new Write("closure", platform.cases, "/cases/" + c.id() + "/closure", c.manager(), null,
                Map.of("reason", "GOALS_ACHIEVED", "outcomeEvaluation", "Правову допомогу отримано"), false,
                () -> "CLOSED".equals(caseStage(c)), r -> {
            caseStages.put(c.id(), "CLOSED");
            activeCases.get(c.manager()).decrementAndGet();
            touch("case:" + c.id());
        }, () -> served.add(c));
    }

    private Write createReferral() {
        if (drafts.size() > 10) {
            return null;
        }
        PoolCase c = pool.get(ThreadLocalRandom.current().nextInt(pool.size()));
        RunningPlatform.Partner p = partners.get(ThreadLocalRandom.current().nextInt(partners.size()));
        return new Write("referral created", platform.referrals, "/referrals", c.manager(), null, Map.of(
                "caseId", c.id(), "partnerId", p.id(), "serviceId", p.serviceId(), "urgency", "ROUTINE",
                "reason", "Пошук роботи", "client", Map.of("fullName", "Клієнтка громади")), true, null, r -> {
            Referral ref = new Referral(r.body().path("id").asText(), c, p);
            ref.changes.add("REFERRAL_CREATED");
            ref.status = "DRAFT";
            referrals.put(ref.id, ref);
            drafts.add(ref);
            touch("referral:" + ref.id);
        }, () -> { });
    }

    private Write sendReferral() {
        Referral ref = drafts.poll();
        if (ref == null) {
            return null;
        }
        return new Write("referral sent", platform.referrals, "/referrals/" + ref.id + "/transitions",
                ref.onCase.manager(), null, Map.of("status", "REQUESTED"), false,
                () -> "REQUESTED".equals(referralStatus(ref)), r -> {
            changed(ref, "REQUESTED");
            requested.add(ref);
        }, () -> drafts.add(ref));
    }

    private Write partnerAnswer() {
        Referral ref = requested.poll();
        if (ref == null) {
            return null;
        }
        boolean reject = ThreadLocalRandom.current().nextInt(5) == 0;
        Map<String, Object> body = reject ? Map.of("status", "REJECTED", "reason", "Немає вільних місць")
                : Map.of("status", "ACCEPTED");
        String to = reject ? "REJECTED" : "ACCEPTED";
        return new Write("partner answer", platform.referrals, "/partner/referrals/" + ref.id + "/transitions", null,
                ref.partner.key(), body, false, () -> to.equals(referralStatus(ref)), r -> {
            changed(ref, to);
            if (!reject) {
                accepted.add(ref);
            }
        }, () -> requested.add(ref));
    }

    private Write partnerMove(Queue<Referral> from, String to, Queue<Referral> into) {
        Referral ref = from.poll();
        if (ref == null) {
            return null;
        }
        return new Write("partner progress", platform.referrals, "/partner/referrals/" + ref.id + "/transitions",
                null, ref.partner.key(), Map.of("status", to), false, () -> to.equals(referralStatus(ref)), r -> {
            changed(ref, to);
            into.add(ref);
        }, () -> from.add(ref));
    }

    private Write partnerComplete() {
        Referral ref = inProgress.poll();
        if (ref == null) {
            return null;
        }
        return new Write("partner completion", platform.referrals, "/partner/referrals/" + ref.id + "/transitions",
                null, ref.partner.key(), Map.of("status", "COMPLETED", "outcome", "Працевлаштована"), false,
                () -> "COMPLETED".equals(referralStatus(ref)), r -> changed(ref, "COMPLETED"), () -> inProgress.add(ref));
    }

    private void changed(Referral ref, String status) {
        ref.status = status;
        ref.changes.add("REFERRAL_" + status);
        touch("referral:" + ref.id);
    }

    private void touch(String what) {
        touched.get(window).add(what);
    }

    // ------------------------------------------------------------------ sending and retrying

    private void send(Write w) {
        pending.add(w);
        dispatch(w);
    }

    /** One attempt of the write on a worker; a pool that refuses it (shutting down) leaves it no longer pending. */
    private void dispatch(Write w) {
        inFlight.incrementAndGet();
        try {
            workers.execute(() -> {
                try {
                    attempt(w);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            pending.remove(w);
            throw e;
        }
    }

    private void attempt(Write w) {
        FaultWindow win = w.window;
        Http.Resp r;
        try {
            Map<String, String> headers = new HashMap<>();
            if (w.user != null) {
                headers.putAll(auth(w.user));
            } else {
                headers.put("X-API-Key", w.apiKey);
            }
            if (w.idempotencyKey != null) {
                headers.put("Idempotency-Key", w.idempotencyKey);
            }
            r = Http.send(w.method, w.service.url() + w.path, headers, w.body, Duration.ofSeconds(30));
        } catch (IOException e) {
            win.connectionErrors.incrementAndGet();
            retryLater(w);
            return;
        } catch (Exception e) {
            win.problems.add(w.kind + ": " + e);
            retryLater(w);
            return;
        }
        int s = r.status();
        if (s / 100 == 2) {
            acknowledge(w);
            finish(w, () -> w.onAck.accept(r));
        } else if (s == 503) {
            if (r.header("Retry-After") != null && r.isProblem()) {
                win.unavailable.incrementAndGet();
            } else {
                win.bad5xx.add(w.kind + " " + w.path + " → 503 without Retry-After/problem+json: " + r);
            }
            retryLater(w);
        } else if (s >= 500) {
            win.bad5xx.add(w.kind + " " + w.path + " → " + r);
            retryLater(w);
        } else if (s == 409 && w.retried && w.inEffect != null && inEffect(w)) {
            // an earlier attempt took effect; its answer was lost with the connection
            acknowledge(w);
            finish(w, () -> w.onAck.accept(r));
        } else {
            if (s == 401) {
                win.unauthorized.incrementAndGet();
            }
            win.rejected(w.kind + " " + w.path + " → " + r);
            finish(w, w.onRefused);
        }
    }

    private void finish(Write w, Runnable then) {
        try {
            then.run();
        } finally {
            pending.remove(w);
        }
    }

    private void acknowledge(Write w) {
        w.window.acknowledged(w.kind);
    }

    private boolean inEffect(Write w) {
        try {
            return w.inEffect.call();
        } catch (Exception e) {
            return false;
        }
    }

    private void retryLater(Write w) {
        if (Instant.now().isAfter(w.deadline)) {
            w.window.abandoned.incrementAndGet();
            w.window.problems.add("outcome unknown after " + RETRY_BUDGET.toSeconds() + " s of retries: "
                    + w.kind + " " + w.path);
            pending.remove(w);
            return;
        }
        w.retried = true;
        scheduler.schedule(() -> {
            try {
                dispatch(w);
            } catch (RuntimeException shuttingDown) {
                // the load is stopping: dispatch already took the write off the pending list
            }
        }, 1, TimeUnit.SECONDS);
    }

    // ------------------------------------------------------------------ reads

    private String caseStage(CaseRef c) throws Exception {
        Http.Resp r = Http.get(platform.cases.url() + "/cases/" + c.id(), auth(c.manager()));
        return r.status() == 200 ? r.body().path("stage").asText() : null;
    }

    private String referralStatus(Referral ref) throws Exception {
        Http.Resp r = Http.get(platform.referrals.url() + "/referrals/" + ref.id, auth(ref.onCase.manager()));
        return r.status() == 200 ? r.body().path("status").asText() : null;
    }

    /** Referral statuses as acknowledged now (sent referrals only: drafts are not in the statistics). */
    Map<String, String> referralStatuses() {
        Map<String, String> m = new HashMap<>();
        referrals.forEach((id, r) -> {
            if (!"DRAFT".equals(r.status)) {
                m.put(id, r.status);
            }
        });
        return m;
    }

    static Map<String, Object> clientBody() {
        LocalDate dob = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25000));
        return Map.of("lastName", "Навантаження", "firstName", "Олена", "dateOfBirth", dob.toString(),
                "sex", "FEMALE", "vulnerableGroups", List.of("INTERNALLY_DISPLACED"), "confirmedNotDuplicate", true);
    }

    static Map<String, Object> consent() {
        return Map.of("givenAt", "2026-01-15T10:00:00Z", "processing", true, "sharingWithPartners", true);
    }

    @Override
    public void close() {
        stop();
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
