package vn.ndp.registry.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.ndp.registry.notifications.NoticeText;

/**
 * Sends the e-mail of stored notices after their transaction commits, on
 * virtual threads so that no request waits for the SMTP server. Each message
 * is tried a few times with a growing pause; the outcome is recorded on the
 * notice. Without {@code spring.mail.host} there is no mail sender and
 * nothing is sent.
 */
@Component
class NoticeMailer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final NoticeRepository repository;
    private final Clock clock;
    private final String from;
    private final String baseUrl;
    private final int attempts;
    private final Duration pause;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    NoticeMailer(ObjectProvider<JavaMailSender> sender, NoticeRepository repository, Clock clock,
            @Value("${ndp.notifications.mail-from:NDP <no-reply@ndp.localhost>}") String from,
            @Value("${ndp.notifications.base-url:http://localhost:8080}") String baseUrl,
            @Value("${ndp.notifications.mail-attempts:3}") int attempts,
            @Value("${ndp.notifications.retry-pause:PT5S}") Duration pause) {
        this.sender = sender;
        this.repository = repository;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.attempts = Math.max(1, attempts);
        this.pause = pause;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void send(MailQueued queued) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return;
        }
        for (MailQueued.Mail m : queued.mails()) {
            executor.execute(() -> deliver(mail, m));
        }
    }

    private void deliver(JavaMailSender mail, MailQueued.Mail m) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                mail.send(message(mail, m));
                repository.recordEmailed(m.noticeId(), OffsetDateTime.now(clock));
                return;
            } catch (MailException | MessagingException e) {
                log.warn("E-mail of notice {} to {} failed (attempt {} of {}): {}", m.noticeId(), m.to(), attempt,
                        attempts, e.getMessage());
                if (attempt == attempts) {
                    repository.recordEmailError(m.noticeId(), String.valueOf(e.getMessage()));
                    return;
                }
                try {
                    Thread.sleep(pause.multipliedBy(attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private MimeMessage message(JavaMailSender mail, MailQueued.Mail m) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(m.to());
        helper.setSubject("[NDP] " + m.text().subjectVi());
        helper.setText(body(m.text()), false);
        return message;
    }

    /** Vietnamese first, English below. */
    String body(NoticeText text) {
        String link = text.link() == null ? null : baseUrl + text.link();
        StringBuilder body = new StringBuilder();
        body.append(text.bodyVi()).append("\n");
        if (link != null) {
            body.append("\nXem chi tiết: ").append(link).append("\n");
        }
        body.append("\n----------------------------------------\n");
        body.append(text.subjectEn()).append("\n\n").append(text.bodyEn()).append("\n");
        if (link != null) {
            body.append("\nDetails: ").append(link).append("\n");
        }
        body.append("\n--\nThư được gửi tự động từ NDP — Danh mục nền tảng số quốc gia; xem mọi thông báo tại ")
                .append(baseUrl).append("/notifications\n")
                .append("Sent automatically by NDP, the national catalogue of digital platforms.\n");
        return body.toString();
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
