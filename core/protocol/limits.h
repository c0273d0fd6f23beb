// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

//! Numbers both ends of the protocol agree on (docs/protocol.md).
namespace Tandem::Protocol {

constexpr int Version = 1;
constexpr qint64 DefaultMaxMessageBytes = 64 * 1024;
constexpr qsizetype MaxRequestIdChars = 64;
constexpr qsizetype MaxTextChars = 10000;
constexpr qsizetype MaxNameChars = 100;
constexpr qsizetype MaxEmailChars = 254;
constexpr qsizetype MaxPasswordChars = 1024;
constexpr qsizetype MaxTokenChars = 256;
//! A transfer note or a rating comment.
constexpr qsizetype MaxNoteChars = 1000;
//! Agents one note may mention.
constexpr qsizetype MaxMentions = 50;
//! Addresses an email reply may copy.
constexpr qsizetype MaxCopied = 20;
//! Files one message may carry, the most one file and all of them may be, and an email's
//! subject.
constexpr qsizetype MaxFilesPerMessage = 10;
constexpr qint64 MaxUploadBytes = 10LL * 1024 * 1024;
constexpr qint64 MaxFilesBytes = 25LL * 1024 * 1024;
constexpr qsizetype MaxFileNameChars = 255;
constexpr qsizetype MaxSubjectChars = 200;
constexpr qsizetype MaxShortcutChars = 32;
//! Conversations' priority: none, low, medium, high, urgent (domain/label.h).
constexpr int MaxPriority = 4;
constexpr qsizetype MaxLabelChars = 40;
//! The most labels one conversation carries, and that one `labels` request names.
constexpr qsizetype MaxLabelsPerConversation = 20;
constexpr int DefaultHistoryLimit = 50;
constexpr int MaxHistoryLimit = 200;
//! Text in one `history` page: past it the page holds fewer messages (and `more`).
constexpr qsizetype MaxHistoryPageChars = 100000;
//! Conversations in one `conversations` page.
constexpr int MaxConversationPage = 200;
//! `search`: what may be searched for, and how many messages one answer holds.
constexpr qsizetype MaxSearchChars = 200;
constexpr int MaxSearchResults = 50;
//! The most conversations `--snapshot-limit` may put in a snapshot.
constexpr int MaxSnapshotLimit = 1000;
//! The most one clock.advance may move a --manual-clock server (a year).
//! A team's calendar: weekly opening intervals, closures (holidays), a closure's name.
constexpr qsizetype MaxOpeningIntervals = 70;
constexpr qsizetype MaxClosures = 400;
constexpr qsizetype MaxClosureNameChars = 100;
//! A team's automatic reply text, before its placeholders are filled.
constexpr qsizetype MaxAutoReplyChars = 1000;
//! The longest expected wait a busy reply may wait for: a week, in minutes.
constexpr int MaxBusyAfterMinutes = 7 * 24 * 60;
//! An IANA timezone name, and a BCP 47 language tag, as a customer's hello gives them.
constexpr qsizetype MaxTimezoneChars = 64;
constexpr qsizetype MaxLanguageChars = 35;
//! The longest one closure may be.
constexpr int MaxClosureDays = 366;
constexpr qint64 MaxClockAdvanceMs = 366LL * 24 * 3600 * 1000;
//! WebSocket close code: the session ended (signed out, revoked, disabled); sign in again.
constexpr int CloseSessionEnded = 4001;
//! WebSocket close code: the client stopped reading and too much waited for it; reconnect
//! and resume, nothing is lost.
constexpr int CloseTooSlow = 4002;
//! WebSocket close code: too many connections from this address or of this customer; try
//! again later. (Not 1013: Qt 6.4 clients take that for a protocol error.)
constexpr int CloseTooManyConnections = 4003;
//! Ids travel as JSON numbers; above this a double can no longer hold every integer.
constexpr qint64 MaxId = (qint64(1) << 53) - 1;

} // namespace Tandem::Protocol
