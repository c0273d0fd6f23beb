// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;
class QMenuBar;

namespace Tandem {

//! Ctrl+K: every action of the menus, found by typing part of its name, run with Enter —
//! so no action needs the mouse, and none needs its shortcut remembered.
class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    CommandPalette(QMenuBar *menus, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QListWidget *commands() const { return m_list; }

    //! Every enabled action under `menus`, named by its menu path ("Conversation › Resolve").
    static QList<std::pair<QString, QAction *>> actionsOf(QMenuBar *menus);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void runCurrent();

    QLineEdit *m_search = nullptr;
    QListWidget *m_list = nullptr;
    QList<std::pair<QString, QAction *>> m_actions;
};

} // namespace Tandem
