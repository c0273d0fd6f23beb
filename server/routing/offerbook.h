// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <chrono>
#include <functional>
#include <optional>

namespace Tandem::Server {

class Scheduler;

//! The open offers, at most one per conversation, each with its serial and, when it was
//! announced, its timeout job in the Scheduler (in memory, as offers are); and per
//! conversation the agents who let it pass. Counting offers against capacity and telling
//! anyone about them is the caller's.
class OfferBook
{
public:
    struct Offer {
        qint64 agentId = 0;
        QDateTime expiresAt; // invalid: an auto-assignment, never announced
        bool accepting = false;
        quint64 serial = 0;
    };
    //! A timeout came due: the offer it was for, if still the same (see isCurrent()).
    using TimeoutHandler = std::function<void(qint64 conversationId, quint64 serial)>;

    OfferBook(Scheduler &scheduler, QString timeoutJob, std::chrono::milliseconds timeout);
    ~OfferBook();
    OfferBook(const OfferBook &) = delete;
    OfferBook &operator=(const OfferBook &) = delete;

    //! From now on, timeouts that come due are passed to `handler`.
    void setTimeoutHandler(TimeoutHandler handler);

    bool contains(qint64 conversationId) const { return m_offers.contains(conversationId); }
    const Offer *find(qint64 conversationId) const;
    int size() const { return int(m_offers.size()); }
    //! Conversation ids of the offers to `agentId` that are not being accepted.
    QList<qint64> openOffersTo(qint64 agentId) const;

    //! Offers the conversation to the agent until the timeout, whose job is scheduled.
    const Offer &open(qint64 conversationId, qint64 agentId);
    //! Holds the conversation for the agent while it is being given to them without asking:
    //! already accepting, no expiry, no timeout job.
    const Offer &hold(qint64 conversationId, qint64 agentId);
    //! The agent takes their open offer: true if it is theirs and not being accepted yet.
    bool beginAccept(qint64 conversationId, qint64 agentId);
    //! The offer is the agent's and still open (not being accepted).
    bool isOpenFor(qint64 conversationId, qint64 agentId) const;
    //! The timeout with `serial` is for the offer still open for the conversation.
    bool isCurrent(qint64 conversationId, quint64 serial) const;
    //! Removes the offer and cancels its timeout; when `passed`, its agent joins those who
    //! let the conversation pass. Returns the offer (an empty one if there was none).
    Offer close(qint64 conversationId, bool passed);

    //! Who let the conversation pass in the current round.
    QSet<qint64> passed(qint64 conversationId) const { return m_passed.value(conversationId); }
    //! Forgets who let it pass: a new round, or the conversation left the queue.
    void forgetPassed(qint64 conversationId) { m_passed.remove(conversationId); }

private:
    Scheduler &m_scheduler;
    QString m_timeoutJob;
    std::chrono::milliseconds m_timeout;
    QHash<qint64, Offer> m_offers;        // by conversation
    QHash<qint64, QSet<qint64>> m_passed; // agents who let a conversation pass
    quint64 m_nextSerial = 1;
};

} // namespace Tandem::Server
