package ua.social.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.identity.CallerContext;
import ua.social.identity.Roles;
import ua.social.reporting.config.ReportingConfig;
import ua.social.reporting.statistics.Communities;
import ua.social.reporting.statistics.CsvReport;
import ua.social.reporting.statistics.RegionalReport;
import ua.social.reporting.statistics.RegionalReportFiles;
import ua.social.reporting.statistics.StatisticsService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The regional project report: the standard table of project reports per oblast (or community) and period,
 * as JSON, CSV or an .xlsx workbook. Same callers, reach and suppression as {@code /statistics}.
 */
@Path("/reports/regional-project")
@RolesAllowed({Roles.MINISTRY_ANALYST, Roles.SUPERVISOR})
@Tag(name = "Statistics")
public class RegionalReportResource {

    @Inject
    Clock clock;
    @Inject
    StatisticsService statistics;
    @Inject
    CallerContext callerContext;
    @Inject
    ReportingConfig config;
    @Inject
    Communities communities;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvReport.MEDIA_TYPE, RegionalReportFiles.XLSX})
    @Operation(summary = "Regional project report of a period: persons who applied, cases opened and closed, case "
            + "managers who worked in the period, cases carried and cases per case manager, services by category and "
            + "their total, per oblast or community; JSON, CSV (Accept: text/csv) or an .xlsx workbook (Accept: "
            + RegionalReportFiles.XLSX + "), Ukrainian headings, small counts withheld as in /statistics")
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionalReport.class)),
            @Content(mediaType = CsvReport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = RegionalReportFiles.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
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
        StatisticsService.Filters filters = Params.filters(from, to, oblast, hromada, category, groupBy,
                LocalDate.now(clock.withZone(config.zone())),
                config.maxPeriodMonths(), communities::oblastOf);
        RegionalReport report = RegionalReport.of(statistics.report(callerContext.current(), filters));
        String name = "regional-project-report-" + report.period().from() + "-" + report.period().to();
        return switch (format(headers)) {
            case CSV -> Response.ok(RegionalReportFiles.csv(report), CsvReport.MEDIA_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
            case XLSX -> Response.ok(RegionalReportFiles.xlsx(report), RegionalReportFiles.XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").build();
            case JSON -> Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    private enum Format { JSON, CSV, XLSX }

    /** The first of JSON, CSV and the workbook the client accepts, in its order of preference; JSON otherwise. */
    private static Format format(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Format.JSON;
            }
            if (type.isCompatible(MediaType.valueOf(CsvReport.MEDIA_TYPE))) {
                return Format.CSV;
            }
            if (type.isCompatible(MediaType.valueOf(RegionalReportFiles.XLSX))) {
                return Format.XLSX;
            }
        }
        return Format.JSON;
    }
}
