// SPDX-License-Identifier: GPL-3.0-or-later
#include "newemaildialog.h"

#include "protocol/limits.h"
#include "shell/agentsession.h"
#include "thread/attachmentpicker.h"
#include "thread/emailbar.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Tandem {

NewEmailDialog::NewEmailDialog(AgentSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("New Email"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_from = new QComboBox(this);
    for (const Inbox &inbox : session.cache().inboxes())
        if (inbox.channel == QLatin1String("email"))
            m_from->addItem(inbox.address.isEmpty()
                                ? inbox.name
                                : QStringLiteral("%1 <%2>").arg(inbox.name, inbox.address),
                            inbox.id);
    form->addRow(tr("From:"), m_from);
    m_to = new QLineEdit(this);
    m_to->setObjectName(QStringLiteral("newEmailTo"));
    m_to->setPlaceholderText(tr("customer@example.com"));
    m_to->setMaxLength(int(Protocol::MaxEmailChars));
    form->addRow(tr("To:"), m_to);
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("their name, if they are new to the team (optional)"));
    m_name->setMaxLength(int(Protocol::MaxNameChars));
    form->addRow(tr("Name:"), m_name);
    m_cc = new QLineEdit(this);
    form->addRow(tr("Cc:"), m_cc);
    m_subject = new QLineEdit(this);
    m_subject->setMaxLength(int(Protocol::MaxSubjectChars));
    form->addRow(tr("Subject:"), m_subject);
    layout->addLayout(form);
    m_text = new QPlainTextEdit(this);
    m_text->setPlaceholderText(tr("Write the email…"));
    layout->addWidget(m_text, 1);
    m_files = new AttachmentPicker(this);
    connect(m_files, &AttachmentPicker::refused, this,
            [this](const QString &why) { showStatus(why, true); });
    layout->addWidget(m_files);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_send = buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("newEmailSend"));
    connect(m_send, &QPushButton::clicked, this, &NewEmailDialog::send);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewEmailDialog::reject);
    layout->addWidget(buttons);
    if (m_from->count() == 0) {
        showStatus(tr("No email inbox is set up for your teams yet (Team > Email Inboxes)."), true);
        m_send->setEnabled(false);
    }
    resize(640, 520);

    connect(&session.outbox(), &Outbox::accepted, this,
            [this](const QUuid &clientId, qint64, qint64 conversationId) {
                if (clientId != m_waiting)
                    return;
                m_waiting = {};
                discardRefused();
                Q_EMIT started(conversationId);
                accept();
            });
    connect(&session.outbox(), &Outbox::refused, this,
            [this](const QUuid &clientId, const QString &why) {
                if (clientId != m_waiting)
                    return;
                discardRefused(); // this one says it all now
                m_refused = m_waiting;
                m_waiting = {};
                setBusy(false);
                showStatus(tr("Not sent: %1").arg(why), true);
            });
}

