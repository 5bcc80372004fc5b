package ua.social.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.identity.CallerContext;
import ua.social.identity.Roles;
import ua.social.identity.problem.ProblemException;
import ua.social.reporting.config.ReportingConfig;
import ua.social.reporting.statistics.Communities;
import ua.social.reporting.statistics.CsvReport;
import ua.social.reporting.statistics.Report;
import ua.social.reporting.statistics.StatisticsService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Path("/statistics")
@RolesAllowed({Roles.MINISTRY_ANALYST, Roles.SUPERVISOR})
@Tag(name = "Statistics", description = "Regional statistics from events, small counts withheld "
        + "(ministry analysts: every region; supervisors: their own community)")
public class StatisticsResource {

    @Inject
    StatisticsService statistics;
    @Inject
    CallerContext callerContext;
    @Inject
    ReportingConfig config;
    @Inject
    Clock clock;
    @Inject
    Communities communities;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvReport.MEDIA_TYPE})
    @Operation(summary = "All statistics of a period and region: applicants, cases opened/active/closed, case managers "
            + "and caseload, services by category, referrals by sector and status, median response time; JSON, or CSV "
            + "with Accept: text/csv")
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)),
            @Content(mediaType = CsvReport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response report(
            @Parameter(description = "First day (YYYY-MM-DD), the 1st of a month; the period is a whole calendar month, "
                    + "quarter or year; default: the current year") @QueryParam("from") String from,
            @Parameter(description = "Last day, inclusive (YYYY-MM-DD): the end of that month, quarter or year")
            @QueryParam("to") String to,
            @Parameter(description = "Oblast, ISO 3166-2:UA code (UA-53); without it and without a community: the whole "
                    + "country") @QueryParam("oblast") String oblast,
            @Parameter(description = "One community, KATOTTG code (lists are refused)")
            @QueryParam("hromada") List<String> hromada,
            @Parameter(description = "Vulnerable group (e.g. INTERNALLY_DISPLACED)") @QueryParam("category") String category,
            @Parameter(description = "Rows: oblast or hromada; default: oblasts unless a region is chosen")
            @QueryParam("groupBy") String groupBy,
            @Context HttpHeaders headers) {
        Report report = report(from, to, oblast, hromada, category, groupBy);
        if (wantsCsv(headers)) {
            return csv(CsvReport.of(report.tables()), "statistics-" + report.period().from() + "-"
                    + report.period().to() + ".csv");
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{table}")
    @Produces({MediaType.APPLICATION_JSON, CsvReport.MEDIA_TYPE})
    @Operation(summary = "One table of the statistics (suppressed together with all others), JSON or CSV")
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.Table.class)),
            @Content(mediaType = CsvReport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response table(@PathParam("table") String name,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("oblast") String oblast, @QueryParam("hromada") List<String> hromada,
                          @QueryParam("category") String category, @QueryParam("groupBy") String groupBy,
                          @Context HttpHeaders headers) {
        Report report = report(from, to, oblast, hromada, category, groupBy);
        Report.Table table = report.table(name).orElseThrow(() -> ProblemException.notFound("Table '" + name + "'"));
        if (wantsCsv(headers)) {
            return csv(CsvReport.of(List.of(table)), name + "-" + report.period().from() + "-"
                    + report.period().to() + ".csv");
        }
        return Response.ok(table, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Report report(String from, String to, String oblast, List<String> hromada, String category, String groupBy) {
        StatisticsService.Filters filters = Params.filters(from, to, oblast, hromada, category, groupBy,
                LocalDate.now(clock.withZone(config.zone())),
                config.maxPeriodMonths(), communities::oblastOf);
        return statistics.report(callerContext.current(), filters);
    }

    /** CSV only when the client prefers it to JSON. */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.valueOf(CsvReport.MEDIA_TYPE))) {
                return true;
            }
        }
        return false;
    }

    private static Response csv(String body, String filename) {
        return Response.ok(body, CsvReport.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
