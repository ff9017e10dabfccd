package vn.ndp.gateway.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.ndp.gateway.MutableClock;
import vn.ndp.protocol.identifiers.MemberClass;
import vn.ndp.protocol.identifiers.MemberId;
import vn.ndp.protocol.identifiers.SubsystemId;

class TokenIssuerTests {

    private static final SubsystemId PORTAL = MemberId.of("VN", MemberClass.GOV, "TEST.PROVINCE.A").subsystem("portal");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T08:00:00Z"));
    private final TokenIssuer tokens = new TokenIssuer(clock, Duration.ofMinutes(5));

    @Test
    void aTokenActsForItsSubsystemUntilItsLifetimeEndsAndNeverAfter() {
        String token = tokens.issue(PORTAL).value();

        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(tokens.subsystemOf(token)).contains(PORTAL);

        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.subsystemOf(token)).isEmpty();
        clock.advance(Duration.ofMinutes(-10));
        assertThat(tokens.subsystemOf(token)).as("forgotten once expired, even if the clock goes back").isEmpty();
    }

    @Test
    void tokensAreUnguessableAndAnUnknownOneActsForNoOne() {
        String first = tokens.issue(PORTAL).value();
        String second = tokens.issue(PORTAL).value();

        assertThat(first).isNotEqualTo(second).hasSize(43);
        assertThat(tokens.subsystemOf(first + "x")).isEmpty();
        assertThat(tokens.subsystemOf("")).isEmpty();
        assertThat(tokens.subsystemOf(null)).isEmpty();
    }
}
