package vn.ndp.protocol.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class XRoadErrorTests {

    @Test
    void typesCarryTheirXRoadWireNames() {
        assertThat(XRoadErrorType.CLIENT_PROXY_OUTDATED_GLOBAL_CONF.code()).isEqualTo("Server.ClientProxy.OutdatedGlobalConf");
        assertThat(XRoadErrorType.SERVER_PROXY_ACCESS_DENIED.code()).isEqualTo("Server.ServerProxy.AccessDenied");
        assertThat(XRoadErrorType.SERVER_PROXY_SERVICE_FAILED.code()).isEqualTo("Server.ServerProxy.ServiceFailed");
        assertThat(XRoadErrorType.CLIENT_BAD_REQUEST.code()).isEqualTo("Client.BadRequest");
    }

    @Test
    void clientErrorsAre400AndGatewayErrorsAre500() {
        assertThat(Arrays.stream(XRoadErrorType.values()))
                .allSatisfy(type -> assertThat(type.httpStatus())
                        .isEqualTo(type.code().startsWith("Client.") ? 400 : 500));
    }

    @Test
    void everyWireNameIsUniqueAndFindsItsType() {
        assertThat(Arrays.stream(XRoadErrorType.values()))
                .allSatisfy(type -> assertThat(XRoadErrorType.fromCode(type.code())).contains(type));
        assertThat(XRoadErrorType.fromCode("Server.ClientProxy.Nonsense")).isEmpty();
    }

    @Test
    void headerCarriesOnlyTheType() {
        assertThat(XRoadErrorType.CLIENT_PROXY_OUTDATED_GLOBAL_CONF.headerValue())
                .isEqualTo("Server.ClientProxy.OutdatedGlobalConf");
        assertThat(XRoadError.HEADER).isEqualTo("X-Road-Error");
    }

    @Test
    void bodyIsTheJsonOfTypeMessageAndDetail() {
        XRoadError error = XRoadError.of(XRoadErrorType.SERVER_PROXY_NETWORK_ERROR,
                "Connect to \"10.0.0.1:8080\" failed", "9bc95b6e-2f1d-4a41-a7e6-11eda7d734d5");

        assertThat(error.toJson()).isEqualTo("{\"type\":\"Server.ServerProxy.NetworkError\","
                + "\"message\":\"Connect to \\\"10.0.0.1:8080\\\" failed\","
                + "\"detail\":\"9bc95b6e-2f1d-4a41-a7e6-11eda7d734d5\"}");
        assertThat(error.httpStatus()).isEqualTo(500);
    }

    @Test
    void bodyReadBackEqualsTheErrorWritten() {
        XRoadError error = XRoadError.of(XRoadErrorType.CLIENT_MISSING_HEADER, "X-Road-Client is missing", "id-1");

        assertThat(XRoadError.fromJson(error.toJson())).isEqualTo(error);
        assertThat(XRoadError.fromJson(error.toJson()).knownType()).contains(XRoadErrorType.CLIENT_MISSING_HEADER);
    }

    @Test
    void unknownTypeFromAnotherGatewayIsRelayedUnchanged() {
        XRoadError relayed = XRoadError.fromJson("{\"type\":\"Server.ServerProxy.FutureError\",\"message\":\"m\"}");

        assertThat(relayed.type()).isEqualTo("Server.ServerProxy.FutureError");
        assertThat(relayed.knownType()).isEmpty();
        assertThat(relayed.detail()).isEmpty();
        assertThat(relayed.httpStatus()).isEqualTo(500);
    }

    @Test
    void bodyWithoutTypeIsNotAnXRoadError() {
        assertThatThrownBy(() -> XRoadError.fromJson("{\"message\":\"m\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XRoadError.fromJson("<html>")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exceptionBecomesTheBodyWithTheLoggedErrorId() {
        var failure = new XRoadException(XRoadErrorType.CLIENT_PROXY_OUTDATED_GLOBAL_CONF,
                "Global configuration expired at 2026-01-01T00:10:00Z");

        XRoadError error = failure.toError("c0ffee");

        assertThat(failure.httpStatus()).isEqualTo(500);
        assertThat(error).isEqualTo(new XRoadError("Server.ClientProxy.OutdatedGlobalConf",
                "Global configuration expired at 2026-01-01T00:10:00Z", "c0ffee"));
    }
}
