// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchresultsmodel.h"

#include "models/conversationlistmodel.h"
#include "protocol/limits.h"
#include "protocol/requests.h"
#include "protocol/wirecodec.h"

#include <QJsonArray>

#include <QHash>
#include <QSet>
#include <algorithm>

namespace Tandem {

SearchResultsModel::SearchResultsModel(LocalCache &cache, SyncClient *sync, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
    , m_sync(sync)
{
}

void SearchResultsModel::search(const QString &query, bool askServer)
{
    const QString trimmed = query.trimmed();
    QList<Hit> hits;
    if (!trimmed.isEmpty()) {
        // One name lookup per conversation, not per hit.
        QHash<qint64, QString> names;
        for (const Message &m : m_cache.search(trimmed, Limit)) {
            auto name = names.find(m.conversationId);
            if (name == names.end()) {
                const auto summary = m_cache.conversation(m.conversationId);
                name = names.insert(m.conversationId, summary ? summary->customerName : QString());
            }
            hits.append({m, *name});
        }
    }
    beginResetModel();
    m_query = trimmed;
    m_hits = std::move(hits);
    endResetModel();
    if (trimmed.isEmpty())
        return;
    if (trimmed == m_serverQuery)
        addFound(trimmed, m_serverHits, m_serverCustomers);
    if (askServer)
        this->askServer(trimmed);
}

void SearchResultsModel::askServer(const QString &query)
{
    if (!m_sync || m_sync->state() != SyncClient::State::Online)
        return;
    Commands::Search command;
    command.query = query.left(Protocol::MaxSearchChars);
    command.limit = Limit;
    m_sync->request(
        Requests::search(command), this, [this, query](bool ok, const QJsonObject &reply) {
            if (!ok || m_query != query)
                return;
            const QJsonArray conversations = reply.value(QLatin1String("conversations")).toArray();
            QHash<qint64, QString> customers;
            for (const QJsonValue &json : conversations) {
                if (const auto c = Wire::decodeConversation(json.toObject()))
                    customers.insert(c->id, c->customer.name);
            }
            QList<Message> messages;
            for (const QJsonValue &json : reply.value(QLatin1String("messages")).toArray()) {
                if (const auto m = Wire::decodeMessage(json.toObject()))
                    messages.append(m.value());
            }
            m_serverQuery = query;
            m_serverHits = messages;
            m_serverCustomers = customers;
            // Kept, so that choosing one opens it (its thread loads from the server).
            m_cache.storeConversations(conversations);
            addFound(query, messages, customers);
        });
}

void SearchResultsModel::addFound(const QString &query, const QList<Message> &messages,
                                  const QHash<qint64, QString> &customers)
{
    if (query.trimmed() != m_query || m_query.isEmpty())
        return;
    QSet<qint64> shown;
    for (const Hit &hit : std::as_const(m_hits))
        shown.insert(hit.message.id);
    QList<Hit> hits = m_hits;
    for (const Message &m : messages)
        if (!shown.contains(m.id))
            hits.append({m, customers.value(m.conversationId)});
    if (hits.size() == m_hits.size())
        return;
    std::sort(hits.begin(), hits.end(),
              [](const Hit &a, const Hit &b) { return a.message.id > b.message.id; });
    beginResetModel();
    m_hits = std::move(hits);
    endResetModel();
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Hit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ConversationListModel::CustomerNameRole:
        return hit.customerName;
    case Qt::ToolTipRole:
    case ConversationListModel::LastTextRole:
        return hit.message.text;
    case ConversationListModel::IdRole:
        return hit.message.conversationId;
    case ConversationListModel::UpdatedAtRole:
        return hit.message.createdAt;
    case ConversationListModel::LastAuthorIsCustomerRole:
        return hit.message.author.kind == Party::Kind::Customer;
    case ConversationListModel::UnreadRole:
        return 0;
    case MessageIdRole:
        return hit.message.id;
    default:
        return {};
    }
}

} // namespace Tandem
