// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "errorcode.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUuid>
#include <optional>

namespace Tandem {

//! Reads typed fields out of a JSON object, checking type, range and length. The first
//! problem is remembered (naming the field) and later reads return empty values, so a
//! decoder reads everything and then asks ok() once.
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject &object, QString prefix = {});

    QString string(const char *key, qsizetype minChars, qsizetype maxChars);
    std::optional<QString> optionalString(const char *key, qsizetype minChars, qsizetype maxChars);
    qint64 integer(const char *key, qint64 min, qint64 max);
    std::optional<qint64> optionalInteger(const char *key, qint64 min, qint64 max);
    qint64 id(const char *key);
    std::optional<qint64> optionalId(const char *key);
    bool boolean(const char *key);
    std::optional<bool> optionalBoolean(const char *key);
    QUuid uuid(const char *key);
    QDateTime time(const char *key);
    //! An invalid QDateTime when absent.
    QDateTime optionalTime(const char *key);
    QJsonObject object(const char *key);
    std::optional<QJsonObject> optionalObject(const char *key);
    QJsonArray array(const char *key);
    //! An array of at most `maxCount` ids (as id() checks them), ascending, each once.
    QList<qint64> ids(const char *key, qsizetype maxCount);
    std::optional<QList<qint64>> optionalIds(const char *key, qsizetype maxCount);

    bool ok() const { return !m_failure.has_value(); }
    const Failure &failure() const { return *m_failure; }
    //! Records a problem found by the caller (e.g. a value out of a set).
    void fail(const char *key, const QString &why);

private:
    bool present(const char *key, QJsonValue &out);
    QString fieldName(const char *key) const;

    QJsonObject m_object;
    QString m_prefix;
    std::optional<Failure> m_failure;
};

} // namespace Tandem
