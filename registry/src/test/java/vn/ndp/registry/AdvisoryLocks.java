package vn.ndp.registry;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Advisory locks as a test sees them in {@code pg_locks}, for tests that hold one transaction until another is
 * blocked behind it.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /**
     * Whether a backend of this test's database waits for the advisory lock {@code key}, as
     * {@code pg_advisory_xact_lock(key)} (shared or not) takes it: the key's high and low 32 bits are the lock's
     * {@code classid} and {@code objid}, {@code objsubid} 1. A wait in another database, or on another lock, is not
     * this one.
     */
    public static boolean awaited(JdbcClient jdbc, long key) {
        return jdbc.sql("""
                select exists (select 1 from pg_locks
                    where locktype = 'advisory' and not granted and objsubid = 1
                    and database = (select oid from pg_database where datname = current_database())
                    and classid::bigint = ? and objid::bigint = ?)""")
                .params(key >>> 32, key & 0xFFFF_FFFFL).query(Boolean.class).single();
    }

    /** The key {@code pg_advisory_xact_lock(hashtext(text))} takes: {@code hashtext}'s integer, sign-extended. */
    public static long hashtext(JdbcClient jdbc, String text) {
        return jdbc.sql("select hashtext(?)::bigint").param(text).query(Long.class).single();
    }
}
