// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldreader.h"

#include <algorithm>

#include "limits.h"

#include <cmath>

namespace Tandem {

FieldReader::FieldReader(const QJsonObject &object, QString prefix)
    : m_object(object)
    , m_prefix(std::move(prefix))
{
}

QString FieldReader::fieldName(const char *key) const
{
    return m_prefix.isEmpty() ? QString::fromLatin1(key)
                              : m_prefix + QLatin1Char('.') + QString::fromLatin1(key);
}

void FieldReader::fail(const char *key, const QString &why)
{
    if (!m_failure)
        m_failure = Failure{ErrorCode::BadRequest, fieldName(key) + QStringLiteral(": ") + why};
}

bool FieldReader::present(const char *key, QJsonValue &out)
{
    if (m_failure)
        return false;
    out = m_object.value(QLatin1String(key));
    return !out.isUndefined() && !out.isNull();
}

std::optional<QString> FieldReader::optionalString(const char *key, qsizetype minChars,
                                                   qsizetype maxChars)
{
    QJsonValue v;
    if (!present(key, v))
        return std::nullopt;
    if (!v.isString()) {
        fail(key, QStringLiteral("must be a string"));
        return std::nullopt;
    }
    QString s = v.toString();
    if (s.size() < minChars || s.size() > maxChars) {
        fail(key, QStringLiteral("must be %1 to %2 characters long").arg(minChars).arg(maxChars));
        return std::nullopt;
    }
    if (s.contains(QChar(u'\0'))) {
        fail(key, QStringLiteral("must not contain NUL"));
        return std::nullopt;
    }
    // A lone surrogate cannot be stored as UTF-8: it would come back altered, and a retry
    // of the same message would no longer match the original.
    if (!s.isValidUtf16()) {
        fail(key, QStringLiteral("must be valid Unicode (an unpaired surrogate was found)"));
        return std::nullopt;
    }
    return s;
}

QString FieldReader::string(const char *key, qsizetype minChars, qsizetype maxChars)
{
    const bool wasOk = ok();
    auto s = optionalString(key, minChars, maxChars);
    if (!s && wasOk && ok())
        fail(key, QStringLiteral("is required"));
    return s.value_or(QString());
}

std::optional<qint64> FieldReader::optionalInteger(const char *key, qint64 min, qint64 max)
{
    QJsonValue v;
    if (!present(key, v))
        return std::nullopt;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || !std::isfinite(d) || std::trunc(d) != d) {
        fail(key, QStringLiteral("must be an integer"));
        return std::nullopt;
    }
    if (d < double(min) || d > double(max)) {
        fail(key, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(d);
}

qint64 FieldReader::integer(const char *key, qint64 min, qint64 max)
{
    const bool wasOk = ok();
    auto i = optionalInteger(key, min, max);
    if (!i && wasOk && ok())
        fail(key, QStringLiteral("is required"));
    return i.value_or(0);
}

qint64 FieldReader::id(const char *key)
{
    return integer(key, 1, Protocol::MaxId);
}

std::optional<qint64> FieldReader::optionalId(const char *key)
{
    return optionalInteger(key, 1, Protocol::MaxId);
}

std::optional<bool> FieldReader::optionalBoolean(const char *key)
{
    QJsonValue v;
    if (!present(key, v))
        return std::nullopt;
    if (!v.isBool()) {
        fail(key, QStringLiteral("must be true or false"));
        return std::nullopt;
    }
    return v.toBool();
}

bool FieldReader::boolean(const char *key)
{
    const bool wasOk = ok();
    auto b = optionalBoolean(key);
    if (!b && wasOk && ok())
        fail(key, QStringLiteral("is required"));
    return b.value_or(false);
}

QUuid FieldReader::uuid(const char *key)
{
    const QString s = string(key, 36, 38);
    if (!ok())
        return {};
    const QUuid u = QUuid::fromString(s);
    if (u.isNull()) {
        fail(key, QStringLiteral("must be a UUID"));
        return {};
    }
    return u;
}

QDateTime FieldReader::time(const char *key)
{
    const QString s = string(key, 1, 64);
    if (!ok())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid()) {
        fail(key, QStringLiteral("must be an ISO 8601 time"));
        return {};
    }
    return t.toUTC();
}

QDateTime FieldReader::optionalTime(const char *key)
{
    QJsonValue v;
    if (!present(key, v))
        return {};
    return time(key);
}

std::optional<QJsonObject> FieldReader::optionalObject(const char *key)
{
    QJsonValue v;
    if (!present(key, v))
        return std::nullopt;
    if (!v.isObject()) {
        fail(key, QStringLiteral("must be an object"));
        return std::nullopt;
    }
    return v.toObject();
}

QJsonObject FieldReader::object(const char *key)
{
    const bool wasOk = ok();
    auto o = optionalObject(key);
    if (!o && wasOk && ok())
        fail(key, QStringLiteral("is required"));
    return o.value_or(QJsonObject());
}

QList<qint64> FieldReader::ids(const char *key, qsizetype maxCount)
{
    const QJsonArray list = array(key);
    QList<qint64> found;
    if (list.size() > maxCount) {
        fail(key, QStringLiteral("must hold at most %1 ids").arg(maxCount));
        return found;
    }
    for (const QJsonValue &v : list) {
        const double d = v.toDouble(0);
        if (!v.isDouble() || d < 1 || d > double(Protocol::MaxId) || d != double(qint64(d))) {
            fail(key, QStringLiteral("must hold ids"));
            return {};
        }
        found.append(qint64(d));
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

std::optional<QList<qint64>> FieldReader::optionalIds(const char *key, qsizetype maxCount)
{
    QJsonValue v;
    if (!present(key, v))
        return std::nullopt;
    return ids(key, maxCount);
}

QJsonArray FieldReader::array(const char *key)
{
    QJsonValue v;
    if (!present(key, v)) {
        fail(key, QStringLiteral("is required"));
        return {};
    }
    if (!v.isArray()) {
        fail(key, QStringLiteral("must be an array"));
        return {};
    }
    return v.toArray();
}

} // namespace Tandem
