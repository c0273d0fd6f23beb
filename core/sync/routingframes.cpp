// SPDX-License-Identifier: GPL-3.0-or-later
#include "routingframes.h"

#include "protocol/fieldreader.h"
#include "protocol/limits.h"
#include "protocol/wirecodec.h"

#include <QJsonArray>
#include <algorithm>
#include <limits>

namespace Tandem {

int QueueStats::longestWaitAt(const QDateTime &now) const
{
    if (waiting == 0 || !receivedAt.isValid() || now <= receivedAt)
        return longestWaitSeconds;
    return int(std::min<qint64>(longestWaitSeconds + receivedAt.secsTo(now),
                                std::numeric_limits<int>::max()));
}

namespace RoutingFrames {
namespace {
// Generous bounds: figures beyond them are not real, and a widget showing them would be lying.
constexpr qint64 MaxSeconds = 366LL * 24 * 3600;
constexpr qint64 MaxTimeoutMs = 3600LL * 1000;
constexpr qint64 MaxCount = 1000000;
} // namespace

Result<Offer> decodeOffer(const QJsonObject &frame, const QDateTime &now)
{
    FieldReader r(frame, QStringLiteral("offer"));
    const QJsonObject conversationJson = r.object("conversation");
    const auto messageJson = r.optionalObject("message");
    Offer offer;
    offer.expiresAt = r.time("expiresAt");
    offer.timeoutMs = int(r.integer("timeoutMs", 1, MaxTimeoutMs));
    if (!r.ok())
        return r.failure();
    auto conversation = Wire::decodeConversation(conversationJson);
    if (!conversation)
        return conversation.failure();
    offer.conversation = conversation.value();
    if (messageJson) {
        auto message = Wire::decodeMessage(*messageJson);
        if (!message)
            return message.failure();
        if (message->conversationId != offer.conversation.id)
            return Failure{ErrorCode::BadRequest,
                           QStringLiteral("offer.message belongs to another conversation")};
        offer.firstMessage = message.value();
    }
    const qint64 left = now.msecsTo(offer.expiresAt);
    offer.localDeadline =
        left > 0 && left <= offer.timeoutMs ? offer.expiresAt : now.addMSecs(offer.timeoutMs);
    return offer;
}

Result<OfferEnded> decodeOfferEnded(const QJsonObject &frame)
{
    FieldReader r(frame, QStringLiteral("offer.ended"));
    OfferEnded ended;
    ended.conversationId = r.id("conversation");
    ended.reason = r.string("reason", 1, 32);
    if (!r.ok())
        return r.failure();
    return ended;
}

Result<QueueStats> decodeQueueStats(const QJsonObject &frame, const QDateTime &now)
{
    FieldReader r(frame, QStringLiteral("queue.stats"));
    QueueStats stats;
    stats.receivedAt = now;
    stats.waiting = int(r.integer("waiting", 0, MaxCount));
    stats.longestWaitSeconds = int(r.integer("longestWaitSeconds", 0, MaxSeconds));
    stats.expectedWaitSeconds =
        int(r.optionalInteger("expectedWaitSeconds", 0, MaxSeconds).value_or(0));
    const QJsonArray agents = r.array("agents");
    if (!r.ok())
        return r.failure();
    for (const QJsonValue &value : agents) {
        if (!value.isObject())
            return Failure{ErrorCode::BadRequest,
                           QStringLiteral("queue.stats.agents holds something not an object")};
        FieldReader a(value.toObject(), QStringLiteral("queue.stats.agents"));
        AgentLoad load;
        load.agentId = a.id("id");
        const QString presence = a.string("presence", 1, 16);
        load.connected = a.boolean("connected");
        load.active = int(a.integer("active", 0, MaxCount));
        load.capacity = int(a.integer("capacity", 0, MaxCount));
        load.offers = int(a.optionalInteger("offers", 0, MaxCount).value_or(0));
        if (!a.ok())
            return a.failure();
        const auto parsed = presenceFromName(presence);
        if (!parsed)
            return Failure{ErrorCode::BadRequest,
                           QStringLiteral("queue.stats.agents.presence: unknown presence")};
        load.presence = *parsed;
        stats.agents.append(load);
    }
    return stats;
}

} // namespace RoutingFrames
} // namespace Tandem
