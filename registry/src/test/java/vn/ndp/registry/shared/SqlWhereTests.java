package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class SqlWhereTests {

    enum Status { OPEN }

    @Test
    void filtersLeftNullAddNothingAndNoConditionIsTrue() {
        SqlWhere where = new SqlWhere().anyOf("agency_code", null).is("status", null).words(null, "name");

        assertThat(where.sql()).isEqualTo("true");
        assertThat(where.params(20, 40)).containsExactly(20, 40);
    }

    @Test
    void eachFilterSetAddsItsConditionAndItsValuesInOrderBeforeThePagesLimitAndOffset() {
        LocalDate day = LocalDate.of(2026, 11, 24);
        SqlWhere where = new SqlWhere().anyOf("agency_code", List.of("BTC", "BYT")).is("status", Status.OPEN)
                .add("due_date < ?", day);

        assertThat(where.sql()).isEqualTo("agency_code = any(?) and status = ? and due_date < ?");
        List<Object> params = where.params(20, 0);
        assertThat((String[]) params.get(0)).containsExactly("BTC", "BYT");
        assertThat(params.subList(1, params.size())).containsExactly("OPEN", day, 20, 0);
    }

    @Test
    void wordsAddOneConditionPerWordOverEveryColumn() {
        SqlWhere where = new SqlWhere().words("Đăng  nhập", "name", "code");

        assertThat(where.sql().split(" and ")).hasSize(2);
        assertThat(where.sql()).contains("coalesce(name, '')", "coalesce(code, '')");
        assertThat(where.params()).contains("%dang%", "%nhap%");
    }
}
