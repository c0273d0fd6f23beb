// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channel.h"
#include "domain/mailboxsettings.h"
#include "hours/autoreply.h"
#include "mailintake.h"
#include "mailthreading.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <functional>
#include <memory>

class QTimer;

namespace Tandem::Server {

class MailboxWatcher;
class SecretBox;
class Storage;

//! Email inboxes: each one's mailbox is read by a MailboxWatcher (IMAP IDLE) and what it
//! takes is filed by MailIntake, the cursor with it; replies in email conversations go out
//! over the inbox's SMTP server as real replies (MailComposer, SmtpClient) from the
//! outbound queue. Mailboxes are read under the `mail` lease; their settings are looked at
//! again every minute, so an admin's change (desktop or `tandemd mailbox`) is taken up.
class EmailChannel : public QObject, public Channel
{
    Q_OBJECT
public:
    //! At most this many automatic replies go to one address a day: a loop with a machine
    //! that answers every mail, whatever it says, stops there.
    static constexpr int MaxAutomaticPerDay = 5;

    EmailChannel(Storage &storage, const SecretBox &secrets,
                 std::function<AutoReply::Context()> autoReplyContext, QObject *parent = nullptr);
    ~EmailChannel() override;

    QString name() const override { return MailIntake::channel(); }
    void deliver(const OutboundItem &item, std::function<void(DeliveryOutcome)> done) override;

    //! Starts reading every mailbox (and looking for changed settings each minute).
    void start();
    void stop();
    //! Reads the mailboxes' settings now: new ones start, changed ones restart.
    void reload();
    //! `plain` sealed with the server's secret key, for the store.
    QString seal(const QByteArray &plain) const;

private:
    struct Box;
    void onArrived(const MailIntake::Arrival &arrival);
    void startBox(const MailboxRecord &record);
    //! Stops a mailbox's reader; `wait`: until its thread has ended (else it goes by
    //! itself once it has).
    void retire(Box &box, bool wait);
    //! Plans and sends one reply; `ahead`: automatic replies to its address on their way.
    void send(const OutboundItem &item, std::function<void(DeliveryOutcome)> done, int ahead);

    Storage &m_storage;
    const SecretBox &m_secrets;
    std::function<AutoReply::Context()> m_autoReplyContext;
    MailThreading m_threading;
    QHash<qint64, std::shared_ptr<Box>> m_boxes;
    QHash<qint64, QString> m_troubles;       // each mailbox's last error, as last stored
    QHash<QString, int> m_automaticInFlight; // by address
    static constexpr int MaxWithFilesInFlight = 2;
    int m_withFilesInFlight = 0;
    QList<std::pair<OutboundItem, std::function<void(DeliveryOutcome)>>> m_waitingWithFiles;
    QTimer *m_reloadTimer = nullptr;
    bool m_started = false;
    quint64 m_readers = 0; // readers started so far: each has its number
};

} // namespace Tandem::Server
