package vn.ndp.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend that is never silent long enough for an idle timeout, and never done: it sends one byte every
 * {@link #PAUSE}, for a minute. {@code /trickle/head} trickles the answer's head (a header value that never ends),
 * {@code /trickle/body} sends its head at once and then trickles a body of a declared 4,000 bytes (under the tests' maxBodySize). Written on raw
 * sockets, since an HTTP server library sends a head whole.
 */
public final class TricklingBackend implements AutoCloseable {

    /** The pause between two bytes, well under any read timeout of the tests. */
    public static final Duration PAUSE = Duration.ofMillis(100);

    private final ServerSocket server;
    private final AtomicInteger dropped = new AtomicInteger();
    private final Thread acceptor;

    public TricklingBackend() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::accept);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Connections on which the other side stopped reading (closed or reset) before the minute was over. */
    public int dropped() {
        return dropped.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            String head = readHead(in);
            if (head.startsWith("GET /trickle/body")) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write("HTTP/1.1 200 OK\r\nX-Trickle: ".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(PAUSE);
                out.write(' ');
                out.flush();
            }
        } catch (IOException e) {
            dropped.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the request's head ended");
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
