package vn.ndp.protocol.pki;

import java.time.Duration;
import java.util.Objects;

/** How {@link NationalCa#init} creates the root: its name, key type and validity. */
public record CaSettings(String commonName, String organisation, KeyAlgorithm keyAlgorithm, Duration validity) {

    public static final String DEFAULT_COMMON_NAME = "NDP National CA";
    public static final String DEFAULT_ORGANISATION = "NDP";
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3650);

    public CaSettings {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        Objects.requireNonNull(validity, "validity");
        if (commonName.isBlank()) {
            throw new IllegalArgumentException("The CA name is blank");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("The CA validity must be positive");
        }
    }

    public static CaSettings defaults() {
        return new CaSettings(DEFAULT_COMMON_NAME, DEFAULT_ORGANISATION, KeyAlgorithm.EC_P256, DEFAULT_VALIDITY);
    }

    public CaSettings withCommonName(String name) {
        return new CaSettings(name, organisation, keyAlgorithm, validity);
    }

    public CaSettings withKeyAlgorithm(KeyAlgorithm algorithm) {
        return new CaSettings(commonName, organisation, algorithm, validity);
    }

    public CaSettings withValidity(Duration duration) {
        return new CaSettings(commonName, organisation, keyAlgorithm, duration);
    }
}
