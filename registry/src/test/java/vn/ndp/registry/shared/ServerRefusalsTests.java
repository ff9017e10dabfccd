package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import vn.ndp.registry.shared.ServerRefusals.ApiErrorReportValve;
import vn.ndp.registry.shared.ServerRefusals.ApiRequestRefusals;
import vn.ndp.registry.shared.ServerRefusals.ErrorDispatches;

/** What the server says of a request it refused before the application saw it, whatever API path it was. */
class ServerRefusalsTests {

    @Test
    void anEncodedSlashIsAnsweredWithTheSamePathWrittenWithItsSlashes() {
        assertThat(ApiErrorReportValve.detail("/api/v1/platforms/a%2fb%2Fc"))
                .contains("(%2F)", "/api/v1/platforms/a/b/c.").doesNotContain("gateways");
        assertThat(ApiErrorReportValve.detail("/api/v1/exchange/gateways/VN%2FGOV%2F000.00.00.G12%2Flgsp"))
                .endsWith(": /api/v1/exchange/gateways/VN/GOV/000.00.00.G12/lgsp.");
    }

    @Test
    void anApiRequestIsToldByItsPathOrWhenTheLineWasUnreadableByTheTargetTomcatQuotes() {
        assertThat(ApiErrorReportValve.api("/api/v1/platforms/a%2Fb", null)).isTrue();
        assertThat(ApiErrorReportValve.api("/platforms/a%2Fb", new IllegalArgumentException("[/api/"))).isFalse();
        assertThat(ApiErrorReportValve.api(null, new IllegalArgumentException(
                "Invalid character found in the request target [/api/v1/exchange/evidence?id=a\"b ]"))).isTrue();
        assertThat(ApiErrorReportValve.api(null, new IllegalArgumentException(
                "Invalid character found in the request target [/platforms?q=a\"b ]"))).isFalse();
        assertThat(ApiErrorReportValve.api(null, null)).isFalse();
    }

    @Test
    void aFirewallRefusalSaysWhatToWriteInsteadByWhatThePathHas() {
        assertThat(ApiRequestRefusals.detail("/api/v1/platforms/./VNEID", "not normalized"))
                .endsWith("write the path of the resource itself: /api/v1/platforms/VNEID.");
        assertThat(ApiRequestRefusals.detail("/api/v1/platforms/a%5cb", "malicious String \"%5c\""))
                .contains("backslash");
        assertThat(ApiRequestRefusals.detail("/api/v1/platforms/x.%2Ey", "malicious String \"%2e\""))
                .contains("An encoded period (%2E)");
        assertThat(ApiRequestRefusals.detail("/api/v1/platforms", "the HTTP method \"FOO\" was not included"))
                .contains("GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS");
        assertThat(ApiRequestRefusals.detail("/api/v1/platforms", "something new")).contains("not one the server accepts");
    }

    @Test
    void anApiErrorWithAStatusNoOtherCodeIsForGetsTheCodeOfItsClass() {
        DataSize limit = DataSize.ofMegabytes(55);

        assertThat(ErrorDispatches.refusal(503, "/api/v1/platforms", null, limit).code())
                .isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(ErrorDispatches.refusal(418, "/api/v1/platforms", null, limit).code())
                .isEqualTo(ErrorCode.REQUEST_REFUSED);
        assertThat(ErrorDispatches.refusal(418, "/api/v1/platforms", null, limit).detail()).contains("HTTP 418");
        assertThat(ErrorDispatches.refusal(404, "/api/v1/platformz", null, limit).detail())
                .startsWith("The API has no resource at /api/v1/platformz.");
        assertThat(ErrorDispatches.refusal(406, "/api/v1/platforms", null, limit).detail())
                .contains("name one the OpenAPI document, /v3/api-docs, gives for this path");
    }
}
