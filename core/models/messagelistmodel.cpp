// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagelistmodel.h"

#include "protocol/wirecodec.h"
#include "sync/syncclient.h"

#include <QJsonArray>

namespace Tandem {

MessageListModel::MessageListModel(LocalCache &cache, SyncClient *sync, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
    , m_sync(sync)
{
    connect(&m_cache, &LocalCache::applied, this,
            [this](qint64, const QSet<qint64> &ids, bool) { refresh(ids); });
    connect(&m_cache, &LocalCache::outboxChanged, this, [this] { refresh({m_conversation}); });
    connect(&m_cache, &LocalCache::reset, this, [this] { refresh({m_conversation}); });
    connect(&m_cache, &LocalCache::deliveriesChanged, this, &MessageListModel::updateDeliveries);
    // A merge moved older messages in or out: the thread is read again.
    connect(&m_cache, &LocalCache::messagesMoved, this, [this](const QSet<qint64> &ids) {
        if (ids.contains(m_conversation))
            setConversation(m_conversation);
    });
}

void MessageListModel::setConversation(qint64 conversationId)
{
    beginResetModel();
    m_conversation = conversationId;
    m_messages = conversationId ? m_cache.messages(conversationId, std::nullopt, PageSize)
                                : QList<Message>();
    m_pending = conversationId ? m_cache.outbox(conversationId) : QList<OutboxEntry>();
    m_serverExhausted = false;
    endResetModel();
    if (m_loading) {
        m_loading = false;
        Q_EMIT loadingChanged(false);
    }
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size() + m_pending.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    if (row < m_messages.size()) {
        const Message &m = m_messages.at(row);
        switch (role) {
        case Qt::DisplayRole:
        case TextRole:
            return m.text;
        case IdRole:
            return m.id;
        case ClientIdRole:
            return m.clientId;
        case AuthorNameRole:
            return m.author.name;
        case AuthorIsAgentRole:
            return m.author.kind == Party::Kind::Agent;
        case CreatedAtRole:
            return m.createdAt;
        case StateRole:
            return QVariant::fromValue(State::Sent);
        case DeliveryRole:
            return m.delivery ? deliveryStateName(*m.delivery) : QString();
        case DeliveryErrorRole:
            return m.deliveryError;
        case KindRole:
            return messageKindName(m.kind);
        case ActivityRole:
            return m.activity.toVariantMap();
        case AuthorKindRole:
            return partyKindName(m.author.kind);
        case EmailRole:
            return m.email.toVariantMap();
        default:
            return {};
        }
    }
    const OutboxEntry &p = m_pending.at(row - m_messages.size());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return p.text;
    case IdRole:
        return qint64(0);
    case ClientIdRole:
        return p.clientId;
    case AuthorNameRole:
        return m_sync ? m_sync->agent().name : QString();
    case AuthorIsAgentRole:
        return true;
    case CreatedAtRole:
        return p.createdAt;
    case StateRole:
        return QVariant::fromValue(m_failed.contains(p.clientId) ? State::Failed : State::Sending);
    case KindRole:
        return messageKindName(p.note ? MessageKind::Note : MessageKind::Ordinary);
    case AuthorKindRole:
        return partyKindName(Party::Kind::Agent);
    case EmailRole: {
        // The files it will carry, listed as the server will list them.
        QVariantList files;
        for (const QJsonValue &f : p.email.value(QLatin1String("files")).toArray())
            files.append(
                QVariantMap{{QStringLiteral("index"), files.size()},
                            {QStringLiteral("name"), f[QLatin1String("name")].toString()},
                            {QStringLiteral("type"), f[QLatin1String("type")].toString()},
                            {QStringLiteral("size"), f[QLatin1String("size")].toInteger()}});
        return files.isEmpty() ? QVariant() : QVariantMap{{QStringLiteral("attachments"), files}};
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{IdRole, "messageId"},
            {ClientIdRole, "clientId"},
            {AuthorNameRole, "authorName"},
            {AuthorIsAgentRole, "authorIsAgent"},
            {TextRole, "text"},
            {CreatedAtRole, "createdAt"},
            {StateRole, "state"},
            {DeliveryRole, "delivery"},
            {DeliveryErrorRole, "deliveryError"},
            {KindRole, "kind"},
            {ActivityRole, "activity"},
            {AuthorKindRole, "authorKind"},
            {EmailRole, "email"}};
}

bool MessageListModel::setFailed(const QUuid &clientId, bool failed)
{
    const int row = pendingRow(clientId);
    if (failed ? !m_failed.contains(clientId) : m_failed.contains(clientId)) {
        failed ? (void)m_failed.insert(clientId) : (void)m_failed.remove(clientId);
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {StateRole});
    }
    return row >= 0;
}

int MessageListModel::pendingRow(const QUuid &clientId) const
{
    for (int i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).clientId == clientId)
            return int(m_messages.size()) + i;
    }
    return -1;
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || m_conversation == 0 || m_loading)
        return false;
    if (m_messages.isEmpty())
        return !m_serverExhausted && m_sync;
    return m_cache.hasMessagesBefore(m_conversation, m_messages.first().id)
           || (!m_serverExhausted && m_sync);
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // The page is added from the event loop, not from inside a view's (or a tester's)
    // call, so no insert ever lands in the middle of another change.
    m_loading = true;
    const qint64 conversation = m_conversation;
    QMetaObject::invokeMethod(
        this,
        [this, conversation] {
            m_loading = false;
            if (conversation != m_conversation)
                return;
            const std::optional<qint64> before =
                m_messages.isEmpty() ? std::nullopt : std::optional<qint64>(m_messages.first().id);
            const QList<Message> older = m_cache.messages(m_conversation, before, PageSize);
            if (older.isEmpty()) {
                askServer();
                return;
            }
            beginInsertRows({}, 0, int(older.size()) - 1);
            m_messages = older + m_messages;
            endInsertRows();
        },
        Qt::QueuedConnection);
}

