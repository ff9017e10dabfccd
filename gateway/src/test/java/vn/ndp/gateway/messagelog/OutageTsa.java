package vn.ndp.gateway.messagelog;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

import vn.ndp.protocol.timestamp.TimeStampAuthority;

/** A time-stamping authority on loopback that a test can take down and bring back, with its key, on the same port. */
final class OutageTsa implements AutoCloseable {

    private final Path directory;
    private final URI url;
    private TimeStampAuthority running;

    private OutageTsa(Path directory) throws IOException {
        this.directory = directory;
        running = TimeStampAuthority.open(directory, Clock.systemUTC());
        url = running.start("127.0.0.1", 0);
    }

    /** Started on a free port, its key and certificate kept in {@code directory}. */
    static OutageTsa start(Path directory) throws IOException {
        return new OutageTsa(directory);
    }

    URI url() {
        return url;
    }

    /** The start of an outage: the port refuses connections. */
    void stop() {
        running.close();
    }

    /** The end of an outage: the same authority answers on the same port again. */
    void restart() throws IOException {
        running = TimeStampAuthority.open(directory, Clock.systemUTC());
        running.start(url.getHost(), url.getPort());
    }

    @Override
    public void close() {
        running.close();
    }
}
