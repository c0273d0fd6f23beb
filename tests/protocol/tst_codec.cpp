// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/commands.h"
#include "protocol/frames.h"
#include "protocol/requests.h"
#include "protocol/wirecodec.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Tandem;

namespace {
QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

Message sampleMessage(Party::Kind kind, const QString &text)
{
    Message m;
    m.id = 77;
    m.conversationId = 12;
    m.clientId = QUuid::fromString(QStringLiteral("8d1c1c8e-7f7a-4b8e-9a55-2f4c7c1a0d11"));
    // The helpdesk itself writes as the system, whose id is 0.
    m.author = kind == Party::Kind::System ? Party{kind, 0, {}}
                                           : Party{kind, 3, QStringLiteral("Dana Demo")};
    m.text = text;
    m.createdAt = QDateTime(QDate(2026, 11, 21), QTime(12, 40, 1, 123), QTimeZone::utc());
    return m;
}
} // namespace

class TestCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // What a client encodes, the server decodes to the same command, field for field.
    void encodersRoundTrip()
    {
        using namespace Commands;
        const auto check = [](const Requests::Request &r, const char *type) {
            QCOMPARE(r.type, QLatin1String(type));
        };
        {
            const auto r = Requests::signIn(
                {QStringLiteral("dana@example.com"), QStringLiteral("pw"), qint64(41)});
            check(r, "signin");
            const auto d = decodeSignIn(r.fields);
            QVERIFY(d);
            QCOMPARE(d->email, QStringLiteral("dana@example.com"));
            QCOMPARE(d->password, QStringLiteral("pw"));
            QCOMPARE(d->resumeFrom, std::optional<qint64>(41));
        }
        {
            const auto r = Requests::agentHello({QStringLiteral("tok"), std::nullopt});
            check(r, "hello");
            const auto d = decodeAgentHello(r.fields);
            QVERIFY(d);
            QCOMPARE(d->token, QStringLiteral("tok"));
            QVERIFY(!d->resumeFrom);
        }
        {
            const auto fresh = decodeCustomerHello(
                Requests::customerHello({std::nullopt, QStringLiteral("Ada"),
                                         QStringLiteral("ada@example.com"), std::nullopt,
                                         QStringLiteral("Europe/Paris"), QStringLiteral("fr-FR")})
                    .fields);
            QVERIFY(fresh);
            QCOMPARE(fresh->name, QStringLiteral("Ada"));
            QCOMPARE(fresh->email, QStringLiteral("ada@example.com"));
            QCOMPARE(fresh->timezone, QStringLiteral("Europe/Paris"));
            QCOMPARE(fresh->language, QStringLiteral("fr-FR"));
            const auto back = decodeCustomerHello(
                Requests::customerHello({QStringLiteral("t"), {}, {}, qint64(7), {}, {}}).fields);
            QVERIFY(back);
            QCOMPARE(back->token, std::optional<QString>(QStringLiteral("t")));
            QCOMPARE(back->resumeFrom, std::optional<qint64>(7));
        }
        {
            const QUuid id = QUuid::createUuid();
            Commands::Send live = Commands::sendOf(std::nullopt, id, QStringLiteral("Hi"));
            live.mode = ConversationMode::Live;
            const auto r = Requests::send(live);
            check(r, "send");
            const auto d = decodeSend(r.fields, false);
            QVERIFY(d);
            QVERIFY(!d->conversationId);
            QCOMPARE(d->clientId, id);
            QCOMPARE(d->text, QStringLiteral("Hi"));
            QCOMPARE(d->mode, ConversationMode::Live);
            const auto reply = decodeSend(
                Requests::send(Commands::sendOf(qint64(12), id, QStringLiteral("Yes"))).fields,
                true);
            QVERIFY(reply);
            QCOMPARE(reply->conversationId, std::optional<qint64>(12));
        }
        {
            const auto d = decodeHistory(Requests::history({12, qint64(99), 30}).fields);
            QVERIFY(d);
            QCOMPARE(d->conversationId, 12);
            QCOMPARE(d->before, std::optional<qint64>(99));
            QCOMPARE(d->limit, 30);
        }
        {
            const QDateTime at =
                QDateTime::fromMSecsSinceEpoch(1'800'000'000'123, QTimeZone::utc());
            const auto d = decodeConversationPage(
                Requests::conversations({std::make_pair(at, qint64(5)), 50}).fields);
            QVERIFY(d);
            QVERIFY(d->after);
            QCOMPARE(d->after->first, at);
            QCOMPARE(d->after->second, 5);
            QCOMPARE(d->limit, 50);
        }
        {
            const auto d = decodeMarkRead(Requests::read({3, 77}).fields);
            QVERIFY(d);
            QCOMPARE(d->conversationId, 3);
            QCOMPARE(d->upTo, 77);
            const Requests::Request got = Requests::received({4, 90});
            QCOMPARE(got.type, QStringLiteral("received"));
            const auto r = decodeMarkRead(got.fields);
            QVERIFY(r && r->conversationId == 4 && r->upTo == 90);
            const auto t = decodeTyping(Requests::typing({3, true}).fields);
            QVERIFY(t && t->on && t->conversationId == 3);
            const auto p = decodeSetPresence(Requests::presence({Presence::Busy}).fields);
            QVERIFY(p);
            QCOMPARE(p->status, Presence::Busy);
            const auto c = decodeClockAdvance(Requests::clockAdvance({1500}).fields);
            QVERIFY(c);
            QCOMPARE(c->ms, 1500);
        }
        for (const auto &[request, type] :
             {std::pair{Requests::accept(8), "accept"}, std::pair{Requests::decline(8), "decline"},
              std::pair{Requests::end(8), "end"}, std::pair{Requests::followup(8), "followup"}}) {
            check(request, type);
            const auto d = decodeConversationRef(request.fields);
            QVERIFY(d);
            QCOMPARE(d->conversationId, 8);
        }
        {
            const auto d = decodeTransfer(Requests::transfer({8, 3, QStringLiteral("VIP")}).fields);
            QVERIFY(d);
            QCOMPARE(d->agentId, 3);
            QCOMPARE(d->note, QStringLiteral("VIP"));
            const auto r = decodeRate(Requests::rate({8, {4, QStringLiteral("Quick")}}).fields);
            QVERIFY(r);
            QCOMPARE(r->rating, (Rating{4, QStringLiteral("Quick")}));
            const auto p = decodeSetPriority(Requests::priority({8, 2}).fields);
            QVERIFY(p);
            QCOMPARE(p->priority, 2);
            QVERIFY(!decodeSetPriority(Requests::priority({8, 5}).fields)); // urgent is 4
            const auto l = decodeChangeLabels(Requests::changeLabels({8, {3, 1, 3}, {2}}).fields);
            QVERIFY(l);
            QCOMPARE(l->add, (QList<qint64>{1, 3}));
            QCOMPARE(l->remove, QList<qint64>{2});
            QVERIFY(!decodeChangeLabels(Requests::changeLabels({8, {}, {}}).fields));
            const auto sl = decodeSaveLabel(
                Requests::saveLabel({qint64(5), QStringLiteral(" Bug "), QStringLiteral("#AbCdEf")})
                    .fields);
            QVERIFY(sl);
            QCOMPARE(sl->id, std::optional<qint64>(5));
            QCOMPARE(sl->name, QStringLiteral("Bug"));
            QVERIFY(!decodeSaveLabel(
                Requests::saveLabel({std::nullopt, QStringLiteral("Bug"), QStringLiteral("#abc")})
                    .fields));
            QCOMPARE(decodeDeleteLabel(Requests::deleteLabel({7}).fields)->id, 7);
            const auto u =
                decodeUpdateAgent(Requests::updateAgent({3, 6, false, std::nullopt}).fields);
            QVERIFY(u);
            QCOMPARE(u->capacity, std::optional<int>(6));
            QCOMPARE(u->autoAccept, std::optional<bool>(false));
            const auto s = decodeSaveCanned(
                Requests::saveCanned({qint64(4), QStringLiteral("hi"), QStringLiteral("Hello!")})
                    .fields);
            QVERIFY(s);
            QCOMPARE(s->id, std::optional<qint64>(4));
            QCOMPARE(s->shortcut, QStringLiteral("hi"));
            const auto x = decodeDeleteCanned(Requests::deleteCanned({4}).fields);
            QVERIFY(x);
            QCOMPARE(x->id, 4);
        }
        check(Requests::ping(), "ping");
        check(Requests::signOut(), "signout");
    }

    void messageRoundTrip_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        QTest::newRow("agent ascii") << int(Party::Kind::Agent) << QStringLiteral("Hello");
        QTest::newRow("customer unicode")
            << int(Party::Kind::Customer) << QStringLiteral("Grüße 👋 — ok?");
        QTest::newRow("html stays text")
            << int(Party::Kind::Customer) << QStringLiteral("<script>alert(1)</script>");
        QTest::newRow("multi-line")
            << int(Party::Kind::Agent) << QStringLiteral("line 1\nline 2\n");
        QTest::newRow("longest") << int(Party::Kind::Agent) << QString(10000, QLatin1Char('z'));
        QTest::newRow("by the system")
            << int(Party::Kind::System) << QStringLiteral("Assigned to Dana automatically");
    }

    void messageRoundTrip()
    {
        QFETCH(int, kind);
        QFETCH(QString, text);
        const Message m = sampleMessage(Party::Kind(kind), text);
        // Through text, as on the wire.
        const QByteArray wire = QJsonDocument(Wire::encode(m)).toJson(QJsonDocument::Compact);
        const auto decoded = Wire::decodeMessage(QJsonDocument::fromJson(wire).object());
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.failure().message));
        QCOMPARE(decoded.value(), m);
    }

    void conversationAndAgentRoundTrip()
    {
        Conversation c;
        c.id = 5;
        c.customer = Customer{9, QStringLiteral("Ada"), {}};
        c.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), QTimeZone::utc());
        c.updatedAt = c.createdAt.addSecs(60);
        c.labels = {2, 7};
        c.priority = 4;
        const auto decodedConversation = Wire::decodeConversation(Wire::encode(c));
        QVERIFY(decodedConversation.ok());
        QCOMPARE(decodedConversation.value(), c);

        for (Role role : {Role::Agent, Role::Supervisor, Role::Admin}) {
            for (Presence p :
                 {Presence::Online, Presence::Away, Presence::Busy, Presence::Offline}) {
                const Agent a{
                    4, QStringLiteral("Sam"), QStringLiteral("sam@example.com"), role, p, false};
                const auto decoded =
                    Wire::decodeAgent(Wire::encode(a, Wire::AgentDetail::WithEmail));
                QVERIFY(decoded.ok());
                QCOMPARE(decoded.value(), a);
                QVERIFY(!Wire::encode(a).contains(QLatin1String("email")));
            }
        }
    }

    void badMessages_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        const QByteArray good =
            QJsonDocument(Wire::encode(sampleMessage(Party::Kind::Agent, QStringLiteral("x"))))
                .toJson();
        auto without = [&](const char *key) {
            QJsonObject o = QJsonDocument::fromJson(good).object();
            o.remove(QLatin1String(key));
            return QJsonDocument(o).toJson();
        };
        auto with = [&](const char *key, const QJsonValue &v) {
            QJsonObject o = QJsonDocument::fromJson(good).object();
            o.insert(QLatin1String(key), v);
            return QJsonDocument(o).toJson();
        };
        QTest::newRow("no id") << without("id") << QStringLiteral("message.id");
        QTest::newRow("id zero") << with("id", 0) << QStringLiteral("message.id");
        QTest::newRow("id negative") << with("id", -4) << QStringLiteral("message.id");
        QTest::newRow("id fraction") << with("id", 1.5) << QStringLiteral("message.id");
        QTest::newRow("id string")
            << with("id", QStringLiteral("7")) << QStringLiteral("message.id");
        QTest::newRow("id beyond 2^53") << with("id", 1e17) << QStringLiteral("message.id");
        QTest::newRow("bad uuid") << with("clientId",
                                          QStringLiteral("not-a-uuid-not-a-uuid-not-a-uuid-xx"))
                                  << QStringLiteral("message.clientId");
        QTest::newRow("empty text") << with("text", QString()) << QStringLiteral("message.text");
        QTest::newRow("text too long")
            << with("text", QString(10001, QLatin1Char('a'))) << QStringLiteral("message.text");
        QTest::newRow("text is number") << with("text", 5) << QStringLiteral("message.text");
        QTest::newRow("bad time") << with("createdAt", QStringLiteral("yesterday"))
                                  << QStringLiteral("message.createdAt");
        QTest::newRow("author not object")
            << with("author", QStringLiteral("me")) << QStringLiteral("message.author");
        QTest::newRow("agent id zero")
            << with("author", QJsonObject{{QStringLiteral("kind"), QStringLiteral("agent")},
                                          {QStringLiteral("id"), 0}})
            << QStringLiteral("party.id");
        QTest::newRow("system id not zero")
            << with("author", QJsonObject{{QStringLiteral("kind"), QStringLiteral("system")},
                                          {QStringLiteral("id"), 4}})
            << QStringLiteral("party.id");
        QTest::newRow("author bad kind")
            << with("author", QJsonObject{{QStringLiteral("kind"), QStringLiteral("robot")},
                                          {QStringLiteral("id"), 1}})
            << QStringLiteral("party.kind");
    }

    void badMessages()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const auto decoded = Wire::decodeMessage(QJsonDocument::fromJson(json).object());
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.failure().code, ErrorCode::BadRequest);
        QVERIFY2(decoded.failure().message.startsWith(field + QLatin1Char(':')),
                 qPrintable(decoded.failure().message));
    }

    void requestEnvelope_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("idFound");
        QTest::newRow("good") << QStringLiteral(R"({"type":"ping","id":"1"})") << true << true;
        QTest::newRow("empty") << QString() << false << false;
        QTest::newRow("truncated")
            << QStringLiteral(R"({"type":"ping","id":"1")") << false << false;
        QTest::newRow("string") << QStringLiteral(R"("hello")") << false << false;
        QTest::newRow("array") << QStringLiteral("[]") << false << false;
        QTest::newRow("null id") << QStringLiteral(R"({"type":"ping","id":null})") << false
                                 << false;
        QTest::newRow("empty id") << QStringLiteral(R"({"type":"ping","id":""})") << false << false;
        QTest::newRow("long id")
            << QStringLiteral(R"({"type":"ping","id":"%1"})").arg(QString(65, QLatin1Char('i')))
            << false << false;
        QTest::newRow("object id")
            << QStringLiteral(R"({"type":"ping","id":{}})") << false << false;
        QTest::newRow("no type") << QStringLiteral(R"({"id":"1"})") << false << true;
        QTest::newRow("numeric type") << QStringLiteral(R"({"type":3,"id":"1"})") << false << true;
        QTest::newRow("deep nesting") << QStringLiteral("%1%2").arg(QString(5000, QLatin1Char('[')),
                                                                    QString(5000, QLatin1Char(']')))
                                      << false << false;
        QTest::newRow("invalid utf-16")
            << QStringLiteral(R"({"type":"ping","id":"\ud800"})") << true << true;
    }

    void requestEnvelope()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(bool, idFound);
        Frames::Request request;
        Failure failure;
        QCOMPARE(Frames::decodeRequest(text, request, failure), ok);
        QCOMPARE(request.id.isString(), idFound);
        if (!ok) {
            QCOMPARE(failure.code, ErrorCode::BadFrame);
            const QJsonObject reply =
                QJsonDocument::fromJson(Frames::error(request.id, failure).toUtf8()).object();
            QCOMPARE(reply.value(QLatin1String("code")).toString(), QStringLiteral("bad_frame"));
            QCOMPARE(reply.value(QLatin1String("id")).isNull(), !idFound);
        }
    }

    void commands_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected"); // error code, or "" for success
        const QString uuid = QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        QTest::newRow("signin ok")
            << QStringLiteral("signin")
            << QByteArray(R"({"protocol":1,"email":"a@b.c","password":"x"})") << QString();
        QTest::newRow("signin no protocol")
            << QStringLiteral("signin") << QByteArray(R"({"email":"a@b.c","password":"x"})")
            << QStringLiteral("bad_request");
        QTest::newRow("signin protocol 2")
            << QStringLiteral("signin")
            << QByteArray(R"({"protocol":2,"email":"a@b.c","password":"x"})")
            << QStringLiteral("unsupported_version");
        QTest::newRow("signin empty password")
            << QStringLiteral("signin")
            << QByteArray(R"({"protocol":1,"email":"a@b.c","password":""})")
            << QStringLiteral("bad_request");
        QTest::newRow("signin password too long")
            << QStringLiteral("signin")
            << QByteArray(R"({"protocol":1,"email":"a@b.c","password":")") + QByteArray(1025, 'p')
                   + "\"}"
            << QStringLiteral("bad_request");
        QTest::newRow("hello ok") << QStringLiteral("agenthello")
                                  << QByteArray(R"({"protocol":1,"token":"t","resumeFrom":0})")
                                  << QString();
        QTest::newRow("hello negative resume")
            << QStringLiteral("agenthello")
            << QByteArray(R"({"protocol":1,"token":"t","resumeFrom":-1})")
            << QStringLiteral("bad_request");
        QTest::newRow("hello token number")
            << QStringLiteral("agenthello") << QByteArray(R"({"protocol":1,"token":5})")
            << QStringLiteral("bad_request");
        QTest::newRow("customer new ok")
            << QStringLiteral("customerhello") << QByteArray(R"({"protocol":1,"name":"Ada"})")
            << QString();
        QTest::newRow("customer blank name")
            << QStringLiteral("customerhello") << QByteArray(R"({"protocol":1,"name":"   "})")
            << QStringLiteral("bad_request");
        QTest::newRow("customer name too long")
            << QStringLiteral("customerhello")
            << QByteArray(R"({"protocol":1,"name":")") + QByteArray(101, 'n') + "\"}"
            << QStringLiteral("bad_request");
        QTest::newRow("customer NUL in name")
            << QStringLiteral("customerhello") << QByteArray(R"({"protocol":1,"name":"a\u0000b"})")
            << QStringLiteral("bad_request");
        QTest::newRow("customer token ok")
            << QStringLiteral("customerhello") << QByteArray(R"({"protocol":1,"token":"abc"})")
            << QString();
        QTest::newRow("customer zone and language ok")
            << QStringLiteral("customerhello")
            << QByteArray(
                   R"({"protocol":1,"token":"abc","timezone":"Asia/Tokyo","language":"ja-JP"})")
            << QString();
        QTest::newRow("customer language not a tag")
            << QStringLiteral("customerhello")
            << QByteArray(R"({"protocol":1,"token":"abc","language":"en_US; x"})")
            << QStringLiteral("bad_request");
        QTest::newRow("customer timezone a number")
            << QStringLiteral("customerhello")
            << QByteArray(R"({"protocol":1,"token":"abc","timezone":9})")
            << QStringLiteral("bad_request");
        QTest::newRow("customer timezone too long")
            << QStringLiteral("customerhello")
            << QByteArray(R"({"protocol":1,"token":"abc","timezone":")") + QByteArray(65, 'z')
                   + "\"}"
            << QStringLiteral("bad_request");
        QTest::newRow("send ok") << QStringLiteral("agentsend")
                                 << QStringLiteral(
                                        R"({"conversation":1,"clientId":"%1","text":"hi"})")
                                        .arg(uuid)
                                        .toUtf8()
                                 << QString();
        QTest::newRow("agent send needs conversation")
            << QStringLiteral("agentsend")
            << QStringLiteral(R"({"clientId":"%1","text":"hi"})").arg(uuid).toUtf8()
            << QStringLiteral("bad_request");
        QTest::newRow("customer send may start one")
            << QStringLiteral("customersend")
            << QStringLiteral(R"({"clientId":"%1","text":"hi"})").arg(uuid).toUtf8() << QString();
        QTest::newRow("send braced uuid")
            << QStringLiteral("customersend")
            << QStringLiteral(R"({"clientId":"{%1}","text":"hi"})").arg(uuid).toUtf8() << QString();
        QTest::newRow("send short uuid")
            << QStringLiteral("customersend") << QByteArray(R"({"clientId":"1234","text":"hi"})")
            << QStringLiteral("bad_request");
        QTest::newRow("send whitespace text")
            << QStringLiteral("customersend")
            << QStringLiteral(R"({"clientId":"%1","text":"\n\t "})").arg(uuid).toUtf8()
            << QStringLiteral("bad_request");
        QTest::newRow("send conversation string")
            << QStringLiteral("customersend")
            << QStringLiteral(R"({"conversation":"1","clientId":"%1","text":"hi"})")
                   .arg(uuid)
                   .toUtf8()
            << QStringLiteral("bad_request");
        QTest::newRow("history ok")
            << QStringLiteral("history")
            << QByteArray(R"({"conversation":1,"before":9,"limit":200})") << QString();
        QTest::newRow("history limit 201")
            << QStringLiteral("history") << QByteArray(R"({"conversation":1,"limit":201})")
            << QStringLiteral("bad_request");
        QTest::newRow("history before 0")
            << QStringLiteral("history") << QByteArray(R"({"conversation":1,"before":0})")
            << QStringLiteral("bad_request");
        QTest::newRow("read ok") << QStringLiteral("read")
                                 << QByteArray(R"({"conversation":1,"upTo":2})") << QString();
        QTest::newRow("read no upTo")
            << QStringLiteral("read") << QByteArray(R"({"conversation":1})")
            << QStringLiteral("bad_request");
        QTest::newRow("typing ok") << QStringLiteral("typing")
                                   << QByteArray(R"({"conversation":1,"on":false})") << QString();
        QTest::newRow("typing on is string")
            << QStringLiteral("typing") << QByteArray(R"({"conversation":1,"on":"yes"})")
            << QStringLiteral("bad_request");
        QTest::newRow("presence ok")
            << QStringLiteral("presence") << QByteArray(R"({"status":"away"})") << QString();
        QTest::newRow("presence unknown")
            << QStringLiteral("presence") << QByteArray(R"({"status":"gone fishing"})")
            << QStringLiteral("bad_request");
        // docs/protocol.md: a canned response is named by the field `canned`.
        QTest::newRow("canned save new")
            << QStringLiteral("cannedsave")
            << QByteArray(R"({"shortcut":"refund","text":"Refunded."})") << QString();
        QTest::newRow("canned save existing")
            << QStringLiteral("cannedsave")
            << QByteArray(R"({"canned":4,"shortcut":"refund","text":"Refunded."})") << QString();
        QTest::newRow("canned save canned string")
            << QStringLiteral("cannedsave")
            << QByteArray(R"({"canned":"4","shortcut":"refund","text":"Refunded."})")
            << QStringLiteral("bad_request");
        QTest::newRow("canned save two words")
            << QStringLiteral("cannedsave")
            << QByteArray(R"({"shortcut":"full refund","text":"Refunded."})")
            << QStringLiteral("bad_request");
        QTest::newRow("canned delete ok")
            << QStringLiteral("canneddelete") << QByteArray(R"({"canned":4})") << QString();
        QTest::newRow("canned delete by id")
            << QStringLiteral("canneddelete") << QByteArray(R"({"id":4})")
            << QStringLiteral("bad_request");
    }

    void commands()
    {
        QFETCH(QString, command);
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const QJsonObject fields = QJsonDocument::fromJson(json).object();
        QVERIFY(!fields.isEmpty());
        std::optional<Failure> failure;
        auto check = [&](const auto &result) {
            if (!result.ok())
                failure = result.failure();
        };
        if (command == QLatin1String("signin"))
            check(Commands::decodeSignIn(fields));
        else if (command == QLatin1String("agenthello"))
            check(Commands::decodeAgentHello(fields));
        else if (command == QLatin1String("customerhello"))
            check(Commands::decodeCustomerHello(fields));
        else if (command == QLatin1String("agentsend"))
            check(Commands::decodeSend(fields, true));
        else if (command == QLatin1String("customersend"))
            check(Commands::decodeSend(fields, false));
        else if (command == QLatin1String("history"))
            check(Commands::decodeHistory(fields));
        else if (command == QLatin1String("read"))
            check(Commands::decodeMarkRead(fields));
        else if (command == QLatin1String("typing"))
            check(Commands::decodeTyping(fields));
        else if (command == QLatin1String("presence"))
            check(Commands::decodeSetPresence(fields));
        else if (command == QLatin1String("cannedsave"))
            check(Commands::decodeSaveCanned(fields));
        else if (command == QLatin1String("canneddelete"))
            check(Commands::decodeDeleteCanned(fields));
        else
            QFAIL("unknown command in table");
        QCOMPARE(failure ? errorCodeName(failure->code) : QString(), expected);
    }

    void errorCodesAreStable()
    {
        for (const char *name :
             {"bad_frame", "bad_request", "unknown_type", "unsupported_version", "unauthenticated",
              "bad_credentials", "account_disabled", "token_invalid", "token_expired", "not_found",
              "conflict", "rate_limited", "forbidden", "invalid_state", "unavailable",
              "internal"}) {
            const auto code = errorCodeFromName(QString::fromLatin1(name));
            QVERIFY2(code.has_value(), name);
            QCOMPARE(errorCodeName(*code), QString::fromLatin1(name));
        }
        QVERIFY(!errorCodeFromName(QStringLiteral("teapot")).has_value());
    }

    void cannedIsNamedByCanned()
    {
        const auto save = Commands::decodeSaveCanned(
            parse(R"({"canned":4,"shortcut":" refund ","text":"Refunded."})"));
        QVERIFY(save.ok());
        QCOMPARE(save->id, std::optional<qint64>(4));
        QCOMPARE(save->shortcut, QStringLiteral("refund"));
        const auto fresh =
            Commands::decodeSaveCanned(parse(R"({"shortcut":"refund","text":"Refunded."})"));
        QVERIFY(fresh.ok());
        QVERIFY(!fresh->id.has_value());
        const auto remove = Commands::decodeDeleteCanned(parse(R"({"canned":4})"));
        QVERIFY(remove.ok());
        QCOMPARE(remove->id, qint64(4));
    }

    void historyLimitDefaults()
    {
        const auto h = Commands::decodeHistory(parse(R"({"conversation":3})"));
        QVERIFY(h.ok());
        QCOMPARE(h->limit, 50);
        QVERIFY(!h->before.has_value());
    }
};

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