void MessageListModel::askServer()
{
    if (!m_sync)
        return;
    const std::optional<qint64> before =
        m_messages.isEmpty() ? std::nullopt : std::optional<qint64>(m_messages.first().id);
    const qint64 conversation = m_conversation;
    const bool asked = m_sync->request(
        Requests::history({m_conversation, before, PageSize}), this,
        [this, conversation](bool ok, const QJsonObject &reply) {
            if (conversation != m_conversation)
                return;
            m_loading = false;
            Q_EMIT loadingChanged(false);
            if (!ok)
                return; // offline: the cache is all there is for now
            QList<Message> messages;
            for (const QJsonValue &v : reply.value(QLatin1String("messages")).toArray()) {
                if (auto m = Wire::decodeMessage(v.toObject()))
                    messages.append(m.value());
            }
            m_serverExhausted = !reply.value(QLatin1String("more")).toBool();
            if (messages.isEmpty())
                return;
            m_cache.storeHistory(conversation, messages);
            // Show them now; the cache has them for next time.
            QList<Message> older;
            const qint64 firstShown =
                m_messages.isEmpty() ? std::numeric_limits<qint64>::max() : m_messages.first().id;
            for (const Message &m : messages) {
                if (m.id < firstShown)
                    older.append(m);
            }
            if (older.isEmpty())
                return;
            beginInsertRows({}, 0, int(older.size()) - 1);
            m_messages = older + m_messages;
            endInsertRows();
        });
    if (asked) {
        m_loading = true;
        Q_EMIT loadingChanged(true);
    } else {
        m_serverExhausted = false;
    }
}

void MessageListModel::refresh(const QSet<qint64> &conversations)
{
    if (m_conversation == 0 || !conversations.contains(m_conversation))
        return;
    // New messages from the server: everything newer than the newest shown, page by page
    // back from the end (after a long absence that is more than one page). An empty view
    // shows only the newest page; older ones come with fetchMore().
    const qint64 newest = m_messages.isEmpty() ? 0 : m_messages.last().id;
    QList<Message> arrived;
    std::optional<qint64> before;
    for (;;) {
        const QList<Message> page = m_cache.messages(m_conversation, before, PageSize);
        QList<Message> newer;
        for (const Message &m : page) {
            if (m.id > newest)
                newer.append(m);
        }
        arrived = newer + arrived;
        if (newest == 0 || newer.size() < page.size() || page.size() < PageSize)
            break;
        before = page.first().id;
    }
    for (const Message &m : arrived) {
        const int pending = pendingRow(m.clientId);
        const int at = int(m_messages.size());
        if (pending >= 0) {
            // Our own reply came back: the "sending" row becomes the server's message.
            if (pending != at) {
                beginMoveRows({}, pending, pending, {}, at);
                m_pending.move(pending - at, 0);
                endMoveRows();
            }
            m_pending.removeFirst();
            m_messages.append(m);
            m_failed.remove(m.clientId);
            Q_EMIT dataChanged(index(at), index(at));
        } else {
            beginInsertRows({}, at, at);
            m_messages.append(m);
            endInsertRows();
        }
    }
    // Replies added to (or dropped from) the outbox.
    const QList<OutboxEntry> outbox = m_cache.outbox(m_conversation);
    for (int i = int(m_pending.size()) - 1; i >= 0; --i) {
        const bool still = std::any_of(outbox.cbegin(), outbox.cend(), [&](const OutboxEntry &e) {
            return e.clientId == m_pending.at(i).clientId;
        });
        if (!still) {
            const int row = int(m_messages.size()) + i;
            beginRemoveRows({}, row, row);
            m_pending.removeAt(i);
            endRemoveRows();
        }
    }
    for (const OutboxEntry &entry : outbox) {
        if (pendingRow(entry.clientId) < 0) {
            const int row = rowCount();
            beginInsertRows({}, row, row);
            m_pending.append(entry);
            endInsertRows();
        }
    }
}

void MessageListModel::updateDeliveries(const QHash<qint64, DeliveryStatus> &byMessage)
{
    for (int row = 0; row < m_messages.size(); ++row) {
        Message &m = m_messages[row];
        const auto moved = byMessage.constFind(m.id);
        if (moved == byMessage.cend())
            continue;
        m.delivery = moved->state;
        m.deliveryError = moved->error;
        Q_EMIT dataChanged(index(row), index(row), {DeliveryRole, DeliveryErrorRole});
    }
}

} // namespace Tandem
