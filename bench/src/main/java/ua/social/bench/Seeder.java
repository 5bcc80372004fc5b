package ua.social.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.contracts.code.ClosureReason;
import ua.social.contracts.code.Codifier;
import ua.social.contracts.code.NeedDomain;
import ua.social.contracts.code.ServiceCategory;
import ua.social.contracts.code.VulnerableGroup;
import ua.social.contracts.event.AppealRecorded;
import ua.social.contracts.event.CaseAssigned;
import ua.social.contracts.event.CaseClosed;
import ua.social.contracts.event.CaseOpened;
import ua.social.contracts.event.CaseStageChanged;
import ua.social.contracts.event.ClientRegistered;
import ua.social.contracts.event.EventData;
import ua.social.contracts.event.EventJson;
import ua.social.contracts.event.ServiceDelivered;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import ua.social.contracts.name.NameFolding;

/**
 * Fills case-service's database with a national dataset in bulk ({@code COPY}), together with the outbox
 * rows case-service itself would have written for it, so that the real relay publishes them to Kafka and
 * reporting-service builds its read models the real way.
 *
 * <p>The unit is one case: its client and a second person of the same community (2 clients per case),
 * the appeal that led to the case and, for 3 in 10 of the second persons, an appeal resolved at the front
 * office without a case (1.3 appeals per case), two services delivered on the case, and the case itself,
 * 40 % of them closed. Communities are spread over all ~1,470 communities of the KATOTTG codifier, with 2 %
 * of the units in the Poltava demo community so that the staff scenarios search a community at scale.
 * Opening dates cover the last twelve months.
 *
 * <p>Every table is written in its own pass over the units; a unit is generated again in each pass from
 * its own seed, so the passes agree without holding the dataset in memory. One transaction: the outbox
 * rows become visible to the relay all at once, when the dataset is complete.
 */
final class Seeder {

    static final String POLTAVA_HROMADA = "UA53080370000025447";
    static final String SOURCE = "/case-service";
    static final String[] LAST = {"Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Шевчук", "Поліщук",
            "Мельник", "Бойко", "Савченко", "Руденко", "Марченко", "Гребенюк", "Лисенко", "Мороз", "Петренко",
            "Левченко", "Кузьменко", "Клименко", "Павленко", "Гончаренко", "Захарченко", "Литвиненко", "Василенко",
            "Тимошенко", "Романенко", "Остапенко", "Федоренко", "Сидоренко", "Панченко", "Кириленко", "Гаврилюк"};
    static final String[] FEMALE = {"Олена", "Тетяна", "Наталія", "Ірина", "Оксана", "Марія", "Світлана", "Людмила",
            "Галина", "Юлія", "Катерина", "Ганна"};
    static final String[] MALE = {"Андрій", "Сергій", "Олександр", "Володимир", "Микола", "Іван", "Петро", "Василь",
            "Дмитро", "Юрій", "Михайло", "Богдан"};
    static final String[] CHANNELS = {"IN_PERSON", "IN_PERSON", "PHONE", "ONLINE", "OUTREACH"};
    /** The stage a case ends in, in the proportions of a running programme (CLOSED 40 %). */
    static final String[] STAGES = {"CONTACT", "CONTACT", "CONTACT", "ASSESSMENT", "ASSESSMENT", "PLANNING",
            "PLANNING", "IMPLEMENTATION", "IMPLEMENTATION", "IMPLEMENTATION", "IMPLEMENTATION", "MONITORING",
            "CLOSED", "CLOSED", "CLOSED", "CLOSED", "CLOSED", "CLOSED", "CLOSED", "CLOSED"};
    static final String[] CRITERIA = {"MORE_THAN_THREE_PROBLEMS_LONG_TERM", "ADDITIONAL_RESOURCES_NEEDED",
            "CANNOT_REACH_VITAL_SERVICE_ALONE"};
    static final CaseManagementModel[] MODELS = {CaseManagementModel.BROKERAGE, CaseManagementModel.BROKERAGE,
            CaseManagementModel.STRENGTHS_BASED, CaseManagementModel.INTENSIVE, CaseManagementModel.CLINICAL};
    static final ClosureReason[] REASONS = {ClosureReason.GOALS_ACHIEVED, ClosureReason.GOALS_ACHIEVED,
            ClosureReason.GOALS_ACHIEVED, ClosureReason.MOVED_AWAY, ClosureReason.REFUSED_FURTHER_WORK,
            ClosureReason.TRANSFERRED_TO_ANOTHER_ORGANISATION, ClosureReason.OTHER};
    static final DateTimeFormatter TS = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    record Person(UUID id, String last, String first, String patronymic, String sex, LocalDate dob,
                  VulnerableGroup group, OffsetDateTime registeredAt) {
    }

