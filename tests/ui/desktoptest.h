// SPDX-License-Identifier: GPL-3.0-or-later
// What the desktop app's end-to-end suites share: reading the server's frames, finding a
// message on screen, and a main() that runs the app in a temporary home.
#pragma once

#include "framefields.h"
#include "models/messagelistmodel.h"
#include "shell/desktopapplication.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace DesktopTest {
using FrameFields::data;
using FrameFields::integer;

//! Rows of a message list whose text is `text`.
inline QList<int> rowsWithText(const QAbstractItemModel *model, const QString &text)
{
    QList<int> rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(Tandem::MessageListModel::TextRole).toString() == text)
            rows.append(row);
    }
    return rows;
}

//! Settings, cache and data in a fresh temporary home, never the user's own, for as long as
//! this lives.
class TemporaryHome
{
public:
    TemporaryHome()
    {
        if (!m_home.isValid())
            return;
        for (const char *name :
             {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"}) {
            const QString dir = m_home.filePath(QString::fromLatin1(name).toLower());
            QDir().mkpath(dir);
            QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                           | QFileDevice::ExeOwner);
            qputenv(name, QFile::encodeName(dir));
        }
    }
    bool isValid() const { return m_home.isValid(); }

private:
    QTemporaryDir m_home;
};

//! Runs `Test` as the app runs: a QApplication with the app's identity, on the offscreen
//! platform unless another one is asked for.
template<typename Test> int exec(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
    Tandem::DesktopApplication::setApplicationIdentity();
    Test test;
    return QTest::qExec(&test, argc, argv);
}

} // namespace DesktopTest
