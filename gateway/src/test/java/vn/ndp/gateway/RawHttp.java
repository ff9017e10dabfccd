package vn.ndp.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sends bytes exactly as written, for requests no well-behaved client would send. */
public final class RawHttp {

    /** A parsed answer: status, headers (lower-case names, every value in order) and body. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        /** The last value of header {@code name}, or null. */
        public String header(String name) {
            List<String> values = values(name);
            return values.isEmpty() ? null : values.getLast();
        }

        /** Every value of header {@code name}, in the order received. */
        public List<String> values(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, lines separated by CRLF, no final blank line) and {@code body}. */
    public static Answer send(int port, String head, String body) throws IOException {
        return send(new Socket(InetAddress.getLoopbackAddress(), port), head, body);
    }

    /** {@link #send(int, String, String)} on a connected {@code socket} (a TLS one, say), which is closed afterwards. */
    public static Answer send(Socket connected, String head, String body) throws IOException {
        try (Socket socket = connected) {
            socket.setSoTimeout(10_000);
            byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
            String request = head + "\r\nConnection: close\r\n"
                    + (bodyBytes.length > 0 ? "Content-Length: " + bodyBytes.length + "\r\n" : "") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(bodyBytes);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, split).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            String rest = text.substring(split + 4);
            if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
                rest = dechunk(rest);
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, rest);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
