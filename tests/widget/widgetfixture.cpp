// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgetfixture.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using namespace Tandem;

namespace {
SyncClient::Timing fastTiming()
{
    SyncClient::Timing t;
    t.heartbeat = std::chrono::milliseconds(1000);
    t.deadAfter = std::chrono::milliseconds(5000);
    t.firstRetry = std::chrono::milliseconds(200);
    t.maxRetry = std::chrono::milliseconds(1000);
    t.requestTimeout = std::chrono::milliseconds(5000);
    return t;
}
} // namespace

// ---- AgentDesk

AgentDesk::AgentDesk()
    : m_sync(m_cache, fastTiming())
{
    QObject::connect(&m_sync, &SyncClient::offered, &m_sync,
                     [this](const Offer &offer) { m_offered.insert(offer.conversation.id); });
}

bool AgentDesk::start(TandemdProcess &server, const QString &email, const QString &password)
{
    if (!m_cache.open(m_dir.filePath(QStringLiteral("cache.sqlite"))).ok())
        return false;
    {
        TestClient signIn;
        if (!signIn.open(server.wsUrl(QStringLiteral("/ws/agent"))))
            return false;
        m_token = signIn.agentSignIn(email, password).value(QLatin1String("token")).toString();
    }
    if (m_token.isEmpty())
        return false;
    m_sync.start(server.httpUrl(QString()), m_token);
    return QTest::qWaitFor([this] { return m_sync.state() == SyncClient::State::Online; }, 15000);
}

QJsonObject AgentDesk::request(const QString &type, const QJsonObject &fields, int ms)
{
    bool done = false;
    QJsonObject answer;
    // Tests speak the wire as the document has it; the app itself uses the typed encoders.
    const bool sent =
        m_sync.request({type, fields}, &m_sync, [&](bool ok, const QJsonObject &data) {
            answer = data;
            if (!ok)
                answer.insert(QStringLiteral("failed"), true);
            done = true;
        });
    if (!sent)
        return {{QStringLiteral("failed"), true},
                {QStringLiteral("code"), QStringLiteral("offline")}};
    if (!QTest::qWaitFor([&] { return done; }, ms))
        return {{QStringLiteral("failed"), true},
                {QStringLiteral("code"), QStringLiteral("no reply")}};
    return answer;
}

bool AgentDesk::ok(const QString &type, const QJsonObject &fields)
{
    return !request(type, fields).value(QLatin1String("failed")).toBool();
}

