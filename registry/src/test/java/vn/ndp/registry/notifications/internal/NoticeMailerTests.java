package vn.ndp.registry.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.ndp.registry.notifications.NoticeText;

class NoticeMailerTests {

    static final NoticeText TEXT = new NoticeText("REMINDER", "Đề nghị công bố nền tảng số của Bộ Ngoại giao",
            "Please announce the digital platforms of the Ministry of Foreign Affairs", "Nội dung tiếng Việt.",
            "English text.", "/platforms");

    /** Records what the mailer reports instead of writing to the database. */
    static final class Outcomes extends NoticeRepository {
        final CountDownLatch done = new CountDownLatch(1);
        volatile boolean emailed;
        volatile String error;

        Outcomes() {
            super(null);
        }

        @Override
        void recordEmailed(UUID noticeId, OffsetDateTime at) {
            emailed = true;
            done.countDown();
        }

        @Override
        void recordEmailError(UUID noticeId, String message) {
            error = message;
            done.countDown();
        }
    }

    /** An SMTP server that is down for the first {@code failures} attempts. */
    static final class FlakySender extends JavaMailSenderImpl {
        final AtomicInteger attempts = new AtomicInteger();
        final int failures;

        FlakySender(int failures) {
            this.failures = failures;
        }

        @Override
        public MimeMessage createMimeMessage() {
            return new MimeMessage(Session.getInstance(new Properties()));
        }

        @Override
        public void send(MimeMessage message) {
            if (attempts.incrementAndGet() <= failures) {
                throw new MailSendException("connection refused");
            }
        }
    }

    private static NoticeMailer mailer(JavaMailSender sender, Outcomes outcomes) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mail", sender);
        return new NoticeMailer(beans.getBeanProvider(JavaMailSender.class), outcomes, Clock.systemUTC(),
                "NDP <no-reply@ndp.test>", "https://ndp.example.vn/", 3, Duration.ofMillis(1));
    }

    @Test
    void aFailedDeliveryIsRetriedUntilItSucceeds() throws Exception {
        FlakySender sender = new FlakySender(2);
        Outcomes outcomes = new Outcomes();

        mailer(sender, outcomes).send(new MailQueued(List.of(new MailQueued.Mail(UUID.randomUUID(), "a@example.test", TEXT))));

        assertThat(outcomes.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sender.attempts.get()).isEqualTo(3);
        assertThat(outcomes.emailed).isTrue();
    }

    @Test
    void aDeliveryThatKeepsFailingIsRecordedAndGivenUp() throws Exception {
        FlakySender sender = new FlakySender(10);
        Outcomes outcomes = new Outcomes();

        mailer(sender, outcomes).send(new MailQueued(List.of(new MailQueued.Mail(UUID.randomUUID(), "a@example.test", TEXT))));

        assertThat(outcomes.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sender.attempts.get()).isEqualTo(3);
        assertThat(outcomes.emailed).isFalse();
        assertThat(outcomes.error).contains("connection refused");
    }

    @Test
    void withoutAnSmtpServerNothingIsSent() {
        Outcomes outcomes = new Outcomes();
        NoticeMailer mailer = new NoticeMailer(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                outcomes, Clock.systemUTC(), "x@y.z", "http://localhost:8080", 3, Duration.ZERO);

        mailer.send(new MailQueued(List.of(new MailQueued.Mail(UUID.randomUUID(), "a@example.test", TEXT))));

        assertThat(outcomes.done.getCount()).isEqualTo(1);
    }

    @Test
    void theBodyIsVietnameseFirstWithTheEnglishBelowAndFullLinks() {
        String body = mailer(new FlakySender(0), new Outcomes()).body(TEXT);

        assertThat(body).startsWith("Nội dung tiếng Việt.\n\nXem chi tiết: https://ndp.example.vn/platforms");
        assertThat(body.indexOf("English text.")).isGreaterThan(body.indexOf("Nội dung tiếng Việt."));
        assertThat(body).contains("Details: https://ndp.example.vn/platforms");
    }
}
