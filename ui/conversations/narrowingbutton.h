// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/conversationlistmodel.h"

#include <QToolButton>

namespace Tandem {

class LocalCache;

//! "Filter": narrows the list down to one inbox, channel, label, priority or status (or
//! several at once), and says on its face what it lets through. Its menu is built from
//! the cache each time it opens, so new labels and inboxes are there.
class NarrowingButton : public QToolButton
{
    Q_OBJECT
public:
    explicit NarrowingButton(LocalCache &cache, QWidget *parent = nullptr);

    const ConversationListModel::Narrowing &narrowing() const { return m_narrowing; }
    void setNarrowing(const ConversationListModel::Narrowing &narrowing);

Q_SIGNALS:
    void narrowingChanged(const ConversationListModel::Narrowing &narrowing);
    //! "Save as View…": keep what the list shows under a name.
    void saveRequested();

private:
    void fillMenu();
    void describe();

    LocalCache &m_cache;
    ConversationListModel::Narrowing m_narrowing;
};

} // namespace Tandem
