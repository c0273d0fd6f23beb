// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON written directly for the hot paths must be the very text QJsonDocument makes of
// the codec's objects: clients, the event log and replays see one form.
#include "protocol/jsonwriter.h"
#include "protocol/wirecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace Tandem;

namespace {

QByteArray viaQt(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

template<typename T> QByteArray written(const T &value)
{
    JsonWriter w;
    Wire::write(w, value);
    return w.take();
}

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

//! Every kind of character JSON treats differently: quotes, backslashes, each control
//! character, the last ASCII one, two- three- and four-byte UTF-8, and halves of pairs.
QStringList awkwardTexts()
{
    QStringList texts{QString(),
                      QStringLiteral("plain"),
                      QStringLiteral("\"quoted\" and \\backslashed\\ and /slashed/"),
                      QStringLiteral("Grüße — 日本語 👋🏽"),
                      QString(QChar(0x7f)) + QStringLiteral("del"),
                      QStringLiteral("<script>alert('x')</script>\u2028\u2029")};
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls.append(QChar(c));
    texts << controls;
    texts << QString(QChar(0xd83d)) + QStringLiteral(" lone high");
    texts << QStringLiteral("lone low ") + QString(QChar(0xdc4b));
    texts << QString(QChar(0xdc4b)) + QString(QChar(0xd83d)); // a pair the wrong way round
    return texts;
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stringsAreEscapedAsQtDoes()
    {
        for (const QString &text : awkwardTexts()) {
            JsonWriter w;
            w.beginObject().key("t").value(text).endObject();
            QCOMPARE(w.take(), viaQt({{QStringLiteral("t"), text}}));
        }
    }

    void valuesAndNesting()
    {
        JsonWriter w;
        w.beginObject()
            .key("a")
            .beginArray()
            .value(1)
            .value(qint64(-9007199254740991))
            .value(true)
            .null()
            .beginObject()
            .endObject()
            .beginArray()
            .endArray()
            .endArray()
            .key("b")
            .value(QJsonValue(2.5))
            .key("c")
            .value(QJsonValue(QJsonObject{{QStringLiteral("x"), 1}}))
            .key("d")
            .raw("[1,2]")
            .key("e")
            .value(false)
            .endObject();
        QCOMPARE(w.take(), QByteArray(R"({"a":[1,-9007199254740991,true,null,{},[]],"b":2.5,)"
                                      R"("c":{"x":1},"d":[1,2],"e":false})"));
    }

    void timesAreWrittenAsQtDoes()
    {
        QList<qint64> times{0,
                            1,
                            999,
                            -1,
                            951782400000 /* 2000-02-29 */,
                            4107542399999,
                            253402300799999 /* 9999-12-31T23:59:59.999 */,
                            -62135596800000};
        QRandomGenerator random(20261130);
        for (int i = 0; i < 2000; ++i)
            times << qint64(random.bounded(Q_INT64_C(253402300799999)));
        for (qint64 ms : times) {
            const QDateTime t = utc(ms);
            QCOMPARE(QString::fromLatin1(JsonWriter::isoTime(t)),
                     t.toUTC().toString(Qt::ISODateWithMs));
        }
        // An invalid time is written as the codec writes it: empty.
        JsonWriter w;
        w.beginObject().key("t").time(QDateTime()).endObject();
        QCOMPARE(w.take(), viaQt({{QStringLiteral("t"), Wire::timeToString(QDateTime())}}));
        // A time in another zone is written in UTC.
        const QDateTime berlin(QDate(2026, 7, 1), QTime(2, 30), QTimeZone("Europe/Berlin"));
        QCOMPARE(JsonWriter::isoTime(berlin), QByteArray("2026-07-01T00:30:00.000Z"));
    }

    void messagesAsTheCodecEncodesThem()
    {
        for (const QString &text : awkwardTexts()) {
            for (Party::Kind kind :
                 {Party::Kind::Agent, Party::Kind::Customer, Party::Kind::System}) {
                Message m;
                m.id = 77;
                m.conversationId = 12;
                m.clientId = QUuid::createUuid();
                m.author = Party{kind, 3, kind == Party::Kind::System ? QString() : text};
                m.text = text;
                m.createdAt = utc(1764500000123);
                QCOMPARE(written(m), viaQt(Wire::encode(m)));
                m.delivery = DeliveryState::Failed;
                m.deliveryError = text;
                QCOMPARE(written(m), viaQt(Wire::encode(m)));
                m.deliveryError.clear();
                m.delivery = DeliveryState::Read;
                QCOMPARE(written(m), viaQt(Wire::encode(m)));
            }
        }
    }

    void conversationsAsTheCodecEncodesThem()
    {
        Conversation c;
        c.id = 5;
        c.customer = Customer{9, QStringLiteral("Ada \"the\" customer"), {}};
        c.channel = QStringLiteral("web");
        c.status = QStringLiteral("open");
        c.createdAt = utc(1764500000000);
        c.updatedAt = utc(1764500060001);
        QCOMPARE(written(c), viaQt(Wire::encode(c)));
        // Every optional part at once.
        c.mode = ConversationMode::Live;
        c.liveState = LiveState::Active;
        c.assignee = Party{Party::Kind::Agent, 4, QStringLiteral("Sam")};
        c.priority = 2;
        c.queuedAt = utc(1764500001000);
        c.assignedAt = utc(1764500002000);
        c.endedAt = utc(1764500003000);
        c.rating = Rating{5, QStringLiteral("Quick\nand kind")};
        QCOMPARE(written(c), viaQt(Wire::encode(c)));
        c.rating = Rating{1, QString()};
        c.assignee = Party{Party::Kind::Agent, 4, QString()};
        QCOMPARE(written(c), viaQt(Wire::encode(c)));
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
