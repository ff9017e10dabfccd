package vn.ndp.registry.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Requests sent over a plain socket exactly as typed, as no client library would send them. */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * The whole answer from the server on {@code port} to a request sent as typed: no Accept header if {@code accept}
     * is empty, {@code headers} (each ending in CRLF) and {@code bodySize} bytes of body (zeros); read until the
     * server closes.
     */
    static String send(int port, String requestLine, String accept, String headers, long bodySize)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\n" + (accept.isEmpty() ? "" : "Accept: " + accept + "\r\n")
                    + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            for (long sent = 0; sent < bodySize; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bodySize - sent));
            }
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
