package ua.social.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.cases.casefile.CaseAccess;
import ua.social.cases.client.Client;
import ua.social.cases.client.ClientAccess;
import ua.social.cases.client.ClientCommands.ClientRequest;
import ua.social.cases.client.ClientService;
import ua.social.cases.rest.CaseApi.AccessView;
import ua.social.cases.rest.ClientApi.ClientView;
import ua.social.cases.client.DuplicateCheck;
import ua.social.cases.client.DuplicateCheck.DuplicateCheckView;
import ua.social.cases.rest.ClientApi.DuplicateProblem;
import ua.social.cases.support.AccessLog;
import ua.social.identity.web.Idempotency;
import ua.social.identity.web.Versions;
import ua.social.identity.Roles;
import ua.social.identity.web.QueryParams;
import ua.social.identity.web.PageView;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTAKE_OFFICER, Roles.CASE_MANAGER, Roles.SUPERVISOR})
@Tag(name = "Clients", description = "Persons who receive social services: registration with the duplicate check, search, records")
public class ClientResource {

    @Inject
    ClientService clients;
    @Inject
    CaseAccess access;
    @Inject
    ClientAccess clientAccess;
    @Inject
    AccessLog accessLog;
    @Inject
    Idempotency idempotency;
    @Inject
    DuplicateCheck duplicates;

    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "409", description = "duplicate-rnokpp or likely-duplicate",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = DuplicateProblem.class)))
    @POST
    @Operation(summary = "Register a client in your community",
            description = "409 duplicate-rnokpp when the RNOKPP is registered: a record in your reach is pointed to "
                    + "(existingClientId, existing); a record of another community only as recordElsewhere (no name, "
                    + "birth date, community or id; its reference lets your supervisor ask for the record with POST "
                    + "/record-requests). 409 likely-duplicate lists clients with the same birth date and a close name "
                    + "(likelyDuplicates in your reach, recordsElsewhere likewise) unless confirmedNotDuplicate is true. "
                    + "Every candidate shown is written to the access log. Accepts Idempotency-Key.")
    @APIResponseSchema(value = ClientView.class, responseCode = "201", responseDescription = "Created")
    public Response register(@Valid @NotNull ClientRequest req, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create(access.caller(), key, "POST /clients", req,
                location -> clientAccess.read(Idempotency.idIn(location), "client record (replayed response)"), () -> {
            Client c = clients.register(req);
            accessLog.read(access.caller(), "client registered", List.of(c.id));
            return new Idempotency.Created(URI.create("/clients/" + c.id), ClientView.of(c));
        });
    }

    @GET
    @Operation(summary = "Search clients of your community by name fragment (Cyrillic or Latin), date of birth, RNOKPP")
    public PageView<ClientView> search(@QueryParam("name") String name, @QueryParam("dateOfBirth") String dob,
                                       @QueryParam("rnokpp") String rnokpp,
                                       @QueryParam("page") String page, @QueryParam("size") String size) {
        PageView<Client> found = clients.search(name, QueryParams.date(dob, "dateOfBirth"), rnokpp,
                QueryParams.page(page), QueryParams.size(size, 20));
        accessLog.read(access.caller(), "client search", found.items().stream().map(c -> c.id).toList());
        return PageView.of(found.items().stream().map(ClientView::of).toList(), found.page(), found.size(),
                found.totalItems());
    }

    @GET
    @Path("/likely-duplicates")
    @Operation(summary = "Check before registering: clients born that day with a close name",
            description = "candidates: clients in your reach (each shown one is written to the access log); "
                    + "recordsElsewhere: matches in another community, shown only as existing, with a reference your "
                    + "supervisor can use to ask for the record (POST /record-requests).")
    public DuplicateCheckView likelyDuplicates(@QueryParam("lastName") String lastName,
                                                     @QueryParam("firstName") String firstName,
                                                     @QueryParam("dateOfBirth") String dob) {
        if (lastName == null || lastName.isBlank()) {
            throw ua.social.identity.problem.ProblemException.badRequest("lastName", "is required");
        }
        if (firstName == null || firstName.isBlank()) {
            throw ua.social.identity.problem.ProblemException.badRequest("firstName", "is required");
        }
        var date = QueryParams.date(dob, "dateOfBirth");
        if (date == null) {
            throw ua.social.identity.problem.ProblemException.badRequest("dateOfBirth", "is required");
        }
        return duplicates.answer(clients.likelyDuplicates(lastName, firstName, date, null));
    }

    @APIResponse(responseCode = "200", description = "The record",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @GET
    @Path("/{id}")
    @Operation(summary = "A client's record (the read is written to the access log); ETag carries the version")
    public Response get(@PathParam("id") UUID id) {
        Client c = clientAccess.read(id, "client record");
        return Response.ok(ClientView.of(c)).tag(Versions.etag(c.version)).build();
    }

    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @PUT
    @Path("/{id}")
    @Operation(summary = "Update a client's record; send If-Match with the ETag you read (412 when stale)")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ClientRequest req) {
        Client c = clients.update(id, ifMatch, req);
        accessLog.read(access.caller(), "client record updated", List.of(c.id));
        return Response.ok(ClientView.of(c)).tag(Versions.etag(c.version)).build();
    }

    @GET
    @Path("/{id}/access-log")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Who read this client's record, newest first (supervisors of the community)")
    public PageView<AccessView> accessLog(@PathParam("id") UUID id, @QueryParam("page") String page,
                                          @QueryParam("size") String size) {
        int p = QueryParams.page(page);
        int n = QueryParams.size(size, 50);
        clientAccess.inReach(id);
        var entries = accessLog.of(AccessLog.RecordType.CLIENT, id, p, n);
        return PageView.of(entries.stream().map(AccessView::of).toList(), p, n,
                accessLog.count(AccessLog.RecordType.CLIENT, id));
    }
}
