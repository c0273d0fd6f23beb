// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/mailboxsettings.h"
#include "mailintake.h"
#include "mimeparser.h"

#include <QSemaphore>
#include <QThread>
#include <atomic>
#include <chrono>

namespace Tandem::Server {

//! Reads one email inbox's mailbox on a thread of its own (libetpan blocks): connects, takes
//! every mail after the cursor it was started with, in UID order, then waits with IDLE (or,
//! on a server without it, polls) and takes what arrives. Each mail is parsed here and
//! handed over with arrived(); the next is read only once the owner called taken() for it,
//! so the owner's commit paces the reading and no more than one mail is held. On a lost
//! connection or a refusal it reports trouble() and tries again after a growing pause.
class MailboxWatcher : public QThread
{
    Q_OBJECT
public:
    struct Start {
        qint64 inboxId = 0;
        quint64 reader = 0; //!< carried by each Arrival
        MailServer imap;
        QByteArray password;
        QString folder = QStringLiteral("INBOX");
        quint32 uidValidity = 0; //!< 0: never read; take mail that arrived since `since`
        quint32 lastUid = 0;
        QDateTime since;
        MimeParser::Limits limits;
        std::chrono::milliseconds idleFor{std::chrono::minutes(25)}; //!< RFC 2177: < 29 min
        std::chrono::milliseconds pollEvery{std::chrono::minutes(1)};
        std::chrono::milliseconds firstPause{std::chrono::seconds(1)};
        std::chrono::milliseconds longestPause{std::chrono::minutes(5)};
        std::chrono::seconds timeout{std::chrono::seconds(30)};
    };

    explicit MailboxWatcher(Start start, QObject *parent = nullptr);
    //! Stops and waits for the thread.
    ~MailboxWatcher() override;

    qint64 inboxId() const { return m_start.inboxId; }
    quint64 reader() const { return m_start.reader; }
    //! Asks the thread to end (it does at its next wait, or when a network wait ends).
    void stop();
    //! The owner is done with the last mail handed over: `filed` (the cursor moved past
    //! it), or not (the store failed): then it is read again after a pause. Any thread.
    void taken(bool filed);

Q_SIGNALS:
    void arrived(const Tandem::Server::MailIntake::Arrival &arrival);
    //! What went wrong (empty: working again), for the inbox's status.
    void trouble(qint64 inboxId, const QString &error);

protected:
    void run() override;

private:
    enum class Went { On, Reconnect, Stop };
    Went session(class ImapClient &imap, quint32 &uidValidity, quint32 &lastUid);
    Went takeNew(class ImapClient &imap, quint32 uidValidity, quint32 &lastUid, bool firstLook);
    //! Waits up to `wait` or until stopped; false when stopped.
    bool pause(std::chrono::milliseconds wait);

    Start m_start;
    std::atomic<bool> m_stopping{false};
    QSemaphore m_taken;
    std::atomic<bool> m_filed{true};
    int m_wake[2] = {-1, -1}; // a pipe: written to stop a wait
};

} // namespace Tandem::Server
