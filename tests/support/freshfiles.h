// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace Tandem::Testing {

//! Paths of files that do not exist yet, in a temporary folder removed with this object:
//! one data file per test case.
class FreshFiles
{
public:
    explicit FreshFiles(QString prefix)
        : m_prefix(std::move(prefix))
    {
    }
    bool isValid() const { return m_dir.isValid(); }
    QString next()
    {
        return m_dir.filePath(m_prefix + QString::number(++m_count) + QStringLiteral(".sqlite"));
    }

private:
    QTemporaryDir m_dir;
    QString m_prefix;
    int m_count = 0;
};

} // namespace Tandem::Testing
