package vn.ndp.gateway.monitoring;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import vn.ndp.protocol.usage.UsageAggregate;
import vn.ndp.protocol.usage.UsageReport;

/**
 * Delivers the per-minute usage aggregates to the registry. Each push first wraps the minutes that
 * have ended into a new report, then POSTs the undelivered reports oldest first; a failed POST is
 * retried, with the same report id, at the next push. At most a day of reports waits; older ones
 * are dropped and counted.
 */
public final class UsagePusher {

    private static final Logger LOG = LoggerFactory.getLogger(UsagePusher.class);
    private static final int MAX_PENDING = 1440;

    private final URI url;
    private final String gateway;
    private final OperationalMonitor monitor;
    private final HttpClient http;
    private final Clock clock;
    private final Optional<String> token;
    private final Duration timeout;
    private final Deque<UsageReport> pending = new ArrayDeque<>();
    private final Counter delivered;
    private final Counter failed;
    private final Counter dropped;

    public UsagePusher(URI url, Optional<String> token, String gateway, OperationalMonitor monitor, HttpClient http,
                       Clock clock, Duration timeout, MeterRegistry metrics) {
        this.url = url;
        this.token = token;
        this.gateway = gateway;
        this.monitor = monitor;
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
        delivered = Counter.builder("ndp_usage_reports_delivered_total").register(metrics);
        failed = Counter.builder("ndp_usage_push_failures_total").register(metrics);
        dropped = Counter.builder("ndp_usage_reports_dropped_total").register(metrics);
        Gauge.builder("ndp_usage_reports_pending", this, UsagePusher::pendingCount).register(metrics);
    }

    /** Wraps the ended minutes into a report and delivers what is pending; returns how many reports are still pending. */
    public synchronized int pushNow() {
        List<UsageAggregate> ended = monitor.drainCompletedMinutes(false);
        if (!ended.isEmpty()) {
            pending.addLast(new UsageReport(UUID.randomUUID(), gateway, clock.instant(), ended));
            while (pending.size() > MAX_PENDING) {
                pending.removeFirst();
                dropped.increment();
            }
        }
        while (!pending.isEmpty()) {
            UsageReport report = pending.peekFirst();
            if (!post(report)) {
                failed.increment();
                break;
            }
            pending.removeFirst();
            delivered.increment();
        }
        return pending.size();
    }

    public synchronized int pendingCount() {
        return pending.size();
    }

    private boolean post(UsageReport report) {
        try {
            ContentResponse response = http.newRequest(url).method(HttpMethod.POST)
                    .headers(headers -> token.ifPresent(t -> headers.put(HttpHeader.AUTHORIZATION, "Bearer " + t)))
                    .body(new BytesRequestContent(UsageReport.MEDIA_TYPE, report.toJson()))
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .send();
            if (response.getStatus() / 100 == 2) {
                return true;
            }
            LOG.warn("The registry refused usage report {} with HTTP {}", report.reportId(), response.getStatus());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warn("Cannot deliver usage report {} to {}: {}", report.reportId(), url, e.toString());
            return false;
        }
    }
}
