package pk.childhelpline.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The addresses of a running local stack, read from the {@code stack.env} file that deploy/local/up writes into its
 * run directory, and an HTTP client that logs in to Keycloak with the helpline-cli client's password grant.
 */
public final class Stack {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new HashMap<>();

    private record Token(String value, Instant expiresAt) {
    }

    /** The answer to one HTTP request: status and body, the body parsed as JSON where it is JSON. */
    public record Reply(int status, String body, HttpResponse<String> response) {

        public JsonNode json() {
            try {
                return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Expected JSON with status " + status + " but got: " + abbreviate(body), e);
            }
        }
    }

    public Stack(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Reads {@code stack.env} from the run directory (HELPLINE_RUN_DIR, else deploy/local/.run). */
    public static Stack fromRunDir(Path runDir) {
        Path file = runDir.resolve("stack.env");
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("No " + file + ": start the stack first with deploy/local/up");
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + file, e);
        }
        Map<String, String> values = new HashMap<>();
        properties.forEach((key, value) -> values.put(key.toString(), unquote(value.toString())));
        return new Stack(values);
    }

    public String url(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("stack.env has no " + name);
        }
        return value;
    }

    public Reply get(String url, String user, String password) {
        return send(authorized(HttpRequest.newBuilder(URI.create(url)), user, password).GET().build());
    }

    public Reply postJson(String url, String body, String user, String password) {
        return send(authorized(HttpRequest.newBuilder(URI.create(url)), user, password)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** Sends a request without a token, for example to the SMSC simulator's control API. */
    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException("Request failed: " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.uri(), e);
        }
    }

    /** Returns a bearer token for the user, logging in again a minute before the last one expires. */
    public synchronized String token(String user, String password) {
        Token token = tokens.get(user);
        if (token != null && Instant.now().isBefore(token.expiresAt().minusSeconds(60))) {
            return token.value();
        }
        String form = "grant_type=password&client_id=helpline-cli&username=" + encode(user) + "&password="
                + encode(password);
        Reply reply = send(
                HttpRequest.newBuilder(URI.create(url("KEYCLOAK_URL") + "/realms/helpline/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (reply.status() != 200) {
            throw new IllegalStateException("Keycloak login failed for " + user + " with status " + reply.status() + ": "
                    + abbreviate(reply.body()));
        }
        JsonNode json = reply.json();
        token = new Token(json.path("access_token").asText(), Instant.now().plusSeconds(json.path("expires_in").asLong(60)));
        tokens.put(user, token);
        return token.value();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder, String user, String password) {
        return builder.timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token(user, password));
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        if (trimmed.length() >= 2 && (trimmed.startsWith("\"") && trimmed.endsWith("\"")
                || trimmed.startsWith("'") && trimmed.endsWith("'"))) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }
}
