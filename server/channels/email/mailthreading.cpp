// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailthreading.h"

#include <QRegularExpression>
#include <sodium.h>

namespace Tandem::Server {
namespace {

constexpr int IdMacChars = 16;
constexpr int AddressMacChars = 10;

//! Letters and digits only: survives every mail client and address rule.
QByteArray base32(const unsigned char *bytes, size_t length, int chars)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    QByteArray out;
    quint64 buffer = 0;
    int bits = 0;
    for (size_t i = 0; i < length && out.size() < chars; ++i) {
        buffer = (buffer << 8) | bytes[i];
        bits += 8;
        while (bits >= 5 && out.size() < chars) {
            out.append(alphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    return out;
}

QString domainOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QStringLiteral("tandem.invalid") : address.mid(at + 1).toLower();
}

} // namespace

MailThreading::MailThreading(QByteArray key)
    : m_key(std::move(key))
{
}

QByteArray MailThreading::mac(const QByteArray &what, int chars) const
{
    unsigned char out[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(m_key.constData()),
                                size_t(m_key.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(what.constData()),
                                  size_t(what.size()));
    crypto_auth_hmacsha256_final(&state, out);
    return base32(out, sizeof out, chars);
}

QString MailThreading::messageId(qint64 conversationId, qint64 messageId,
                                 const QString &address) const
{
    const QByteArray core =
        "tandem." + QByteArray::number(conversationId) + '.' + QByteArray::number(messageId);
    return QString::fromLatin1(core + '.' + mac(core, IdMacChars)) + QLatin1Char('@')
           + domainOf(address);
}

std::optional<qint64> MailThreading::conversationOfMessageId(const QString &messageId) const
{
    static const QRegularExpression ours(
        QStringLiteral("^<?(tandem\\.(\\d{1,18})\\.(\\d{1,18}))\\.([a-z2-7]{%1})@")
            .arg(IdMacChars));
    const auto m = ours.match(messageId.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const QByteArray expected = mac(m.captured(1).toLatin1(), IdMacChars);
    const QByteArray given = m.captured(4).toLatin1();
    if (sodium_memcmp(expected.constData(), given.constData(), size_t(given.size())) != 0)
        return std::nullopt;
    return m.captured(2).toLongLong();
}

QString MailThreading::replyAddress(const QString &address, qint64 conversationId) const
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return address;
    const QByteArray token = 't' + QByteArray::number(conversationId);
    return address.left(at) + QLatin1Char('+') + QString::fromLatin1(token) + QLatin1Char('.')
           + QString::fromLatin1(mac(token, AddressMacChars)) + address.mid(at);
}

std::optional<qint64> MailThreading::conversationOfAddress(const QString &recipient,
                                                           const QString &address) const
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return std::nullopt;
    const QString local = address.left(at);
    const QString domain = address.mid(at);
    static const QRegularExpression tagged(
        QStringLiteral("^(.+)\\+(t(\\d{1,18}))\\.([a-z2-7]{%1})(@.+)$").arg(AddressMacChars),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = tagged.match(recipient.trimmed().toLower());
    if (!m.hasMatch() || m.captured(1).compare(local, Qt::CaseInsensitive) != 0
        || m.captured(5).compare(domain, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    const QByteArray expected = mac(m.captured(2).toLatin1(), AddressMacChars);
    const QByteArray given = m.captured(4).toLower().toLatin1();
    if (sodium_memcmp(expected.constData(), given.constData(), size_t(given.size())) != 0)
        return std::nullopt;
    return m.captured(3).toLongLong();
}

QString MailThreading::subjectTag(qint64 conversationId)
{
    return QStringLiteral(" [#%1]").arg(conversationId);
}

std::optional<qint64> MailThreading::conversationOfSubject(const QString &subject)
{
    static const QRegularExpression tag(QStringLiteral("\\[#(\\d{1,18})\\]"));
    std::optional<qint64> last;
    auto it = tag.globalMatch(subject);
    while (it.hasNext())
        last = it.next().captured(1).toLongLong();
    return last;
}

QString MailThreading::bareSubject(const QString &subject)
{
    static const QRegularExpression prefixes(
        QStringLiteral(
            "^\\s*((re|aw|sv|vs|antw|ref|tr|fw|fwd|wg|rv|enc)\\s*(\\[\\d+\\])?\\s*:\\s*)+"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("\\s*\\[#\\d{1,18}\\]"));
    QString bare = subject;
    bare.remove(tags);
    bare.remove(prefixes);
    return bare.simplified();
}

} // namespace Tandem::Server
