// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIdentityProxyModel>

namespace Tandem {

//! Shows a message model unchanged, but keeps Qt's item views from paging it themselves:
//! a view calls fetchMore() whenever its *last* row is visible — in a chat, that is the
//! newest message, always on screen — and would pull in the whole history. Older pages
//! are fetched only through fetchOlder(), when the user scrolls to the top.
class OlderHistoryProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    bool canFetchOlder() const;
    void fetchOlder();
};

} // namespace Tandem
