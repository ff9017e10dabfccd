package vn.ndp.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny backend that records every request it receives in full. {@code /api/...} echoes, and
 * tries to spoof X-Road headers in its answer and sets a cookie; {@code /api/big/N} answers N bytes
 * with a declared length, {@code /api/streamed/N} N bytes chunked; {@code /api/broken} declares
 * 2000 bytes, sends 1000 and drops the connection; {@code /api/fickle} answers the first request on
 * a connection and drops the connection at the second, unanswered (a keep-alive connection closed
 * under a request); {@code /api/hop} answers with hop-by-hop headers and every X-Road header spoofed;
 * {@code /slow} answers only when released.
 */
public final class RecordingBackend implements AutoCloseable {

    /** A request the backend received completely. */
    public record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicLong bulkBytes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.Set<InetSocketAddress> fickleConnections = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public RecordingBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            exchange.close();
            return;
        }
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
        if (exchange.getRequestURI().getRawPath().startsWith("/slow")) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals("/api/fickle") && !fickleConnections.add(exchange.getRemoteAddress())) {
            exchange.close();
            return;
        }
        if (path.startsWith("/api/big/") || path.startsWith("/api/streamed/") || path.equals("/api/broken")) {
            bulk(exchange, path);
            return;
        }
        if (path.equals("/api/gzip")) {
            // compressed whatever the caller accepts: the gateways must pass it on as it is
            byte[] compressed = gzip(GZIPPED_JSON.getBytes(StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, compressed.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(compressed);
            }
            return;
        }
        if (path.equals("/api/hop")) {
            // hop-by-hop headers and every X-Road header a gateway sets: none may reach the caller as sent here
            exchange.getResponseHeaders().add("Connection", "X-Hop-Secret");
            exchange.getResponseHeaders().add("X-Hop-Secret", "backend-internal");
            exchange.getResponseHeaders().add("Keep-Alive", "timeout=1");
            exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"backend\"");
            exchange.getResponseHeaders().add("Upgrade", "h2c");
            exchange.getResponseHeaders().add("X-Road-Client", "VN/GOV/SPOOF/spoof");
            exchange.getResponseHeaders().add("X-Road-Service", "VN/GOV/SPOOF/spoof/spoof");
            exchange.getResponseHeaders().add("X-Road-Id", "spoofed");
            exchange.getResponseHeaders().add("X-Road-Request-Id", "spoofed");
            exchange.getResponseHeaders().add("X-Road-Request-Hash", "spoofed");
            exchange.getResponseHeaders().add("X-Road-Error", "Server.ServerProxy.Spoofed");
            exchange.getResponseHeaders().add("X-Road-UserId", "spoofed");
            exchange.getResponseHeaders().add("X-Road-Issue", "spoofed");
            exchange.getResponseHeaders().add("X-Road-Security-Server", "VN/GOV/SPOOF/spoof");
            exchange.getResponseHeaders().add("X-Road-Foo", "from the backend");
            exchange.getResponseHeaders().add("X-Backend", "kept");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        String json = "{\"path\":\"" + exchange.getRequestURI().getRawPath() + "\",\"bytes\":" + body.length + "}";
        byte[] answer = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Road-Error", "Server.ServerProxy.Spoofed");
        exchange.getResponseHeaders().add("X-Road-Client", "VN/GOV/SPOOF/spoof");
        exchange.getResponseHeaders().add("X-Road-Request-Hash", "spoofed");
        exchange.getResponseHeaders().add("X-Backend", "kept");
        exchange.getResponseHeaders().add("Set-Cookie", "backend-session=secret-of-" + exchange.getRequestHeaders()
                .getFirst("X-Road-Client") + "; Path=/");
        int status = exchange.getRequestURI().getRawPath().endsWith("/missing") ? 404 : 200;
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** What {@code /api/gzip} answers, compressed. */
    public static final String GZIPPED_JSON = "{\"tỉnh\":\"Hà Nội\",\"padding\":\"" + "a".repeat(500) + "\"}";

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private void bulk(HttpExchange exchange, String path) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        if (path.equals("/api/broken")) {
            exchange.sendResponseHeaders(200, 2000);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[1000]);
            out.flush();
            try {
                out.close();
            } catch (IOException expected) {
                // "insufficient bytes written": the server drops the connection
            }
            return;
        }
        int size = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
        exchange.sendResponseHeaders(200, path.startsWith("/api/big/") ? size : 0);
        byte[] piece = new byte[64 * 1024];
        try (OutputStream out = exchange.getResponseBody()) {
            for (int written = 0; written < size; written += piece.length) {
                int length = Math.min(piece.length, size - written);
                out.write(piece, 0, length);
                bulkBytes.addAndGet(length);
            }
        }
    }

    /** Bytes of {@code /api/big/N} and {@code /api/streamed/N} answers written so far (it stops growing when the readers stall). */
    public long bulkBytesWritten() {
        return bulkBytes.get();
    }

    public void releaseSlowRequests() {
        release.countDown();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
