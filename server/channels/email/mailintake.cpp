// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailintake.h"

#include "mailtext.h"

#include "protocol/limits.h"

#include <QJsonArray>

namespace Tandem::Server::MailIntake {
namespace {

constexpr int MaxMergeHops = 8;

QJsonObject addressJson(const MailAddress &a)
{
    QJsonObject o{{QStringLiteral("address"), a.address.toLower()}};
    if (!a.name.isEmpty())
        o.insert(QStringLiteral("name"), a.name);
    return o;
}

QJsonArray addressesJson(const QList<MailAddress> &list)
{
    QJsonArray out;
    for (const MailAddress &a : list)
        out.append(addressJson(a));
    return out;
}

//! The conversation `id` leads to once merges are followed; none when it is gone.
std::optional<Conversation> current(Store &store, qint64 id)
{
    for (int hop = 0; hop < MaxMergeHops; ++hop) {
        const auto c = store.conversation(id);
        if (!c)
            return std::nullopt;
        if (!c->mergedInto)
            return c.value();
        id = c->mergedInto;
    }
    return std::nullopt;
}

bool isOurs(const MailboxSettings &settings, const QString &address)
{
    const QString a = address.toLower();
    const QString ours = settings.address.toLower();
    if (a == ours)
        return true;
    // Our signed reply addresses: local+token@domain.
    const qsizetype at = ours.indexOf(QLatin1Char('@'));
    return a.startsWith(ours.left(at) + QLatin1Char('+')) && a.endsWith(ours.mid(at));
}

//! Whether `sender` is one of the conversation's people: its customer, or someone who
//! wrote in it or was copied in.
Result<bool> mayJoin(Store &store, const Conversation &c, const QString &sender)
{
    if (c.customer.email.compare(sender, Qt::CaseInsensitive) == 0)
        return true;
    const auto own = store.addressOf(c.customer.id, channel());
    if (own && own->compare(sender, Qt::CaseInsensitive) == 0)
        return true;
    if (!own && !own.isNotFound())
        return storageFailed(own.failure());
    const auto people = store.participants(c.id);
    if (!people)
        return storageFailed(people.failure());
    return people->contains(sender.toLower());
}

QJsonObject emailJson(const ParsedMail &mail, const Arrival &arrival, const QString &quoted,
                      int htmlIndex)
{
    QJsonObject email{{QStringLiteral("subject"), mail.subject},
                      {QStringLiteral("from"), addressJson(mail.from)},
                      {QStringLiteral("to"), addressesJson(mail.to)}};
    if (!mail.cc.isEmpty())
        email.insert(QStringLiteral("cc"), addressesJson(mail.cc));
    if (!mail.messageId.isEmpty())
        email.insert(QStringLiteral("messageId"), mail.messageId);
    if (!quoted.isEmpty())
        email.insert(QStringLiteral("quoted"), quoted);
    if (mail.automatic)
        email.insert(QStringLiteral("automatic"), mail.automaticBecause);
    if (htmlIndex >= 0)
        email.insert(QStringLiteral("html"), htmlIndex);
    if (arrival.headerOnly)
        email.insert(QStringLiteral("tooLarge"), arrival.size);
    QJsonArray files;
    for (int i = 0; i < mail.attachments.size(); ++i) {
        const MailAttachment &a = mail.attachments.at(i);
        QJsonObject file{{QStringLiteral("index"), i},
                         {QStringLiteral("name"), a.fileName},
                         {QStringLiteral("type"), a.contentType},
                         {QStringLiteral("size"), a.size}};
        if (a.isInline)
            file.insert(QStringLiteral("inline"), true);
        if (!a.contentId.isEmpty())
            file.insert(QStringLiteral("contentId"), a.contentId);
        if (a.tooLarge)
            file.insert(QStringLiteral("tooLarge"), true);
        files.append(file);
    }
    if (!files.isEmpty())
        email.insert(QStringLiteral("attachments"), files);
    return email;
}

//! The words a message shows: what is new in the plain part (or the HTML's text), the
//! history folded away.
MailText::Folded wordsOf(const ParsedMail &mail, const Arrival &arrival)
{
    QString text = !mail.text.trimmed().isEmpty() ? mail.text : MailText::fromHtml(mail.html);
    MailText::Folded folded = MailText::fold(text);
    if (folded.fresh.isEmpty())
        folded.fresh = mail.subject.trimmed();
    if (arrival.headerOnly)
        folded.fresh = QStringLiteral("(This mail of %1 bytes is larger than this inbox takes: "
                                      "only its header was read.)")
                           .arg(arrival.size);
    if (folded.fresh.isEmpty())
        folded.fresh = QStringLiteral("(no text)");
    folded.fresh.truncate(Protocol::MaxTextChars);
    return folded;
}

Result<Filed> fileBounce(Store &store, const ParsedMail &mail)
{
    Filed filed;
    filed.kind = Filed::Kind::Bounce;
    if (mail.bouncedMessageId.isEmpty()) {
        filed.why = QStringLiteral("a bounce that names no mail of ours");
        return filed;
    }
    auto failed =
        ChannelOperations::reportFailure(store, channel(), mail.bouncedMessageId,
                                         QStringLiteral("Bounced: %1").arg(mail.bounceReason));
    if (!failed && failed.failure().code == ErrorCode::NotFound)
        filed.why = QStringLiteral("a bounce about a mail we did not send");
    else if (!failed)
        return failed.failure();
    return filed;
}

} // namespace

std::optional<qint64> threadOf(Store &store, const MailboxSettings &settings,
                               const MailThreading &threading, const ParsedMail &mail)
{
    QStringList named = mail.references;
    std::reverse(named.begin(), named.end()); // the newest first
    if (!mail.inReplyTo.isEmpty())
        named.prepend(mail.inReplyTo);
    for (const QString &id : std::as_const(named)) {
        if (const auto ours = threading.conversationOfMessageId(id))
            return ours;
        // A mail of the thread from someone else (the customer, someone copied in).
        if (const auto seen = store.inboundMessage(channel(), id)) {
            if (const auto message = store.message(seen.value()))
                return message->conversationId;
        }
    }
    QList<MailAddress> recipients = mail.to;
    recipients += mail.cc;
    for (const MailAddress &r : std::as_const(recipients))
        if (const auto token = threading.conversationOfAddress(r.address, settings.address))
            return token;
    return MailThreading::conversationOfSubject(mail.subject);
}

Result<Filed> file(Store &store, const MailboxSettings &settings, const MailThreading &threading,
                   const Arrival &arrival, const AutoReply::Context *autoReply)
{
    auto moved = [&](Filed filed) -> Result<Filed> {
        const QDateTime arrived = arrival.arrivedAt;
        // Only what was filed counts towards the lag (not mail passed over).
        const qint64 lag = filed.kind == Filed::Kind::Message && arrived.isValid()
                               ? std::max<qint64>(0, arrived.msecsTo(store.now()))
                               : -1;
        if (auto saved = store.setMailCursor(arrival.inboxId, arrival.uidValidity, arrival.uid,
                                             arrived, lag);
            !saved)
            return storageFailed(saved.failure());
        return filed;
    };
    Filed skipped;
    if (!arrival.mail) {
        skipped.why = QStringLiteral("the mail could not be read: %1").arg(arrival.unreadable);
        return moved(skipped);
    }
    const ParsedMail &mail = *arrival.mail;
    if (mail.bounce) {
        auto bounced = fileBounce(store, mail);
        if (!bounced)
            return bounced.failure();
        return moved(bounced.value());
    }
    const QString sender = mail.from.address.trimmed().toLower();
    if (sender.isEmpty() || !sender.contains(QLatin1Char('@'))) {
        skipped.why = QStringLiteral("the mail has no sender address");
        return moved(skipped);
    }
    if (isOurs(settings, sender)) {
        skipped.why = QStringLiteral("our own mail came back");
        return moved(skipped);
    }

    Filed filed;
    ChannelOperations::InboundMessage inbound;
    inbound.channel = channel();
    inbound.address = sender;
    inbound.name = mail.from.name;
    inbound.externalId = arrival.externalId;
    inbound.inboxId = arrival.inboxId;
    inbound.automatic = mail.automatic;
    inbound.conversationId = 0; // a new thread, unless it answers one of its people's
    if (const auto thread = threadOf(store, settings, threading, mail)) {
        const auto conversation = current(store, *thread);
        if (conversation && conversation->inboxId == arrival.inboxId) {
            auto may = mayJoin(store, *conversation, sender);
            if (!may)
                return may.failure();
            if (may.value())
                inbound.conversationId = conversation->id;
            else
                filed.startedThread = true; // a stranger: their own conversation
        }
    }
    const MailText::Folded words = wordsOf(mail, arrival);
    inbound.text = words.fresh;
    const bool keepHtml = !mail.html.isEmpty();
    const int htmlIndex = keepHtml ? int(mail.attachments.size()) : -1;
    inbound.email = emailJson(mail, arrival, words.quoted, htmlIndex);

    auto received = ChannelOperations::receive(store, inbound);
    if (!received)
        return received.failure();
    filed.received = received.value();
    if (received->duplicate) {
        filed.kind = Filed::Kind::Duplicate;
        return moved(filed);
    }
    filed.kind = Filed::Kind::Message;
    const qint64 messageId = received->message.id;
    for (int i = 0; i < mail.attachments.size(); ++i) {
        const MailAttachment &a = mail.attachments.at(i);
        AttachmentRecord record{messageId,  i,      a.fileName, a.contentType, a.contentId,
                                a.isInline, a.size, a.data,     !a.tooLarge};
        if (auto added = store.addAttachment(record); !added)
            return storageFailed(added.failure());
    }
    if (keepHtml) {
        const QByteArray html = mail.html.toUtf8();
        AttachmentRecord record{messageId,
                                htmlIndex,
                                QStringLiteral("message.html"),
                                QStringLiteral("text/html; charset=utf-8"),
                                QString(),
                                true,
                                html.size(),
                                html,
                                true};
        if (auto added = store.addAttachment(record); !added)
            return storageFailed(added.failure());
    }
    // The thread's people: who wrote, and whoever they copied in (not us).
    const qint64 conversationId = received->conversation.id;
    QList<MailAddress> people{mail.from};
    people += mail.to;
    people += mail.cc;
    for (const MailAddress &p : std::as_const(people)) {
        if (p.address.isEmpty() || isOurs(settings, p.address))
            continue;
        if (auto added = store.addParticipant(conversationId, p.address); !added)
            return storageFailed(added.failure());
    }
    if (autoReply && !mail.automatic) {
        auto answered = AutoReply::answer(store, filed.received->conversation,
                                          filed.received->message, false, *autoReply);
        if (!answered)
            return answered.failure();
    }
    return moved(filed);
}

} // namespace Tandem::Server::MailIntake
