package vn.ndp.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session with the registry on its real port: the session cookie and the CSRF token of the last page
 * read, as a form carries it. For what MockMvc does not do: Tomcat's own limits on a request, and forwards.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private String cookie;
    private String csrf;

    public Browser(int port) {
        this.port = port;
    }

    public Browser signIn(String username, String password) {
        get("/login");
        HttpResponse<String> signedIn = postForm("/login", Map.of("username", username, "password", password));
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("could not sign in as " + username + ": " + signedIn.statusCode());
        }
        return this;
    }

    /** Reads a page, keeping its session cookie and its forms' CSRF token. */
    public HttpResponse<String> get(String path) {
        HttpResponse<String> page = send(request(path).GET());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** Forgets the CSRF token, as a form left open past its session has one the server no longer knows. */
    public Browser staleToken() {
        csrf = "stale-" + csrf;
        return this;
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = withToken(fields).entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts a multipart form with one file of {@code fileSize} zero bytes; {@code declareLength} false sends it in
     * chunks without a Content-Length, so the server learns its size only while reading it.
     */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileName, int fileSize,
            boolean declareLength) {
        String boundary = "----ndp" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        withToken(fields).forEach((name, value) -> head.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value)
                .append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/pdf\r\n\r\n");
        byte[] before = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] after = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        // the file's zeros are streamed, never held: the test posts tens of megabytes
        Supplier<InputStream> stream = () -> new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(before), zeros(fileSize), new ByteArrayInputStream(after))));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(stream);
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(declareLength ? HttpRequest.BodyPublishers.fromPublisher(body,
                        (long) before.length + fileSize + after.length) : body));
    }

    /** {@code size} zero bytes, made as they are read. */
    private static InputStream zeros(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    private Map<String, String> withToken(Map<String, String> fields) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return all;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst().ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
