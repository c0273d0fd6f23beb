// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchresultsmodel.h"

#include "models/conversationlistmodel.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace Tandem {

SearchResultsModel::SearchResultsModel(LocalCache &cache, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
{
}

void SearchResultsModel::search(const QString &query)
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
