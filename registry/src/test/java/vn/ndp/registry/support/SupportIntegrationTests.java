package vn.ndp.registry.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attoparser.dom.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.ApiTokens;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.notifications.Notice;
import vn.ndp.registry.notifications.Notices;
import vn.ndp.registry.shared.Paging;

/**
 * Support requests end to end, as the people who use them: province and
 * ministry editors raise requests, the operators of VNeID and of the national
 * public service portal answer them, a reviewer of the national authority
 * reads along; notices arrive in the app and through a real SMTP server.
 * Attachments are limited to 64 KB here.
 */
@RegistryIntegrationTest
class SupportIntegrationTests {

    static final String SCRIPT = "<script>alert('x')</script>";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("ndp.notifications.base-url", () -> "https://ndp.example.vn");
        registry.add("ndp.notifications.retry-pause", () -> "PT0.1S");
        registry.add("ndp.support.max-attachment-size", () -> "64KB");
    }

    @Autowired
    RestTestClient client;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiCalls api;

    @Autowired
    ApiTokens tokens;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Notices notices;

    @Autowired
    AuditLog audit;

    @Autowired
    SupportDesk desk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    /** A test account and a bearer token acting for it. */
    record Person(Account account, String token) {
    }

    Person person(Role role, String agency, String... platforms) {
        Account account = accounts.create(role, agency, platforms);
        return new Person(account, transaction.execute(s -> tokens.issue(CurrentUser.of(account), "test", null)
                .secret()));
    }

    String open(Person requester, String platform, String priority, String subject) {
        return api.create(requester.token(), "/api/v1/support/requests", Map.of("platformCode", platform,
                "subject", subject, "description", "Mô tả sự cố " + subject, "priority", priority));
    }

    JsonNode act(Person who, String id, String action, int status) {
        return api.post(who.token(), "/api/v1/support/requests/" + id + "/status", Map.of("action", action), status);
    }

    JsonNode detail(Person who, String id) {
        return api.get(who.token(), "/api/v1/support/requests/" + id, 200);
    }

    List<String> statuses(JsonNode detail) {
        List<String> out = new ArrayList<>();
        detail.get("thread").forEach(e -> out.add(e.get("statusTo").isNull() ? "-" : e.get("statusTo").asString()));
        return out;
    }

    String subject() {
        return "Không đăng nhập được " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits (bounded, no sleep) until a message to the address has arrived and returns it. */
    MimeMessage mailTo(String address, String subjectPart) throws Exception {
        for (int expected = 1; expected <= 500; expected++) {
            if (!smtp.waitForIncomingEmail(10_000, expected)) {
                break;
            }
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(r -> r.toString().equals(address)) && message.getSubject().contains(subjectPart)) {
                    return message;
                }
            }
        }
        throw new AssertionError("no e-mail to " + address + " about " + subjectPart);
    }

    static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    static byte[] png(int size) {
        byte[] content = new byte[size];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, content, 0, magic.length);
        return content;
    }

    @Test
    void aProvinceRaisesARequestAndOnlyThatPlatformsOperatorsAreToldInAppAndByEmail() throws Exception {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Person vneid = person(Role.OPERATOR, null, "VNEID");
        Person portal = person(Role.OPERATOR, null, "DVCQG");
        String subject = subject();

        String id = open(hanoi, "VNEID", "high", subject);

        JsonNode r = detail(hanoi, id).get("request");
        assertThat(r.get("status").asString()).isEqualTo("open");
        assertThat(r.get("agencyCode").asString()).isEqualTo("P-HA-NOI");
        assertThat(r.get("priority").asString()).isEqualTo("high");
        assertThat(r.get("dueDate").asString())
                .isEqualTo(desk.serviceLevels().dueDate(Priority.HIGH, desk.today()).toString());
        List<Notice> inbox = notices.of(vneid.account().id(), 10);
        assertThat(inbox).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("SUPPORT_REQUEST_OPENED");
            assertThat(n.subjectVi()).contains("Yêu cầu hỗ trợ mới", "VNEID", subject);
            assertThat(n.bodyVi()).contains("Thành phố Hà Nội", "mức ưu tiên: cao", "Hạn xử lý");
            assertThat(n.link()).isEqualTo("/support/" + id);
        });
        assertThat(notices.of(portal.account().id(), 10)).isEmpty();
        MimeMessage mail = mailTo(vneid.account().email(), subject);
        assertThat((String) mail.getContent()).contains("https://ndp.example.vn/support/" + id,
                "New support request about");
        assertThat(audit.find(new AuditLog.Filter(AuditEvent.SUPPORT_REQUEST_OPENED, null, "support:" + id, null,
                null), 10, 0)).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(hanoi.account()
                        .username()));
        assertThat(api.get(vneid.token(), "/api/v1/support/requests", 200).findValuesAsString("id")).contains(id);
        assertThat(api.get(portal.token(), "/api/v1/support/requests", 200).findValuesAsString("id"))
                .doesNotContain(id);
    }

    @Test
    void theRequestGoesThroughTheWholeWorkflowAndEachSideHearsOfTheOthersMoves() throws Exception {
        Person finance = person(Role.MINISTRY_EDITOR, "BTC");
        Person portal = person(Role.OPERATOR, null, "DVCQG");
        String id = open(finance, "DVCQG", "normal", subject());

        act(portal, id, "start", 200);
        api.post(portal.token(), "/api/v1/support/requests/" + id + "/messages",
                Map.of("text", "Đề nghị gửi ảnh chụp màn hình lỗi."), 201);
        JsonNode waiting = act(portal, id, "ask_requester", 200);
        assertThat(waiting.get("request").get("status").asString()).isEqualTo("waiting_for_requester");
        assertThat(notices.of(finance.account().id(), 10)).extracting(Notice::kind).containsExactlyInAnyOrder(
                "SUPPORT_REQUEST_STATUS_CHANGED", "SUPPORT_REQUEST_ANSWERED", "SUPPORT_REQUEST_STATUS_CHANGED");
        assertThat(mailTo(finance.account().email(), "Đơn vị vận hành đã trả lời").getContent().toString())
                .contains("Đề nghị gửi ảnh chụp màn hình lỗi.");

        api.post(finance.token(), "/api/v1/support/requests/" + id + "/messages", Map.of("text", "Đã gửi ảnh."),
                201);
        assertThat(detail(finance, id).get("request").get("status").asString()).isEqualTo("in_progress");
        assertThat(notices.of(portal.account().id(), 10)).extracting(Notice::kind)
                .contains("SUPPORT_REQUEST_OPENED", "SUPPORT_REQUEST_REPLIED");

        act(portal, id, "resolve", 200);
        assertThat(detail(finance, id).get("actions").valueStream().map(JsonNode::asString))
                .containsExactly("reopen", "close");
        act(finance, id, "reopen", 200);
        assertThat(notices.of(portal.account().id(), 10)).extracting(Notice::kind)
                .contains("SUPPORT_REQUEST_STATUS_CHANGED");
        act(portal, id, "resolve", 200);
        JsonNode closed = act(finance, id, "close", 200);

        assertThat(closed.get("request").get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("actions")).isEmpty();
        assertThat(closed.get("mayWrite").asBoolean()).isFalse();
        assertThat(statuses(closed)).containsExactly("open", "in_progress", "-", "waiting_for_requester",
                "in_progress", "resolved", "in_progress", "resolved", "closed");
        assertThat(audit.count(new AuditLog.Filter(AuditEvent.SUPPORT_REQUEST_STATUS_CHANGED, null, "support:" + id,
                null, null))).isEqualTo(7);
        assertThat(audit.count(new AuditLog.Filter(AuditEvent.SUPPORT_REQUEST_ANSWERED, null, "support:" + id,
                null, null))).isEqualTo(1);
        assertThat(audit.count(new AuditLog.Filter(AuditEvent.SUPPORT_REQUEST_REPLIED, null, "support:" + id,
                null, null))).isEqualTo(1);

        for (String action : List.of("start", "reopen", "close", "resolve")) {
            Person who = action.equals("reopen") || action.equals("close") ? finance : portal;
            assertThat(act(who, id, action, 409).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        }
        api.post(finance.token(), "/api/v1/support/requests/" + id + "/messages", Map.of("text", "Thêm nữa"), 409);
        assertThat(detail(finance, id).get("thread")).hasSize(9);
    }

    @Test
    void illegalTransitionsAndTheWrongSideAreRefusedAndChangeNothing() {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Person vneid = person(Role.OPERATOR, null, "VNEID");
        String id = open(hanoi, "VNEID", "low", subject());

        for (String action : List.of("resolve", "ask_requester", "resume", "close")) {
            JsonNode problem = act(vneid, id, action, 409);
            assertThat(problem.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        }
        assertThat(act(hanoi, id, "reopen", 409).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(act(hanoi, id, "start", 403).get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(act(vneid, id, "fly", 400).get("code").asString()).isEqualTo("INVALID_PARAMETER");
        api.post(vneid.token(), "/api/v1/support/requests/" + id + "/status", Map.of(), 400);

        JsonNode unchanged = detail(hanoi, id);
        assertThat(unchanged.get("request").get("status").asString()).isEqualTo("open");
        assertThat(unchanged.get("thread")).hasSize(1);
        assertThat(audit.count(new AuditLog.Filter(AuditEvent.SUPPORT_REQUEST_STATUS_CHANGED, null, "support:" + id,
                null, null))).isZero();
    }

    @Test
    void aResolvedRequestCanBeReopenedOnlyWithinTheReopenPeriod() {
        Person hue = person(Role.PROVINCE_EDITOR, "P-HUE");
        Person vneid = person(Role.OPERATOR, null, "VNEID");
        String id = open(hue, "VNEID", "normal", subject());
        act(vneid, id, "start", 200);
        act(vneid, id, "resolve", 200);
        jdbc.sql("update support_request set resolved_at = ? where id = ?")
                .params(OffsetDateTime.now().minusDays(15), UUID.fromString(id)).update();

        assertThat(detail(hue, id).get("actions").valueStream().map(JsonNode::asString)).containsExactly("close");
        JsonNode problem = act(hue, id, "reopen", 409);
        assertThat(problem.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(problem.get("detail").asString()).contains("P14D");
        assertThat(act(hue, id, "close", 200).get("request").get("status").asString()).isEqualTo("closed");
    }

    @Test
    void requestersSeeOnlyTheirAgencysRequestsAndOperatorsOnlyTheirPlatformsAndForgedIdsChangeNothing() {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Person colleague = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Person hue = person(Role.PROVINCE_EDITOR, "P-HUE");
        Person finance = person(Role.MINISTRY_EDITOR, "BTC");
        Person vneid = person(Role.OPERATOR, null, "VNEID");
        Person portal = person(Role.OPERATOR, null, "DVCQG");
        Person reviewer = person(Role.REVIEWER, null);
        String id = open(hanoi, "VNEID", "urgent", subject());
        String uri = "/api/v1/support/requests/" + id;

        assertThat(api.get(colleague.token(), uri, 200).get("yourSide").asString()).isEqualTo("requester");
        assertThat(api.get(vneid.token(), uri, 200).get("yourSide").asString()).isEqualTo("operator");
        JsonNode read = api.get(reviewer.token(), uri, 200);
        assertThat(read.get("yourSide").isNull()).isTrue();
        assertThat(read.get("actions")).isEmpty();
        for (Person outsider : List.of(hue, finance, portal)) {
            assertThat(api.get(outsider.token(), uri, 404).get("code").asString())
                    .isEqualTo("SUPPORT_REQUEST_NOT_FOUND");
            api.post(outsider.token(), uri + "/messages", Map.of("text", "xen vào"), 404);
            api.post(outsider.token(), uri + "/status", Map.of("action", "start"), 404);
            assertThat(api.get(outsider.token(), "/api/v1/support/requests", 200).findValuesAsString("id"))
                    .doesNotContain(id);
        }
        api.post(reviewer.token(), uri + "/messages", Map.of("text", "xen vào"), 403);
        api.post(reviewer.token(), uri + "/status", Map.of("action", "start"), 403);
        assertThat(api.get(reviewer.token(), "/api/v1/support/requests", 200).findValuesAsString("id"))
                .contains(id);
        api.get(hanoi.token(), "/api/v1/support/requests/" + UUID.randomUUID(), 404);

        JsonNode unchanged = detail(hanoi, id);
        assertThat(unchanged.get("request").get("status").asString()).isEqualTo("open");
        assertThat(unchanged.get("thread")).hasSize(1);
    }

    @Test
    void theNationalAuthorityAndOperatorsListOverdueRequestsButNotThoseWaitingForTheRequester() throws Exception {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Person vneid = person(Role.OPERATOR, null, "VNEID");
        Person portal = person(Role.OPERATOR, null, "DVCQG");
        Person reviewer = person(Role.REVIEWER, null);
        String late = open(hanoi, "VNEID", "urgent", "Quá hạn " + subject());
        String onTime = open(hanoi, "VNEID", "urgent", subject());
        String waiting = open(hanoi, "VNEID", "urgent", subject());
        act(vneid, waiting, "start", 200);
        act(vneid, waiting, "ask_requester", 200);
        for (String id : List.of(late, waiting)) {
            jdbc.sql("update support_request set due_date = ? where id = ?")
                    .params(desk.today().minusDays(3), UUID.fromString(id)).update();
        }

        List<String> operators = api.get(vneid.token(), "/api/v1/support/overdue", 200).findValuesAsString("id");
        assertThat(operators).contains(late).doesNotContain(onTime, waiting);
        assertThat(api.get(reviewer.token(), "/api/v1/support/overdue", 200).findValuesAsString("id"))
                .contains(late).doesNotContain(onTime, waiting);
        assertThat(api.get(portal.token(), "/api/v1/support/overdue", 200).findValuesAsString("id"))
                .doesNotContain(late);
        api.get(hanoi.token(), "/api/v1/support/overdue", 403);
        assertThat(detail(hanoi, late).get("request").get("overdue").asBoolean()).isTrue();

        UserDetails signedIn = users.loadUserByUsername(reviewer.account().username());
        String html = mvc.perform(get("/support/overdue").with(user(signedIn))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Yêu cầu hỗ trợ quá hạn", "Quá hạn " , "/support/" + late)
                .doesNotContain("/support/" + onTime);
    }

    @Test
    void attachmentsAreCheckedByContentAndServedOnlyAsDownloadsToThoseWhoMaySeeTheRequest() {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Person hue = person(Role.PROVINCE_EDITOR, "P-HUE");
        Person vneid = person(Role.OPERATOR, null, "VNEID");
        int before = api.get(hanoi.token(), "/api/v1/support/requests", 200).size();

        for (var bad : List.of(Map.entry("anh-chup.png", png(64 * 1024 + 1)),
                Map.entry("nhat-ky.pdf", "không phải PDF".getBytes(StandardCharsets.UTF_8)),
                Map.entry("cong-cu.exe", new byte[] {'M', 'Z', 0, 0}),
                Map.entry("trang.html", SCRIPT.getBytes(StandardCharsets.UTF_8)))) {
            MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("platformCode", "VNEID");
            form.add("subject", subject());
            form.add("description", "Có tệp đính kèm");
            form.add("files", file(bad.getKey(), bad.getValue()));
            JsonNode problem = client.post().uri("/api/v1/support/requests")
                    .header("Authorization", "Bearer " + hanoi.token()).contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(form).exchange().expectStatus().isEqualTo(422).expectBody(JsonNode.class).returnResult()
                    .getResponseBody();
            assertThat(problem.get("code").asString()).as(bad.getKey()).isEqualTo("DOCUMENT_REJECTED");
            if (bad.getKey().equals("anh-chup.png")) {
                assertThat(problem.get("detail").asString()).contains("the limit is 65536 bytes");
            }
        }
        assertThat(api.get(hanoi.token(), "/api/v1/support/requests", 200).size()).isEqualTo(before);

        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("platformCode", "VNEID");
        form.add("subject", subject());
        form.add("description", "Ảnh chụp màn hình lỗi kèm theo");
        form.add("priority", "high");
        form.add("files", file("../../anh chup.png", png(2048)));
        JsonNode created = client.post().uri("/api/v1/support/requests")
                .header("Authorization", "Bearer " + hanoi.token()).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form).exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        String id = created.get("id").asString();
        JsonNode attachment = detail(vneid, id).get("thread").get(0).get("attachments").get(0);
        assertThat(attachment.get("fileName").asString()).isEqualTo("anh chup.png");
        assertThat(attachment.get("contentType").asString()).isEqualTo("image/png");
        assertThat(attachment.get("size").asLong()).isEqualTo(2048);
        String href = attachment.get("href").asString();

        client.get().uri(href).header("Authorization", "Bearer " + vneid.token()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=.*")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        client.get().uri(href).header("Authorization", "Bearer " + hue.token()).exchange()
                .expectStatus().isNotFound();

        MultiValueMap<String, Object> tooMany = new LinkedMultiValueMap<>();
        tooMany.add("text", "Sáu tệp");
        for (int i = 0; i < 6; i++) {
            tooMany.add("files", file("anh-" + i + ".png", png(100)));
        }
        client.post().uri("/api/v1/support/requests/" + id + "/messages")
                .header("Authorization", "Bearer " + vneid.token()).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(tooMany).exchange().expectStatus().isBadRequest();
        assertThat(detail(vneid, id).get("thread")).hasSize(1);
    }

    @Test
    void theThreadKeepsTextAsTypedAndThePageShowsItEscapedWithItsLineBreaks() throws Exception {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Person vneid = person(Role.OPERATOR, null, "VNEID");
        String id = open(hanoi, "VNEID", "normal", SCRIPT);
        String text = "Dòng một " + SCRIPT + "\nDòng hai <b>đậm</b>";

        JsonNode entry = api.post(vneid.token(), "/api/v1/support/requests/" + id + "/messages", Map.of("text", text),
                201);
        assertThat(entry.get("text").asString()).isEqualTo(text);
        assertThat(entry.get("side").asString()).isEqualTo("operator");
        assertThat(detail(hanoi, id).get("thread").get(1).get("text").asString()).isEqualTo(text);

        UserDetails signedIn = users.loadUserByUsername(hanoi.account().username());
        String html = mvc.perform(get("/support/" + id).with(user(signedIn))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain(SCRIPT).doesNotContain("<b>đậm</b>")
                .contains("Dòng một &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</span><br>",
                        "Dòng hai &lt;b&gt;đậm&lt;/b&gt;", "Đơn vị vận hành", "Phản hồi đơn vị vận hành");
        String english = mvc.perform(get("/support/" + id).param("lang", "en").with(user(signedIn))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Thread", "Reply to the operator", "Raised the support request.", "Normal")
                .doesNotContain(SCRIPT);
        String list = mvc.perform(get("/support").with(user(signedIn))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain(SCRIPT).contains("&lt;script&gt;");
    }

    @Test
    void anEnglishPageMarksWhatWasTypedInVietnameseAndNamesThePlatformInEnglish() throws Exception {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Person vneid = person(Role.OPERATOR, null, "VNEID");
        String subject = "Không đăng nhập được " + UUID.randomUUID().toString().substring(0, 6);
        String id = open(hanoi, "VNEID", "normal", subject);
        api.post(vneid.token(), "/api/v1/support/requests/" + id + "/messages", Map.of("text",
                "Đã khắc phục lỗi đăng nhập"), 201);
        UserDetails signedIn = users.loadUserByUsername(hanoi.account().username());

        HtmlPage english = HtmlPage.parse(mvc.perform(get("/support/" + id).param("lang", "en").with(user(signedIn)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Element heading = english.elements("h1").getFirst();
        assertThat(HtmlPage.text(heading)).isEqualTo(subject);
        assertThat(heading.getAttributeValue("lang")).isEqualTo("vi");
        List<Element> typed = english.elementsOfClass("p", "support-text");
        assertThat(typed).hasSizeGreaterThanOrEqualTo(2).allSatisfy(p -> assertThat(p.getAttributeValue("lang")).isEqualTo("vi"));
        assertThat(HtmlPage.text(typed.getLast())).isEqualTo("Đã khắc phục lỗi đăng nhập");
        Element platform = HtmlPage.elements(english.elementsOfClass("dl", "fields").getFirst(), "dd").getFirst();
        assertThat(HtmlPage.text(platform)).startsWith("Electronic identification").endsWith(" (VNEID)");
        assertThat(HtmlPage.elements(platform, "span")).noneSatisfy(span -> assertThat(span.hasAttribute("lang"))
                .isTrue());

        HtmlPage list = HtmlPage.parse(mvc.perform(get("/support").param("lang", "en").with(user(signedIn)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(list.elements("a")).filteredOn(a -> subject.equals(HtmlPage.text(a))).singleElement()
                .satisfies(a -> assertThat(a.getAttributeValue("lang")).isEqualTo("vi"));
        HtmlPage vietnamese = HtmlPage.parse(mvc.perform(get("/support/" + id).with(user(signedIn))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(vietnamese.elements("h1").getFirst().hasAttribute("lang")).isFalse();
    }

    /** The form token of a new opening of the request form about VNEID. */
    private String formToken(UserDetails signedIn) throws Exception {
        return formToken(mvc.perform(get("/support/new").param("platform", "VNEID").with(user(signedIn))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The form token the request form on {@code html} carries. */
    private static String formToken(String html) {
        return HtmlPage.parse(html).elements("input").stream()
                .filter(input -> "form_token".equals(input.getAttributeValue("name"))).findFirst().orElseThrow()
                .getAttributeValue("value");
    }

    @Test
    void theRequestFormSentTwiceOpensOneRequestAndTheSecondSendShowsIt() throws Exception {
        UserDetails signedIn = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HUE");
        String token = formToken(signedIn);
        String subject = subject();

        String refusedPage = mvc.perform(multipart("/support").param("platformCode", "VNEID").param("subject", subject)
                .param("description", "").param("form_token", token).with(user(signedIn)).with(csrf())).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refusedPage).as("a refused form keeps its token").contains("value=\"" + token + "\"");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            MvcResult result = mvc.perform(multipart("/support").param("platformCode", "VNEID")
                    .param("subject", subject).param("description", "Gửi hai lần").param("form_token", token)
                    .with(user(signedIn)).with(csrf())).andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(302);
            sent.add(result.getResponse().getRedirectedUrl());
        }

        assertThat(sent.get(1)).as("the second send shows the request the first opened").isEqualTo(sent.get(0));
        assertThat(jdbc.sql("select count(*) from support_request where subject = ?").param(subject)
                .query(Long.class).single()).isEqualTo(1);
        String other = formToken(signedIn);
        assertThat(other).as("each opening of the form is a new request").isNotEqualTo(token);
    }

    /** A form sent without its token (an old page, a script) opens its request and keeps no made-up token. */
    @Test
    void aFormSentWithoutATokenOpensItsRequestWithNoneStored() throws Exception {
        UserDetails signedIn = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HUE");
        String subject = subject();

        String refusedPage = mvc.perform(multipart("/support").param("platformCode", "VNEID").param("subject", subject)
                .param("description", "").with(user(signedIn)).with(csrf())).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(formToken(refusedPage)).as("the form shown again has a token, as a new form")
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        MvcResult opened = mvc.perform(multipart("/support").param("platformCode", "VNEID").param("subject", subject)
                .param("description", "Không có mã biểu mẫu").with(user(signedIn)).with(csrf())).andReturn();
        assertThat(opened.getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from support_request where subject = ? and form_token is null")
                .param(subject).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEditorRaisesARequestFromTheFormWhichShowsTheOperatorsContact() throws Exception {
        UserDetails signedIn = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HUE");
        String form = mvc.perform(get("/support/new").param("platform", "VNEID").with(user(signedIn))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("Đơn vị vận hành",
                "Cục Cảnh sát quản lý hành chính về trật tự xã hội, Bộ Công an", "name=\"_csrf\"",
                "khẩn cấp 1 ngày, cao 3 ngày, bình thường 5 ngày, thấp 10 ngày");

        String subject = subject();
        MvcResult refused = mvc.perform(multipart("/support").param("platformCode", "VNEID").param("subject", subject)
                .param("description", "").with(user(signedIn)).with(csrf())).andReturn();
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Chưa gửi được", "description", subject);

        MvcResult created = mvc.perform(multipart("/support")
                .file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
                .param("platformCode", " vneid ").param("subject", subject).param("description", "Dòng 1\nDòng 2")
                .param("priority", "urgent").with(user(signedIn)).with(csrf())).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/support/");
        String page = mvc.perform(get(location).with(user(signedIn))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(subject, "Khẩn cấp", "Mới", "Dòng 1</span><br>", "Đã gửi yêu cầu hỗ trợ.");

        assertThat(mvc.perform(post("/support").param("platformCode", "VNEID").param("subject", "Không có CSRF")
                .param("description", "x").with(user(signedIn))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        UserDetails operator = accounts.signedIn(Role.OPERATOR, null, "VNEID");
        String queue = mvc.perform(get("/support").with(user(operator))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(queue).contains(subject, "Yêu cầu hỗ trợ quá hạn");
        String asOperator = mvc.perform(get(location).with(user(operator))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(asOperator).contains("Bắt đầu xử lý", "Trả lời bên yêu cầu").doesNotContain("Mở lại yêu cầu");
    }

    @Test
    void aStatusChangeRefusedBecauseAnotherOperatorActedFirstKeepsTheNote() throws Exception {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Person first = person(Role.OPERATOR, null, "VNEID");
        UserDetails second = accounts.signedIn(Role.OPERATOR, null, "VNEID");
        String id = open(hanoi, "VNEID", "normal", subject());
        act(first, id, "start", 200);

        String note = "Đã kiểm tra nhật ký đăng nhập\ncủa người dùng";
        String page = mvc.perform(post("/support/" + id + "/status").param("action", "start").param("note", note)
                .with(user(second)).with(csrf())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        HtmlPage html = HtmlPage.parse(page);
        assertThat(HtmlPage.text(html.byId("note"))).isEqualTo(note.replace("\n", " "));
        assertThat(HtmlPage.text(html.byId("main"))).contains("Không thể chuyển trạng thái này",
                "Yêu cầu đang ở trạng thái “Đang xử lý” nên không thể “Bắt đầu xử lý”").doesNotContain("allowed");
        assertThat(HtmlPage.text(HtmlPage.parse(mvc.perform(post("/support/" + id + "/status").param("lang", "en")
                .param("action", "start").with(user(second)).with(csrf())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).byId("main")))
                .contains("The request is “In progress”, so “Start work” cannot be done now");
        assertThat(detail(hanoi, id).get("thread")).hasSize(2);
    }

    @Test
    void aRefusedFormNamesTheFilesItSentAndEachFieldInTheReadersLanguage() throws Exception {
        Person hue = person(Role.PROVINCE_EDITOR, "P-HUE");
        UserDetails signedIn = users.loadUserByUsername(hue.account().username());
        String subject = subject();
        String refused = mvc.perform(multipart("/support")
                .file(new MockMultipartFile("files", "bien-ban.png", "image/png", png(100)))
                .param("platformCode", "VNEID").param("subject", subject).param("description", "  ")
                .param("priority", "high").with(user(signedIn)).with(csrf())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String text = HtmlPage.text(HtmlPage.parse(refused).byId("main"));
        assertThat(text).contains("Chưa lưu tệp nào; hãy chọn lại tệp", "bien-ban.png",
                "Mô tả: bắt buộc, tối đa 10.000 ký tự.").doesNotContain("is required");
        assertThat(jdbc.sql("select count(*) from support_request where subject = ?").param(subject)
                .query(Long.class).single()).isZero();

        String id = open(hue, "VNEID", "low", subject());
        String english = mvc.perform(multipart("/support/" + id + "/messages")
                .file(new MockMultipartFile("files", "anh-chup.png", "image/png", png(100)))
                .param("text", "").param("lang", "en").with(user(signedIn))
                .with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(HtmlPage.text(HtmlPage.parse(english).byId("main"))).contains(
                "No file was saved; choose the files again", "anh-chup.png",
                "Message: required, at most 10,000 characters.");
        assertThat(detail(hue, id).get("thread")).hasSize(1);
    }

    @Test
    void aRefusedAttachmentIsNamedWithWhyInTheReadersLanguage() throws Exception {
        UserDetails signedIn = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HUE");
        Map<String, List<String>> said = new LinkedHashMap<>();
        said.put("rong.png", List.of("Tệp “rong.png” không có nội dung.", "“rong.png” is empty."));
        said.put("lon.png", List.of("Tệp “lon.png” có dung lượng 65.537 byte, vượt quá giới hạn 64 KB cho mỗi tệp.",
                "“lon.png” is 65,537 bytes, over the limit of 64 KB per file."));
        said.put("cai-dat.exe", List.of("Tệp “cai-dat.exe” không thuộc loại được nhận: chỉ nhận tệp PDF, DOCX, XLSX,"
                + " PNG, JPEG.", "“cai-dat.exe” is not of an accepted type: only PDF, DOCX, XLSX, PNG, JPEG files are"
                + " accepted."));
        said.put("nhat-ky.pdf", List.of("Nội dung tệp “nhat-ky.pdf” không phải là tài liệu PDF, DOCX, XLSX, PNG hay"
                + " JPEG.", "The content of “nhat-ky.pdf” is not a PDF, DOCX, XLSX, PNG or JPEG document."));
        said.put("bien-ban.pdf", List.of("Tệp “bien-ban.pdf” có đuôi PDF nhưng nội dung là tệp PNG.",
                "“bien-ban.pdf” is named as a PDF file but its content is PNG."));
        Map<String, byte[]> contents = Map.of("rong.png", new byte[0], "lon.png", png(64 * 1024 + 1),
                "cai-dat.exe", new byte[] {'M', 'Z', 0, 0}, "nhat-ky.pdf", "không phải PDF".getBytes(StandardCharsets.UTF_8),
                "bien-ban.pdf", png(100));

        for (var refused : said.entrySet()) {
            String name = refused.getKey();
            for (String lang : List.of("vi", "en")) {
                String page = mvc.perform(multipart("/support")
                        .file(new MockMultipartFile("files", name, "application/octet-stream", contents.get(name)))
                        .param("platformCode", "VNEID").param("subject", subject()).param("description", "Có tệp")
                        .param("lang", lang).with(user(signedIn)).with(csrf())).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                List<Element> problems = HtmlPage.parse(page).elementsOfClass("div", "problems");
                assertThat(problems).as(name + " in " + lang).hasSize(1);
                assertThat(HtmlPage.texts(problems.getFirst(), "p")).as(name + " in " + lang).containsExactly(
                        lang.equals("vi") ? "Chưa gửi được: có tệp đính kèm bị từ chối."
                                : "Not sent: an attachment was refused.",
                        refused.getValue().get(lang.equals("vi") ? 0 : 1));
            }
        }
    }

    @Test
    void theNewRequestFormFindsThePlatformBySearchInsteadOfListingTheWholeCatalogue() throws Exception {
        UserDetails signedIn = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HUE");

        String empty = page(signedIn);
        assertThat(empty).contains("Tìm nền tảng cần hỗ trợ", "name=\"q\"").doesNotContain("?platform=", "DVCQG", "type=\"hidden\" name=\"platformCode\"");

        String found = page(signedIn, "q", "dinh danh dien tu");
        assertThat(found).contains("href=\"/support/new?platform=VNEID\"",
                "Nền tảng định danh và xác thực điện tử (VNeID) (VNEID)").doesNotContain("DVCQG");
        assertThat(page(signedIn, "q", "khong co nen tang nao nhu the"))
                .contains("Không có nền tảng nào khớp với “khong co nen tang nao nhu the”");
        assertThat(page(signedIn, "q", "a".repeat(201))).contains("Chưa gửi được",
                "Tên hoặc mã nền tảng cần tìm: tối đa 200 ký tự.");

        String chosen = page(signedIn, "platform", "VNEID");
        assertThat(chosen).contains("type=\"hidden\" name=\"platformCode\" value=\"VNEID\"", "chọn nền tảng khác")
                .doesNotContain("id=\"find-platform\"");
        String english = page(signedIn, "q", "dinh danh", "lang", "en");
        assertThat(english).contains("Find the platform you need help with", "href=\"/support/new?platform=VNEID\"");
    }

    @Test
    void aTooLongSearchIsRefusedOnTheFormAndKeepsTheChosenPlatform() throws Exception {
        UserDetails signedIn = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HUE");

        assertThat(page(signedIn, "platform", "VNEID", "q", "a".repeat(201))).contains("Chưa gửi được",
                "Tên hoặc mã nền tảng cần tìm: tối đa 200 ký tự.",
                "type=\"hidden\" name=\"platformCode\" value=\"VNEID\"");
    }

    @Test
    void theFormNamesPlatformsInTheReadersLanguage() throws Exception {
        UserDetails signedIn = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HUE");

        assertThat(page(signedIn, "q", "dinh danh dien tu", "lang", "en")).contains(
                "Electronic identification and authentication platform (VNeID) (VNEID)");
        assertThat(page(signedIn, "platform", "VNEID", "lang", "en")).contains(
                "Electronic identification and authentication platform (VNeID) (VNEID)");
    }

    @Test
    void theNewRequestFormTakesTheConfiguredDocumentTypesWithinTheConfiguredAttachmentLimit() throws Exception {
        UserDetails signedIn = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HUE");

        assertThat(page(signedIn, "platform", "VNEID")).contains("accept=\".pdf,.docx,.xlsx,.png,.jpg,.jpeg\"",
                "Tối đa 5 tệp (PDF, DOCX, XLSX, PNG, JPEG), mỗi tệp không quá 64 KB");
        assertThat(page(signedIn, "platform", "VNEID", "lang", "en"))
                .contains("Up to 5 files (PDF, DOCX, XLSX, PNG, JPEG) of at most 64 KB each");
    }

    /** The new-request form with these query parameters (name, value, name, value…). */
    private String page(UserDetails signedIn, String... parameters) throws Exception {
        MockHttpServletRequestBuilder request = get("/support/new").with(user(signedIn));
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theQueueIsFilteredSortedAndPagedInTheDatabaseWithinEachReadersScope() {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Person hue = person(Role.PROVINCE_EDITOR, "P-HUE");
        Person vneid = person(Role.OPERATOR, null, "VNEID");
        Person reviewer = person(Role.REVIEWER, null);
        String token = UUID.randomUUID().toString().substring(0, 8);
        List<String> hanoiVneid = new ArrayList<>();
        for (String priority : List.of("low", "normal", "high", "urgent", "urgent")) {
            hanoiVneid.add(open(hanoi, "VNEID", priority, "Hàng đợi đăng nhập " + token));
        }
        String hanoiPortal = open(hanoi, "DVCQG", "normal", "Hàng đợi đăng nhập " + token);
        String hueVneid = open(hue, "VNEID", "high", "Hàng đợi đăng nhập " + token);
        String q = "?q=hang+doi+dang+nhap+" + token;

        JsonNode first = api.get(hanoi.token(), "/api/v1/support/queue" + q + "&size=2", 200);
        assertThat(first.get("total").asLong()).as("Hà Nội's own six, not Huế's").isEqualTo(6);
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("pages").asInt()).isEqualTo(3);
        assertThat(first.get("items").findValuesAsString("id")).as("the most recently changed first")
                .containsExactly(hanoiPortal, hanoiVneid.get(4));
        assertThat(api.get(hanoi.token(), "/api/v1/support/queue" + q + "&size=2&page=3", 200).get("items")
                .findValuesAsString("id")).containsExactly(hanoiVneid.get(1), hanoiVneid.get(0));
        JsonNode beyond = api.get(hanoi.token(), "/api/v1/support/queue" + q + "&size=2&page=9", 200);
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(6);
        assertThat(api.get(hanoi.token(), "/api/v1/support/queue" + q + "&priority=urgent", 200).get("items")
                .findValuesAsString("id")).containsExactlyInAnyOrder(hanoiVneid.get(3), hanoiVneid.get(4));
        assertThat(api.get(hanoi.token(), "/api/v1/support/queue" + q + "&platform=DVCQG", 200).get("items")
                .findValuesAsString("id")).containsExactly(hanoiPortal);
        assertThat(api.get(hanoi.token(), "/api/v1/support/queue?q=" + token.toUpperCase() + "&agency=P-HUE", 200)
                .get("total").asLong()).as("a requester's filter never widens their scope").isZero();

        act(vneid, hanoiVneid.get(0), "start", 200);
        assertThat(api.get(hanoi.token(), "/api/v1/support/queue" + q + "&status=in_progress", 200).get("items")
                .findValuesAsString("id")).containsExactly(hanoiVneid.get(0));
        jdbc.sql("update support_request set due_date = ? where id = ?")
                .params(desk.today().minusDays(2), UUID.fromString(hanoiVneid.get(1))).update();
        jdbc.sql("update support_request set due_date = ? where id = ?")
                .params(desk.today().minusDays(5), UUID.fromString(hueVneid)).update();

        JsonNode operators = api.get(vneid.token(), "/api/v1/support/queue" + q, 200);
        assertThat(operators.get("total").asLong()).as("VNeID's six, not the portal's").isEqualTo(6);
        assertThat(operators.get("items").findValuesAsString("id")).as("the earliest due first")
                .startsWith(hueVneid, hanoiVneid.get(1)).doesNotContain(hanoiPortal);
        assertThat(api.get(vneid.token(), "/api/v1/support/queue" + q + "&overdue=true", 200).get("items")
                .findValuesAsString("id")).containsExactly(hueVneid, hanoiVneid.get(1));

        assertThat(api.get(reviewer.token(), "/api/v1/support/queue" + q, 200).get("total").asLong()).isEqualTo(7);
        assertThat(api.get(reviewer.token(), "/api/v1/support/queue" + q + "&agency=P-HUE", 200).get("items")
                .findValuesAsString("id")).containsExactly(hueVneid);
        assertThat(api.get(reviewer.token(), "/api/v1/support/overdue" + q, 200).findValuesAsString("id"))
                .containsExactly(hueVneid, hanoiVneid.get(1));
    }

    @Test
    void theOldListsKeepTheirShapeAndDescribeThePageInHeaders() {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        String token = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(open(hanoi, "VNEID", "normal", "Danh sách cũ " + token));
        }

        var result = api.page(hanoi.token(), "/api/v1/support/requests?q=" + token + "&size=2");
        assertThat(ApiCalls.ids(result)).containsExactly(ids.get(2), ids.get(1));
        assertThat(result.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("3");
        assertThat(result.getResponseHeaders().getFirst("X-Page")).isEqualTo("1");
        assertThat(result.getResponseHeaders().getFirst("X-Page-Size")).isEqualTo("2");
        assertThat(result.getResponseHeaders().getFirst("Link")).contains("page=2", "rel=\"next\"")
                .doesNotContain("prev");
        var unpaged = client.get().uri("/api/v1/support/requests?q=" + token)
                .header("Authorization", "Bearer " + hanoi.token()).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult();
        assertThat(unpaged.getResponseBody().findValuesAsString("id")).hasSize(3);
        assertThat(unpaged.getResponseHeaders().getFirst("X-Page-Size"))
                .isEqualTo(String.valueOf(Paging.MAX_SIZE));
        assertThat(unpaged.getResponseHeaders().getFirst("Link")).isNull();
    }

    @Test
    void aRequesterSeesTheRequestsOfTheProvincesMergedIntoTheirsAndTheAuthorityFiltersByTheNewProvince() {
        Person tuyenQuang = person(Role.PROVINCE_EDITOR, "P-TUYEN-QUANG-2025");
        Person reviewer = person(Role.REVIEWER, null);
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        String token = UUID.randomUUID().toString().substring(0, 8);
        String raisedByHaGiang = open(hanoi, "VNEID", "normal", "Trước sáp nhập " + token);
        jdbc.sql("update support_request set agency_code = 'P-HA-GIANG' where id = ?")
                .param(UUID.fromString(raisedByHaGiang)).update();

        assertThat(api.get(tuyenQuang.token(), "/api/v1/support/queue?q=" + token, 200).get("items")
                .findValuesAsString("id")).containsExactly(raisedByHaGiang);
        assertThat(api.get(hanoi.token(), "/api/v1/support/queue?q=" + token, 200).get("total").asLong())
                .isZero();
        assertThat(api.get(reviewer.token(), "/api/v1/support/queue?q=" + token + "&agency=P-TUYEN-QUANG-2025",
                200).get("items").findValuesAsString("id")).containsExactly(raisedByHaGiang);
    }

    @Test
    void badQueueParametersAreOneProblemNamingEachAndThePageListsThemWithoutSearching() throws Exception {
        Person reviewer = person(Role.REVIEWER, null);
        JsonNode problem = api.get(reviewer.token(), "/api/v1/support/queue?status=done&priority=asap&platform=KHONG-CO"
                + "&agency=KHONG-CO&overdue=maybe&sort=oldest&page=0&size=201&q=" + "x".repeat(201), 400);
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("status", "priority",
                "platform", "agency", "overdue", "sort", "page", "size", "q");
        assertThat(problem.toString()).contains("must be between 1 and " + Paging.MAX_SIZE + ", was 201",
                "no platform has the code 'KHONG-CO'");
        assertThat(api.get(reviewer.token(), "/api/v1/support/requests?page=abc", 400).get("errors")
                .findValuesAsString("field")).containsExactly("page");
        api.get(reviewer.token(), "/api/v1/support/overdue?size=0", 400);

        UserDetails signedIn = users.loadUserByUsername(reviewer.account().username());
        MvcResult page = mvc.perform(get("/support").param("size", "500").param("status", "xong")
                .with(user(signedIn))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Bộ lọc chưa hợp lệ", "Số dòng mỗi trang: chọn một trong các lựa chọn của danh sách.",
                        "Trạng thái: chọn một trạng thái trong danh sách.")
                .contains("/support?size=500&amp;status=xong&amp;lang=en") // the language links keep what was typed
                .doesNotContain("Hiển thị ");
    }

    @Test
    void theSupportPageSaysWhatIsWrongWithEachRefusedFilterInTheReadersLanguage() throws Exception {
        UserDetails signedIn = users.loadUserByUsername(person(Role.REVIEWER, null).account().username());
        String[] filters = {"priority", "asap", "sort", "oldest", "overdue", "maybe", "platform", "KHONG-CO",
                "agency", "KHONG-CO"};
        MockHttpServletRequestBuilder vi = get("/support").with(user(signedIn));
        MockHttpServletRequestBuilder en = get("/support").param("lang", "en").with(user(signedIn));
        for (int i = 0; i < filters.length; i += 2) {
            vi.param(filters[i], filters[i + 1]);
            en.param(filters[i], filters[i + 1]);
        }

        assertThat(mvc.perform(vi).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Bộ lọc chưa hợp lệ", "Mức ưu tiên: chọn một mức ưu tiên trong danh sách.",
                        "Sắp xếp: chọn một cách sắp xếp trong danh sách.", "Chỉ yêu cầu quá hạn: đánh dấu ô này",
                        "Mã nền tảng: không có nền tảng nào mang mã này", "Mã cơ quan yêu cầu: không có cơ quan nào")
                .doesNotContain("<code>");
        assertThat(mvc.perform(en).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("The filters are not valid", "Priority: choose a priority from the list.",
                        "Sort: choose an order from the list.", "Overdue only: tick the box",
                        "Platform code: no platform has this code", "Requesting agency code: no agency has this code")
                .doesNotContain("<code>");
    }

    @Test
    void theSupportPageFiltersAndPagesInVietnameseAndEnglishWithDatesDayFirst() throws Exception {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Person reviewer = person(Role.REVIEWER, null);
        String token = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(open(hanoi, "VNEID", "high", "Trang lọc " + token));
        }
        UserDetails signedIn = users.loadUserByUsername(reviewer.account().username());
        LocalDate due = LocalDate.parse(detail(hanoi, ids.get(2)).get("request").get("dueDate").asString());

        String vi = mvc.perform(get("/support").param("q", "trang loc " + token).param("size", "2")
                .with(user(signedIn))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(vi).contains("Lọc yêu cầu", "Hiển thị 1–2 trong tổng số 3 yêu cầu", "/support/" + ids.get(2),
                "/support/" + ids.get(1), "rel=\"next\"", "page=2", "Trang sau")
                .doesNotContain("/support/" + ids.get(0) + "\"");
        assertThat(vi).contains(due.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))).doesNotContain(due.toString());
        String second = mvc.perform(get("/support").param("q", "trang loc " + token).param("size", "2")
                .param("page", "2").with(user(signedIn))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(second).contains("Hiển thị 3–3 trong tổng số 3 yêu cầu", "/support/" + ids.get(0), "rel=\"prev\"");
        String en = mvc.perform(get("/support").param("q", token).param("size", "2").param("lang", "en")
                .with(user(signedIn))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Filter requests", "Showing 1–2 of 3 requests", "Next ›");
        String none = mvc.perform(get("/support").param("q", token).param("status", "closed")
                .with(user(signedIn))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).contains("Không có yêu cầu nào khớp bộ lọc.", "Xóa bộ lọc")
                .as("no empty table after the sentence").doesNotContain("<table");
    }

    @Test
    void subjectSearchFindsEveryWordInAnyOrderWhateverTheUnicodeFormOfTheSubject() {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        String token = UUID.randomUUID().toString().substring(0, 8);
        // as some Vietnamese keyboards and text pasted from macOS send it: letters and marks apart (NFD)
        String decomposed = Normalizer.normalize("Lỗi đăng nhập " + token, Normalizer.Form.NFD);
        String id = open(hanoi, "VNEID", "normal", decomposed);

        for (String q : List.of("loi dang nhap " + token, "Lỗi đăng nhập " + token, token + " nhap loi",
                "lỗi  " + token)) {
            JsonNode found = api.get(hanoi.token(), "/api/v1/support/queue?q=" + q.replace(' ', '+'), 200);
            assertThat(found.get("items").findValuesAsString("id")).as(q).containsExactly(id);
        }
        assertThat(api.get(hanoi.token(), "/api/v1/support/queue?q=loi+xuat+" + token, 200).get("total").asLong())
                .as("every word must be there").isZero();
    }

    @Test
    void aPagePastTheEndSaysSoInsteadOfClaimingTheQueueIsEmptyAndALinkedAgencyFilterIsKept() throws Exception {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        String token = UUID.randomUUID().toString().substring(0, 8);
        open(hanoi, "VNEID", "normal", "Quá trang " + token);
        UserDetails signedIn = users.loadUserByUsername(hanoi.account().username());

        String beyond = mvc.perform(get("/support").param("q", token).param("page", "9").param("size", "10")
                .param("agency", "P-HA-NOI").with(user(signedIn))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(beyond).contains("Trang 9 không còn yêu cầu nào; danh sách có 1 yêu cầu", "Đến trang cuối (trang 1)")
                .doesNotContain("Không có yêu cầu nào khớp bộ lọc.").doesNotContain("Hiển thị 81")
                .contains("type=\"hidden\" name=\"agency\" value=\"P-HA-NOI\"");
    }

    @Test
    void badOrEmptyBodiesAreA400ProblemNeverA500() throws Exception {
        Person hanoi = person(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Person vneid = person(Role.OPERATOR, null, "VNEID");
        String id = open(hanoi, "VNEID", "normal", subject());
        for (var bad : List.of(Map.entry("/api/v1/support/requests", "{}"),
                Map.entry("/api/v1/support/requests", "không phải JSON"),
                Map.entry("/api/v1/support/requests", "{\"platformCode\": \"KHONG-CO\", \"priority\": \"rat-gap\"}"),
                Map.entry("/api/v1/support/requests/" + id + "/messages", "{}"),
                Map.entry("/api/v1/support/requests/" + id + "/messages", "[1, 2]"),
                Map.entry("/api/v1/support/requests/" + id + "/status", "{\"action\": 42}"),
                Map.entry("/api/v1/support/requests/khong-phai-uuid/status", "{}"))) {
            Person who = bad.getKey().endsWith("/requests") ? hanoi : vneid;
            int status = client.post().uri(bad.getKey()).header("Authorization", "Bearer " + who.token())
                    .contentType(MediaType.APPLICATION_JSON).body(bad.getValue()).exchange()
                    .returnResult(String.class).getStatus().value();
            assertThat(status).as(bad.getKey() + " " + bad.getValue()).isEqualTo(400);
        }
        UserDetails signedIn = users.loadUserByUsername(vneid.account().username());
        MvcResult page = mvc.perform(post("/support/" + id + "/messages").param("text", " ").with(user(signedIn))
                .with(csrf())).andReturn();
        assertThat(page.getResponse().getStatus()).as("the thread again, with the refusal's status").isEqualTo(400);
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Chưa gửi được", "text");
        MvcResult noAction = mvc.perform(post("/support/" + id + "/status").with(user(signedIn)).with(csrf()))
                .andReturn();
        assertThat(noAction.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("action");
        assertThat(detail(hanoi, id).get("thread")).hasSize(1);
    }
}
