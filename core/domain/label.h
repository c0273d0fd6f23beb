// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Tandem {

//! A tag staff put on conversations ("billing", "bug"); supervisors keep the list.
struct Label {
    qint64 id = 0;
    QString name;
    QString colour = QStringLiteral("#6b7280"); //!< "#rrggbb"

    bool operator==(const Label &o) const
    {
        return id == o.id && name == o.name && colour == o.colour;
    }
};

//! A conversation's labels as both stores keep them in one column: a JSON array of ids,
//! ascending ("[3,7]"), which SQLite's json_each reads too.
inline QString labelIdsText(const QList<qint64> &labels)
{
    QStringList ids;
    for (qint64 id : labels)
        ids.append(QString::number(id));
    return QLatin1Char('[') + ids.join(QLatin1Char(',')) + QLatin1Char(']');
}

inline QList<qint64> labelIdsFrom(const QString &text)
{
    QList<qint64> labels;
    for (const QStringView id :
         QStringView(text).mid(1, text.size() - 2).split(QLatin1Char(','), Qt::SkipEmptyParts))
        labels.append(id.toLongLong());
    return labels;
}

//! How urgent a conversation is (docs/protocol.md, "Labels and priority"). For live chats
//! in the queue it is also the order they are served in, highest first.
namespace Priority {
constexpr int None = 0;
constexpr int Low = 1;
constexpr int Medium = 2;
constexpr int High = 3;
constexpr int Urgent = 4;
} // namespace Priority

} // namespace Tandem
