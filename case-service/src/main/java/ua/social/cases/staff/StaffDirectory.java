package ua.social.cases.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ua.social.cases.config.CaseConfig;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff directory is the realm itself: case-service looks case managers up in Keycloak
 * (admin API, with its own service account holding only realm-management/view-users), so a case
 * is assigned only to a real case manager of the right community. Answers are cached briefly.
 */
@ApplicationScoped
public class StaffDirectory {

    @Inject
    Clock clock;
    @Inject
    CaseConfig config;
    @Inject
    ObjectMapper mapper;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private record Cached<T>(T value, Instant until) {
    }
    private final Map<String, Cached<Optional<StaffMember>>> byUsername = new ConcurrentHashMap<>();
    private final Map<String, Cached<List<StaffMember>>> byCommunity = new ConcurrentHashMap<>();
    private volatile Cached<String> token;

    /** The staff member with this username, if the realm has one. */
    public Optional<StaffMember> byUsername(String username) {
        Cached<Optional<StaffMember>> c = byUsername.get(username);
        if (c != null && clock.instant().isBefore(c.until())) {
            return c.value();
        }
        JsonNode users = get("/users?exact=true&briefRepresentation=false&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8));
        Optional<StaffMember> found = Optional.empty();
        for (JsonNode u : users) {
            if (username.equalsIgnoreCase(u.path("username").asText())) {
                found = Optional.of(toMember(u, roles(u.path("id").asText())));
            }
        }
        byUsername.put(username, new Cached<>(found, clock.instant().plus(config.staffDirectory().cacheFor())));
        return found;
    }

    /** Staff of a community (users whose hromada attribute is that community), with their realm roles. */
    public List<StaffMember> inCommunity(String hromada) {
        Cached<List<StaffMember>> c = byCommunity.get(hromada);
        if (c != null && clock.instant().isBefore(c.until())) {
            return c.value();
        }
        JsonNode users = get("/users?briefRepresentation=false&max=1000&q="
                + URLEncoder.encode("hromada:" + hromada, StandardCharsets.UTF_8));
        List<StaffMember> members = new ArrayList<>();
        for (JsonNode u : users) {
            if (hromada.equals(attribute(u, "hromada"))) {
                members.add(toMember(u, roles(u.path("id").asText())));
            }
        }
        byCommunity.put(hromada, new Cached<>(List.copyOf(members), clock.instant().plus(config.staffDirectory().cacheFor())));
        return members;
    }

    private Set<String> roles(String userId) {
        Set<String> roles = new HashSet<>();
        for (JsonNode r : get("/users/" + userId + "/role-mappings/realm/composite")) {
            roles.add(r.path("name").asText());
        }
        return roles;
    }

    private StaffMember toMember(JsonNode u, Set<String> roles) {
        String name = (u.path("firstName").asText("") + " " + u.path("lastName").asText("")).trim();
        return new StaffMember(u.path("id").asText(), u.path("username").asText(),
                name.isEmpty() ? u.path("username").asText() : name, roles,
                attribute(u, "oblast"), attribute(u, "hromada"));
    }

    private static String attribute(JsonNode u, String name) {
        JsonNode v = u.path("attributes").path(name);
        return v.isArray() && !v.isEmpty() ? v.get(0).asText() : null;
    }

    private CaseConfig.StaffDirectory cfg() {
        return config.staffDirectory();
    }

    private JsonNode get(String path) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(cfg().keycloakUrl() + "/admin/realms/" + cfg().realm() + path))
                .header("Authorization", "Bearer " + token()).timeout(Duration.ofSeconds(10)).GET().build();
        return send(req);
    }

    private String token() {
        Cached<String> t = token;
        if (t != null && clock.instant().isBefore(t.until())) {
            return t.value();
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(cfg().clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(cfg().clientSecret(), StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(cfg().keycloakUrl() + "/realms/" + cfg().realm()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode body = send(req);
        String value = body.path("access_token").asText();
        token = new Cached<>(value, clock.instant().plusSeconds(Math.max(10, body.path("expires_in").asLong(60) - 20)));
        return value;
    }

    private JsonNode send(HttpRequest req) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw unavailable("the staff directory answered " + r.statusCode());
            }
            return mapper.readTree(r.body());
        } catch (IOException e) {
            throw unavailable("the staff directory is unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    /** Seconds a client is asked to wait while Keycloak is away (Keycloak restarts in about 15 s). */
    static final int RETRY_AFTER_SECONDS = 15;

    private static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "staff-directory-unavailable", "Staff directory unavailable",
                "Case managers cannot be looked up right now (" + detail + "); try again in " + RETRY_AFTER_SECONDS
                        + " seconds.").retryAfter(RETRY_AFTER_SECONDS));
    }
}