bool AgentDesk::reply(qint64 conversation, const QString &text)
{
    return ok(QStringLiteral("send"),
              {{QStringLiteral("conversation"), conversation},
               {QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
               {QStringLiteral("text"), text}});
}

QStringList AgentDesk::messages(qint64 conversation)
{
    m_cache.flush();
    QStringList texts;
    for (const Message &m : m_cache.messages(conversation, std::nullopt, 1000))
        if (m.kind == MessageKind::Ordinary) // not the timeline's lines ("Assigned to …")
            texts.append(m.text);
    return texts;
}

bool AgentDesk::accept(qint64 conversation, int ms)
{
    return answerOffer(conversation, QStringLiteral("accept"), ms);
}

bool AgentDesk::decline(qint64 conversation, int ms)
{
    return answerOffer(conversation, QStringLiteral("decline"), ms);
}

bool AgentDesk::answerOffer(qint64 conversation, const QString &answer, int ms)
{
    const QDeadlineTimer deadline(ms);
    // An offer that lapses before the answer reaches the server comes again.
    while (QTest::qWaitFor([&] { return m_offered.contains(conversation); },
                           int(deadline.remainingTime()))) {
        m_offered.remove(conversation);
        if (ok(answer, {{QStringLiteral("conversation"), conversation}}))
            return true;
    }
    return false;
}

// ---- WidgetPage

bool WidgetPage::start(const QString &name, const QString &message, const QString &email)
{
    const QString form = m_driver.waitFor(QStringLiteral("#start-form"));
    if (form.isEmpty())
        return false;
    const QString nameField = m_driver.find(QStringLiteral("#start-name"));
    if (!nameField.isEmpty() && m_driver.displayed(nameField)
        && !m_driver.sendKeys(nameField, name))
        return false;
    if (!email.isEmpty()
        && !m_driver.sendKeys(m_driver.find(QStringLiteral("#start-email")), email))
        return false;
    return m_driver.sendKeys(m_driver.find(QStringLiteral("#start-message")), message)
           && m_driver.click(m_driver.find(QStringLiteral("#start-button")))
           && !m_driver.waitFor(QStringLiteral("#chat-view")).isEmpty();
}

bool WidgetPage::type(const QString &text)
{
    const QString composer = m_driver.waitFor(QStringLiteral("#composer-text"));
    return !composer.isEmpty() && m_driver.sendKeys(composer, text);
}

bool WidgetPage::send(const QString &text)
{
    return type(text + QChar(0xE007)); // WebDriver's Enter key
}

QJsonObject WidgetPage::stored()
{
    return QJsonDocument::fromJson(
               m_driver
                   .execute(
                       QStringLiteral("return localStorage.getItem('tandem.widget.v1') || '{}';"))
                   .toString()
                   .toUtf8())
        .object();
}

qint64 WidgetPage::conversation()
{
    return qint64(stored().value(QLatin1String("conversation")).toDouble());
}

QList<QJsonObject> WidgetPage::messages()
{
    const QJsonArray all =
        m_driver
            .execute(QStringLiteral(
                "return Array.from(document.querySelectorAll('#messages li.message'), li => ({"
                " text: li.querySelector('.bubble').textContent,"
                " mine: li.classList.contains('mine'),"
                " pending: li.classList.contains('pending'),"
                " author: li.querySelector('.author').textContent }));"))
            .toArray();
    QList<QJsonObject> list;
    for (const QJsonValue &v : all)
        list.append(v.toObject());
    return list;
}

int WidgetPage::count(const QString &text)
{
    const auto all = messages();
    return int(std::count_if(all.cbegin(), all.cend(), [&](const QJsonObject &m) {
        return m.value(QLatin1String("text")).toString() == text;
    }));
}

bool WidgetPage::waitDelivered(const QString &text, int ms)
{
    return QTest::qWaitFor(
        [&] {
            const auto all = messages();
            return std::any_of(all.cbegin(), all.cend(), [&](const QJsonObject &m) {
                return m.value(QLatin1String("text")).toString() == text
                       && !m.value(QLatin1String("pending")).toBool();
            });
        },
        ms);
}

// ---- HostSite

void HostSite::setWidgetScript(const QUrl &widgetScript, qint64 inbox)
{
    const QByteArray inboxAttribute =
        inbox ? QByteArrayLiteral(" data-inbox=\"") + QByteArray::number(inbox) + '"'
              : QByteArray();
    m_page =
        QByteArrayLiteral("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<title>Example shop</title></head><body><h1>Example shop</h1>"
                          "<p>Welcome.</p><script src=\"")
        + widgetScript.toEncoded() + '"' + inboxAttribute +
        // What became of the script, for the test to wait on.
        QByteArrayLiteral(" async onload=\"window.widgetScript='loaded'\""
                          " onerror=\"window.widgetScript='refused'\"></script></body></html>");
}

HostSite::HostSite()
{
    m_server.listen(QHostAddress::LocalHost, 0);
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return; // the request is small: it comes whole, or the test is broken anyway
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                              "Cache-Control: no-store\r\nConnection: close\r\nContent-Length: "
                              + QByteArray::number(m_page.size()) + "\r\n\r\n" + m_page);
                socket->disconnectFromHost();
            });
        }
    });
}

QUrl HostSite::url(const QString &host) const
{
    return QUrl(QStringLiteral("http://%1:%2/shop.html").arg(host).arg(port()));
}

// ---- Scene

using namespace Fixture;

Scene::Scene(QStringList serverArguments)
    : server(std::move(serverArguments))
{
}

bool Scene::start()
{
    if (!server.start() || !server.addAgent(Email, AgentName, Password))
        return false;
    if (!browser.start()) {
        qWarning("%s", qPrintable(browser.lastError()));
        return false;
    }
    return true;
}

