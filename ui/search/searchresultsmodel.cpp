// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchresultsmodel.h"

#include "models/conversationlistmodel.h"

#include <QHash>

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
