// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"
#include "sync/syncclient.h"
#include "tandemdprocess.h"
#include "testclient.h"
#include "webdriver.h"

#include <QJsonObject>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace Fixture {
inline const QString Email = QStringLiteral("dana@example.com");
inline const QString Password = QStringLiteral("correct horse battery");
inline const QString AgentName = QStringLiteral("Dana");
} // namespace Fixture

//! The agent's side, as the desktop app has it: a local cache and the real SyncClient,
//! signed in to tandemd.
class AgentDesk
{
public:
    AgentDesk();
    //! Signs in, connects and waits until online; false if any step failed.
    bool start(TandemdProcess &server, const QString &email, const QString &password);
    //! A request on the SyncClient's connection; the reply's data, or the error frame with
    //! `code` (also "offline"/"timeout") and `failed: true`.
    QJsonObject request(const QString &type, const QJsonObject &fields, int ms = 10000);
    //! A request that must succeed: true when the server answered `ok`.
    bool ok(const QString &type, const QJsonObject &fields);
    //! Sends a reply in a conversation; true once the server acknowledged it.
    bool reply(qint64 conversation, const QString &text);
    //! Texts of a conversation's messages (not its timeline) in the local cache, oldest first.
    QStringList messages(qint64 conversation);
    //! Waits until the chat is offered to this app (or `ms` passed), then accepts it.
    bool accept(qint64 conversation, int ms = 15000);
    //! The same, declining it.
    bool decline(qint64 conversation, int ms = 15000);

    Tandem::SyncClient &sync() { return m_sync; }
    QString token() const { return m_token; }

private:
    bool answerOffer(qint64 conversation, const QString &answer, int ms);

    QTemporaryDir m_dir;
    Tandem::LocalCache m_cache;
    Tandem::SyncClient m_sync;
    QString m_token;
    //! Conversations offered to this app and not yet accepted here.
    QSet<qint64> m_offered;
};

//! The customer's browser on the widget page: a thin layer of what a customer sees and does.
class WidgetPage
{
public:
    explicit WidgetPage(WebDriver &driver)
        : m_driver(driver)
    {
    }
    //! Fills in and submits the start form.
    bool start(const QString &name, const QString &message, const QString &email = {});
    //! Types a message in the composer and presses Enter.
    bool send(const QString &text);
    //! Types without sending (for typing indicators).
    bool type(const QString &text);
    //! The conversation id the widget keeps (0 before it has one).
    qint64 conversation();
    //! The widget's stored state (localStorage), as JSON.
    QJsonObject stored();
    //! Every message shown: {text, mine, pending, author}.
    QList<QJsonObject> messages();
    //! How many shown messages have exactly this text.
    int count(const QString &text);
    //! Waits until a message with this text is shown and no longer pending.
    bool waitDelivered(const QString &text, int ms = 15000);

private:
    WebDriver &m_driver;
};

//! Another web site that embeds the widget: serves one page at any path, under two origins
//! (http://localhost:PORT and http://127.0.0.1:PORT are different origins to a browser).
class HostSite
{
public:
    HostSite();
    //! The page embeds the widget with this script URL (the snippet from tandemd).
    //! The page embeds the widget with this script tag (`inbox`: its data-inbox, 0: none).
    void setWidgetScript(const QUrl &widgetScript, qint64 inbox = 0);
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &host) const;

private:
    QTcpServer m_server;
    QByteArray m_page;
};

//! A tandemd with one agent (Fixture::AgentName), a browser, and the agent's app (started
//! on demand).
struct Scene {
    TandemdProcess server;
    WebDriver browser;
    WidgetPage widget{browser};
    std::unique_ptr<AgentDesk> agent;

    explicit Scene(QStringList serverArguments = {});
    //! Starts tandemd with the agent's account and the browser.
    bool start();
    bool openWidget();
    //! Opens the widget and waits until its start form says `availability` (what it says
    //! instead is printed when it does not).
    bool openWidgetSaying(const QString &availability);
    //! The agent's app signs in and, unless told otherwise, says it is online.
    bool startAgent(bool online = true, bool autoAccept = false);
    //! An agent connection that only watches: its events show what the team sees.
    std::unique_ptr<TestClient> observer();
    //! How many times the server holds a message with this text in the conversation.
    int storedCopies(qint64 conversation, const QString &text);
    //! Waits until the widget's connection is up to date with the server.
    bool linkOnline();
    //! The agent's app online and a customer, Ada, starting a live chat from the widget.
    bool startLiveChat(const QString &firstMessage, bool autoAccept = false);
    //! A live chat with the (auto-accepting) agent, up to the agent's name in the header.
    qint64 startAssignedChat(const QString &firstMessage);
    //! A supervisor gives the first team (which answers the widget) these business hours.
    bool setHours(const QJsonObject &calendar);
};

//! Where a test may leave files for people to look at (screenshots).
QString artifactDir();
