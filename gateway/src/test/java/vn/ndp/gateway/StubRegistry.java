package vn.ndp.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import vn.ndp.protocol.globalconf.GlobalConfigurationSigner;
import vn.ndp.protocol.usage.UsageReport;

/** Serves a signed global configuration with ETag at {@code /globalconf} and takes usage reports at {@code /api/v1/exchange/usage}. */
public final class StubRegistry implements AutoCloseable {

    private final HttpServer server;
    private volatile byte[] document = new byte[0];
    private volatile boolean up = true;
    private volatile CountDownLatch hang = new CountDownLatch(0);
    private volatile boolean acceptUsage = true;
    /** The registry API token gateways must send with usage reports (the real registry denies others). */
    public static final String USAGE_TOKEN = "ndp_test-usage-token";

    private final List<UsageReport> usage = new CopyOnWriteArrayList<>();

    public StubRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/globalconf", exchange -> {
            try {
                hang.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!up) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            byte[] body = document;
            String etag = GlobalConfigurationSigner.etag(body);
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", GlobalConfigurationSigner.MEDIA_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/api/v1/exchange/usage", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!("Bearer " + USAGE_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            if (!acceptUsage) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            try {
                usage.add(UsageReport.fromJson(body));
            } catch (RuntimeException e) {

                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void serve(byte[] signed) {
        document = signed.clone();
    }

    public void setUp(boolean up) {
        this.up = up;
    }

    /** While hanging, the registry takes connections and requests for the configuration and never answers them. */
    public void setHanging(boolean hanging) {
        if (hanging) {
            hang = new CountDownLatch(1);
        } else {
            hang.countDown();
        }
    }

    public void setAcceptUsage(boolean accept) {
        this.acceptUsage = accept;
    }

    public List<UsageReport> usageReports() {
        return List.copyOf(usage);
    }

    @Override
    public void close() {
        hang.countDown();
        server.stop(0);
    }
}
