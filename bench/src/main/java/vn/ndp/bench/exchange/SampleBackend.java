package vn.ndp.bench.exchange;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A sample information system behind a provider gateway, for the demo and the
 * exchange benchmark: answers every GET with the same 1 KiB JSON document
 * (marked as sample data) and echoes POST bodies. Not NDP production code.
 *
 * <p>{@code java -cp ndp-bench.jar vn.ndp.bench.exchange.SampleBackend PORT}
 */
public final class SampleBackend {

    static final byte[] DOCUMENT = document();

    private SampleBackend() {
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        // The JDK server keeps at most 200 idle keep-alive connections and closes the others as they go
        // idle; wrk's 64, the two provider gateways' pools and nginx's upstream pool together can pass
        // that, and wrk then counts each close as a read error (session 5: 59,581 on the direct path).
        System.setProperty("sun.net.httpserver.maxIdleConnections", "2048");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", SampleBackend::handle);
        server.start();
        System.out.println("Sample backend (sample data) on http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = "GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod())
                    ? DOCUMENT : exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A budget summary of a sample ministry, padded to exactly 1,024 bytes. */
    static byte[] document() {
        StringBuilder json = new StringBuilder("{\"sample\":true,\"note\":\"Dữ liệu mẫu / sample data\","
                + "\"agency\":\"Bộ Tài chính (mẫu)\",\"items\":[");
        for (int i = 1; i <= 12; i++) {
            json.append(i == 1 ? "" : ",").append("{\"month\":").append(i).append(",\"amount\":")
                    .append(1000 + i * 37).append('}');
        }
        json.append("],\"padding\":\"");
        int target = 1024 - 2;
        while (json.toString().getBytes(StandardCharsets.UTF_8).length < target) {
            json.append('x');
        }
        json.append("\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
