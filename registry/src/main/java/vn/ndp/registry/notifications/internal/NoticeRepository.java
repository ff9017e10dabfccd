package vn.ndp.registry.notifications.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ndp.registry.notifications.Notice;

@Repository
public class NoticeRepository {

    private final JdbcClient jdbc;

    NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Notice n) {
        jdbc.sql("""
                insert into notice (id, account_id, kind, subject_vi, subject_en, body_vi, body_en, link, created_at,
                                    vietnamese_in_en)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(n.id(), n.accountId(), n.kind(), n.subjectVi(), n.subjectEn(), n.bodyVi(), n.bodyEn(),
                        n.link(), n.createdAt(), n.vietnameseInEn().toArray(String[]::new))
                .update();
    }

    public List<Notice> forAccount(UUID accountId, int limit) {
        return jdbc.sql("select * from notice where account_id = ? order by created_at desc, id limit ?")
                .params(accountId, limit)
                .query((rs, n) -> new Notice(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getString("kind"), rs.getString("subject_vi"), rs.getString("subject_en"),
                        rs.getString("body_vi"), rs.getString("body_en"), rs.getString("link"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("read_at", OffsetDateTime.class),
                        List.of((String[]) rs.getArray("vietnamese_in_en").getArray())))
                .list();
    }

    public long unread(UUID accountId) {
        return jdbc.sql("select count(*) from notice where account_id = ? and read_at is null").param(accountId)
                .query(Long.class).single();
    }

    /** True when the account has the notice (read before or now). */
    public boolean markRead(UUID accountId, UUID noticeId, OffsetDateTime at) {
        return jdbc.sql("update notice set read_at = coalesce(read_at, ?) where id = ? and account_id = ?")
                .params(at, noticeId, accountId).update() == 1;
    }

    public int markAllRead(UUID accountId, OffsetDateTime at) {
        return jdbc.sql("update notice set read_at = ? where account_id = ? and read_at is null")
                .params(at, accountId).update();
    }

    void recordEmailed(UUID noticeId, OffsetDateTime at) {
        jdbc.sql("update notice set emailed_at = ?, email_error = null where id = ?").params(at, noticeId).update();
    }

    void recordEmailError(UUID noticeId, String error) {
        jdbc.sql("update notice set email_error = ? where id = ?").params(error, noticeId).update();
    }
}
