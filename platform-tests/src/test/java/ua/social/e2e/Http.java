package ua.social.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A thread-safe JSON client for the load generator and the checks (many requests at once). */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    private Http() {
    }

    /** An HTTP answer: status, headers and the JSON body (MissingNode when there is none). */
    record Resp(int status, java.net.http.HttpHeaders headers, JsonNode body, String raw) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        boolean isProblem() {
            return header("Content-Type") != null && header("Content-Type").startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + (raw.length() > 300 ? raw.substring(0, 300) + "…" : raw);
        }
    }

    /** Sends one request; an IOException means no HTTP answer (refused, reset, timed out). */
    static Resp send(String method, String url, Map<String, String> headers, Object body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = MissingNode.getInstance();
        String raw = r.body() == null ? "" : r.body();
        if (!raw.isBlank()) {
            try {
                json = JSON.readTree(raw);
            } catch (IOException notJson) {
                json = MissingNode.getInstance();
            }
        }
        return new Resp(r.statusCode(), r.headers(), json, raw);
    }

    static Resp get(String url, Map<String, String> headers) throws IOException, InterruptedException {
        return send("GET", url, headers, null, Duration.ofSeconds(20));
    }
}
