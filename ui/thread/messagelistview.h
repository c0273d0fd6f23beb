// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>
#include <optional>

namespace Tandem {

//! A conversation's messages, newest at the bottom. It stays pinned to the bottom while
//! new messages arrive (unless the user scrolled up to read), keeps the text in place
//! when older messages are inserted above, and asks for older history at the top.
class MessageListView : public QListView
{
    Q_OBJECT
public:
    explicit MessageListView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    void scrollToNewest();
    bool isAtNewest() const { return m_pinned; }

Q_SIGNALS:
    //! The top is in view: older history would be welcome.
    void olderWanted();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void updateGeometries() override;

private:
    void onRangeChanged(int min, int max);
    void onScrolled(int value);

    bool m_pinned = true;
    //! Set while rows go in above: the distance from the end of the content to restore.
    std::optional<int> m_keepFromBottom;
    bool m_adjusting = false;
};

} // namespace Tandem
