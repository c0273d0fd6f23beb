// SPDX-License-Identifier: GPL-3.0-or-later
#include "narrowingbutton.h"

#include "cache/localcache.h"
#include "conversationdelegate.h"

#include <QMenu>

namespace Tandem {
namespace {

QString channelName(const QString &channel)
{
    return ConversationDelegate::channelName(channel);
}

QString statusName(const QString &status)
{
    if (status == ConversationStatus::Open)
        return NarrowingButton::tr("Open");
    if (status == ConversationStatus::Pending)
        return NarrowingButton::tr("Pending");
    if (status == ConversationStatus::Snoozed)
        return NarrowingButton::tr("Snoozed");
    return NarrowingButton::tr("Resolved");
}

} // namespace

NarrowingButton::NarrowingButton(LocalCache &cache, QWidget *parent)
    : QToolButton(parent)
    , m_cache(cache)
{
    setObjectName(QStringLiteral("narrowing"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setAutoRaise(true);
    auto *menu = new QMenu(this);
    setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, &NarrowingButton::fillMenu);
    describe();
}

void NarrowingButton::setNarrowing(const ConversationListModel::Narrowing &narrowing)
{
    if (narrowing == m_narrowing)
        return;
    m_narrowing = narrowing;
    describe();
    Q_EMIT narrowingChanged(m_narrowing);
}

void NarrowingButton::fillMenu()
{
    QMenu *root = menu();
    root->clear();
    // Each choice replaces its own kind and keeps the others; choosing the one set clears it.
    const auto choice = [this](QMenu *m, const QString &text, bool checked, auto apply) {
        QAction *a = m->addAction(text, this, [this, apply, checked] {
            ConversationListModel::Narrowing n = m_narrowing;
            apply(n, checked);
            setNarrowing(n);
        });
        a->setCheckable(true);
        a->setChecked(checked);
    };
    const QList<Inbox> inboxes = m_cache.inboxes();
    QMenu *inboxMenu = root->addMenu(tr("Inbox"));
    QStringList channels;
    for (const Inbox &inbox : inboxes) {
        choice(inboxMenu, inbox.name, m_narrowing.inboxId == inbox.id,
               [id = inbox.id](ConversationListModel::Narrowing &n, bool was) {
                   n.inboxId = was ? 0 : id;
               });
        if (!channels.contains(inbox.channel))
            channels.append(inbox.channel);
    }
    QMenu *channelMenu = root->addMenu(tr("Channel"));
    for (const QString &channel : std::as_const(channels))
        choice(channelMenu, channelName(channel), m_narrowing.channel == channel,
               [channel](ConversationListModel::Narrowing &n, bool was) {
                   n.channel = was ? QString() : channel;
               });
    QMenu *labelMenu = root->addMenu(tr("Label"));
    const QList<Label> labels = m_cache.labels();
    for (const Label &label : labels)
        choice(labelMenu, label.name, m_narrowing.labelId == label.id,
               [id = label.id](ConversationListModel::Narrowing &n, bool was) {
                   n.labelId = was ? 0 : id;
               });
    labelMenu->setEnabled(!labels.isEmpty());
    QMenu *priorityMenu = root->addMenu(tr("Priority"));
    for (int level = Priority::Urgent; level >= Priority::None; --level)
        choice(priorityMenu,
               level == Priority::None ? tr("None") : ConversationDelegate::priorityName(level),
               m_narrowing.priority == level,
               [level](ConversationListModel::Narrowing &n, bool was) {
                   n.priority = was ? -1 : level;
               });
    QMenu *statusMenu = root->addMenu(tr("Status"));
    for (const QString &status : {ConversationStatus::Open, ConversationStatus::Pending,
                                  ConversationStatus::Snoozed, ConversationStatus::Resolved})
        choice(statusMenu, statusName(status), m_narrowing.status == status,
               [status](ConversationListModel::Narrowing &n, bool was) {
                   n.status = was ? QString() : status;
               });
    root->addSeparator();
    root->addAction(tr("Show all"), this, [this] { setNarrowing({}); })
        ->setEnabled(!m_narrowing.isEmpty());
    root->addSeparator();
    root->addAction(tr("Save as View…"), this, &NarrowingButton::saveRequested)
        ->setObjectName(QStringLiteral("saveView"));
}

void NarrowingButton::describe()
{
    if (m_narrowing.isEmpty()) {
        setText(tr("Filter"));
        setToolTip(tr("Show only one inbox, channel, label, priority or status"));
        return;
    }
    QStringList parts;
    if (m_narrowing.inboxId)
        for (const Inbox &inbox : m_cache.inboxes())
            if (inbox.id == m_narrowing.inboxId)
                parts << inbox.name;
    if (!m_narrowing.channel.isEmpty())
        parts << channelName(m_narrowing.channel);
    if (m_narrowing.labelId)
        for (const Label &label : m_cache.labels())
            if (label.id == m_narrowing.labelId)
                parts << label.name;
    if (m_narrowing.priority >= 0)
        parts << (m_narrowing.priority == 0
                      ? tr("No priority")
                      : ConversationDelegate::priorityName(m_narrowing.priority));
    if (!m_narrowing.status.isEmpty())
        parts << statusName(m_narrowing.status);
    setText(tr("Filter: %1").arg(parts.join(QStringLiteral(", "))));
    setToolTip(tr("Only these are shown; choose again to show all"));
}

} // namespace Tandem
