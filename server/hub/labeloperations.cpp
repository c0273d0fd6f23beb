// SPDX-License-Identifier: GPL-3.0-or-later
#include "labeloperations.h"

#include "conversations/timeline.h"
#include "deskoperations.h"
#include "protocol/events.h"
#include "protocol/limits.h"

#include <QJsonArray>
#include <algorithm>

namespace Tandem::Server::LabelOperations {
namespace {

Failure supervisorsOnly()
{
    return {ErrorCode::Forbidden, QStringLiteral("Only supervisors and admins keep the labels")};
}

QJsonArray named(const QList<qint64> &ids, const QHash<qint64, Label> &labels)
{
    QJsonArray list;
    for (qint64 id : ids)
        list.append(QJsonObject{{QStringLiteral("id"), id},
                                {QStringLiteral("name"), labels.value(id).name}});
    return list;
}

QString names(const QList<qint64> &ids, const QHash<qint64, Label> &labels)
{
    QStringList list;
    for (qint64 id : ids)
        list.append(labels.value(id).name);
    return list.join(QStringLiteral(", "));
}

//! Saves `c`, writes `activity` into its timeline and appends the staff-only event.
Result<Conversation> record(Store &store, Conversation c, const Viewer &viewer,
                            const QString &change, const QJsonObject &activity, const QString &text)
{
    c.updatedAt = store.now();
    if (auto updated = store.updateConversation(c); !updated)
        return storageFailed(updated.failure());
    if (auto recorded = Timeline::record(store, c, viewer.party, activity, text); !recorded)
        return recorded.failure();
    Event e = Events::conversationUpdated(c, change, viewer.party);
    e.staffOnly = true;
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return c;
}

} // namespace

Result<Label> saveLabel(Store &store, const Viewer &viewer, const Commands::SaveLabel &command)
{
    if (!viewer.seesAll())
        return supervisorsOnly();
    if (!command.id) {
        const auto all = store.labels();
        if (!all)
            return storageFailed(all.failure());
        if (all->size() >= Commands::MaxLabels)
            return Failure{ErrorCode::BadRequest,
                           QStringLiteral("At most %1 labels").arg(Commands::MaxLabels)};
    }
    auto saved =
        store.saveLabel(Label{command.id.value_or(0), command.name, command.colour.toLower()});
    if (!saved) {
        if (saved.error() == StoreError::Conflict)
            return Failure{ErrorCode::Conflict, QStringLiteral("A label of that name exists")};
        if (saved.isNotFound())
            return Failure{ErrorCode::NotFound, QStringLiteral("No such label")};
        return storageFailed(saved.failure());
    }
    Event e = Events::labelSaved(saved.value());
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return saved.value();
}

Result<Done> deleteLabel(Store &store, const Viewer &viewer, const Commands::DeleteLabel &command)
{
    if (!viewer.seesAll())
        return supervisorsOnly();
    if (auto deleted = store.deleteLabel(command.id); !deleted)
        return deleted.isNotFound() ? Failure{ErrorCode::NotFound, QStringLiteral("No such label")}
                                    : storageFailed(deleted.failure());
    // Clients take it off their conversations themselves, as the store just did.
    Event e = Events::labelDeleted(command.id);
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return Done{};
}

Result<Conversation> changeLabels(Store &store, const Viewer &viewer,
                                  const Commands::ChangeLabels &command)
{
    if (!viewer.isStaff())
        return Failure{ErrorCode::Forbidden, QStringLiteral("Only staff label conversations")};
    auto loaded = DeskOperations::accessibleConversation(store, viewer, command.conversationId);
    if (!loaded)
        return loaded.failure();
    const auto all = store.labels();
    if (!all)
        return storageFailed(all.failure());
    QHash<qint64, Label> labels;
    for (const Label &label : all.value())
        labels.insert(label.id, label);
    for (qint64 id : command.add)
        if (!labels.contains(id))
            return Failure{ErrorCode::NotFound, QStringLiteral("add: no label %1").arg(id)};
    Conversation c = loaded.value();
    QList<qint64> added, removed;
    QList<qint64> now;
    for (qint64 id : std::as_const(c.labels)) {
        if (command.remove.contains(id))
            removed.append(id);
        else
            now.append(id);
    }
    for (qint64 id : command.add)
        if (!now.contains(id) && !command.remove.contains(id)) {
            now.append(id);
            added.append(id);
        }
    if (added.isEmpty() && removed.isEmpty())
        return c; // as asked already: a retry, or someone was quicker
    if (now.size() > Protocol::MaxLabelsPerConversation)
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("A conversation carries at most %1 labels")
                           .arg(Protocol::MaxLabelsPerConversation)};
    std::sort(now.begin(), now.end());
    c.labels = now;
    const QString who = viewer.party.name;
    QString text;
    if (!added.isEmpty())
        text = QStringLiteral("%1 added %2").arg(who, names(added, labels));
    if (!removed.isEmpty())
        text += (text.isEmpty() ? who + QLatin1Char(' ') : QStringLiteral(" and "))
                + QStringLiteral("removed %1").arg(names(removed, labels));
    const QJsonObject activity{{QStringLiteral("change"), QStringLiteral("labels")},
                               {QStringLiteral("added"), named(added, labels)},
                               {QStringLiteral("removed"), named(removed, labels)}};
    return record(store, c, viewer, Events::Change::Labels, activity, text);
}

Result<Conversation> setPriority(Store &store, const Viewer &viewer,
                                 const Commands::SetPriority &command)
{
    if (!viewer.isStaff())
        return Failure{ErrorCode::Forbidden, QStringLiteral("Only staff set a priority")};
    auto loaded = DeskOperations::accessibleConversation(store, viewer, command.conversationId);
    if (!loaded)
        return loaded.failure();
    Conversation c = loaded.value();
    const bool underWay = c.liveState == LiveState::Queued || c.liveState == LiveState::Active;
    if (underWay && !viewer.seesAll())
        return Failure{ErrorCode::Forbidden,
                       QStringLiteral("A live chat's priority orders the queue: supervisors "
                                      "set it")};
    if (c.priority == command.priority)
        return c;
    c.priority = command.priority;
    static const char *const levels[] = {"none", "low", "medium", "high", "urgent"};
    const QString level = QLatin1String(levels[c.priority]);
    return record(store, c, viewer, Events::Change::Priority,
                  {{QStringLiteral("change"), QStringLiteral("priority")},
                   {QStringLiteral("priority"), c.priority}},
                  QStringLiteral("%1 set the priority to %2").arg(viewer.party.name, level));
}

} // namespace Tandem::Server::LabelOperations
