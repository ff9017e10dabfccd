package vn.ndp.registry.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ndp.registry.exchange.DirectoryEntries.AccessRight;
import vn.ndp.registry.exchange.DirectoryEntries.Endpoint;
import vn.ndp.registry.exchange.DirectoryEntries.Gateway;
import vn.ndp.registry.exchange.DirectoryEntries.Member;
import vn.ndp.registry.exchange.DirectoryEntries.RevokedCertificate;
import vn.ndp.registry.exchange.DirectoryEntries.Service;
import vn.ndp.registry.exchange.DirectoryEntries.Subsystem;

@Repository
public class DirectoryRepository {

    private final JdbcClient jdbc;

    DirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Member> members() {
        return jdbc.sql("select * from exchange_member order by id").query(DirectoryRepository::member).list();
    }

    public Optional<Member> member(String id) {
        return jdbc.sql("select * from exchange_member where id = ?").param(id).query(DirectoryRepository::member)
                .optional();
    }

    public List<Subsystem> subsystems() {
        return jdbc.sql("select * from exchange_subsystem order by id").query(DirectoryRepository::subsystem).list();
    }

    public Optional<Subsystem> subsystem(String id) {
        return jdbc.sql("select * from exchange_subsystem where id = ?").param(id)
                .query(DirectoryRepository::subsystem).optional();
    }

    public List<Subsystem> subsystemsOfPlatform(String platformCode) {
        return jdbc.sql("select * from exchange_subsystem where platform_code = ? order by id").param(platformCode)
                .query(DirectoryRepository::subsystem).list();
    }

    public List<Gateway> gateways() {
        Map<String, List<String>> hosted = new LinkedHashMap<>();
        jdbc.sql("select * from exchange_gateway_client order by subsystem_id").query((rs, n) -> {
            hosted.computeIfAbsent(rs.getString("gateway_id"), k -> new ArrayList<>()).add(rs.getString("subsystem_id"));
            return null;
        }).list();
        return jdbc.sql("select * from exchange_gateway order by id")
                .query((rs, n) -> gateway(rs, hosted.getOrDefault(rs.getString("id"), List.of()))).list();
    }

    public Optional<Gateway> gateway(String id) {
        List<String> hosted = jdbc.sql("select subsystem_id from exchange_gateway_client where gateway_id = ?"
                + " order by subsystem_id").param(id).query(String.class).list();
        return jdbc.sql("select * from exchange_gateway where id = ?").param(id)
                .query((rs, n) -> gateway(rs, hosted)).optional();
    }

    /** The gateway whose TLS certificate has this SHA-256 fingerprint (each certificate is one gateway's). */
    public Optional<String> gatewayWithCertificate(String certificateSha256) {
        return jdbc.sql("select id from exchange_gateway where certificate_sha256 = ?").param(certificateSha256)
                .query(String.class).optional();
    }

    private static Gateway gateway(java.sql.ResultSet rs, List<String> hosted) throws java.sql.SQLException {
        return new Gateway(rs.getString("id"), rs.getString("owner_member_id"), rs.getString("address"),
                rs.getString("certificate_pem"), rs.getString("certificate_sha256"), rs.getString("certificate_serial"),
                hosted, rs.getBoolean("sample"));
    }

    public List<Service> services() {
        Map<String, List<Endpoint>> endpoints = new LinkedHashMap<>();
        jdbc.sql("select * from exchange_endpoint order by service_id, path, method").query((rs, n) -> {
            endpoints.computeIfAbsent(rs.getString("service_id"), k -> new ArrayList<>()).add(endpoint(rs));
            return null;
        }).list();
        return jdbc.sql("select * from exchange_service order by id")
                .query((rs, n) -> service(rs, endpoints.getOrDefault(rs.getString("id"), List.of()))).list();
    }

    public Optional<Service> service(String id) {
        List<Endpoint> endpoints = jdbc.sql("select * from exchange_endpoint where service_id = ? order by path, method")
                .param(id).query((rs, n) -> endpoint(rs)).list();
        return jdbc.sql("select * from exchange_service where id = ?").param(id)
                .query((rs, n) -> service(rs, endpoints)).optional();
    }

    private static Endpoint endpoint(ResultSet rs) throws SQLException {
        return new Endpoint(rs.getString("method"), rs.getString("path"));
    }

    private static Service service(ResultSet rs, List<Endpoint> endpoints) throws SQLException {
        return new Service(rs.getString("id"), rs.getString("subsystem_id"), rs.getString("code"),
                rs.getString("description"), rs.getString("openapi_url"), endpoints, rs.getBoolean("sample"));
    }

