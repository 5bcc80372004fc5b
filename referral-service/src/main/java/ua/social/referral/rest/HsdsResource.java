package ua.social.referral.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.identity.Roles;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.QueryParams;
import ua.social.referral.partner.HsdsExport;
import ua.social.referral.partner.HsdsExport.Filter;
import ua.social.referral.partner.HsdsExport.Links;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The partner directory as an Open Referral HSDS 3.0 API (the endpoints and query parameters of the
 * specification's openapi.json). A query parameter the endpoint does not have, one given twice, or a value that
 * does not parse is a 400 problem naming the parameter; the specification's parameters this API does not offer
 * ({@code format} other than json, {@code minimal}, {@code postcode}, {@code proximity}) are a 400 saying so.
 */
@Path("/hsds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTAKE_OFFICER, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.MINISTRY_ANALYST,
        Roles.PLATFORM_ADMIN, Roles.PARTNER})
@Tag(name = "HSDS API", description = "The partner directory as an Open Referral HSDS 3.0 API")
public class HsdsResource {

    private static final int DEFAULT_PER_PAGE = 50;
    private static final int MAX_PER_PAGE = 200;
    private static final Set<String> PAGING = Set.of("page", "per_page", "format");

    @Inject
    HsdsExport export;
    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "About this API: the HSDS version it follows (3.0) and where its OpenAPI document is")
    public Map<String, Object> api() {
        only();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", HsdsExport.VERSION);
        m.put("openapi_url", uri.getBaseUri().resolve("q/openapi").toString());
        return m;
    }

    @GET
    @Path("/services")
    @Operation(summary = "Services as an HSDS page (service_list items; fully nested with full=true); search, "
            + "organization_id, taxonomy_term_id, taxonomy_id, modified_after filter")
    public Map<String, Object> services(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
                                        @QueryParam("format") String format, @QueryParam("search") String search,
                                        @QueryParam("taxonomy_term_id") String taxonomyTermId,
                                        @QueryParam("taxonomy_id") String taxonomyId,
                                        @QueryParam("organization_id") String organizationId,
                                        @QueryParam("modified_after") String modifiedAfter,
                                        @QueryParam("minimal") String minimal, @QueryParam("full") String full) {
        listing("search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "full", "minimal");
        refuseOffered("minimal", "a minimal listing is not offered; page through /hsds/services?modified_after=... instead");
        return export.services(filter(search, modifiedAfter, taxonomyTermId, taxonomyId, organizationId), bool(full, "full"),
                page(page), perPage(perPage), links());
    }

    @GET
    @Path("/services/{id}")
    @Operation(summary = "One service, fully nested (organization, service_at_locations with locations, attributes)")
    public Map<String, Object> service(@PathParam("id") UUID id) {
        only();
        return export.service(id, links());
    }

    @GET
    @Path("/organizations")
    @Operation(summary = "Organisations as an HSDS page (total_items, total_pages, page_number from 1, size, first_page, "
            + "last_page, empty, contents): organization_list items, fully nested with full=true; search, modified_after")
    public Map<String, Object> organizations(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
                                             @QueryParam("format") String format, @QueryParam("search") String search,
                                             @QueryParam("modified_after") String modifiedAfter,
                                             @QueryParam("full") String full,
                                             @QueryParam("full_service") String fullService) {
        listing("search", "full", "full_service", "modified_after");
        return export.organizations(filter(search, modifiedAfter, null, null, null), bool(full, "full"), bool(fullService, "full_service"), page(page),
                perPage(perPage), links());
    }

    @GET
    @Path("/organizations/{id}")
    @Operation(summary = "One organisation, fully nested (contacts, phones, locations, services; full services with "
            + "full_service=true)")
    public Map<String, Object> organization(@PathParam("id") UUID id, @QueryParam("full_service") String fullService) {
        only("full_service");
        return export.organization(id, bool(fullService, "full_service"), links());
    }

    @GET
    @Path("/service_at_locations")
    @Operation(summary = "Services at locations as an HSDS page (service_at_location_list items; fully nested with "
            + "full=true); search, organization_id, taxonomy_term_id, taxonomy_id, modified_after filter")
    public Map<String, Object> serviceAtLocations(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
                                                  @QueryParam("format") String format, @QueryParam("search") String search,
                                                  @QueryParam("taxonomy_term_id") String taxonomyTermId,
                                                  @QueryParam("taxonomy_id") String taxonomyId,
                                                  @QueryParam("organization_id") String organizationId,
                                                  @QueryParam("modified_after") String modifiedAfter,
                                                  @QueryParam("postcode") String postcode,
                                                  @QueryParam("proximity") String proximity,
                                                  @QueryParam("full") String full) {
        listing("search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "full", "postcode",
                "proximity");
        refuseOffered("postcode", "searching by postcode is not offered (the directory has no service areas); "
                + "use search or taxonomy_term_id with a community term");
        refuseOffered("proximity", "searching by distance is not offered (locations have no coordinates)");
        return export.serviceAtLocations(filter(search, modifiedAfter, taxonomyTermId, taxonomyId, organizationId),
                bool(full, "full"), page(page), perPage(perPage), links());
    }

    @GET
    @Path("/service_at_locations/{id}")
    @Operation(summary = "One service at a location, fully nested (location with address and schedules, service)")
    public Map<String, Object> serviceAtLocation(@PathParam("id") UUID id) {
        only();
        return export.serviceAtLocation(id, links());
    }

    @GET
    @Path("/taxonomies")
    @Operation(summary = "The taxonomies of the directory (service categories, partner sectors, KATOTTG communities) "
            + "as an HSDS page")
    public Map<String, Object> taxonomies(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
                                          @QueryParam("format") String format, @QueryParam("search") String search) {
        listing("search");
        return export.taxonomies(text(search), page(page), perPage(perPage), links());
    }

    @GET
    @Path("/taxonomies/{id}")
    @Operation(summary = "One taxonomy")
    public Map<String, Object> taxonomy(@PathParam("id") UUID id) {
        only();
        return export.taxonomy(id, links());
    }

    @GET
    @Path("/taxonomy_terms")
    @Operation(summary = "Taxonomy terms as an HSDS page (name in Ukrainian, description in English); search, "
            + "taxonomy_id, top_only, parent_id")
    public Map<String, Object> taxonomyTerms(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
                                             @QueryParam("format") String format, @QueryParam("search") String search,
                                             @QueryParam("taxonomy_id") String taxonomyId,
                                             @QueryParam("top_only") String topOnly,
                                             @QueryParam("parent_id") String parentId) {
        listing("search", "taxonomy_id", "top_only", "parent_id");
        // The vocabularies are flat: every term is a top term, so top_only only needs to be a boolean.
        bool(topOnly, "top_only");
        return export.taxonomyTerms(text(search), QueryParams.uuid(taxonomyId, "taxonomy_id"),
                QueryParams.uuid(parentId, "parent_id"), page(page), perPage(perPage), links());
    }

    @GET
    @Path("/taxonomy_terms/{id}")
    @Operation(summary = "One taxonomy term")
    public Map<String, Object> taxonomyTerm(@PathParam("id") UUID id) {
        only();
        return export.taxonomyTerm(id, links());
    }

    // ---------------------------------------------------------------- parameters

    /** A list endpoint's parameters: {@code names} and the paging ones. */
    private void listing(String... names) {
        check(true, names);
    }

    /** A single-record endpoint's parameters. */
    private void only(String... names) {
        check(false, names);
    }

    /** 400 naming the first query parameter this endpoint does not have, or one given more than once. */
    private void check(boolean listing, String... names) {
        Set<String> allowed = new TreeSet<>(List.of(names));
        if (listing) {
            allowed.addAll(PAGING);
        }
        for (Map.Entry<String, List<String>> e : uri.getQueryParameters().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw ProblemException.badRequest(e.getKey(), allowed.isEmpty()
                        ? "is not a parameter of this endpoint, which takes none"
                        : "is not a parameter of this endpoint; it takes " + String.join(", ", allowed));
            }
            if (e.getValue().size() > 1) {
                throw ProblemException.badRequest(e.getKey(), "is given more than once");
            }
        }
        String format = uri.getQueryParameters().getFirst("format");
        if (listing && format != null && !format.trim().equals("json")) {
            throw ProblemException.badRequest("format", "only json is offered (ndjson is not)");
        }
    }

    private void refuseOffered(String name, String message) {
        if (uri.getQueryParameters().containsKey(name)) {
            throw ProblemException.badRequest(name, message);
        }
    }

    private static Filter filter(String search, String modifiedAfter, String taxonomyTermId, String taxonomyId,
                                 String organizationId) {
        return new Filter(text(search), dateTime(modifiedAfter), QueryParams.uuid(taxonomyTermId, "taxonomy_term_id"),
                QueryParams.uuid(taxonomyId, "taxonomy_id"), QueryParams.uuid(organizationId, "organization_id"));
    }

    private Links links() {
        return new Links(uri.getBaseUri().resolve("hsds/").toString());
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200) {
            throw ProblemException.badRequest("search", "must be at most 200 characters");
        }
        return value.trim();
    }

    private static OffsetDateTime dateTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(value.trim());
            if (t.getYear() < 1900 || t.getYear() > 9999) {
                throw ProblemException.badRequest("modified_after", "must be a date-time between the years 1900 and 9999");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("modified_after", "'" + value + "' is not an ISO 8601 date-time with "
                    + "offset, e.g. 2026-01-31T00:00:00Z or 2026-01-31T00:00:00%2B02:00 (+ URL-encoded)");
        }
    }

    private static boolean bool(String value, String name) {
        return Boolean.TRUE.equals(QueryParams.bool(value, name));
    }

    private static int page(String value) {
        int number = QueryParams.integer(value, "page", 1);
        if (number < 1 || number > QueryParams.MAX_PAGE + 1) {
            throw ProblemException.badRequest("page", "must be between 1 and " + (QueryParams.MAX_PAGE + 1)
                    + " (HSDS numbers pages from 1)");
        }
        return number;
    }

    private static int perPage(String value) {
        int size = QueryParams.integer(value, "per_page", DEFAULT_PER_PAGE);
        if (size < 1 || size > MAX_PER_PAGE) {
            throw ProblemException.badRequest("per_page", "must be between 1 and " + MAX_PER_PAGE);
        }
        return size;
    }
}
