package vn.ndp.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import vn.ndp.gateway.LoopbackServer;
import vn.ndp.gateway.RawHttp;
import vn.ndp.gateway.config.GatewayConfiguration.GlobalConfigurationSource;
import vn.ndp.gateway.globalconf.GlobalConfigurationClient;
import vn.ndp.gateway.messagelog.EvidenceEndpoint;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.pki.CaSettings;
import vn.ndp.protocol.pki.NationalCa;

/** The admin listener's answers to every method on its resources and elsewhere, as HTTP (RFC 9110) has them. */
class AdminHandlerTests {

    @TempDir
    static Path directory;
    static LoopbackServer server;
    static final AtomicInteger reloads = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        NationalCa.init(directory.resolve("ca"), CaSettings.defaults(), Clock.systemUTC());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GlobalConfigurationClient globalConfiguration = new GlobalConfigurationClient(new GlobalConfigurationSource(
                java.net.URI.create("http://127.0.0.1:9/globalconf"), directory.resolve("ca/ca.pem"),
                directory.resolve("globalconf"), Duration.ofMinutes(1), Duration.ofSeconds(5)), "VN", Clock.systemUTC(),
                new HttpClient(), metrics);
        server = LoopbackServer.start(new AdminHandler(GatewayId.parse("VN/GOV/TEST.LGSP/lgsp"), globalConfiguration,
                metrics, () -> {
                    reloads.incrementAndGet();
                    return AdminHandler.Reload.done(List.of(), List.of(), List.of());
                }, null));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static RawHttp.Answer send(String method, String path) throws Exception {
        return RawHttp.send(server.port(), method + " " + path + " HTTP/1.1\r\nHost: x", "");
    }

    @Test
    void headAnswersWhereverGetDoesWithTheHeadersAndWithoutTheBody() throws Exception {
        for (String path : List.of("/health", "/globalconf", "/metrics")) {
            RawHttp.Answer get = send("GET", path);
            RawHttp.Answer head = send("HEAD", path);

            assertThat(head.status()).as(path).isEqualTo(get.status());
            assertThat(head.header("Content-Type")).as(path).isEqualTo(get.header("Content-Type"));
            assertThat(get.body()).as(path).isNotEmpty();
            assertThat(head.body()).as(path).isEmpty();
        }
    }

    @Test
    void aMethodAResourceDoesNotTakeGets405WithTheMethodsItDoesTake() throws Exception {
        for (String path : List.of("/health", "/globalconf", "/metrics")) {
            RawHttp.Answer delete = send("DELETE", path);
            assertThat(delete.status()).as(path).isEqualTo(405);
            assertThat(delete.header("Allow")).as(path).isEqualTo("GET, HEAD");
        }
        int before = reloads.get();
        for (String method : List.of("GET", "HEAD", "PUT")) {
            RawHttp.Answer answer = send(method, "/reload");
            assertThat(answer.status()).as(method).isEqualTo(405);
            assertThat(answer.header("Allow")).as(method).isEqualTo("POST");
        }
        assertThat(reloads.get()).as("nothing reloaded but by POST").isEqualTo(before);
        assertThat(send("POST", "/reload").status()).isEqualTo(200);
    }

    @Test
    void anUnknownPathIs404WhateverTheMethod() throws Exception {
        for (String method : List.of("GET", "HEAD", "POST", "DELETE")) {
            RawHttp.Answer answer = send(method, "/nothing-here");
            assertThat(answer.status()).as(method).isEqualTo(404);
            assertThat(answer.header("Allow")).as(method).isNull();
            RawHttp.Answer evidence = send(method, EvidenceEndpoint.PATH + "?id=x");
            assertThat(evidence.status()).as("no evidence endpoint here: " + method).isEqualTo(404);
            assertThat(evidence.header("Allow")).as(method).isNull();
        }
    }
}
