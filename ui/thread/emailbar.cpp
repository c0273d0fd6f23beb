// SPDX-License-Identifier: GPL-3.0-or-later
#include "emailbar.h"

#include "attachmentpicker.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Tandem {

EmailBar::EmailBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 0);
    layout->setSpacing(4);
    m_route = new QLabel(this);
    m_route->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *ccRow = new QHBoxLayout;
    ccRow->addWidget(new QLabel(tr("Cc:"), this));
    m_cc = new QLineEdit(this);
    m_cc->setObjectName(QStringLiteral("emailCc"));
    m_cc->setPlaceholderText(tr("the people of the thread, as before (type addresses to change)"));
    ccRow->addWidget(m_cc, 1);
    m_signature = new QLabel(this);
    m_signature->setEnabled(false); // a preview, dimmed
    m_signature->setWordWrap(true);
    m_files = new AttachmentPicker(this);
    layout->addWidget(m_route);
    layout->addLayout(ccRow);
    layout->addWidget(m_files);
    layout->addWidget(m_signature);
    hide();
}

void EmailBar::show(const Inbox &inbox, const QString &customer)
{
    if (inbox.channel != QLatin1String("email")) {
        hide();
        return;
    }
    m_route->setText(inbox.address.isEmpty()
                         ? tr("Email to %1").arg(customer)
                         : tr("Email to %1, from %2").arg(customer, inbox.address));
    m_signature->setText(
        inbox.signature.isEmpty()
            ? QString()
            : tr("Signed: %1")
                  .arg(QString(inbox.signature).replace(QLatin1Char('\n'), QStringLiteral(" · "))));
    m_signature->setVisible(!inbox.signature.isEmpty());
    QWidget::show();
}

QStringList EmailBar::copied(QString *invalid) const
{
    return addressesIn(m_cc->text(), invalid);
}

QStringList EmailBar::addressesIn(const QString &text, QString *invalid)
{
    static const QRegularExpression mailbox(
        QStringLiteral("^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$"));
    QStringList out;
    for (QString part :
         text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        part = part.trimmed().toLower();
        if (part.startsWith(QLatin1Char('<')) && part.endsWith(QLatin1Char('>')))
            part = part.mid(1, part.size() - 2);
        if (!mailbox.match(part).hasMatch()) {
            if (invalid && invalid->isEmpty())
                *invalid = part;
            continue;
        }
        if (!out.contains(part))
            out.append(part);
    }
    return out;
}

void EmailBar::clearCopied()
{
    m_cc->clear();
}

} // namespace Tandem
