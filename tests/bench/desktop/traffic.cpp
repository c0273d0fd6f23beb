// SPDX-License-Identifier: GPL-3.0-or-later
#include "traffic.h"

#include "protocol/events.h"

#include <QDateTime>
#include <QUuid>

namespace Tandem::Bench {
namespace {

// What customers write about, most often first: a few words in a large share of messages.
const char *const Openings[] = {
    "Hi, my order",
    "Hello, the delivery of order",
    "Good morning, I need a refund for order",
    "Hey, I was charged twice for order",
    "Hi there, where is my parcel for order",
    "Hello, I cannot log in since I changed my password, order",
    "Please cancel order",
    "Thanks for the quick answer about order",
};
const char *const Endings[] = {
    "has not arrived yet, can you check?",
    "arrived damaged, what can I do?",
    "shows the wrong address, please update it.",
    "was delivered to a neighbour.",
    "is still pending after a week.",
    "can I change the size before it ships?",
    "the invoice is missing, could you send it again?",
    "thank you for your help!",
};
const char *const Syllables[] = {"ka", "lo",  "mi",  "ter", "zu",  "bra", "xen", "po",
                                 "ri", "van", "del", "sto", "qui", "ne",  "fa",  "gor"};

} // namespace

Traffic::Traffic(int conversations)
    : m_conversations(conversations)
    , m_startMs(QDateTime::currentMSecsSinceEpoch() - 86400000LL * 30)
{
}

QString Traffic::sentence()
{
    auto pick = [this](int n) {
        return int(std::uniform_int_distribution<int>(0, n - 1)(m_random));
    };
    // A product name of 2–4 syllables: thousands of distinct words sharing prefixes.
    QString product;
    for (int i = 0, n = 2 + pick(3); i < n; ++i)
        product += QLatin1String(Syllables[pick(std::size(Syllables))]);
    return QStringLiteral("%1 %2 (the %3) %4")
        .arg(QLatin1String(Openings[pick(std::size(Openings))]))
        .arg(100000 + pick(900000))
        .arg(product, QLatin1String(Endings[pick(std::size(Endings))]));
}

Event Traffic::message(qint64 conversationId)
{
    Message m;
    m.id = ++m_messageId;
    m.conversationId = conversationId;
    m.clientId = QUuid::createUuid();
    m.author = Party{Party::Kind::Customer, conversationId,
                     QStringLiteral("Customer %1").arg(conversationId)};
    m.text = sentence();
    m.createdAt = QDateTime::fromMSecsSinceEpoch(m_startMs + m.id * 1000, Qt::UTC);
    m_rows.append(Row{m.id, conversationId, m.text, m.createdAt.toMSecsSinceEpoch()});
    Conversation c;
    c.id = conversationId;
    c.customer.id = conversationId;
    c.inboxId = 1;
    Event e = Events::messageCreated(m, c);
    e.seq = ++m_seq;
    return e;
}

QList<Event> Traffic::conversations()
{
    QList<Event> events;
    for (int i = 1; i <= m_conversations; ++i) {
        Conversation c;
        c.id = i;
        c.customer = Customer{i, QStringLiteral("Customer %1").arg(i), {}};
        c.inboxId = 1;
        c.createdAt = c.updatedAt = QDateTime::fromMSecsSinceEpoch(m_startMs, Qt::UTC);
        Event created = Events::conversationCreated(c);
        created.seq = ++m_seq;
        events.append(created);
        events.append(message(i));
    }
    return events;
}

QList<Event> Traffic::messages(int count)
{
    QList<Event> events;
    events.reserve(count);
    for (int n = 0; n < count; ++n)
        events.append(message(1 + (m_next++ % m_conversations)));
    return events;
}

} // namespace Tandem::Bench
