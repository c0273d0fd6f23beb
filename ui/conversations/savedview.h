// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/conversationlistmodel.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Tandem {

//! A view an agent saved: a name for one of the inbox's views narrowed down and ordered
//! (say "Urgent billing": All, label Billing, priority urgent, longest waiting first). Kept
//! in the profile's settings, as JSON.
struct SavedView {
    QString name;
    ConversationListModel::View view = ConversationListModel::View::Mine;
    ConversationListModel::Narrowing narrowing;
    ConversationListModel::Order order = ConversationListModel::Order::NewestActivity;

    bool operator==(const SavedView &o) const
    {
        return name == o.name && view == o.view && narrowing == o.narrowing && order == o.order;
    }

    //! The longest name kept.
    static constexpr int MaxNameChars = 40;
    //! At most this many are kept (tabs beyond it would only scroll).
    static constexpr int MaxCount = 20;

    static QByteArray toJson(const QList<SavedView> &views);
    //! What `json` holds that makes sense; anything else is left out.
    static QList<SavedView> fromJson(const QByteArray &json);
};

} // namespace Tandem
