package ua.social.cases.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import ua.social.cases.config.CaseConfig;
import ua.social.identity.Caller;
import ua.social.identity.Roles;
import ua.social.identity.Territory;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.Problem.FieldError;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.PageView;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Import jobs of historical records: a file is accepted (kept in a temporary file), then imported in the
 * background, one job after the other, in chunks of lines: each chunk is one transaction that also advances the
 * job's counters, so what the job shows as imported is exactly what is stored. A line that breaks a rule is
 * refused before anything of it is written; should a chunk still fail to commit, its lines are imported again
 * one transaction each. A job the service stopped during is marked {@link ImportJob.State#INTERRUPTED} (at
 * shutdown, or at the next start): its file is gone, and importing it again is safe.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;
    @Inject
    LineImporter lines;

    @Inject
    CaseConfig config;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "case-imports");
        t.setDaemon(true);
        return t;
    });

    void start(@Observes StartupEvent ev) {
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update("state = ?1, failure = ?2, finishedAt = ?3 "
                        + "where state in ?4", ImportJob.State.INTERRUPTED,
                "the service stopped before the job finished; import the same file again (lines already imported "
                        + "are skipped)", OffsetDateTime.now(clock),
                List.of(ImportJob.State.QUEUED, ImportJob.State.RUNNING)));
    }

    void stop(@Observes ShutdownEvent ev) {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The community the caller imports into: a supervisor's own (another is 403), any known one for the platform
     * administrator (who must name it).
     */
    public String community(Caller caller, String hromada) {
        String asked = Territory.requireCommunity(hromada, "hromada");
        if (caller.hasRole(Roles.SUPERVISOR)) {
            String own = caller.jurisdiction().hromada();
            if (own == null) {
                throw ProblemException.forbidden("Your account has no community (hromada) attribute; ask an administrator.");
            }
            if (asked != null && !asked.equals(own)) {
                throw new ProblemException(Problem.of(403, "outside-jurisdiction", "Outside your community",
                        "Supervisors import records into their own community (" + own + ").")
                        .field("hromada", "not your community"));
            }
            return own;
        }
        if (asked == null) {
            throw ProblemException.badRequest("hromada", "required: the community (KATOTTG code) the records belong to");
        }
        return asked;
    }

    /** Keeps the file and queues its import; 413 past the line limit. */
    public ImportJob accept(Caller caller, String hromada, ImportJob.Format format, InputStream body) {
        Path file;
        try {
            file = Files.createTempFile("case-import-", ".data");
        } catch (IOException e) {
            throw new IllegalStateException("no room for an import file", e);
        }
        try {
            long newlines = copy(body, file);
            int maxLines = config.imports().maxLines();
            if (newlines > maxLines) {
                throw new ProblemException(Problem.of(413, "import-too-large", "Too many lines",
                        "An import takes at most " + maxLines + " lines; split the file (lines already imported are "
                                + "skipped when a file is imported again).").field("body", "more than " + maxLines + " lines"));
            }
            if (Files.size(file) == 0) {
                throw ProblemException.badRequest("body", "the file is empty");
            }
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw ProblemException.badRequest("body", "the file could not be read");
        }
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob j = new ImportJob();
            j.id = UUID.randomUUID();
            j.hromada = hromada;
            j.oblast = Territory.oblastOf(hromada).orElseThrow();
            j.format = format;
            j.state = ImportJob.State.QUEUED;
            j.createdBy = caller.username();
            j.createdAt = OffsetDateTime.now(clock);
            j.persist();
            return j;
        });
        worker.submit(() -> run(job.id, file));
        return job;
    }

    private static long copy(InputStream in, Path file) throws IOException {
        long newlines = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        newlines++;
                    }
                }
                out.write(buf, 0, n);
            }
        }
        return newlines;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("import file %s not deleted: %s", file, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- the background job

    private record Read(ImportReader.Line line) {
    }

    void run(UUID jobId, Path file) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob j = ImportJob.findById(jobId);
            j.state = ImportJob.State.RUNNING;
            j.startedAt = OffsetDateTime.now(clock);
            return j;
        });
        ImportJob.State end = ImportJob.State.FINISHED;
        String failure = null;
        try (InputStream in = Files.newInputStream(file);
             ImportReader reader = new ImportReader(in, job.format, mapper)) {
            List<ImportReader.Line> chunk = new ArrayList<>(config.imports().chunkSize());
            ImportReader.Line line;
            while ((line = reader.next()) != null) {
                chunk.add(line);
                if (chunk.size() == config.imports().chunkSize()) {
                    if (Thread.currentThread().isInterrupted()) {
                        end = ImportJob.State.INTERRUPTED;
                        failure = "the service stopped during the job; import the same file again (lines already "
                                + "imported are skipped)";
                        break;
                    }
                    chunk(job, chunk);
                    chunk.clear();
                }
            }
            if (end == ImportJob.State.FINISHED && !chunk.isEmpty()) {
                chunk(job, chunk);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("import %s stopped: %s", jobId, e.toString());
            end = ImportJob.State.FAILED;
            failure = e instanceof java.nio.charset.CharacterCodingException
                    ? "the file is not UTF-8 text (line " + (job.linesRead + 1) + " or a later one of the next chunk)"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            delete(file);
        }
        ImportJob.State state = end;
        String why = failure;
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob j = ImportJob.findById(jobId);
            j.state = state;
            j.failure = why == null ? null : why.length() > 2000 ? why.substring(0, 2000) : why;
            j.finishedAt = OffsetDateTime.now(clock);
        });
    }

    /** Counters of one chunk, added to the job in the chunk's transaction. */
    private static final class Tally {
        int read;
        int imported;
        int already;
        int refused;
    }

    private void chunk(ImportJob job, List<ImportReader.Line> chunk) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                prepareSession();
                LineImporter.Pending pending = new LineImporter.Pending();
                Tally t = new Tally();
                for (ImportReader.Line line : chunk) {
                    one(job, line, pending, t);
                }
                count(job, t);
            });
        } catch (RuntimeException e) {
            // A chunk that could not be stored (e.g. a constraint no rule foresaw): its lines one by one, so
            // only the line at fault is refused.
            LOG.debugf("import %s: chunk from line %d stored line by line: %s", job.id, chunk.get(0).number(), e);
            for (ImportReader.Line line : chunk) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        prepareSession();
                        Tally t = new Tally();
                        one(job, line, new LineImporter.Pending(), t);
                        count(job, t);
                    });
                } catch (RuntimeException alone) {
                    QuarkusTransaction.requiringNew().run(() -> {
                        Tally t = new Tally();
                        t.read = 1;
                        t.refused = 1;
                        report(job, line, List.of(new FieldError("line", "could not be stored: " + rootMessage(alone))));
                        count(job, t);
                    });
                }
            }
        }
        job.linesRead += chunk.size();
    }

    private void prepareSession() {
        em.setFlushMode(FlushModeType.COMMIT);
        em.unwrap(Session.class).setJdbcBatchSize(100);
    }

    private void one(ImportJob job, ImportReader.Line line, LineImporter.Pending pending, Tally t) {
        t.read++;
        if (line.fields() == null) {
            t.refused++;
            report(job, line, List.of(new FieldError(line.field(), line.problem())));
            return;
        }
        ImportReader.Line original = new ImportReader.Line(line.number(), line.fields().deepCopy(), null, null);
        try {
            LineImporter.Outcome o = lines.importLine(job, line.number(), line.fields().deepCopy(), pending);
            if (o == LineImporter.Outcome.IMPORTED) {
                t.imported++;
            } else {
                t.already++;
            }
        } catch (LineRefused r) {
            t.refused++;
            report(job, original, r.errors);
        } catch (ProblemException p) {
            t.refused++;
            report(job, original, LineImporter.refusal(p).errors);
        }
    }

    private void report(ImportJob job, ImportReader.Line line, List<FieldError> errors) {
        LineImporter.Identity who = LineImporter.identity(line.fields());
        int seq = 0;
        for (FieldError e : errors) {
            ImportProblem p = new ImportProblem();
            p.id = new ImportProblem.Key(job.id, line.number(), seq++);
            p.kind = cut(who.kind(), 20);
            p.externalId = cut(who.externalId(), LineImporter.EXTERNAL_ID_MAX);
            p.field = cut(e.field(), 200);
            p.message = cut(e.message(), 2000);
            p.persist();
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private void count(ImportJob job, Tally t) {
        em.createQuery("update ImportJob set linesRead = linesRead + :r, imported = imported + :i, "
                        + "alreadyImported = alreadyImported + :a, refused = refused + :f where id = :id")
                .setParameter("r", t.read).setParameter("i", t.imported).setParameter("a", t.already)
                .setParameter("f", t.refused).setParameter("id", job.id).executeUpdate();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.length() > 300 ? m.substring(0, 300) : m;
    }

    // ---------------------------------------------------------------- reading jobs

    /** A job of the caller's community (any for the platform administrator), else 404. */
    public ImportJob inReach(Caller caller, UUID id) {
        ImportJob j = ImportJob.findById(id);
        if (j == null || !caller.hasRole(Roles.PLATFORM_ADMIN) && !j.hromada.equals(caller.jurisdiction().hromada())) {
            throw ProblemException.notFound("Import " + id);
        }
        return j;
    }

    public PageView<ImportProblem> report(ImportJob job, int page, int size) {
        var q = ImportProblem.<ImportProblem>find("id.jobId", Sort.by("id.line").and("id.seq"), job.id);
        long total = q.count();
        return PageView.of(q.page(Page.of(page, size)).list(), page, size, total);
    }

    public List<ImportProblem> fullReport(ImportJob job) {
        return ImportProblem.list("id.jobId", Sort.by("id.line").and("id.seq"), job.id);
    }
}
