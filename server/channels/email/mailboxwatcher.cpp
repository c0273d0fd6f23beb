// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailboxwatcher.h"

#include "imapclient.h"
#include "logging/logging.h"

#include <QCryptographicHash>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace Tandem::Server {
namespace {

constexpr int ListBatch = 200;

} // namespace

MailboxWatcher::MailboxWatcher(Start start, QObject *parent)
    : QThread(parent)
    , m_start(std::move(start))
{
    if (::pipe(m_wake) == 0) {
        ::fcntl(m_wake[0], F_SETFL, O_NONBLOCK);
        ::fcntl(m_wake[1], F_SETFL, O_NONBLOCK);
    }
    setObjectName(QStringLiteral("mailbox-%1").arg(m_start.inboxId));
}

MailboxWatcher::~MailboxWatcher()
{
    stop();
    wait();
    for (int fd : m_wake)
        if (fd >= 0)
            ::close(fd);
}

void MailboxWatcher::stop()
{
    m_stopping = true;
    m_taken.release(); // a wait for the owner ends too
    if (m_wake[1] >= 0) {
        const char byte = 1;
        [[maybe_unused]] const auto written = ::write(m_wake[1], &byte, 1);
    }
}

void MailboxWatcher::taken(bool filed)
{
    m_filed = filed;
    m_taken.release();
}

bool MailboxWatcher::pause(std::chrono::milliseconds wait)
{
    if (m_stopping)
        return false;
    pollfd fd{m_wake[0], POLLIN, 0};
    ::poll(&fd, 1, int(wait.count()));
    return !m_stopping;
}

void MailboxWatcher::run()
{
    quint32 uidValidity = m_start.uidValidity;
    quint32 lastUid = m_start.lastUid;
    std::chrono::milliseconds nextPause = m_start.firstPause;
    while (!m_stopping) {
        ImapClient imap(m_start.imap, m_start.password, m_start.timeout);
        auto connected = imap.connect();
        Went went = Went::Reconnect;
        if (!connected) {
            Q_EMIT trouble(m_start.inboxId, connected.failure().message);
        } else {
            went = session(imap, uidValidity, lastUid);
            if (went != Went::Stop)
                nextPause = m_start.firstPause; // it worked for a while: start over
        }
        imap.disconnect();
        if (went == Went::Stop || !pause(nextPause))
            return;
        nextPause = std::min(nextPause * 2, m_start.longestPause);
    }
}

MailboxWatcher::Went MailboxWatcher::session(ImapClient &imap, quint32 &uidValidity,
                                             quint32 &lastUid)
{
    auto folder = imap.select(m_start.folder);
    if (!folder) {
        Q_EMIT trouble(m_start.inboxId, folder.failure().message);
        return Went::Reconnect;
    }
    bool firstLook = false;
    if (uidValidity != folder->uidValidity) {
        // Never read, or the folder was made anew: its UIDs name other mails now. Read it
        // from the start; what was filed before is known by its Message-ID.
        if (uidValidity != 0)
            qCWarning(lcHub) << "mailbox of inbox" << m_start.inboxId
                             << "changed its UIDVALIDITY: reading it again from the start";
        firstLook = uidValidity == 0;
        uidValidity = folder->uidValidity;
        lastUid = 0;
    }
    Q_EMIT trouble(m_start.inboxId, QString());
    while (!m_stopping) {
        const Went went = takeNew(imap, uidValidity, lastUid, firstLook);
        firstLook = false;
        if (went != Went::On)
            return went;
        if (imap.hasIdle()) {
            auto woken = imap.idle(m_start.idleFor, m_wake[0]);
            if (!woken) {
                Q_EMIT trouble(m_start.inboxId, woken.failure().message);
                return Went::Reconnect;
            }
        } else if (!pause(m_start.pollEvery)) {
            return Went::Stop;
        }
        char drained[16];
        while (::read(m_wake[0], drained, sizeof drained) > 0) {
        }
    }
    return Went::Stop;
}

MailboxWatcher::Went MailboxWatcher::takeNew(ImapClient &imap, quint32 uidValidity,
                                             quint32 &lastUid, bool firstLook)
{
    for (;;) {
        auto listed = imap.listAfter(lastUid, ListBatch);
        if (!listed) {
            Q_EMIT trouble(m_start.inboxId, listed.failure().message);
            return Went::Reconnect;
        }
        if (listed->isEmpty())
            return Went::On;
        for (const ImapClient::Listed &one : std::as_const(listed.value())) {
            if (m_stopping)
                return Went::Stop;
            MailIntake::Arrival arrival;
            arrival.inboxId = m_start.inboxId;
            arrival.reader = m_start.reader;
            arrival.uidValidity = uidValidity;
            arrival.uid = one.uid;
            arrival.arrivedAt = one.arrived;
            arrival.size = one.size;
            // A mailbox read for the first time: what was there before it was set up is
            // not taken (only the cursor moves past it).
            const bool before = firstLook && m_start.since.isValid() && one.arrived.isValid()
                                && one.arrived < m_start.since;
            arrival.headerOnly = one.size > m_start.limits.maxMailBytes;
            if (before) {
                arrival.unreadable =
                    QStringLiteral("it was in the mailbox before the inbox was set up");
            } else {
                auto raw = imap.fetch(one.uid, arrival.headerOnly);
                if (!raw && raw.failure().code == ErrorCode::NotFound) {
                    arrival.unreadable = raw.failure().message; // expunged meanwhile
                } else if (!raw) {
                    Q_EMIT trouble(m_start.inboxId, raw.failure().message);
                    return Went::Reconnect;
                } else {
                    auto parsed = MimeParser::parse(raw.value(), m_start.limits);
                    if (parsed) {
                        arrival.mail = parsed.value();
                        arrival.externalId = parsed->messageId;
                    } else {
                        arrival.unreadable = parsed.failure().message;
                    }
                    if (arrival.externalId.isEmpty())
                        arrival.externalId =
                            QStringLiteral("sha256:")
                            + QString::fromLatin1(
                                QCryptographicHash::hash(raw.value(), QCryptographicHash::Sha256)
                                    .toHex());
                }
            }
            Q_EMIT arrived(arrival);
            m_taken.acquire();
            if (m_stopping)
                return Went::Stop;
            if (!m_filed) {
                Q_EMIT trouble(
                    m_start.inboxId,
                    QStringLiteral("mail %1 could not be filed; trying again").arg(one.uid));
                return Went::Reconnect;
            }
            lastUid = one.uid;
        }
    }
}

} // namespace Tandem::Server