void NewEmailDialog::send()
{
    if (!m_waiting.isNull() || m_from->count() == 0)
        return;
    // "Nora New <nora@example.net>" names its person too.
    static const QRegularExpression named(
        QStringLiteral("^\\s*\"?([^\"<]*)\"?\\s*<([^<>]+)>\\s*$"));
    const QRegularExpressionMatch match = named.match(m_to->text());
    const QString given = match.hasMatch() ? match.captured(1).trimmed() : QString();
    QString invalid;
    const QStringList to =
        EmailBar::addressesIn(match.hasMatch() ? match.captured(2) : m_to->text(), &invalid);
    if (to.size() != 1 || !invalid.isEmpty()) {
        showStatus(tr("To: one email address, please."), true);
        m_to->setFocus();
        return;
    }
    const QStringList cc = EmailBar::addressesIn(m_cc->text(), &invalid);
    if (!invalid.isEmpty()) {
        showStatus(tr("“%1” in Cc is not an email address.").arg(invalid), true);
        m_cc->setFocus();
        return;
    }
    if (m_subject->text().trimmed().isEmpty()) {
        showStatus(tr("The email needs a subject."), true);
        m_subject->setFocus();
        return;
    }
    const QString text = m_text->toPlainText();
    if (text.trimmed().isEmpty() || text.size() > Protocol::MaxTextChars) {
        showStatus(
            text.trimmed().isEmpty()
                ? tr("The email has no text yet.")
                : tr("An email may be at most %1 characters long.").arg(Protocol::MaxTextChars),
            true);
        m_text->setFocus();
        return;
    }
    NewEmail email;
    email.inboxId = m_from->currentData().toLongLong();
    email.to = to.first();
    email.toName = m_name->text().trimmed().isEmpty() ? given : m_name->text().trimmed();
    email.subject = m_subject->text().trimmed();
    email.text = text;
    email.cc = cc;
    email.files = m_files->files();
    const QUuid clientId = m_session.outbox().sendEmail(email);
    if (clientId.isNull()) {
        showStatus(tr("The email could not be kept for sending."), true);
        return;
    }
    if (m_session.sync().state() != SyncClient::State::Online) {
        // It waits in the outbox, in place of what was refused; nothing to wait for here.
        discardRefused();
        accept();
        return;
    }
    m_waiting = clientId;
    setBusy(true);
    showStatus(tr("Sending…"), false);
}

void NewEmailDialog::reject()
{
    // Given up: what the server refused does not wait in the outbox for ever.
    discardRefused();
    QDialog::reject();
}

void NewEmailDialog::discardRefused()
{
    // Only once what replaces it went (its files may be copied from this one's).
    if (!m_refused.isNull())
        m_session.outbox().discard(std::exchange(m_refused, QUuid()));
}

void NewEmailDialog::restore(const OutboxEntry &refused, const QString &why)
{
    m_refused = refused.clientId;
    const qint64 inbox = refused.email.value(QLatin1String("inbox")).toInteger();
    m_from->setCurrentIndex(std::max(0, m_from->findData(inbox)));
    m_to->setText(refused.email.value(QLatin1String("to")).toString());
    m_name->setText(refused.email.value(QLatin1String("toName")).toString());
    m_cc->setText(refused.cc.join(QStringLiteral(", ")));
    m_subject->setText(refused.email.value(QLatin1String("subject")).toString());
    m_text->setPlainText(refused.text);
    QStringList kept;
    for (const QJsonValue &f : refused.email.value(QLatin1String("files")).toArray())
        if (!f[QLatin1String("path")].toString().isEmpty())
            kept.append(f[QLatin1String("path")].toString());
    m_files->add(kept);
    showStatus(tr("Not sent: %1").arg(why), true);
}

void NewEmailDialog::watchRefusals(AgentSession &session, QWidget *parent)
{
    QObject::connect(&session.outbox(), &Outbox::refused, parent,
                     [&session, parent](const QUuid &clientId, const QString &why) {
                         // A dialog still waiting for it says so itself.
                         for (const NewEmailDialog *open : parent->findChildren<NewEmailDialog *>())
                             if (open->m_waiting == clientId)
                                 return;
                         const QList<OutboxEntry> waiting = session.cache().outbox(0);
                         const auto entry = std::find_if(
                             waiting.cbegin(), waiting.cend(), [&](const OutboxEntry &e) {
                                 return e.clientId == clientId && e.startsEmail();
                             });
                         if (entry == waiting.cend())
                             return;
                         // Written earlier (perhaps offline) and refused now: back in front of its
                         // writer.
                         auto *dialog = new NewEmailDialog(session, parent);
                         dialog->setAttribute(Qt::WA_DeleteOnClose);
                         dialog->restore(*entry, why);
                         dialog->open();
                     });
}

void NewEmailDialog::setBusy(bool busy)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_from, m_to, m_name, m_cc, m_subject,
                                                       m_text, m_files, m_send})
        w->setEnabled(!busy);
}

void NewEmailDialog::showStatus(const QString &text, bool trouble)
{
    m_status->setText(text);
    m_status->setStyleSheet(trouble ? QStringLiteral("color: #b3261e;") : QString());
    m_status->show();
}

} // namespace Tandem
