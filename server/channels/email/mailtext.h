// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

//! What an email's text says first, and what it only repeats.
namespace Tandem::Server::MailText {

struct Folded {
    QString fresh;  //!< what the sender wrote this time
    QString quoted; //!< the history and signature below it (folded away in the thread)
};

//! Splits a reply's plain text where the quoted history or the signature begins: an
//! attribution line ("On Tue, … wrote:", "Am … schrieb …:", "Le … a écrit :"), Outlook's
//! "-----Original Message-----" or its "From: … Sent: …" block, a run of "> " lines to the
//! end, or the "-- " signature separator. Text that is all quote keeps its whole text fresh.
Folded fold(const QString &text);

//! The readable text of an HTML part, for a mail that has no plain part: tags dropped,
//! block elements on lines of their own, entities decoded; scripts and styles left out.
QString fromHtml(const QString &html);

} // namespace Tandem::Server::MailText
