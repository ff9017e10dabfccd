package vn.ndp.gateway.exchange;

import java.time.Clock;
import java.time.Instant;

import vn.ndp.gateway.monitoring.OperationalMonitor;
import vn.ndp.gateway.monitoring.OperationalRecord;

/** Collects what is known about one request as it is handled, and records it once at the end. */
final class ExchangeRecorder {

    private final OperationalMonitor monitor;
    private final String side;
    private final long startNanos = System.nanoTime();
    private final Instant startedAt;
    String xroadId = "";
    String requestId = "";
    String client = "";
    String service = "";
    String method = "";
    String path = "";
    long requestBytes;
    long responseBytes;
    int status;
    String fault = "";

    ExchangeRecorder(OperationalMonitor monitor, Clock clock, String side) {
        this.monitor = monitor;
        this.side = side;
        this.startedAt = clock.instant();
    }

    void finish() {
        monitor.record(new OperationalRecord(side, xroadId, requestId, client, service, method, path, requestBytes,
                responseBytes, status, fault, startedAt, (System.nanoTime() - startNanos) / 1000));
    }
}
