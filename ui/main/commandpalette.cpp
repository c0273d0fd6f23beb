// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandpalette.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QTimer>
#include <QVBoxLayout>

namespace Tandem {
namespace {

QString plain(QString text)
{
    return text.remove(QLatin1Char('&')).remove(QChar(0x2026)).trimmed();
}

void collect(QMenu *menu, const QString &path, QList<std::pair<QString, QAction *>> &into)
{
    // Menus that fill themselves when shown (views, agents) are filled first.
    Q_EMIT menu->aboutToShow();
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QString name = path + QStringLiteral(" › ") + plain(action->text());
        if (action->menu())
            collect(action->menu(), name, into);
        else if (action->isEnabled())
            into.append({name, action});
    }
}

} // namespace

CommandPalette::CommandPalette(QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
    , m_actions(actionsOf(menus))
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Commands"));
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("commandSearch"));
    m_search->setPlaceholderText(tr("Type a command: resolve, snooze, label, assign…"));
    m_search->installEventFilter(this);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("commandList"));
    m_list->setUniformItemSizes(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    resize(520, 380);
    connect(m_search, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_list, &QListWidget::itemActivated, this, &CommandPalette::runCurrent);
    refilter();
}

QList<std::pair<QString, QAction *>> CommandPalette::actionsOf(QMenuBar *menus)
{
    QList<std::pair<QString, QAction *>> all;
    for (QAction *top : menus->actions())
        if (top->menu() && top->isVisible())
            collect(top->menu(), plain(top->text()), all);
    return all;
}

void CommandPalette::refilter()
{
    const QStringList words =
        m_search->text().simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_list->clear();
    for (int i = 0; i < m_actions.size(); ++i) {
        const auto &[name, action] = m_actions.at(i);
        if (!std::all_of(words.cbegin(), words.cend(), [&name = name](const QString &w) {
                return name.contains(w, Qt::CaseInsensitive);
            }))
            continue;
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        auto *item = new QListWidgetItem(
            shortcut.isEmpty() ? name : QStringLiteral("%1\t%2").arg(name, shortcut), m_list);
        item->setData(Qt::UserRole, i);
    }
    m_list->setCurrentRow(0);
}

void CommandPalette::runCurrent()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    QPointer<QAction> action = m_actions.at(item->data(Qt::UserRole).toInt()).second;
    accept();
    // After the palette has closed, so what the action opens gets the focus.
    QTimer::singleShot(0, action, [action] {
        if (action)
            action->trigger();
    });
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            const int row = m_list->currentRow() + (key->key() == Qt::Key_Down ? 1 : -1);
            if (row >= 0 && row < m_list->count())
                m_list->setCurrentRow(row);
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            runCurrent();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Tandem