    record Unit(long index, String oblast, String hromada, Person client, Person other, UUID appealId,
                OffsetDateTime appealAt, String channel, List<NeedDomain> needs, UUID otherAppealId,
                OffsetDateTime otherAppealAt, UUID caseId, String caseNumber, CaseManagementModel model,
                String criterion, OffsetDateTime openedAt, String stage, String managerId, UUID[] serviceIds,
                ServiceCategory[] categories, LocalDate[] deliveredOn, OffsetDateTime closedAt, ClosureReason reason) {
    }

    private final List<Codifier.Community> communities = Codifier.communities();
    private final long runSeed;
    private final String runTag;
    private final OffsetDateTime now;
    private final String caseTopic;

    Seeder(long runSeed, OffsetDateTime now, String caseTopic) {
        this.runSeed = runSeed;
        this.runTag = String.format("%06x", runSeed & 0xffffff);
        this.now = now.withOffsetSameInstant(ZoneOffset.UTC);
        this.caseTopic = caseTopic;
    }

    String runTag() {
        return runTag;
    }

    /** The unit of index {@code i}: the same every time it is asked for. */
    Unit unit(long i) {
        SplittableRandom r = new SplittableRandom(runSeed * 1_000_003L + i);
        Codifier.Community c = r.nextInt(50) == 0 ? Codifier.community(POLTAVA_HROMADA).orElseThrow()
                : communities.get(r.nextInt(communities.size()));
        OffsetDateTime openedAt = now.minusSeconds(3600 + r.nextLong(Duration.ofDays(364).toSeconds()));
        OffsetDateTime appealAt = openedAt.minusSeconds(r.nextLong(3 * 86_400L));
        Person client = person(r, appealAt.minusSeconds(r.nextLong(30 * 86_400L)));
        Person other = person(r, appealAt.minusSeconds(r.nextLong(30 * 86_400L)));
        boolean otherAppeals = r.nextInt(10) < 3;
        List<NeedDomain> needs = List.of(NeedDomain.values()[r.nextInt(NeedDomain.values().length)]);
        String stage = STAGES[r.nextInt(STAGES.length)];
        OffsetDateTime closedAt = null;
        ClosureReason reason = null;
        if ("CLOSED".equals(stage)) {
            long open = Duration.between(openedAt, now).toSeconds();
            closedAt = openedAt.plusSeconds(Math.max(60, (long) (open * (0.2 + 0.8 * r.nextDouble()))));
            if (closedAt.isAfter(now)) {
                closedAt = now;
            }
            reason = REASONS[r.nextInt(REASONS.length)];
        }
        UUID[] serviceIds = {uuid(r), uuid(r)};
        ServiceCategory[] categories = {ServiceCategory.values()[r.nextInt(ServiceCategory.values().length)],
                ServiceCategory.values()[r.nextInt(ServiceCategory.values().length)]};
        OffsetDateTime end = closedAt == null ? now : closedAt;
        long span = Math.max(1, Duration.between(openedAt, end).toSeconds());
        LocalDate[] delivered = {openedAt.plusSeconds(r.nextLong(span)).toLocalDate(),
                openedAt.plusSeconds(r.nextLong(span)).toLocalDate()};
        return new Unit(i, c.oblast(), c.code(), client, other, uuid(r), appealAt, CHANNELS[r.nextInt(CHANNELS.length)],
                needs, otherAppeals ? uuid(r) : null, otherAppeals ? appealAt.plusSeconds(r.nextLong(86_400L)) : null,
                uuid(r), "BN-" + runTag + "-" + String.format("%09d", i), MODELS[r.nextInt(MODELS.length)],
                CRITERIA[r.nextInt(CRITERIA.length)], openedAt, stage,
                "bench-" + c.code().substring(2, 10) + "-" + r.nextInt(5), serviceIds, categories, delivered,
                closedAt, reason);
    }

