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
//! announced, its timeout job in the Scheduler (in memory, as offers are); per conversation
//! the agents who let it pass; and the agents who declined it, each held off it for a while
//! (a job of its own ends each hold). Counting offers against capacity and telling anyone
//! about them is the caller's.
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

    //! A hold came to its end: the conversation may be offered to that agent again.
    using HoldEndedHandler = std::function<void(qint64 conversationId)>;

    OfferBook(Scheduler &scheduler, QString timeoutJob, std::chrono::milliseconds timeout,
              QString holdJob, std::chrono::milliseconds hold);
    ~OfferBook();
    OfferBook(const OfferBook &) = delete;
    OfferBook &operator=(const OfferBook &) = delete;

    //! From now on, timeouts that come due are passed to `handler`.
    void setTimeoutHandler(TimeoutHandler handler);
    //! From now on, holds that end are passed to `handler`.
    void setHoldEndedHandler(HoldEndedHandler handler);

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
    //! Forgets who let it pass: a new round. Who declined it stays held off.
    void forgetPassed(qint64 conversationId) { m_passed.remove(conversationId); }

    //! The agent declined the conversation: it is not offered to them again for the hold
    //! time, even when everyone else has let it pass too.
    void holdOff(qint64 conversationId, qint64 agentId);
    //! The agents held off the conversation now.
    QSet<qint64> heldOff(qint64 conversationId) const;
    //! When the first of the conversation's holds ends (invalid when none is running).
    QDateTime firstHoldEnds(qint64 conversationId) const;
    //! Forgets who let it pass and who declined it: the conversation left the queue.
    void forget(qint64 conversationId);

private:
    Scheduler &m_scheduler;
    QString m_timeoutJob;
    std::chrono::milliseconds m_timeout;
    QString m_holdJob;
    std::chrono::milliseconds m_hold;
    QHash<qint64, Offer> m_offers;                   // by conversation
    QHash<qint64, QSet<qint64>> m_passed;            // agents who let a conversation pass
    QHash<qint64, QHash<qint64, QDateTime>> m_holds; // conversation -> agent -> held off until
    quint64 m_nextSerial = 1;
};

} // namespace Tandem::Server
