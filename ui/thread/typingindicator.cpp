// SPDX-License-Identifier: GPL-3.0-or-later
#include "typingindicator.h"

#include "sync/syncclient.h"

namespace Tandem {

TypingIndicator::TypingIndicator(SyncClient &sync, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("typing"));
    QFont italic = font();
    italic.setItalic(true);
    setFont(italic);
    m_lapse.setSingleShot(true);
    m_lapse.setInterval(LapseMs);
    connect(&m_lapse, &QTimer::timeout, this, &QLabel::clear);
    connect(&sync, &SyncClient::typing, this,
            [this](qint64 conversation, const QString &who, bool on) {
                if (conversation != m_conversation)
                    return;
                setText(on ? tr("%1 is typing…").arg(who.isEmpty() ? tr("The customer") : who)
                           : QString());
                if (on)
                    m_lapse.start();
            });
}

void TypingIndicator::setConversation(qint64 conversationId)
{
    m_conversation = conversationId;
    m_lapse.stop();
    clear();
}

} // namespace Tandem