    private static Person person(SplittableRandom r, OffsetDateTime registeredAt) {
        boolean female = r.nextInt(100) < 56;
        String last = LAST[r.nextInt(LAST.length)];
        String first = female ? FEMALE[r.nextInt(FEMALE.length)] : MALE[r.nextInt(MALE.length)];
        String patronymic = MALE[r.nextInt(MALE.length)] + (female ? "івна" : "ович");
        LocalDate dob = LocalDate.of(1940, 1, 1).plusDays(r.nextInt(365 * 66));
        VulnerableGroup g = VulnerableGroup.values()[r.nextInt(VulnerableGroup.values().length)];
        return new Person(uuid(r), last, first, patronymic, female ? "FEMALE" : "MALE", dob, g, registeredAt);
    }

    private static UUID uuid(SplittableRandom r) {
        // version 4, variant 2, as UUID.randomUUID() makes them
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /**
     * What was written: rows per table and events in the outbox, and when ({@link System#nanoTime()}) they were
     * committed: the relay may publish them from then on, while the tables are still being analysed.
     */
    record Written(Map<String, Long> rows, Map<String, Double> seconds, long events, long committedNanos) {
    }

    Written seed(Connection db, long cases) throws SQLException {
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t = System.nanoTime();
        try {
            List<String> indexes = dropSecondaryIndexes(db, List.of("client", "appeal", "social_case", "service_delivery"));
            t = lap(seconds, "drop indexes", t);
            CopyWriter w;
            w = copy(db, "COPY client (id, last_name, first_name, patronymic, name_key, date_of_birth, sex, oblast, hromada, "
                    + "vulnerable_groups, created_at, created_by, updated_at, version) FROM STDIN WITH (FORMAT csv)");
            for (long i = 0; i < cases; i++) {
                Unit u = unit(i);
                for (Person p : List.of(u.client(), u.other())) {
                    w.row(p.id(), p.last(), p.first(), p.patronymic(),
                            NameFolding.fold(p.last() + " " + p.first() + " " + p.patronymic()), p.dob(), p.sex(),
                            u.oblast(), u.hromada(), "{" + p.group().name() + "}", TS.format(p.registeredAt()),
                            "bench", TS.format(p.registeredAt()), 0);
                }
            }
            rows.put("client", w.end());
            t = lap(seconds, "client", t);

            w = copy(db, "COPY appeal (id, client_id, oblast, hromada, received_at, channel, need_domains, outcome, case_id, "
                    + "recorded_by, version) FROM STDIN WITH (FORMAT csv)");
            for (long i = 0; i < cases; i++) {
                Unit u = unit(i);
                w.row(u.appealId(), u.client().id(), u.oblast(), u.hromada(), TS.format(u.appealAt()), u.channel(),
                        array(u.needs()), "CASE_OPENED", u.caseId(), "bench", 1);
                if (u.otherAppealId() != null) {
                    w.row(u.otherAppealId(), u.other().id(), u.oblast(), u.hromada(), TS.format(u.otherAppealAt()),
                            u.channel(), array(u.needs()), "INFORMATION_PROVIDED", null, "bench", 1);
                }
            }
            rows.put("appeal", w.end());
            t = lap(seconds, "appeal", t);

            w = copy(db, "COPY social_case (id, number, client_id, appeal_id, oblast, hromada, stage, model, team_arrangement, "
                    + "case_manager_id, case_manager_username, case_manager_name, criteria, opened_at, opened_by, "
                    + "consent_given_at, consent_processing, consent_sharing, closed_at, closure_reason, updated_at, version) "
                    + "FROM STDIN WITH (FORMAT csv)");
            for (long i = 0; i < cases; i++) {
                Unit u = unit(i);
                w.row(u.caseId(), u.caseNumber(), u.client().id(), u.appealId(), u.oblast(), u.hromada(), u.stage(),
                        u.model().name(), "MULTIDISCIPLINARY", u.managerId(), u.managerId(), "Фахівець " + u.managerId(),
                        "{" + u.criterion() + "}", TS.format(u.openedAt()), "bench", TS.format(u.openedAt()), true, true,
                        u.closedAt() == null ? null : TS.format(u.closedAt()),
                        u.reason() == null ? null : u.reason().name(),
                        TS.format(u.closedAt() == null ? u.openedAt() : u.closedAt()), 1);
            }
            rows.put("social_case", w.end());
            t = lap(seconds, "social_case", t);

            w = copy(db, "COPY service_delivery (id, case_id, category, delivered_on, provider, recorded_by, recorded_at) "
                    + "FROM STDIN WITH (FORMAT csv)");
            for (long i = 0; i < cases; i++) {
                Unit u = unit(i);
                for (int s = 0; s < 2; s++) {
                    w.row(u.serviceIds()[s], u.caseId(), u.categories()[s].name(), u.deliveredOn()[s],
                            "Центр надання соціальних послуг", "bench", TS.format(u.openedAt()));
                }
            }
            rows.put("service_delivery", w.end());
            t = lap(seconds, "service_delivery", t);
            try (Statement st = db.createStatement()) {
                for (String index : indexes) {
                    st.execute(index);
                }
            }
            t = lap(seconds, "indexes", t);

            w = copy(db, "COPY outbox_event (id, topic, event_key, type, source, subject, occurred_at, payload) "
                    + "FROM STDIN WITH (FORMAT csv)");
            for (long i = 0; i < cases; i++) {
                for (Event e : events(unit(i))) {
                    w.row(UUID.randomUUID(), caseTopic, e.key(), e.data().eventType(), SOURCE, e.subject(),
                            TS.format(e.at()), EventJson.tree(e.data()).toString());
                }
            }
            long events = w.end();
            rows.put("outbox_event", events);
            t = lap(seconds, "outbox_event", t);
            db.commit();
            long committed = System.nanoTime();
            t = lap(seconds, "commit", t);
            try (Statement st = db.createStatement()) {
                db.setAutoCommit(true);
                st.execute("ANALYZE client, appeal, social_case, service_delivery, outbox_event");
            }
            lap(seconds, "analyze", t);
            return new Written(rows, seconds, events, committed);
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(auto);
        }
    }

    record Event(UUID key, UUID subject, OffsetDateTime at, EventData data) {
    }

    /** The events case-service writes for a unit, in the order it would have written them. */
    static List<Event> events(Unit u) {
        List<Event> out = new ArrayList<>(11);
        Person a = u.client();
        Person b = u.other();
        out.add(new Event(a.id(), a.id(), a.registeredAt(),
                new ClientRegistered(a.id(), u.oblast(), u.hromada(), List.of(a.group()), a.registeredAt())));
        out.add(new Event(b.id(), b.id(), b.registeredAt(),
                new ClientRegistered(b.id(), u.oblast(), u.hromada(), List.of(b.group()), b.registeredAt())));
        out.add(new Event(a.id(), u.appealId(), u.appealAt(), new AppealRecorded(u.appealId(), a.id(), u.oblast(),
                u.hromada(), u.appealAt(), u.channel(), u.needs(), List.of(a.group()))));
        if (u.otherAppealId() != null) {
            out.add(new Event(b.id(), u.otherAppealId(), u.otherAppealAt(), new AppealRecorded(u.otherAppealId(), b.id(),
                    u.oblast(), u.hromada(), u.otherAppealAt(), u.channel(), u.needs(), List.of(b.group()))));
        }
        UUID c = u.caseId();
        out.add(new Event(c, c, u.openedAt(), new CaseOpened(c, u.caseNumber(), a.id(), "PERSON", u.appealId(),
                u.oblast(), u.hromada(), u.model(), "MULTIDISCIPLINARY", List.of(u.criterion()), false,
                List.of(a.group()), true, u.openedAt())));
        out.add(new Event(c, c, u.openedAt(), new CaseAssigned(c, u.oblast(), u.hromada(), u.managerId(), u.managerId(),
                null, u.model(), false, u.openedAt())));
        String last = "CONTACT";
        if (!"CONTACT".equals(u.stage())) {
            String to = "CLOSED".equals(u.stage()) ? "IMPLEMENTATION" : u.stage();
            OffsetDateTime at = u.openedAt().plusHours(1);
            out.add(new Event(c, c, at, new CaseStageChanged(c, u.oblast(), u.hromada(), "CONTACT", to, at)));
            last = to;
        }
        for (int s = 0; s < 2; s++) {
            OffsetDateTime at = u.openedAt().plusHours(2);
            out.add(new Event(c, u.serviceIds()[s], at, new ServiceDelivered(u.serviceIds()[s], c, null, a.id(),
                    u.oblast(), u.hromada(), u.categories()[s], u.deliveredOn()[s])));
        }
        if (u.closedAt() != null) {
            out.add(new Event(c, c, u.closedAt(), new CaseClosed(c, u.oblast(), u.hromada(), last, u.reason(),
                    u.managerId(), u.model(), u.openedAt(), u.closedAt())));
        }
        return out;
    }

    /**
     * Drops the indexes of the tables that back no constraint and gives the statements that make them again:
     * a bulk load then builds each index once, sorted, instead of inserting millions of entries one by one
     * (the trigram index of client names cost most of the load). Inside the seeding transaction, so a failed
     * load leaves them as they were.
     */
    private static List<String> dropSecondaryIndexes(Connection db, List<String> tables) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                + "FROM pg_index i WHERE i.indrelid = ANY(?::regclass[]) "
                + "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1")) {
            ps.setArray(1, db.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
            }
        }
        try (Statement st = db.createStatement()) {
            st.execute("SET LOCAL maintenance_work_mem = '256MB'");
            for (String name : names) {
                st.execute("DROP INDEX " + name);
            }
        }
        return definitions;
    }

    private static long lap(Map<String, Double> seconds, String step, long since) {
        long now = System.nanoTime();
        seconds.put(step, Math.round((now - since) / 1e7) / 100.0);
        System.out.printf("bench: seeding %s took %.1f s%n", step, (now - since) / 1e9);
        return now;
    }

    private static String array(List<? extends Enum<?>> values) {
        StringBuilder b = new StringBuilder("{");
        for (Enum<?> v : values) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(v.name());
        }
        return b.append('}').toString();
    }

    private static CopyWriter copy(Connection db, String sql) throws SQLException {
        return new CopyWriter(db.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    /** Rows to a running COPY ... FROM STDIN (CSV), buffered. */
    static final class CopyWriter {
        private final CopyIn copy;
        private final StringBuilder buf = new StringBuilder(1 << 17);

        CopyWriter(CopyIn copy) {
            this.copy = copy;
        }

        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buf.append(',');
                }
                Object v = values[i];
                if (v == null) {
                    continue; // an unquoted empty field is NULL in CSV
                }
                String s = v.toString();
                buf.append('"');
                for (int k = 0; k < s.length(); k++) {
                    char ch = s.charAt(k);
                    if (ch == '"') {
                        buf.append('"');
                    }
                    buf.append(ch);
                }
                buf.append('"');
            }
            buf.append('\n');
            if (buf.length() > (1 << 16)) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] b = buf.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            buf.setLength(0);
        }

        long end() throws SQLException {
            flush();
            return copy.endCopy();
        }
    }
}
