// SPDX-License-Identifier: GPL-3.0-or-later
#include "wirelabels.h"

#include "fieldreader.h"
#include "limits.h"

#include <QRegularExpression>

namespace Tandem::Wire {

QJsonObject encode(const Label &label)
{
    return {{QStringLiteral("id"), label.id},
            {QStringLiteral("name"), label.name},
            {QStringLiteral("colour"), label.colour}};
}

bool isColour(const QString &colour)
{
    static const QRegularExpression pattern(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return pattern.match(colour).hasMatch();
}

Result<Label> decodeLabel(const QJsonObject &json)
{
    FieldReader r(json, QStringLiteral("label"));
    Label l;
    l.id = r.id("id");
    l.name = r.string("name", 1, Protocol::MaxLabelChars);
    l.colour = r.string("colour", 7, 7);
    if (r.ok() && !isColour(l.colour))
        r.fail("colour", QStringLiteral("must be #rrggbb"));
    if (!r.ok())
        return r.failure();
    return l;
}

} // namespace Tandem::Wire

namespace Tandem::Commands {

Result<SaveLabel> decodeSaveLabel(const QJsonObject &fields)
{
    FieldReader r(fields);
    SaveLabel l;
    l.id = r.optionalId("label");
    l.name = r.string("name", 1, Protocol::MaxLabelChars).trimmed();
    l.colour = r.string("colour", 7, 7);
    if (r.ok() && l.name.isEmpty())
        r.fail("name", QStringLiteral("must not be blank"));
    if (r.ok() && l.name.contains(QLatin1Char(',')))
        r.fail("name", QStringLiteral("must not contain a comma"));
    if (r.ok() && !Wire::isColour(l.colour))
        r.fail("colour", QStringLiteral("must be #rrggbb"));
    if (!r.ok())
        return r.failure();
    return l;
}

Result<DeleteLabel> decodeDeleteLabel(const QJsonObject &fields)
{
    FieldReader r(fields);
    DeleteLabel d;
    d.id = r.id("label");
    if (!r.ok())
        return r.failure();
    return d;
}

Result<ChangeLabels> decodeChangeLabels(const QJsonObject &fields)
{
    FieldReader r(fields);
    ChangeLabels c;
    c.conversationId = r.id("conversation");
    c.add = r.optionalIds("add", Protocol::MaxLabelsPerConversation).value_or(QList<qint64>());
    c.remove =
        r.optionalIds("remove", Protocol::MaxLabelsPerConversation).value_or(QList<qint64>());
    if (r.ok() && c.add.isEmpty() && c.remove.isEmpty())
        r.fail("add", QStringLiteral("add or remove at least one label"));
    if (!r.ok())
        return r.failure();
    return c;
}

} // namespace Tandem::Commands
