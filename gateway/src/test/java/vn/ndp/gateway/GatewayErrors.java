package vn.ndp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import vn.ndp.protocol.errors.XRoadError;

/**
 * The checks every gateway error answer must pass, as the X-Road message protocol for REST asks: one
 * {@code X-Road-Error} header naming the type, 400 for the client's errors and 500 for the others, and a JSON body
 * {@code {type, message, detail}} with all three given.
 */
public final class GatewayErrors {

    private GatewayErrors() {
    }

    /** Asserts that {@code response} is the gateway error {@code type}; returns it for further checks. */
    public static XRoadError assertGatewayError(HttpResponse<String> response, String type) {
        assertThat(response.headers().allValues("X-Road-Error")).as(response.body()).containsExactly(type);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return body(response.statusCode(), response.body(), type);
    }

    /** The same for an answer read from a socket. */
    public static XRoadError assertGatewayError(RawHttp.Answer answer, String type) {
        assertThat(answer.values("X-Road-Error")).as(answer.toString()).containsExactly(type);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        return body(answer.status(), answer.body(), type);
    }

    private static XRoadError body(int status, String body, String type) {
        assertThat(status).as(body).isEqualTo(type.startsWith("Client.") ? 400 : 500);
        XRoadError error = XRoadError.fromJson(body);
        assertThat(error.type()).isEqualTo(type);
        assertThat(error.message()).isNotBlank();
        assertThat(error.detail()).isNotBlank();
        return error;
    }
}
