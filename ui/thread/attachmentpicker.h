// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QHBoxLayout;
class QPushButton;

namespace Tandem {

//! The files an email will carry. "Attach…" opens a file dialog; each file chosen shows as
//! a button with its name and size that takes it off again. It keeps to the server's limits
//! (docs/protocol.md, `send`): at most 10 files, 10 MiB each and 25 MiB together; a file
//! that would pass them is not taken, and `refused` says why.
class AttachmentPicker : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentPicker(QWidget *parent = nullptr);

    QStringList files() const { return m_files; }
    //! Takes these files as if chosen (those within the limits).
    void add(const QStringList &paths);
    void clear();
    QPushButton *attachButton() const { return m_attach; }

Q_SIGNALS:
    void refused(const QString &why);
    void changed();

private:
    void choose();
    void rebuild();

    QPushButton *m_attach = nullptr;
    QHBoxLayout *m_chosen = nullptr;
    QStringList m_files;
};

} // namespace Tandem
