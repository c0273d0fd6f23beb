// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>

//! A team's automatic reply made into the words a customer reads (docs/protocol.md,
//! "Business hours"): its placeholders filled with times in the customer's timezone.
namespace Tandem::AutoReplyText {

//! `text` with {opening} and {replyBy} replaced by those instants as `locale` writes them
//! in `zone`, named ("Monday 4 January, 08:00 (Europe/Berlin)"); an invalid instant reads
//! as `unknown`. Other braces stay as written.
QString fill(QString text, const QDateTime &opening, const QDateTime &replyBy,
             const QTimeZone &zone, const QLocale &locale, const QString &unknown);

//! One instant as fill() writes it.
QString when(const QDateTime &at, const QTimeZone &zone, const QLocale &locale);

} // namespace Tandem::AutoReplyText
