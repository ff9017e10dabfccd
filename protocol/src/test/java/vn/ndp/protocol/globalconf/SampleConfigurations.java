package vn.ndp.protocol.globalconf;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.MemberId;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.SubsystemId;

/** A small exchange: a ministry's gateway and a provincial LGSP hosting two provinces. */
final class SampleConfigurations {

    static final Instant GENERATED_AT = Instant.parse("2026-03-01T08:00:00Z");

    static final MemberId MINISTRY = MemberId.parse("VN/GOV/000.00.00.H49");
    static final MemberId HANOI = MemberId.parse("VN/GOV/000.00.00.H26");
    static final MemberId HUE = MemberId.parse("VN/GOV/000.00.00.H57");
    static final SubsystemId MINISTRY_REGISTRY = SubsystemId.parse("VN/GOV/000.00.00.H49/dancu");
    static final SubsystemId HANOI_PORTAL = SubsystemId.parse("VN/GOV/000.00.00.H26/dichvucong");
    static final SubsystemId HUE_PORTAL = SubsystemId.parse("VN/GOV/000.00.00.H57/dichvucong");
    static final ServiceId CITIZENS = ServiceId.parse("VN/GOV/000.00.00.H49/dancu/congdan");
    static final ServiceId HOUSEHOLDS = ServiceId.parse("VN/GOV/000.00.00.H49/dancu/hogiadinh");
    static final GatewayId MINISTRY_GATEWAY = GatewayId.parse("VN/GOV/000.00.00.H49/lgsp");
    static final GatewayId SHARED_GATEWAY = GatewayId.parse("VN/GOV/000.00.00.H26/lgsp-shared");

    private SampleConfigurations() {
    }

    static GlobalConfiguration.Builder sample(long version, X509Certificate ministryTls, X509Certificate sharedTls) {
        return GlobalConfiguration.builder("VN", version, GENERATED_AT)
                .member(new Member(HUE, "UBND tỉnh Thừa Thiên Huế"))
                .member(new Member(MINISTRY, "Bộ Công an"))
                .member(new Member(HANOI, "UBND thành phố Hà Nội"))
                .subsystem(new Subsystem(MINISTRY_REGISTRY, "CSDLQGDC"))
                .subsystem(new Subsystem(HANOI_PORTAL, null))
                .subsystem(new Subsystem(HUE_PORTAL, "DVC-HUE"))
                .gateway(Gateway.of(MINISTRY_GATEWAY, "lgsp.bocongan.gov.vn:8443", ministryTls, List.of(MINISTRY_REGISTRY)))
                .gateway(Gateway.of(SHARED_GATEWAY, "lgsp.example.vn:8443", sharedTls, List.of(HUE_PORTAL, HANOI_PORTAL)))
                .service(new Service(CITIZENS, "https://bocongan.gov.vn/openapi.yaml", "Tra cứu công dân",
                        List.of(new Endpoint("GET", "/v1/citizens/*"), new Endpoint("POST", "/v1/citizens/search"))))
                .service(new Service(HOUSEHOLDS, null, null, List.of()))
                .accessRight(AccessRight.toWholeService(HANOI_PORTAL, CITIZENS))
                .accessRight(new AccessRight(HUE_PORTAL, CITIZENS, new Endpoint("GET", "/v1/citizens/*")))
                .revokedCertificate(new RevokedCertificate("ff01", Instant.parse("2026-02-01T00:00:00Z")));
    }
}
