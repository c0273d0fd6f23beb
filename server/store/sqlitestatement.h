// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace Tandem::Server {

//! One compiled SQLite statement, kept and run again: bind, exec(), then next() through its
//! rows. It talks to SQLite directly; through Qt SQL every run also built a record of the
//! result's columns and copied each value twice, which cost the storage thread more than
//! SQLite's own work did.
class SqliteStatement
{
public:
    //! Compiles `sql` on `db`; ok() says whether that worked (error() says why not).
    SqliteStatement(sqlite3 *db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool ok() const { return m_statement != nullptr; }

    //! Sets the `index`th `?` (from 0). Integers and booleans bind as INTEGER, doubles as
    //! REAL, byte arrays as BLOB, a null QVariant, QString or QByteArray as NULL, the rest
    //! as text. A value that cannot be bound (too long, an unsigned one past 2^63 - 1, no
    //! such `?`) makes the next exec() fail without running.
    void bind(int index, const QVariant &value);
    //! Runs the statement with what is bound. The first row, if any, is waiting for next().
    bool exec();
    //! Moves to the next row; false when there is none left (or on an error).
    bool next();
    //! Column `index` (from 0) of the current row: qint64, double, QString, QByteArray, or
    //! a null QVariant for NULL.
    QVariant value(int index) const;
    //! Ends a run early and lets go of what it read (its read snapshot, in a transaction).
    void finish();

    //! After exec() of an INSERT/UPDATE/DELETE.
    int rowsChanged() const;
    qint64 lastInsertId() const;

    //! The last failure: SQLite's extended result code and its message with the SQL.
    int errorCode() const { return m_errorCode; }
    QString error() const { return m_error; }

private:
    bool fail(int code);
    int bindValue(int position, const QVariant &value);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QString m_sql;
    bool m_rowWaiting = false; // exec() stepped onto a row that next() has not handed out
    bool m_onRow = false;
    int m_errorCode = 0;
    QString m_error;
    int m_bindFailure = 0; // SQLITE_OK
    int m_bindFailureAt = 0;
};

} // namespace Tandem::Server
