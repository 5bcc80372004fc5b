package ua.social.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.cases.imports.ImportJob;
import ua.social.cases.imports.ImportJobs;
import ua.social.cases.imports.ImportProblem;
import ua.social.cases.support.CurrentCaller;
import ua.social.identity.Caller;
import ua.social.identity.Roles;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.PageView;
import ua.social.identity.web.QueryParams;

import java.io.InputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.PLATFORM_ADMIN})
@Tag(name = "Imports", description = "Bulk import of historical records (clients, appeals, cases, services) of one "
        + "community from JSON Lines or CSV, as a background job with a report per line; see docs/import.md")
public class ImportResource {

    public static final String JSON_LINES = "application/x-ndjson";
    public static final String JSONL = "application/jsonl";
    public static final String CSV = "text/csv";

    @Inject
    ImportJobs imports;
    @Inject
    CurrentCaller currentCaller;

    /** An import job as its progress and outcome show. */
    public record ImportJobView(UUID id, String hromada, String oblast, String format, String state, int linesRead,
                                int imported, int alreadyImported, int refused, String createdBy,
                                OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                                String failure, String report) {
        static ImportJobView of(ImportJob j) {
            return new ImportJobView(j.id, j.hromada, j.oblast, j.format.name(), j.state.name(), j.linesRead, j.imported,
                    j.alreadyImported, j.refused, j.createdBy, j.createdAt, j.startedAt, j.finishedAt, j.failure,
                    "/imports/" + j.id + "/report");
        }
    }

    /** One reason a line was refused. */
    /** A page of an import's report: the platform's page shape, named so the OpenAPI document describes it. */
    public record ImportReportPage(List<ImportProblemView> items, int page, int size, long totalItems, long totalPages) {
    }

    public record ImportProblemView(int line, String kind, String externalId, String field, String message) {
        static ImportProblemView of(ImportProblem p) {
            return new ImportProblemView(p.id.line(), p.kind, p.externalId, p.field, p.message);
        }
    }

    @POST
    @Consumes({JSON_LINES, JSONL, CSV})
    @APIResponse(responseCode = "202", description = "Accepted: the job runs in the background (Location: /imports/{id})",
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @Operation(summary = "Import historical records of a community (JSON Lines or CSV, by Content-Type)",
            description = "Each line is a client, appeal, case or service with its external id (unique per kind and "
                    + "community) and its historical dates, checked with the rules of the API; a refused line stores "
                    + "nothing, a line already imported changes nothing. Supervisors import into their own community "
                    + "(another hromada is 403); the platform administrator names it with hromada. 413 past "
                    + "case.imports.max-lines lines. See docs/import.md.")
    public Response start(@QueryParam("hromada") String hromada, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                          InputStream body) {
        Caller caller = currentCaller.get();
        String community = imports.community(caller, hromada);
        ImportJob.Format format = type != null && type.toLowerCase().startsWith(CSV) ? ImportJob.Format.CSV
                : ImportJob.Format.JSONL;
        ImportJob job = imports.accept(caller, community, format, body);
        return Response.accepted(ImportJobView.of(job)).location(URI.create("/imports/" + job.id)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import job: its state (QUEUED, RUNNING, FINISHED, FAILED, INTERRUPTED) and counters",
            description = "linesRead, imported, alreadyImported and refused grow while it runs; the per-line report "
                    + "is at report. Jobs of other communities are 404 (the platform administrator sees all).")
    public ImportJobView get(@PathParam("id") UUID id) {
        return ImportJobView.of(imports.inReach(currentCaller.get(), id));
    }

    @GET
    @Path("/{id}/report")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "The refused lines of an import: line number, kind, external id, field and message",
            description = "Paged JSON; with format=csv the whole report as a CSV download.")
    @APIResponse(responseCode = "200", description = "A page of the report, or the whole report as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReportPage.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response report(@PathParam("id") UUID id, @QueryParam("format") String format,
                           @QueryParam("page") String page, @QueryParam("size") String size) {
        ImportJob job = imports.inReach(currentCaller.get(), id);
        if (format != null && !format.isBlank() && !format.equals("json") && !format.equals("csv")) {
            throw ProblemException.badRequest("format", "must be json or csv");
        }
        if ("csv".equals(format)) {
            StringBuilder sb = new StringBuilder("line,kind,externalId,field,message\n");
            for (ImportProblem p : imports.fullReport(job)) {
                sb.append(p.id.line()).append(',').append(csv(p.kind)).append(',').append(csv(p.externalId)).append(',')
                        .append(csv(p.field)).append(',').append(csv(p.message)).append('\n');
            }
            return Response.ok(sb.toString(), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"import-" + job.id + "-report.csv\"").build();
        }
        PageView<ImportProblem> found = imports.report(job, QueryParams.page(page), QueryParams.size(size, 100));
        PageView<ImportProblemView> view = PageView.of(found.items().stream().map(ImportProblemView::of).toList(),
                found.page(), found.size(), found.totalItems());
        return Response.ok(new ImportReportPage(view.items(), view.page(), view.size(), view.totalItems(),
                view.totalPages()), MediaType.APPLICATION_JSON).build();
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
