// SPDX-License-Identifier: GPL-3.0-or-later
#include "cannedresponsesmodel.h"

namespace Tandem {

CannedResponsesModel::CannedResponsesModel(LocalCache &cache, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
{
    connect(&m_cache, &LocalCache::cannedChanged, this, &CannedResponsesModel::reload);
    connect(&m_cache, &LocalCache::reset, this, &CannedResponsesModel::reload);
    reload();
}

int CannedResponsesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CannedResponsesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CannedResponse &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("/%1").arg(c.shortcut);
    case ShortcutRole:
        return c.shortcut;
    case Qt::ToolTipRole:
    case TextRole:
        return c.text;
    case IdRole:
        return c.id;
    case UpdatedAtRole:
        return c.updatedAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> CannedResponsesModel::roleNames() const
{
    return {{IdRole, "cannedId"},
            {ShortcutRole, "shortcut"},
            {TextRole, "text"},
            {UpdatedAtRole, "updatedAt"}};
}

int CannedResponsesModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

void CannedResponsesModel::setFilter(const QString &text)
{
    QString filter = text.trimmed();
    if (filter.startsWith(QLatin1Char('/')))
        filter.remove(0, 1);
    if (filter == m_filter)
        return;
    m_filter = filter;
    beginResetModel();
    applyFilter();
    endResetModel();
}

void CannedResponsesModel::reload()
{
    beginResetModel();
    m_all = m_cache.cannedResponses();
    applyFilter();
    endResetModel();
}

void CannedResponsesModel::applyFilter()
{
    if (m_filter.isEmpty()) {
        m_rows = m_all;
        return;
    }
    QList<CannedResponse> prefix;
    QList<CannedResponse> inside;
    for (const CannedResponse &c : std::as_const(m_all)) {
        if (c.shortcut.startsWith(m_filter, Qt::CaseInsensitive))
            prefix.append(c);
        else if (c.shortcut.contains(m_filter, Qt::CaseInsensitive)
                 || c.text.contains(m_filter, Qt::CaseInsensitive))
            inside.append(c);
    }
    m_rows = prefix + inside;
}

} // namespace Tandem
