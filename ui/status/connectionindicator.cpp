// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionindicator.h"

#include "statusdot.h"
#include "sync/outbox.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Tandem {

ConnectionIndicator::ConnectionIndicator(SyncClient &sync, Outbox &outbox, QWidget *parent)
    : QWidget(parent)
    , m_sync(sync)
    , m_outbox(outbox)
{
    m_dot = new StatusDot;
    m_state = new QLabel;
    m_state->setObjectName(QStringLiteral("connectionState"));
    m_outboxLabel = new QLabel;
    m_outboxLabel->setObjectName(QStringLiteral("outboxCount"));
    m_retry = new QToolButton;
    m_retry->setObjectName(QStringLiteral("retryNow"));
    m_retry->setText(tr("Retry now"));
    m_retry->setAutoRaise(true);
    m_retry->setToolTip(tr("Try to reach the server now instead of waiting"));
    connect(m_retry, &QToolButton::clicked, &m_sync, &SyncClient::retryNow);

    auto *separator = new QLabel(QStringLiteral("·"));
    separator->setEnabled(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_state);
    layout->addWidget(m_retry);
    layout->addWidget(separator);
    layout->addWidget(m_outboxLabel);
    layout->addStretch(1);

    // The countdown must tick although nothing else happens while waiting to reconnect.
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionIndicator::refresh);
    connect(&m_sync, &SyncClient::stateChanged, this, &ConnectionIndicator::refresh);
    connect(&m_outbox, &Outbox::pendingChanged, this, &ConnectionIndicator::refresh);
    refresh();
}

QString ConnectionIndicator::describe(SyncClient::State state, int seconds)
{
    switch (state) {
    case SyncClient::State::SignedOut:
        return tr("Signed out");
    case SyncClient::State::Offline:
        return tr("Offline");
    case SyncClient::State::Connecting:
        return tr("Connecting…");
    case SyncClient::State::Syncing:
        return tr("Syncing…");
    case SyncClient::State::Online:
        return tr("Online");
    case SyncClient::State::Reconnecting:
        return seconds > 0 ? tr("Offline – reconnecting in %1 s").arg(seconds)
                           : tr("Offline – reconnecting…");
    }
    return {};
}

QColor ConnectionIndicator::colorOf(SyncClient::State state)
{
    switch (state) {
    case SyncClient::State::Online:
        return QColor(0x2e, 0xa0, 0x43);
    case SyncClient::State::Connecting:
    case SyncClient::State::Syncing:
        return QColor(0x2f, 0x80, 0xed);
    case SyncClient::State::Reconnecting:
        return QColor(0xe0, 0x9b, 0x1a);
    case SyncClient::State::SignedOut:
        return QColor(0xc6, 0x28, 0x28);
    case SyncClient::State::Offline:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QString ConnectionIndicator::stateText() const
{
    return m_state->text();
}

QString ConnectionIndicator::outboxText() const
{
    return m_outboxLabel->text();
}

void ConnectionIndicator::refresh()
{
    const SyncClient::State state = m_sync.state();
    const bool reconnecting = state == SyncClient::State::Reconnecting;
    m_state->setText(describe(state, m_sync.secondsToRetry()));
    m_dot->setColor(colorOf(state));
    m_retry->setVisible(reconnecting);
    if (reconnecting && !m_countdown.isActive())
        m_countdown.start();
    else if (!reconnecting)
        m_countdown.stop();

    const int pending = m_outbox.pending();
    m_outboxLabel->setText(tr("Outbox: %1").arg(pending));
    m_outboxLabel->setToolTip(pending == 0
                                  ? tr("Every reply has reached the server.")
                                  : tr("Replies waiting to be sent: %1. They go out as soon as "
                                       "the server can be reached.")
                                        .arg(pending));
    // Replies waiting while offline deserve attention; none waiting does not.
    QFont font = m_outboxLabel->font();
    font.setBold(pending > 0);
    m_outboxLabel->setFont(font);
}

} // namespace Tandem
