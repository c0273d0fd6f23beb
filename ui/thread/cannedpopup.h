// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QLineEdit;
class QListView;

namespace Tandem {

class CannedResponsesModel;
class LocalCache;

//! The list of canned responses that "/" opens at the start of a reply: type to narrow it
//! down, Up/Down to choose (the whole text shows below the list), Enter to insert, Esc to
//! close.
class CannedPopup : public QFrame
{
    Q_OBJECT
public:
    explicit CannedPopup(LocalCache &cache, QWidget *parent = nullptr);

    //! Shows the list under `anchor`'s top-left corner, unfiltered, with the search focused.
    void popUp(QWidget *anchor);

    QLineEdit *searchField() const { return m_search; }
    QListView *list() const { return m_list; }
    CannedResponsesModel *model() const { return m_model; }
    //! The whole text of the response Enter would insert.
    QLabel *preview() const { return m_preview; }

Q_SIGNALS:
    //! The agent chose this response's text.
    void chosen(const QString &text);
    //! Closed without a choice.
    void dismissed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void choose(const QModelIndex &index);
    void selectFirst();
    void showPreview(const QModelIndex &index);

    CannedResponsesModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_empty = nullptr;
    bool m_chose = false;
};

} // namespace Tandem
