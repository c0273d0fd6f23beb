// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/conversation.h"
#include "domain/message.h"
#include "domain/presence.h"
#include "protocol/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <optional>

namespace Tandem {

//! A live chat offered to the signed-in agent (the ephemeral `offer` frame of
//! docs/protocol.md, "Live chat and routing").
struct Offer {
    Conversation conversation;
    std::optional<Message> firstMessage; // absent when the customer has not written yet
    QDateTime expiresAt;                 // the server's clock
    int timeoutMs = 0;
    //! When it lapses by this computer's clock: the server's expiry, unless the two clocks
    //! disagree so much that it lies in the past or beyond the whole timeout.
    QDateTime localDeadline;
};

//! An offer that is over: taken, passed on, lapsed, or withdrawn.
struct OfferEnded {
    qint64 conversationId = 0;
    QString reason; // accepted, declined, expired, withdrawn — or a later version's word
};

//! One agent's line in `queue.stats`.
struct AgentLoad {
    qint64 agentId = 0;
    Presence presence = Presence::Offline;
    bool connected = false;
    int active = 0;
    int capacity = 0;
    int offers = 0;

    bool operator==(const AgentLoad &o) const
    {
        return agentId == o.agentId && presence == o.presence && connected == o.connected
               && active == o.active && capacity == o.capacity && offers == o.offers;
    }
};

//! The queue's figures and the team's load, as the `queue.stats` frame gives them.
struct QueueStats {
    int waiting = 0;
    int longestWaitSeconds = 0;
    int expectedWaitSeconds = 0;
    QList<AgentLoad> agents;
    //! This computer's time when the figures arrived: the server sends them when they change,
    //! not as time passes, so the longest wait has gone on since (see longestWaitAt()).
    QDateTime receivedAt;

    //! The longest wait at `now`: what the figures said, plus the time since they came.
    int longestWaitAt(const QDateTime &now) const;
};

namespace RoutingFrames {

//! Decodes an `offer` frame; `now` is this computer's time when it arrived.
Result<Offer> decodeOffer(const QJsonObject &frame, const QDateTime &now);
Result<OfferEnded> decodeOfferEnded(const QJsonObject &frame);
//! `now`: this computer's time when the frame arrived.
Result<QueueStats> decodeQueueStats(const QJsonObject &frame, const QDateTime &now);

} // namespace RoutingFrames

} // namespace Tandem

Q_DECLARE_METATYPE(Tandem::Offer)
Q_DECLARE_METATYPE(Tandem::QueueStats)
