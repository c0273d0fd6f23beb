// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/mailboxsettings.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <chrono>

struct mailimap;

namespace Tandem::Server {

//! One IMAP connection through libetpan: connect (TLS checked by MailTls before the
//! password goes), select a folder, list and fetch by UID, and wait with IDLE. Every call
//! blocks (each network wait bounded by the timeout), so it is used from a mailbox's own
//! thread, never the event loop's. Failures: Unavailable (network, server), BadCredentials
//! (login refused), Forbidden (certificate not trusted), NotFound (no such folder).
class ImapClient
{
public:
    ImapClient(MailServer server, QByteArray password,
               std::chrono::seconds timeout = std::chrono::seconds(30));
    ~ImapClient();
    ImapClient(const ImapClient &) = delete;
    ImapClient &operator=(const ImapClient &) = delete;

    Result<Done> connect();
    bool hasIdle() const { return m_hasIdle; }

    struct Folder {
        quint32 uidValidity = 0;
        quint32 uidNext = 0;
        quint32 exists = 0;
    };
    Result<Folder> select(const QString &folder);

    //! A message in the selected folder.
    struct Listed {
        quint32 uid = 0;
        qint64 size = 0;
        QDateTime arrived; //!< INTERNALDATE
    };
    //! The messages with a UID above `uid`, in UID order (at most `limit`).
    Result<QList<Listed>> listAfter(quint32 uid, int limit);
    //! The whole message (`headerOnly`: its header only, for one too large to take).
    Result<QByteArray> fetch(quint32 uid, bool headerOnly);

    enum class Woken { Mail, Timeout, Interrupted };
    //! Waits with IDLE until the server reports a change, `wait` passes, or `interruptFd`
    //! becomes readable; the connection is usable again after it.
    Result<Woken> idle(std::chrono::milliseconds wait, int interruptFd);

    void disconnect();

private:
    Failure failed(int code, const QString &doing) const;

    MailServer m_server;
    QByteArray m_password;
    std::chrono::seconds m_timeout;
    mailimap *m_imap = nullptr;
    bool m_hasIdle = false;
};

} // namespace Tandem::Server
