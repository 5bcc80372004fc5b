package ua.social.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** HTTP for the harness: staff tokens from Keycloak (password grant of the demo accounts) and JSON calls. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "bench-http");
                t.setDaemon(true);
                return t;
            })).build();
    private final String keycloak;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, long expiresAtNanos) {
    }

    Api(String keycloak) {
        this.keycloak = keycloak;
    }

    /** A bearer header value for the demo user, fetched again a minute before it expires. */
    String bearer(String user) {
        Token t = tokens.get(user);
        if (t == null || System.nanoTime() > t.expiresAtNanos()) {
            String form = "grant_type=password&client_id=platform-cli&username=" + enc(user) + "&password=demo";
            JsonNode r = send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/social-services/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 200);
            long life = Math.max(30, r.path("expires_in").asLong(300) - 60);
            t = new Token("Bearer " + r.path("access_token").asText(), System.nanoTime() + life * 1_000_000_000L);
            tokens.put(user, t);
        }
        return t.value();
    }

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    HttpRequest get(String url, String auth) {
        return request(url).header("Authorization", auth).GET().build();
    }

    HttpRequest post(String url, String auth, Object body) {
        // a staff token goes in Authorization, a partner's API key in X-API-Key
        return request(url).header(auth.startsWith("Bearer ") ? "Authorization" : "X-API-Key", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build();
    }

    /** Sends and reads a JSON answer, failing on any status other than {@code expected}. */
    JsonNode send(HttpRequest req, int expected) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(req.method() + " " + req.uri() + " answered " + r.statusCode()
                        + " (expected " + expected + "): " + r.body());
            }
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(req.method() + " " + req.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
