// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachmentpicker.h"

#include "protocol/limits.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>

namespace Tandem {

AttachmentPicker::AttachmentPicker(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_attach =
        new QPushButton(QIcon::fromTheme(QStringLiteral("mail-attachment")), tr("Attach…"), this);
    m_attach->setObjectName(QStringLiteral("attachFiles"));
    m_attach->setToolTip(tr("Attach files to this email (up to 10 MiB each, 25 MiB in all)"));
    connect(m_attach, &QPushButton::clicked, this, &AttachmentPicker::choose);
    layout->addWidget(m_attach);
    m_chosen = new QHBoxLayout;
    layout->addLayout(m_chosen, 1);
}

void AttachmentPicker::choose()
{
    auto *dialog = new QFileDialog(this, tr("Attach Files"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, this, &AttachmentPicker::add);
    dialog->open();
}

void AttachmentPicker::add(const QStringList &paths)
{
    qint64 total = 0;
    for (const QString &f : std::as_const(m_files))
        total += QFileInfo(f).size();
    QString why;
    const QLocale locale;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (m_files.contains(info.absoluteFilePath()))
            continue;
        if (!info.isFile() || !info.isReadable())
            why = tr("%1 cannot be read.").arg(info.fileName());
        else if (info.size() == 0)
            why = tr("%1 is empty.").arg(info.fileName());
        else if (info.size() > Protocol::MaxUploadBytes)
            why = tr("%1 is %2: a file may be at most %3.")
                      .arg(info.fileName(), locale.formattedDataSize(info.size()),
                           locale.formattedDataSize(Protocol::MaxUploadBytes));
        else if (total + info.size() > Protocol::MaxFilesBytes)
            why = tr("%1 would make the email larger than %2.")
                      .arg(info.fileName(), locale.formattedDataSize(Protocol::MaxFilesBytes));
        else if (m_files.size() >= Protocol::MaxFilesPerMessage)
            why = tr("An email carries at most %1 files.").arg(Protocol::MaxFilesPerMessage);
        else {
            m_files.append(info.absoluteFilePath());
            total += info.size();
        }
    }
    rebuild();
    if (!why.isEmpty())
        Q_EMIT refused(why);
}

void AttachmentPicker::clear()
{
    if (m_files.isEmpty())
        return;
    m_files.clear();
    rebuild();
}

void AttachmentPicker::rebuild()
{
    while (QLayoutItem *item = m_chosen->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            // Perhaps the very button being clicked: it goes once its signal returned.
            widget->hide();
            widget->deleteLater();
        }
        delete item;
    }
    const QLocale locale;
    for (const QString &path : std::as_const(m_files)) {
        const QFileInfo info(path);
        auto *file = new QPushButton(
            QStringLiteral("%1 (%2) ✕").arg(info.fileName(), locale.formattedDataSize(info.size())),
            this);
        file->setFlat(true);
        file->setToolTip(tr("Take %1 off").arg(info.fileName()));
        connect(file, &QPushButton::clicked, this, [this, path] {
            m_files.removeAll(path);
            rebuild();
        });
        m_chosen->addWidget(file);
    }
    m_chosen->addStretch(1);
    Q_EMIT changed();
}

} // namespace Tandem
