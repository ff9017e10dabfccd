package vn.ndp.protocol.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import vn.ndp.protocol.errors.Failures;

/** Asks an RFC 3161 time-stamping authority over HTTP ({@code application/timestamp-query}) to stamp a SHA-256 hash. */
public final class TimeStampClient {

    /** The TSA could not be reached or refused to stamp. */
    public static final class TimeStampException extends Exception {

        public TimeStampException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    public TimeStampClient(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI url() {
        return url;
    }

    /** The DER token stamping {@code sha256}, checked against the request (imprint, nonce, status). */
    public byte[] stamp(byte[] sha256) throws TimeStampException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, RANDOM));
        try {
            HttpResponse<byte[]> reply = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (reply.statusCode() != 200) {
                throw new TimeStampException("The TSA at " + url + " answered HTTP " + reply.statusCode(), null);
            }
            TimeStampResponse response = new TimeStampResponse(reply.body());
            if (response.getStatus() != PKIStatus.GRANTED && response.getStatus() != PKIStatus.GRANTED_WITH_MODS) {
                throw new TimeStampException("The TSA refused: " + response.getStatusString(), null);
            }
            response.validate(request);
            return response.getTimeStampToken().getEncoded();
        } catch (IOException | TSPException | IllegalArgumentException e) {
            throw new TimeStampException("Time-stamping at " + url + " failed: " + Failures.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeStampException("Interrupted", e);
        }
    }
}
