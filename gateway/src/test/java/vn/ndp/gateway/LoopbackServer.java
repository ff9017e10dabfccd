package vn.ndp.gateway;

import java.net.InetAddress;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;

/** A Jetty server with one HTTP/1.1 listener on a free loopback port, for a handler tested on its own. */
public final class LoopbackServer implements AutoCloseable {

    private final Server server;
    private final int port;

    private LoopbackServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    public static LoopbackServer start(Handler handler) throws Exception {
        return start(handler, null);
    }

    /** A server whose {@code errorHandler} answers what Jetty refuses before {@code handler} sees it. */
    public static LoopbackServer start(Handler handler, ErrorHandler errorHandler) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        server.addConnector(connector);
        if (errorHandler != null) {
            server.setErrorHandler(errorHandler);
        }
        server.setHandler(handler);
        server.start();
        return new LoopbackServer(server, connector.getLocalPort());
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
