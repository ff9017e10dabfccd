package vn.ndp.registry.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.Accounts;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.Scopes;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.notifications.internal.MailQueued;
import vn.ndp.registry.notifications.internal.NoticeRepository;
import vn.ndp.registry.notifications.internal.NoticeTexts;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;

/**
 * Stores notices for accounts and queues their e-mail, which goes out only
 * after the storing transaction commits. Recipients are chosen on the server:
 * the reviewers of the national authority, or the editors who act for an
 * agency today (an editor of a merged ministry acts for its successor).
 */
@Service
public class Notices {

    private final NoticeRepository repository;
    private final Accounts accounts;
    private final Scopes scopes;
    private final Agencies agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notices(NoticeRepository repository, Accounts accounts, Scopes scopes, Agencies agencies,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.scopes = scopes;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    /** Stores one notice per recipient (each account once) and queues the e-mails; returns how many were stored. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int send(Collection<Account> recipients, NoticeText text) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<MailQueued.Mail> mails = new ArrayList<>();
        List<UUID> seen = new ArrayList<>();
        for (Account account : recipients) {
            if (!account.enabled() || seen.contains(account.id())) {
                continue;
            }
            seen.add(account.id());
            Notice notice = new Notice(UUID.randomUUID(), account.id(), text.kind(), text.subjectVi(),
                    text.subjectEn(), text.bodyVi(), text.bodyEn(), text.link(), now, null, text.vietnameseInEn());
            repository.insert(notice);
            if (account.email() != null) {
                mails.add(new MailQueued.Mail(notice.id(), account.email(), text));
            }
        }
        if (!mails.isEmpty()) {
            events.publishEvent(new MailQueued(List.copyOf(mails)));
        }
        return seen.size();
    }

    /** Enabled accounts with the role. */
    public List<Account> withRole(Role role) {
        return accounts.all().stream().filter(a -> a.enabled() && a.role() == role).toList();
    }

    /** Enabled editors who act for the agency today (following successions). */
    public List<Account> editorsOf(String agencyCode) {
        if (agencyCode == null) {
            return List.of();
        }
        return accounts.all().stream()
                .filter(a -> a.enabled() && a.role().scopedToAgency())
                .filter(a -> scopes.actsFor(CurrentUser.of(a), agencyCode))
                .toList();
    }

    /** Enabled operator accounts that run the platform. */
    public List<Account> operatorsOf(String platformCode) {
        return accounts.all().stream()
                .filter(a -> a.enabled() && a.role() == Role.OPERATOR && a.platformCodes().contains(platformCode))
                .toList();
    }

    /**
     * Reminds the agency's editors that it has not announced its platforms;
     * returns how many editors were told.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int remindToAnnounce(String agencyCode) {
        Agency agency = agencies.successorOn(agencyCode, agencies.today());
        return send(editorsOf(agency.code()), NoticeTexts.reminder(agency));
    }

    public List<Notice> of(UUID accountId, int limit) {
        return repository.forAccount(accountId, limit);
    }

    public long unread(UUID accountId) {
        return repository.unread(accountId);
    }

    /** Marks one of the account's notices read; another account's notice is "not found", never revealed. */
    @Transactional
    public void markRead(UUID accountId, UUID noticeId) {
        if (!repository.markRead(accountId, noticeId, OffsetDateTime.now(clock))) {
            throw new RegistryException(ErrorCode.NOT_FOUND, "You have no notice with the id " + noticeId);
        }
    }

    @Transactional
    public int markAllRead(UUID accountId) {
        return repository.markAllRead(accountId, OffsetDateTime.now(clock));
    }
}
