package vn.ndp.registry.support.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.Accounts;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.support.Priority;
import vn.ndp.registry.support.SupportAction;
import vn.ndp.registry.support.SupportDesk;
import vn.ndp.registry.support.SupportRequest;

/**
 * {@code ./ndp demo}: a handful of sample support requests between sample
 * accounts (two provinces, a ministry, two platforms' operators), every one
 * marked as sample, in every status, one of them overdue. Loaded once per data
 * directory; never in a production start.
 */
@Component
@ConditionalOnProperty(name = "ndp.demo", havingValue = "true")
class DemoSupport {

    private static final Logger log = LoggerFactory.getLogger(DemoSupport.class);

    private final SupportDesk desk;
    private final SupportRepository requests;
    private final Accounts accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoSupport(SupportDesk desk, SupportRepository requests, Accounts accounts, TransactionTemplate transaction,
            Clock clock) {
        this.desk = desk;
        this.requests = requests;
        this.accounts = accounts;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        if (requests.samples() > 0) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            CurrentUser hanoi = account("demo-ha-noi", "Biên tập viên Hà Nội (mẫu)", Role.PROVINCE_EDITOR,
                    "P-HA-NOI", Set.of());
            CurrentUser hue = account("demo-hue", "Biên tập viên Huế (mẫu)", Role.PROVINCE_EDITOR, "P-HUE", Set.of());
            CurrentUser finance = account("demo-btc", "Biên tập viên Bộ Tài chính (mẫu)", Role.MINISTRY_EDITOR,
                    "BTC", Set.of());
            CurrentUser vneid = account("demo-vneid-operator", "Vận hành VNeID (mẫu)", Role.OPERATOR, null,
                    Set.of("VNEID"));
            CurrentUser dvcqg = account("demo-dvcqg-operator", "Vận hành Cổng DVCQG (mẫu)", Role.OPERATOR, null,
                    Set.of("DVCQG"));

            SupportRequest login = open(hanoi, "VNEID", Priority.HIGH, "Cán bộ một cửa không đăng nhập được bằng VNeID",
                    "Từ sáng nay, một số cán bộ bộ phận một cửa cấp xã không đăng nhập được hệ thống bằng tài khoản"
                            + " định danh điện tử mức 2.\nMã lỗi hiển thị: AUTH-401.");
            desk.change(login.id(), vneid, SupportAction.START, "Đã tiếp nhận, đang kiểm tra nhật ký xác thực.");
            desk.change(login.id(), vneid, SupportAction.ASK_REQUESTER,
                    "Đề nghị cung cấp thời điểm và tên đăng nhập của hai trường hợp bị lỗi.");

            SupportRequest sync = open(hue, "DVCQG", Priority.NORMAL,
                    "Hồ sơ trực tuyến không đồng bộ trạng thái về Cổng Dịch vụ công quốc gia",
                    "Một số hồ sơ đã trả kết quả trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh"
                            + " nhưng trên Cổng vẫn hiển thị “đang xử lý”.");
            desk.change(sync.id(), dvcqg, SupportAction.START, null);
            desk.post(sync.id(), dvcqg, "Lỗi do hàng đợi đồng bộ bị nghẽn; đã xử lý và đồng bộ lại.", List.of());
            desk.change(sync.id(), dvcqg, SupportAction.RESOLVE, null);

            SupportRequest account = open(finance, "DVCQG", Priority.LOW,
                    "Đề nghị hướng dẫn cấu hình thanh toán trực tuyến cho thủ tục mới",
                    "Đề nghị hướng dẫn các bước khai báo thủ tục có thu phí trên Cổng.");
            desk.change(account.id(), dvcqg, SupportAction.START, null);
            desk.change(account.id(), dvcqg, SupportAction.RESOLVE, "Đã gửi tài liệu hướng dẫn qua thư điện tử.");
            desk.change(account.id(), finance, SupportAction.CLOSE, "Cảm ơn, đã thực hiện được.");

            SupportRequest late = open(hanoi, "DVCQG", Priority.URGENT,
                    "Cổng không nhận hồ sơ nộp trực tuyến của thủ tục cấp giấy phép xây dựng",
                    "Người dân nộp hồ sơ nhận thông báo lỗi khi tải tệp đính kèm.");
            OffsetDateTime tenDaysAgo = OffsetDateTime.now(clock).minusDays(10);
            requests.backdateSample(late.id(), tenDaysAgo,
                    desk.serviceLevels().dueDate(Priority.URGENT, tenDaysAgo.toLocalDate()));

            open(hue, "VNEID", Priority.NORMAL, "Đề nghị cung cấp tài liệu tích hợp xác thực VNeID",
                    "Tỉnh chuẩn bị tích hợp đăng nhập VNeID cho cổng thông tin của tỉnh; đề nghị cung cấp tài liệu"
                            + " kỹ thuật và đầu mối hỗ trợ.");
        });
        log.info("Demo support requests loaded (sample data)");
    }

    private SupportRequest open(CurrentUser user, String platform, Priority priority, String subject,
            String description) {
        return desk.openSample(user, new SupportDesk.NewRequest(platform, subject, description, priority, List.of()));
    }

    private CurrentUser account(String username, String name, Role role, String agency, Set<String> platforms) {
        Account account = accounts.findByUsername(username).orElseGet(() -> accounts.create(
                new Accounts.NewAccount(username, name, null, role, agency, platforms, null), "demo"));
        return CurrentUser.of(account);
    }
}