    public List<AccessRight> accessRights() {
        return jdbc.sql("select * from exchange_access_right order by client_id, service_id, method, path")
                .query(DirectoryRepository::right).list();
    }

    public List<RevokedCertificate> revokedCertificates() {
        return jdbc.sql("select * from exchange_revoked_certificate order by serial")
                .query((rs, n) -> new RevokedCertificate(rs.getString("serial"),
                        rs.getObject("revoked_at", OffsetDateTime.class), rs.getString("reason")))
                .list();
    }

    public void insertMember(Member m, OffsetDateTime at) {
        jdbc.sql("""
                insert into exchange_member (id, member_class, member_code, name, agency_code, sample, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.memberClass(), m.memberCode(), m.name(), m.agencyCode(), m.sample(), at).update();
    }

    public void insertSubsystem(Subsystem s, OffsetDateTime at) {
        jdbc.sql("""
                insert into exchange_subsystem (id, member_id, code, platform_code, sample, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.memberId(), s.code(), s.platformCode(), s.sample(), at).update();
    }

    public void insertGateway(Gateway g, OffsetDateTime at) {
        jdbc.sql("""
                insert into exchange_gateway (id, owner_member_id, address, certificate_pem, certificate_sha256,
                                              certificate_serial, sample, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(g.id(), g.ownerMemberId(), g.address(), g.certificatePem(), g.certificateSha256(),
                        g.certificateSerial(), g.sample(), at)
                .update();
    }

    /** A gateway's address and certificate as {@code g} has them (its id, owner and sample mark do not change). */
    public void updateGateway(Gateway g) {
        jdbc.sql("""
                update exchange_gateway set address = ?, certificate_pem = ?, certificate_sha256 = ?,
                                            certificate_serial = ?
                where id = ?""")
                .params(g.address(), g.certificatePem(), g.certificateSha256(), g.certificateSerial(), g.id())
                .update();
    }

    /** The gateway hosts these subsystems and no others. */
    public void hostOnly(String gatewayId, List<String> subsystemIds) {
        jdbc.sql("delete from exchange_gateway_client where gateway_id = ? and not (subsystem_id = any (?))")
                .params(gatewayId, subsystemIds.toArray(String[]::new)).update();
        subsystemIds.forEach(subsystem -> host(gatewayId, subsystem));
    }

    public void host(String gatewayId, String subsystemId) {
        jdbc.sql("insert into exchange_gateway_client (gateway_id, subsystem_id) values (?, ?) on conflict do nothing")
                .params(gatewayId, subsystemId).update();
    }

    public void insertService(Service s, OffsetDateTime at) {
        jdbc.sql("""
                insert into exchange_service (id, subsystem_id, code, description, openapi_url, sample, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.subsystemId(), s.code(), s.description(), s.openApiUrl(), s.sample(), at).update();
        for (Endpoint e : s.endpoints()) {
            jdbc.sql("insert into exchange_endpoint (service_id, method, path) values (?, ?, ?)")
                    .params(s.id(), e.method(), e.path()).update();
        }
    }

    public boolean grant(AccessRight r, UUID requestId) {
        return jdbc.sql("""
                insert into exchange_access_right (client_id, service_id, method, path, request_id, granted_by,
                                                   granted_at, sample)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(r.clientId(), r.serviceId(), r.method() == null ? "" : r.method(),
                        r.path() == null ? "" : r.path(), requestId, r.grantedBy(), r.grantedAt(), r.sample())
                .update() == 1;
    }

    public void revokeCertificate(String serial, OffsetDateTime at, String reason) {
        jdbc.sql("""
                insert into exchange_revoked_certificate (serial, revoked_at, reason) values (?, ?, ?)
                on conflict (serial) do nothing""")
                .params(serial, at, reason).update();
    }

    static Member member(ResultSet rs, int n) throws SQLException {
        return new Member(rs.getString("id"), rs.getString("member_class"), rs.getString("member_code"),
                rs.getString("name"), rs.getString("agency_code"), rs.getBoolean("sample"));
    }

    static Subsystem subsystem(ResultSet rs, int n) throws SQLException {
        return new Subsystem(rs.getString("id"), rs.getString("member_id"), rs.getString("code"),
                rs.getString("platform_code"), rs.getBoolean("sample"));
    }

    static AccessRight right(ResultSet rs, int n) throws SQLException {
        String method = rs.getString("method");
        String path = rs.getString("path");
        return new AccessRight(rs.getString("client_id"), rs.getString("service_id"),
                method.isEmpty() ? null : method, path.isEmpty() ? null : path, rs.getString("granted_by"),
                rs.getObject("granted_at", OffsetDateTime.class), rs.getBoolean("sample"));
    }
}
