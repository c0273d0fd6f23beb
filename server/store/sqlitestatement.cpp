// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitestatement.h"

#include <QByteArray>
#include <limits>
#include <sqlite3.h>
#include <utility>

namespace Tandem::Server {

SqliteStatement::SqliteStatement(sqlite3 *db, const QString &sql)
    : m_db(db)
    , m_sql(sql)
{
    const QByteArray utf8 = sql.toUtf8();
    const int code = sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()),
                                        SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    if (code != SQLITE_OK) {
        fail(sqlite3_extended_errcode(db));
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int index, const QVariant &value)
{
    if (!m_statement)
        return;
    const int code = bindValue(index + 1, value);
    // The first failure stays until exec() reports it: a run with a value missing must not
    // go ahead with NULL in its place.
    if (code != SQLITE_OK && m_bindFailure == SQLITE_OK) {
        m_bindFailure = code;
        m_bindFailureAt = index;
    }
}

int SqliteStatement::bindValue(int i, const QVariant &value)
{
    // In Qt 6 a QVariant holding a null QString or QByteArray is not itself null.
    const bool null = value.isNull()
                      || (value.typeId() == QMetaType::QString && value.toString().isNull())
                      || (value.typeId() == QMetaType::QByteArray && value.toByteArray().isNull());
    if (null) // the schema decides whether NULL is allowed
        return sqlite3_bind_null(m_statement, i);
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return sqlite3_bind_int64(m_statement, i, value.toLongLong());
    case QMetaType::ULong:
    case QMetaType::ULongLong: {
        // SQLite's integers are signed: a larger one would come back as another number.
        const qulonglong n = value.toULongLong();
        if (n > qulonglong(std::numeric_limits<qint64>::max()))
            return SQLITE_MISMATCH;
        return sqlite3_bind_int64(m_statement, i, qint64(n));
    }
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(m_statement, i, value.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        return sqlite3_bind_blob64(m_statement, i, bytes.constData(), sqlite3_uint64(bytes.size()),
                                   SQLITE_TRANSIENT);
    }
    default: {
        const QByteArray utf8 = value.toString().toUtf8();
        return sqlite3_bind_text64(m_statement, i, utf8.constData(), sqlite3_uint64(utf8.size()),
                                   SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    }
}

bool SqliteStatement::exec()
{
    m_rowWaiting = m_onRow = false;
    if (!m_statement)
        return false;
    if (const int code = std::exchange(m_bindFailure, SQLITE_OK); code != SQLITE_OK) {
        m_errorCode = code;
        m_error = QStringLiteral("value %1 could not be bound (%2) in: %3")
                      .arg(m_bindFailureAt + 1)
                      .arg(QString::fromUtf8(sqlite3_errstr(code)), m_sql);
        sqlite3_clear_bindings(m_statement);
        return false;
    }
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW) {
        m_rowWaiting = true;
        return true;
    }
    if (code == SQLITE_DONE) {
        sqlite3_reset(m_statement); // nothing more to read: let go at once
        return true;
    }
    return fail(code);
}

bool SqliteStatement::next()
{
    if (m_rowWaiting) {
        m_rowWaiting = false;
        m_onRow = true;
        return true;
    }
    if (!m_onRow)
        return false;
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    m_onRow = false;
    if (code == SQLITE_DONE)
        sqlite3_reset(m_statement);
    else
        fail(code);
    return false;
}

QVariant SqliteStatement::value(int index) const
{
    if (!m_onRow)
        return {};
    switch (sqlite3_column_type(m_statement, index)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_statement, index)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, index));
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, index));
        return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(m_statement, index)));
    }
    case SQLITE_BLOB: {
        const void *blob = sqlite3_column_blob(m_statement, index);
        return QVariant(
            QByteArray(static_cast<const char *>(blob), sqlite3_column_bytes(m_statement, index)));
    }
    default:
        return {};
    }
}

void SqliteStatement::finish()
{
    m_rowWaiting = m_onRow = false;
    if (m_statement && sqlite3_stmt_busy(m_statement))
        sqlite3_reset(m_statement);
}

int SqliteStatement::rowsChanged() const
{
    return sqlite3_changes(m_db);
}

qint64 SqliteStatement::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

bool SqliteStatement::fail(int code)
{
    m_errorCode = sqlite3_extended_errcode(m_db);
    if (m_errorCode == SQLITE_OK)
        m_errorCode = code;
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db)) + QStringLiteral(" in: ") + m_sql;
    if (m_statement)
        sqlite3_reset(m_statement);
    return false;
}

} // namespace Tandem::Server
