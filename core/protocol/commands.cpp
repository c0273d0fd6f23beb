// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

#include "../domain/agent.h"
#include "fieldreader.h"
#include "limits.h"

namespace Tandem::Commands {
namespace {

// The version is checked before anything else so an old client learns why it is refused.
std::optional<Failure> checkVersion(FieldReader &r)
{
    const qint64 version = r.integer("protocol", 1, 1000000);
    if (!r.ok())
        return r.failure();
    if (version != Protocol::Version)
        return Failure{ErrorCode::UnsupportedVersion,
                       QStringLiteral("This server speaks protocol %1, not %2")
                           .arg(Protocol::Version)
                           .arg(version)};
    return std::nullopt;
}

bool blank(const QString &s)
{
    return s.trimmed().isEmpty();
}

} // namespace

Result<SignIn> decodeSignIn(const QJsonObject &fields)
{
    FieldReader r(fields);
    if (auto f = checkVersion(r))
        return *f;
    SignIn s;
    s.email = r.string("email", 3, Protocol::MaxEmailChars).trimmed();
    s.password = r.string("password", 1, Protocol::MaxPasswordChars);
    s.resumeFrom = r.optionalInteger("resumeFrom", 0, Protocol::MaxId);
    if (!r.ok())
        return r.failure();
    return s;
}

Result<AgentHello> decodeAgentHello(const QJsonObject &fields)
{
    FieldReader r(fields);
    if (auto f = checkVersion(r))
        return *f;
    AgentHello h;
    h.token = r.string("token", 1, Protocol::MaxTokenChars);
    h.resumeFrom = r.optionalInteger("resumeFrom", 0, Protocol::MaxId);
    if (!r.ok())
        return r.failure();
    return h;
}

Result<CustomerHello> decodeCustomerHello(const QJsonObject &fields)
{
    FieldReader r(fields);
    if (auto f = checkVersion(r))
        return *f;
    CustomerHello h;
    h.token = r.optionalString("token", 1, Protocol::MaxTokenChars);
    h.resumeFrom = r.optionalInteger("resumeFrom", 0, Protocol::MaxId);
    if (!h.token) {
        h.name = r.string("name", 1, Protocol::MaxNameChars).trimmed();
        h.email = r.optionalString("email", 0, Protocol::MaxEmailChars).value_or(QString());
        if (r.ok() && h.name.isEmpty())
            r.fail("name", QStringLiteral("must not be blank"));
    }
    h.timezone = r.optionalString("timezone", 1, Protocol::MaxTimezoneChars).value_or(QString());
    h.language = r.optionalString("language", 2, Protocol::MaxLanguageChars).value_or(QString());
    static const QRegularExpression tag(QStringLiteral("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"));
    if (r.ok() && !h.language.isEmpty() && !tag.match(h.language).hasMatch())
        r.fail("language", QStringLiteral("must be a language tag such as de-DE"));
    if (!r.ok())
        return r.failure();
    return h;
}

namespace {

const QRegularExpression &mailAddress()
{
    static const QRegularExpression mailbox(QStringLiteral("^[^@\\s<>,]+@[^@\\s<>,]+$"));
    return mailbox;
}

//! An email address in lower case, or empty when `text` is none.
QString addressOf(const QString &text)
{
    const QString address = text.trimmed().toLower();
    if (address.size() > Protocol::MaxEmailChars || !mailAddress().match(address).hasMatch())
        return {};
    return address;
}

//! A staff send's email parts: whom it copies, its files, and what starts a new email.
void readEmailFields(FieldReader &r, const QJsonObject &fields, Send &s)
{
    const QJsonValue cc = fields.value(QLatin1String("cc"));
    if (!cc.isUndefined()) {
        const QJsonArray list = cc.toArray();
        if (!cc.isArray() || list.size() > Protocol::MaxCopied)
            r.fail(
                "cc",
                QStringLiteral("must be a list of at most %1 addresses").arg(Protocol::MaxCopied));
        for (const QJsonValue &a : list) {
            const QString address = addressOf(a.toString());
            if (address.isEmpty()) {
                r.fail("cc", QStringLiteral("%1 is not an email address").arg(a.toString()));
                break;
            }
            if (!s.cc.contains(address))
                s.cc.append(address);
        }
    }
    const QJsonValue files = fields.value(QLatin1String("files"));
    if (!files.isUndefined()) {
        const QJsonArray list = files.toArray();
        if (!files.isArray() || list.size() > Protocol::MaxFilesPerMessage)
            r.fail("files", QStringLiteral("must be a list of at most %1 upload ids")
                                .arg(Protocol::MaxFilesPerMessage));
        for (const QJsonValue &f : list) {
            const QUuid id(f.toString());
            if (id.isNull() || f.toString().size() > 38) {
                r.fail("files", QStringLiteral("%1 is not an upload id").arg(f.toString()));
                break;
            }
            if (!s.files.contains(id))
                s.files.append(id);
        }
    }
    const auto to = r.optionalString("to", 1, Protocol::MaxEmailChars);
    if (to) {
        s.to = addressOf(*to);
        if (s.to.isEmpty())
            r.fail("to", QStringLiteral("%1 is not an email address").arg(*to));
        s.toName = r.optionalString("toName", 1, Protocol::MaxNameChars).value_or(QString());
        s.subject = r.string("subject", 1, Protocol::MaxSubjectChars);
        // Both go into a mail's header: a line break there would write headers of its own.
        const auto controls = [](const QString &text) {
            return std::any_of(text.cbegin(), text.cend(),
                               [](QChar c) { return c.category() == QChar::Other_Control; });
        };
        if (r.ok() && blank(s.subject))
            r.fail("subject", QStringLiteral("must not be blank"));
        else if (r.ok() && controls(s.subject))
            r.fail("subject", QStringLiteral("must not hold line breaks or control characters"));
        else if (r.ok() && controls(s.toName))
            r.fail("toName", QStringLiteral("must not hold line breaks or control characters"));
        s.inboxId = r.id("inbox");
    }
    if (!r.ok())
        return;
    if (s.note && (!s.cc.isEmpty() || !s.files.isEmpty() || s.startsEmail()))
        r.fail(!s.cc.isEmpty()      ? "cc"
               : !s.files.isEmpty() ? "files"
                                    : "to",
               QStringLiteral("is for replies, not notes"));
    else if (s.startsEmail() && s.conversationId)
        r.fail("to", QStringLiteral("starts a new email: leave conversation out"));
    else if (!s.startsEmail() && !s.conversationId)
        r.fail("conversation", QStringLiteral("is required (or to, inbox and subject for a new "
                                              "email)"));
}

} // namespace

Result<Send> decodeSend(const QJsonObject &fields, bool staff)
{
    FieldReader r(fields);
    Send s;
    s.conversationId = r.optionalId("conversation");
    s.clientId = r.uuid("clientId");
    s.text = r.string("text", 1, Protocol::MaxTextChars);
    if (r.ok() && blank(s.text))
        r.fail("text", QStringLiteral("must not be blank"));
    if (!staff) {
        const auto mode = r.optionalString("mode", 1, 16);
        if (mode) {
            const auto parsed = modeFromName(*mode);
            if (!parsed)
                r.fail("mode", QStringLiteral("must be live or async"));
            else
                s.mode = *parsed;
        }
        s.inboxId = r.optionalId("inbox");
    } else {
        s.note = r.optionalBoolean("note").value_or(false);
        const auto mentions = r.optionalIds("mentions", Protocol::MaxMentions);
        if (r.ok() && mentions && !s.note)
            r.fail("mentions", QStringLiteral("are for notes only"));
        s.mentions = mentions.value_or(QList<qint64>());
        if (r.ok())
            readEmailFields(r, fields, s);
    }
    if (!r.ok())
        return r.failure();
    return s;
}

Result<Assign> decodeAssign(const QJsonObject &fields)
{
    FieldReader r(fields);
    Assign a;
    a.conversationId = r.id("conversation");
    const QJsonValue agent = fields.value(QLatin1String("agent"));
    if (agent.isUndefined())
        r.fail("agent", QStringLiteral("is required (an agent id, or null for nobody)"));
    else if (!agent.isNull())
        a.agentId = r.id("agent");
    a.force = r.optionalBoolean("force").value_or(false);
    if (!r.ok())
        return r.failure();
    return a;
}

Result<Merge> decodeMerge(const QJsonObject &fields)
{
    FieldReader r(fields);
    Merge m;
    m.conversationId = r.id("conversation");
    m.intoId = r.id("into");
    if (r.ok() && m.conversationId == m.intoId)
        r.fail("into", QStringLiteral("must be another conversation"));
    if (!r.ok())
        return r.failure();
    return m;
}

Result<CustomerCommand> decodeCustomer(const QJsonObject &fields)
{
    FieldReader r(fields);
    CustomerCommand c;
    c.conversationId = r.id("conversation");
    if (!r.ok())
        return r.failure();
    return c;
}

Result<CustomerCommand> decodeUpdateCustomer(const QJsonObject &fields)
{
    FieldReader r(fields);
    CustomerCommand c;
    c.conversationId = r.id("conversation");
    c.name = r.optionalString("name", 1, Protocol::MaxNameChars);
    c.email = r.optionalString("email", 0, Protocol::MaxEmailChars);
    if (r.ok() && c.name) {
        c.name = c.name->trimmed();
        if (c.name->isEmpty())
            r.fail("name", QStringLiteral("must not be blank"));
    }
    if (r.ok() && c.email) {
        c.email = c.email->trimmed();
        const qsizetype at = c.email->indexOf(QLatin1Char('@'));
        if (!c.email->isEmpty()
            && (at <= 0 || at == c.email->size() - 1 || c.email->contains(QLatin1Char(' '))))
            r.fail("email", QStringLiteral("must be an email address, or empty"));
    }
    if (r.ok() && !c.name && !c.email)
        r.fail("name", QStringLiteral("name or email is required"));
    if (!r.ok())
        return r.failure();
    return c;
}

Result<Merge> decodeUnmerge(const QJsonObject &fields)
{
    FieldReader r(fields);
    Merge m;
    m.conversationId = r.id("conversation");
    if (!r.ok())
        return r.failure();
    return m;
}

Result<SetStatus> decodeSetStatus(const QJsonObject &fields)
{
    FieldReader r(fields);
    SetStatus s;
    s.conversationId = r.id("conversation");
    s.status = r.string("status", 1, 16);
    s.until = r.optionalTime("until");
    if (r.ok() && !ConversationStatus::isKnown(s.status))
        r.fail("status", QStringLiteral("must be open, pending, snoozed or resolved"));
    if (r.ok() && s.until.isValid() && s.status != ConversationStatus::Snoozed)
        r.fail("until", QStringLiteral("is for snoozed only"));
    if (!r.ok())
        return r.failure();
    return s;
}

Result<History> decodeHistory(const QJsonObject &fields)
{
    FieldReader r(fields);
    History h;
    h.conversationId = r.id("conversation");
    h.before = r.optionalId("before");
    h.limit = int(r.optionalInteger("limit", 1, Protocol::MaxHistoryLimit)
                      .value_or(Protocol::DefaultHistoryLimit));
    if (!r.ok())
        return r.failure();
    return h;
}

Result<Search> decodeSearch(const QJsonObject &fields)
{
    FieldReader r(fields);
    Search s;
    s.query = r.string("query", 1, Protocol::MaxSearchChars);
    s.before = r.optionalId("before");
    s.limit = int(r.optionalInteger("limit", 1, Protocol::MaxSearchResults)
                      .value_or(Protocol::MaxSearchResults));
    if (r.ok() && blank(s.query))
        r.fail("query", QStringLiteral("must not be blank"));
    if (!r.ok())
        return r.failure();
    return s;
}

Result<ConversationPage> decodeConversationPage(const QJsonObject &fields)
{
    FieldReader r(fields);
    ConversationPage page;
    const auto after = r.optionalObject("after");
    page.limit = int(r.optionalInteger("limit", 1, Protocol::MaxConversationPage)
                         .value_or(Protocol::MaxConversationPage));
    page.resolved = r.optionalBoolean("resolved").value_or(false);
    if (!r.ok())
        return r.failure();
    if (after) {
        FieldReader cursor(*after, QStringLiteral("after"));
        const QDateTime updatedAt = cursor.time("updatedAt");
        const qint64 id = cursor.id("id");
        if (!cursor.ok())
            return cursor.failure();
        page.after = std::make_pair(updatedAt, id);
    }
    return page;
}

Result<MarkRead> decodeMarkRead(const QJsonObject &fields)
{
    FieldReader r(fields);
    MarkRead m;
    m.conversationId = r.id("conversation");
    m.upTo = r.id("upTo");
    if (!r.ok())
        return r.failure();
    return m;
}

Result<Viewing> decodeViewing(const QJsonObject &fields)
{
    FieldReader r(fields);
    Viewing v;
    const QJsonValue conversation = fields.value(QLatin1String("conversation"));
    if (conversation.isUndefined())
        r.fail("conversation", QStringLiteral("is required (an id, or null for none)"));
    else if (!conversation.isNull())
        v.conversationId = r.id("conversation");
    if (!r.ok())
        return r.failure();
    return v;
}

Result<Typing> decodeTyping(const QJsonObject &fields)
{
    FieldReader r(fields);
    Typing t;
    t.conversationId = r.id("conversation");
    t.on = r.boolean("on");
    if (!r.ok())
        return r.failure();
    return t;
}

Result<SetPresence> decodeSetPresence(const QJsonObject &fields)
{
    FieldReader r(fields);
    const QString status = r.string("status", 1, 16);
    if (!r.ok())
        return r.failure();
    const auto presence = presenceFromName(status);
    if (!presence) {
        r.fail("status", QStringLiteral("must be online, away, busy or offline"));
        return r.failure();
    }
    return SetPresence{*presence};
}

Result<ClockAdvance> decodeClockAdvance(const QJsonObject &fields)
{
    FieldReader r(fields);
    ClockAdvance c;
    c.ms = r.integer("ms", 1, Protocol::MaxClockAdvanceMs);
    if (!r.ok())
        return r.failure();
    return c;
}

Result<ConversationRef> decodeConversationRef(const QJsonObject &fields)
{
    FieldReader r(fields);
    ConversationRef c;
    c.conversationId = r.id("conversation");
    if (!r.ok())
        return r.failure();
    return c;
}

Result<Transfer> decodeTransfer(const QJsonObject &fields)
{
    FieldReader r(fields);
    Transfer t;
    t.conversationId = r.id("conversation");
    t.agentId = r.id("agent");
    t.note = r.optionalString("note", 0, Protocol::MaxNoteChars).value_or(QString()).trimmed();
    if (!r.ok())
        return r.failure();
    return t;
}

Result<Rate> decodeRate(const QJsonObject &fields)
{
    FieldReader r(fields);
    Rate rate;
    rate.conversationId = r.id("conversation");
    rate.rating.score = int(r.integer("score", 1, 5));
    rate.rating.comment =
        r.optionalString("comment", 0, Protocol::MaxNoteChars).value_or(QString()).trimmed();
    if (!r.ok())
        return r.failure();
    return rate;
}

Result<SetPriority> decodeSetPriority(const QJsonObject &fields)
{
    FieldReader r(fields);
    SetPriority p;
    p.conversationId = r.id("conversation");
    p.priority = int(r.integer("priority", 0, Protocol::MaxPriority));
    if (!r.ok())
        return r.failure();
    return p;
}

Result<UpdateAgent> decodeUpdateAgent(const QJsonObject &fields)
{
    FieldReader r(fields);
    UpdateAgent u;
    u.agentId = r.id("agent");
    if (const auto capacity = r.optionalInteger("capacity", 0, Agent::MaxCapacity))
        u.capacity = int(*capacity);
    u.autoAccept = r.optionalBoolean("autoAccept");
    if (const auto async = r.optionalInteger("asyncCapacity", 0, Agent::MaxAsyncCapacity))
        u.asyncCapacity = int(*async);
    if (r.ok() && !u.capacity && !u.autoAccept && !u.asyncCapacity)
        r.fail("capacity", QStringLiteral("or autoAccept or asyncCapacity is required"));
    if (!r.ok())
        return r.failure();
    return u;
}

Result<SaveCanned> decodeSaveCanned(const QJsonObject &fields)
{
    FieldReader r(fields);
    SaveCanned c;
    c.id = r.optionalId("canned");
    c.shortcut = r.string("shortcut", 1, Protocol::MaxShortcutChars).trimmed();
    c.text = r.string("text", 1, Protocol::MaxTextChars);
    if (r.ok() && (c.shortcut.isEmpty() || c.shortcut.contains(QLatin1Char(' '))))
        r.fail("shortcut", QStringLiteral("must be one word"));
    if (r.ok() && blank(c.text))
        r.fail("text", QStringLiteral("must not be blank"));
    if (!r.ok())
        return r.failure();
    return c;
}

Result<DeleteCanned> decodeDeleteCanned(const QJsonObject &fields)
{
    FieldReader r(fields);
    DeleteCanned d;
    d.id = r.id("canned");
    if (!r.ok())
        return r.failure();
    return d;
}

} // namespace Tandem::Commands
