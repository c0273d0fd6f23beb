// SPDX-License-Identifier: GPL-3.0-or-later
#include "olderhistoryproxy.h"

namespace Tandem {

bool OlderHistoryProxy::canFetchMore(const QModelIndex &) const
{
    return false;
}

void OlderHistoryProxy::fetchMore(const QModelIndex &) {}

bool OlderHistoryProxy::canFetchOlder() const
{
    return sourceModel() && sourceModel()->canFetchMore({});
}

void OlderHistoryProxy::fetchOlder()
{
    if (canFetchOlder())
        sourceModel()->fetchMore({});
}

} // namespace Tandem