bool Scene::openWidget()
{
    return browser.navigate(server.httpUrl(QStringLiteral("/widget/")));
}

bool Scene::openWidgetSaying(const QString &availability)
{
    if (!openWidget())
        return false;
    if (browser.waitForText(QStringLiteral("#availability"), availability))
        return true;
    qWarning("the widget says: %s", qPrintable(browser.textOf(QStringLiteral("#availability"))));
    return false;
}

bool Scene::startAgent(bool online, bool autoAccept)
{
    agent = std::make_unique<AgentDesk>();
    if (!agent->start(server, Email, Password))
        return false;
    if (online
        && !agent->ok(QStringLiteral("presence"),
                      {{QStringLiteral("status"), QStringLiteral("online")}}))
        return false;
    return !autoAccept
           || agent->ok(QStringLiteral("agent.update"),
                        {{QStringLiteral("agent"), agent->sync().agent().id},
                         {QStringLiteral("autoAccept"), true}});
}

std::unique_ptr<TestClient> Scene::observer()
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(server.wsUrl(QStringLiteral("/ws/agent")))
        || client->agentSignIn(Email, Password).isEmpty())
        return nullptr;
    return client;
}

int Scene::storedCopies(qint64 conversation, const QString &text)
{
    auto agentView = observer();
    if (!agentView)
        return -1;
    const QJsonArray history =
        agentView
            ->request(QStringLiteral("history"), {{QStringLiteral("conversation"), conversation},
                                                  {QStringLiteral("limit"), 200}})
            .value(QLatin1String("data"))
            .toObject()
            .value(QLatin1String("messages"))
            .toArray();
    return int(std::count_if(history.begin(), history.end(), [&](const QJsonValue &m) {
        return m.toObject().value(QLatin1String("text")).toString() == text;
    }));
}

bool Scene::linkOnline()
{
    return QTest::qWaitFor(
        [&] {
            return browser
                       .execute(
                           QStringLiteral("return document.getElementById('widget').dataset.link;"))
                       .toString()
                   == QLatin1String("online");
        },
        30000);
}

bool Scene::startLiveChat(const QString &firstMessage, bool autoAccept)
{
    return startAgent(true, autoAccept) && openWidgetSaying(QStringLiteral("An agent is available"))
           && widget.start(QStringLiteral("Ada"), firstMessage);
}

qint64 Scene::startAssignedChat(const QString &firstMessage)
{
    if (!startLiveChat(firstMessage, true)
        || !browser.waitForText(QStringLiteral("#title"), AgentName))
        return 0;
    return widget.conversation();
}

bool Scene::setHours(const QJsonObject &calendar)
{
    const QString sue = QStringLiteral("sue@example.com");
    if (!server.addAgent(sue, QStringLiteral("Sue"), Password, QStringLiteral("supervisor")))
        return false;
    TestClient supervisor;
    if (!supervisor.open(server.wsUrl(QStringLiteral("/ws/agent")))
        || supervisor.agentSignIn(sue, Password).isEmpty())
        return false;
    const QJsonObject snapshot = supervisor.waitFrame([](const QJsonObject &f) {
        return f.value(QLatin1String("type")).toString() == QLatin1String("snapshot");
    });
    const QJsonObject team = snapshot.value(QLatin1String("data"))
                                 .toObject()
                                 .value(QLatin1String("teams"))
                                 .toArray()
                                 .first()
                                 .toObject();
    const QJsonObject saved =
        supervisor.request(QStringLiteral("team.save"),
                           {{QStringLiteral("team"), team.value(QLatin1String("id"))},
                            {QStringLiteral("name"), team.value(QLatin1String("name"))},
                            {QStringLiteral("members"), team.value(QLatin1String("members"))},
                            {QStringLiteral("calendar"), calendar}});
    return saved.value(QLatin1String("type")).toString() == QLatin1String("ok");
}

QString artifactDir()
{
    return qEnvironmentVariable("TANDEM_SCREENSHOT_DIR");
}
