// SPDX-License-Identifier: GPL-3.0-or-later
#include "typingnotifier.h"

#include "sync/syncclient.h"

namespace Tandem {
namespace {
constexpr int RepeatMs = 4000; // the customer's widget forgets an indicator after a while
constexpr int IdleMs = 5000;
} // namespace

TypingNotifier::TypingNotifier(SyncClient &sync, QObject *parent)
    : QObject(parent)
    , m_sync(sync)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(IdleMs);
    connect(&m_idle, &QTimer::timeout, this, &TypingNotifier::stop);
}

void TypingNotifier::setConversation(qint64 conversationId)
{
    if (conversationId == m_conversation)
        return;
    stop();
    m_conversation = conversationId;
}

void TypingNotifier::edited(bool empty)
{
    if (m_conversation == 0)
        return;
    if (empty) {
        stop();
        return;
    }
    m_idle.start();
    if (!m_on || m_lastOn.elapsed() > RepeatMs)
        send(true);
}

void TypingNotifier::stop()
{
    m_idle.stop();
    if (m_on)
        send(false);
}

void TypingNotifier::send(bool on)
{
    m_on = on;
    if (on)
        m_lastOn.start();
    if (m_sync.state() != SyncClient::State::Online)
        return;
    m_sync.request(Requests::typing({m_conversation, on}), this, [](bool, const QJsonObject &) {});
}

} // namespace Tandem
