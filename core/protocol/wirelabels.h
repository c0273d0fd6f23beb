// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/label.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <optional>

//! Labels on the wire, and the requests that keep them (docs/protocol.md, "Labels and
//! priority").
namespace Tandem::Wire {

QJsonObject encode(const Label &label);
Result<Label> decodeLabel(const QJsonObject &json);
//! "#rrggbb", lower case hex digits or upper.
bool isColour(const QString &colour);

} // namespace Tandem::Wire

namespace Tandem::Commands {

//! The most labels the server keeps.
constexpr int MaxLabels = 500;

struct SaveLabel {
    std::optional<qint64> id; //!< unset: a new label
    QString name;
    QString colour;
};

struct DeleteLabel {
    qint64 id = 0;
};

//! `labels`: add some to a conversation and take some off, leaving the others as they are,
//! so two agents labelling at once (or a request replayed from the outbox) lose nothing.
struct ChangeLabels {
    qint64 conversationId = 0;
    QList<qint64> add;
    QList<qint64> remove;
};

Result<SaveLabel> decodeSaveLabel(const QJsonObject &fields);
Result<DeleteLabel> decodeDeleteLabel(const QJsonObject &fields);
Result<ChangeLabels> decodeChangeLabels(const QJsonObject &fields);

} // namespace Tandem::Commands
