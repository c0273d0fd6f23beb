// SPDX-License-Identifier: GPL-3.0-or-later
#include "phrasebook.h"

#include <QRandomGenerator>

namespace Tandem::Sim {
namespace {

template<size_t N> QString pick(const char16_t *const (&lines)[N])
{
    return QString::fromUtf16(lines[QRandomGenerator::global()->bounded(int(N))]);
}

const char16_t *const FirstNames[] = {
    u"Ada",   u"Ben",    u"Chloé", u"Dmitri", u"Elena", u"Farid",  u"Grace", u"Hiro",
    u"Inès",  u"Jonas",  u"Kemi",  u"Liam",   u"Maya",  u"Nils",   u"Olga",  u"Priya",
    u"Quinn", u"Rafael", u"Sofia", u"Tomás",  u"Uma",   u"Victor", u"Wen",   u"Yusuf",
};

const char16_t *const Openings[] = {
    u"Hi, my order hasn't arrived yet and the tracking hasn't moved in four days.",
    u"Hello! I was charged twice for the same subscription this month.",
    u"I can't log in, the password reset email never comes.",
    u"How do I change the delivery address on an order I already placed?",
    u"The app crashes every time I open the settings page.",
    u"Can I get a refund for an item that arrived damaged?",
    u"Hi, is there a way to export all my invoices as PDF?",
    u"My discount code says it's expired but the email said it's valid until Friday.",
    u"I'd like to cancel my plan but I can't find the button anywhere.",
    u"Good morning, the size I ordered is too small. Can I swap it?",
};

const char16_t *const FollowUps[] = {
    u"Thanks. The order number is 48213.",
    u"Yes, it's the email address I signed up with.",
    u"I tried that already, same problem.",
    u"OK, how long will that take?",
    u"Great, that worked!",
    u"Could you send me a confirmation by email?",
    u"It's an iPhone 13 with the latest update.",
    u"Sure, one moment please.",
    u"Hmm, I don't see that option.",
    u"Perfect, thank you for your help.",
};

const char16_t *const AgentLines[] = {
    u"Thanks for reaching out! Let me look into that for you.",
    u"I'm sorry about that. Could you give me your order number?",
    u"I've checked your account. Can you confirm the email you used?",
    u"That should be fixed now, could you try again?",
    u"I've issued the refund; it will show up in 3 to 5 business days.",
    u"Got it. I'm escalating this to our shipping team.",
    u"You're welcome! Is there anything else I can help with?",
};

} // namespace

QString Phrasebook::customerName(int index)
{
    const int n = int(std::size(FirstNames));
    return QStringLiteral("%1 %2").arg(QString::fromUtf16(FirstNames[index % n])).arg(index + 1);
}

QString Phrasebook::openingLine()
{
    return pick(Openings);
}

QString Phrasebook::followUpLine()
{
    return pick(FollowUps);
}

QString Phrasebook::agentLine()
{
    return pick(AgentLines);
}

} // namespace Tandem::Sim
