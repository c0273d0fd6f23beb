// SPDX-License-Identifier: GPL-3.0-or-later
#include "emailchannel.h"

#include "accounts/secretbox.h"
#include "logging/logging.h"
#include "mailboxwatcher.h"
#include "mailcomposer.h"
#include "smtpclient.h"
#include "store/storage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

namespace Tandem::Server {
namespace {

constexpr int HistoryRead = 50;
constexpr int MaxReferences = 20;

//! Everything a reply needs from the store, read before it is written.
struct ReplyPlan {
    MailboxSettings settings;
    QString smtpPassword; //!< sealed
    QStringList copied;   //!< the thread's other people
    QString subject;
    QString inReplyTo;
    QStringList references;
    QString quoted;
    QString quoteLead;
    QList<MailAttachment> attachments;
};

//! `ahead`: automatic replies to the same address on their way now.
Result<ReplyPlan> planReply(Store &store, const MailThreading &threading, const OutboundItem &item,
                            int ahead)
{
    const Conversation &c = item.conversation;
    const auto mailbox = store.mailbox(c.inboxId);
    if (!mailbox && mailbox.isNotFound())
        return Failure{ErrorCode::InvalidState,
                       QStringLiteral("Inbox %1 has no mailbox set up").arg(c.inboxId)};
    if (!mailbox)
        return storageFailed(mailbox.failure());
    auto settings = MailboxSettings::fromText(mailbox->settings);
    if (!settings)
        return Failure{ErrorCode::InvalidState,
                       QStringLiteral("The mailbox settings of inbox %1 are unreadable: %2")
                           .arg(c.inboxId)
                           .arg(settings.failure().message)};
    // A machine that answers every mail, whatever it says, gets only so many automatic
    // replies a day: across restarts, as the store remembers what went.
    if (item.message.author.kind == Party::Kind::System) {
        const auto sent = store.automaticSentTo(QStringLiteral("email"), item.record.address,
                                                store.now().addDays(-1));
        if (!sent)
            return storageFailed(sent.failure());
        if (sent.value() + ahead >= EmailChannel::MaxAutomaticPerDay)
            return Failure{ErrorCode::InvalidState,
                           QStringLiteral("Not sent: %1 automatic replies went to %2 today "
                                          "already (a mail loop?)")
                               .arg(EmailChannel::MaxAutomaticPerDay)
                               .arg(item.record.address)};
    }
    ReplyPlan plan;
    plan.settings = settings.value();
    plan.smtpPassword = mailbox->smtpPassword;
    const auto people = store.participants(c.id);
    if (!people)
        return storageFailed(people.failure());
    // Whom the agent chose to copy, else the thread's people.
    QStringList copied = people.value();
    if (item.message.email.contains(QLatin1String("cc"))) {
        copied.clear();
        for (const QJsonValue &a : item.message.email.value(QLatin1String("cc")).toArray())
            copied.append(a.toString());
    }
    for (const QString &p : std::as_const(copied))
        if (p.compare(item.record.address, Qt::CaseInsensitive) != 0
            && p.compare(plan.settings.address, Qt::CaseInsensitive) != 0)
            plan.copied.append(p);
    const auto history = store.messages(c.id, item.message.id, HistoryRead, MessageView::Customer);
    if (!history)
        return storageFailed(history.failure());
    for (const Message &m : history.value()) {
        QString id = m.email.value(QLatin1String("messageId")).toString();
        if (id.isEmpty() && m.author.kind != Party::Kind::Customer)
            id = threading.messageId(c.id, m.id, plan.settings.address);
        if (!id.isEmpty())
            plan.references.append(id);
        if (plan.subject.isEmpty())
            plan.subject = m.email.value(QLatin1String("subject")).toString();
        if (m.author.kind == Party::Kind::Customer) {
            plan.inReplyTo = m.email.value(QLatin1String("messageId")).toString();
            plan.quoted = m.text;
            plan.quoteLead =
                QStringLiteral("On %1, %2 wrote:")
                    .arg(QLocale(QLocale::English)
                             .toString(m.createdAt.toUTC(),
                                       QStringLiteral("ddd, d MMM yyyy 'at' HH:mm 'UTC'")),
                         m.author.name);
        }
    }
    // The first of the thread and the latest, as RFC 5322 suggests when there are many.
    if (plan.references.size() > MaxReferences)
        plan.references = plan.references.mid(0, 1)
                          + plan.references.mid(plan.references.size() - (MaxReferences - 1));
    // A new email written by staff has its own subject; anything else answers the thread's.
    const QString own = item.message.email.value(QLatin1String("subject")).toString();
    const QString bare = MailThreading::bareSubject(plan.subject.isEmpty() ? own : plan.subject);
    plan.subject = (bare.isEmpty()           ? QStringLiteral("Your message")
                    : plan.subject.isEmpty() ? bare
                                             : QStringLiteral("Re: ") + bare)
                   + MailThreading::subjectTag(c.id);
    // The files the agent sent with it.
    for (const QJsonValue &f : item.message.email.value(QLatin1String("attachments")).toArray()) {
        const auto file =
            store.attachment(item.message.id, f.toObject().value(QLatin1String("index")).toInt());
        if (!file && file.isNotFound()) // never without what the agent attached
            return Failure{ErrorCode::InvalidState,
                           QStringLiteral("The attached file %1 is missing")
                               .arg(f.toObject().value(QLatin1String("name")).toString())};
        if (!file)
            return storageFailed(file.failure());
        MailAttachment a;
        a.fileName = file->fileName;
        a.contentType = file->contentType;
        a.size = file->size;
        a.data = file->data;
        plan.attachments.append(a);
    }
    return plan;
}

} // namespace

//! One mailbox being read.
struct EmailChannel::Box {
    MailboxRecord record;
    MailboxSettings settings;
    //! Deletes itself once its thread has ended (see retire()).
    QPointer<MailboxWatcher> watcher;
};

void EmailChannel::retire(Box &box, bool wait)
{
    MailboxWatcher *watcher = box.watcher;
    box.watcher = nullptr;
    if (!watcher)
        return;
    disconnect(watcher, nullptr, this, nullptr);
    watcher->stop();
    if (wait) {         // the server is stopping: its threads end before it does
        delete watcher; // waits for the thread
        return;
    }
    // A reader in a network call ends when it returns (at most its timeout): the event loop
    // does not wait for it.
    connect(watcher, &QThread::finished, watcher, &QObject::deleteLater);
    if (watcher->isFinished())
        watcher->deleteLater();
}

EmailChannel::EmailChannel(Storage &storage, const SecretBox &secrets,
                           std::function<AutoReply::Context()> autoReplyContext, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_secrets(secrets)
    , m_autoReplyContext(std::move(autoReplyContext))
    , m_threading(secrets.derivedKey("mailthrd", 1))
{
    qRegisterMetaType<Tandem::Server::MailIntake::Arrival>();
}

EmailChannel::~EmailChannel()
{
    stop();
}

QString EmailChannel::seal(const QByteArray &plain) const
{
    return m_secrets.seal(plain);
}

void EmailChannel::start()
{
    if (m_started)
        return;
    m_started = true;
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setInterval(std::chrono::minutes(1));
    connect(m_reloadTimer, &QTimer::timeout, this, &EmailChannel::reload);
    m_reloadTimer->start();
    reload();
}

void EmailChannel::stop()
{
    m_started = false;
    delete m_reloadTimer;
    m_reloadTimer = nullptr;
    for (const auto &box : std::as_const(m_boxes))
        if (box->watcher)
            box->watcher->stop(); // all asked at once, then each waited for
    for (const auto &box : std::as_const(m_boxes))
        retire(*box, true);
    m_boxes.clear();
}

void EmailChannel::reload()
{
    if (!m_started)
        return;
    m_storage.read(
        this, [](Store &store) { return forClient(store.mailboxes(), QString()); },
        [this](Result<QList<MailboxRecord>> mailboxes) {
            if (!mailboxes) {
                qCWarning(lcMail) << "the mailboxes could not be read:"
                                  << mailboxes.failure().message;
                return;
            }
            QSet<qint64> present;
            for (const MailboxRecord &record : mailboxes.value()) {
                present.insert(record.inboxId);
                const auto known = m_boxes.value(record.inboxId);
                if (known && known->record.settings == record.settings
                    && known->record.imapPassword == record.imapPassword)
                    continue;
                startBox(record);
            }
            for (auto it = m_boxes.begin(); it != m_boxes.end();) {
                if (!present.contains(it.key())) {
                    retire(**it, false);
                    it = m_boxes.erase(it);
                } else {
                    ++it;
                }
            }
        });
}

void EmailChannel::startBox(const MailboxRecord &record)
{
    if (const auto running = m_boxes.take(record.inboxId))
        retire(*running, false); // it stops; the new one starts now
    auto settings = MailboxSettings::fromText(record.settings);
    auto password = m_secrets.unseal(record.imapPassword);
    auto box = std::make_shared<Box>();
    box->record = record;
    m_boxes.insert(record.inboxId, box);
    if (!settings || !password) {
        const QString why = !settings ? settings.failure().message : password.failure().message;
        m_troubles.insert(record.inboxId,
                          QStringLiteral("the mailbox cannot be read: %1").arg(why));
        qCWarning(lcMail) << "inbox" << record.inboxId << m_troubles.value(record.inboxId);
        return;
    }
    box->settings = settings.value();
    MailboxWatcher::Start start;
    start.inboxId = record.inboxId;
    start.reader = ++m_readers;
    start.imap = box->settings.imap;
    start.password = password.value();
    start.folder = box->settings.folder;
    start.uidValidity = record.uidValidity;
    start.lastUid = record.lastUid;
    start.since = record.configuredAt;
    box->watcher = new MailboxWatcher(start);
    connect(box->watcher.data(), &MailboxWatcher::arrived, this, &EmailChannel::onArrived,
            Qt::QueuedConnection);
    connect(
        box->watcher.data(), &MailboxWatcher::trouble, this,
        [this](qint64 inboxId, const QString &error) {
            if (m_troubles.value(inboxId) == error && m_troubles.contains(inboxId))
                return;
            m_troubles.insert(inboxId, error);
            if (!error.isEmpty())
                qCWarning(lcMail) << "inbox" << inboxId << error;
            m_storage.run(
                this,
                [inboxId, error](Store &store) {
                    return forClient(store.setMailboxError(inboxId, error), QString());
                },
                [](Result<Done>) {});
        },
        Qt::QueuedConnection);
    box->watcher->start();
}

void EmailChannel::onArrived(const MailIntake::Arrival &arrival)
{
    const auto box = m_boxes.value(arrival.inboxId);
    // From a reader stopped meanwhile (the mailbox was changed or removed): the reader that
    // took its place reads it again from the cursor.
    if (!box || !box->watcher || arrival.reader != box->watcher->reader())
        return;
    std::optional<AutoReply::Context> context;
    if (m_autoReplyContext)
        context = m_autoReplyContext();
    const MailboxSettings settings = box->settings;
    const MailThreading threading = m_threading;
    QPointer<MailboxWatcher> watcher = box->watcher.data();
    m_storage.run(
        this,
        [settings, threading, arrival, context](Store &store) {
            return MailIntake::file(store, settings, threading, arrival,
                                    context ? &*context : nullptr);
        },
        [this, watcher, arrival](Result<MailIntake::Filed> filed) {
            if (!filed)
                qCWarning(lcMail) << "inbox" << arrival.inboxId << "mail" << arrival.uid
                                  << "could not be filed:" << filed.failure().message;
            else if (filed->kind == MailIntake::Filed::Kind::Skipped)
                qCInfo(lcMail) << "inbox" << arrival.inboxId << "mail" << arrival.uid
                               << "not filed:" << filed->why;
            if (watcher)
                watcher->taken(bool(filed));
        });
}

void EmailChannel::deliver(const OutboundItem &item, std::function<void(DeliveryOutcome)> done)
{
    // A reply with files holds them in memory until sent (up to 25 MiB, and more while it
    // is written as MIME): only a few go at once, the others wait their turn here.
    if (!item.message.email.value(QLatin1String("attachments")).toArray().isEmpty()) {
        if (m_withFilesInFlight >= MaxWithFilesInFlight) {
            m_waitingWithFiles.append({item, std::move(done)});
            return;
        }
        ++m_withFilesInFlight;
        QPointer<EmailChannel> self(this);
        done = [self, done = std::move(done)](DeliveryOutcome outcome) {
            done(outcome);
            if (!self)
                return;
            --self->m_withFilesInFlight;
            if (!self->m_waitingWithFiles.isEmpty()) {
                auto [next, nextDone] = self->m_waitingWithFiles.takeFirst();
                self->deliver(next, std::move(nextDone));
            }
        };
    }
    // Automatic replies to one address being sent count against its cap with those sent.
    int ahead = 0;
    if (item.message.author.kind == Party::Kind::System) {
        const QString address = item.record.address.toLower();
        ahead = m_automaticInFlight[address]++;
        QPointer<EmailChannel> self(this);
        done = [self, address, done = std::move(done)](DeliveryOutcome outcome) {
            if (self && --self->m_automaticInFlight[address] <= 0)
                self->m_automaticInFlight.remove(address);
            done(outcome);
        };
    }
    send(item, std::move(done), ahead);
}

void EmailChannel::send(const OutboundItem &item, std::function<void(DeliveryOutcome)> done,
                        int ahead)
{
    const bool automatic = item.message.author.kind == Party::Kind::System;
    const MailThreading threading = m_threading;
    m_storage.read(
        this,
        [threading, item, ahead](Store &store) { return planReply(store, threading, item, ahead); },
        [this, item, threading, automatic, done](Result<ReplyPlan> plan) {
            if (!plan) {
                done({plan.failure().code == ErrorCode::InvalidState ? DeliveryOutcome::Kind::Failed
                                                                     : DeliveryOutcome::Kind::Retry,
                      {},
                      plan.failure().message});
                return;
            }
            auto password = m_secrets.unseal(plan->smtpPassword);
            if (!password) {
                done({DeliveryOutcome::Kind::Retry,
                      {},
                      QStringLiteral("The SMTP password cannot be read: %1")
                          .arg(password.failure().message)});
                return;
            }
            OutgoingMail mail;
            const MailboxSettings &s = plan->settings;
            const QString sender =
                automatic || item.message.author.name.isEmpty()
                    ? s.displayName
                    : QStringLiteral("%1 (%2)").arg(item.message.author.name, s.displayName);
            mail.from = {sender, s.address};
            if (s.tokenReplyTo)
                mail.replyTo = threading.replyAddress(s.address, item.conversation.id);
            mail.to = {{item.conversation.customer.name, item.record.address}};
            for (const QString &c : std::as_const(plan->copied))
                mail.cc.append({QString(), c});
            mail.subject = plan->subject;
            mail.messageId = threading.messageId(item.conversation.id, item.message.id, s.address);
            mail.inReplyTo = plan->inReplyTo;
            mail.references = plan->references;
            mail.date = item.message.createdAt;
            mail.text = item.message.text;
            if (!s.signature.isEmpty() && !automatic)
                mail.text += QStringLiteral("\n\n-- \n") + s.signature;
            mail.quoted = plan->quoted;
            mail.quoteLead = plan->quoteLead;
            mail.automatic = automatic;
            mail.attachments = plan->attachments;
            QStringList recipients{item.record.address};
            recipients += plan->copied;
            const QString messageId = mail.messageId;
            const MailServer smtp = s.smtp;
            const QString from = s.address;
            const QByteArray secret = password.value();
            QPointer<EmailChannel> self(this);
            QThreadPool::globalInstance()->start(
                [self, mail, smtp, secret, from, recipients, messageId, done] {
                    const QByteArray raw = composeMail(mail);
                    const auto sent = SmtpClient::send(smtp, secret, from, recipients, raw);
                    DeliveryOutcome outcome;
                    if (sent) {
                        outcome = {DeliveryOutcome::Kind::Sent, messageId, {}};
                    } else {
                        outcome.kind = sent.failure().code == ErrorCode::BadRequest
                                           ? DeliveryOutcome::Kind::Failed
                                           : DeliveryOutcome::Kind::Retry;
                        outcome.error = sent.failure().message;
                    }
                    QMetaObject::invokeMethod(
                        QCoreApplication::instance(),
                        [self, done, outcome] {
                            if (self)
                                done(outcome);
                        },
                        Qt::QueuedConnection);
                });
        });
}

} // namespace Tandem::Server
