// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailboxesdialog.h"

#include "deck/deckrequest.h"
#include "shell/agentsession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Tandem {
namespace {

MailSecurity securityAt(const QComboBox *box)
{
    return MailSecurity(box->currentData().toInt());
}

} // namespace

QString MailboxesDialog::statusText(const MailboxStatus &s, const QDateTime &now)
{
    QStringList parts{s.settings.address};
    if (s.lastMailAt.isValid()) {
        const QString when =
            s.lastMailAt.toLocalTime().date() == now.toLocalTime().date()
                ? QLocale().toString(s.lastMailAt.toLocalTime().time(), QLocale::ShortFormat)
                : QLocale().toString(s.lastMailAt.toLocalTime(), QLocale::ShortFormat);
        parts.append(s.lagMs >= 0 ? tr("last mail %1 (filed in %2 s)")
                                        .arg(when, QLocale().toString(s.lagMs / 1000.0, 'f', 1))
                                  : tr("last mail %1").arg(when));
    } else {
        parts.append(tr("no mail yet"));
    }
    if (!s.lastError.isEmpty())
        parts.append(tr("cannot be read: %1").arg(s.lastError));
    return parts.join(QStringLiteral(" · "));
}

MailboxesDialog::MailboxesDialog(AgentSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Email Inboxes"));
    resize(820, 640);
    m_isAdmin = session.sync().agent().role == Role::Admin;
    auto *layout = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("mailboxList"));
    m_list->setWordWrap(true);
    left->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("&New Email Inbox"), this);
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    buttons->addWidget(m_add);
    buttons->addWidget(refreshButton);
    left->addLayout(buttons);
    layout->addLayout(left, 2);

    auto *right = new QVBoxLayout;
    auto *general = new QFormLayout;
    m_name = new QLineEdit(this);
    m_team = new QComboBox(this);
    m_team->addItem(tr("No team"), 0);
    for (const Team &t : session.cache().teams())
        m_team->addItem(t.name, t.id);
    m_address = new QLineEdit(this);
    m_address->setPlaceholderText(QStringLiteral("support@example.com"));
    m_displayName = new QLineEdit(this);
    m_folder = new QLineEdit(QStringLiteral("INBOX"), this);
    m_signature = new QPlainTextEdit(this);
    m_signature->setMaximumHeight(70);
    m_tokenReplyTo = new QCheckBox(tr("Reply-To carries the conversation (support+t42.…@)"), this);
    m_name->setObjectName(QStringLiteral("name"));
    m_address->setObjectName(QStringLiteral("address"));
    general->addRow(tr("Inbox name:"), m_name);
    general->addRow(tr("Team:"), m_team);
    general->addRow(tr("Address:"), m_address);
    general->addRow(tr("Sender name:"), m_displayName);
    general->addRow(tr("Folder:"), m_folder);
    general->addRow(tr("Signature:"), m_signature);
    general->addRow(QString(), m_tokenReplyTo);
    right->addLayout(general);
    auto *imapBox = new QGroupBox(tr("Reading (IMAP)"), this);
    auto *imapForm = new QFormLayout(imapBox);
    m_imap = serverFields(imapForm, 993, QStringLiteral("imap"));
    right->addWidget(imapBox);
    auto *smtpBox = new QGroupBox(tr("Sending (SMTP)"), this);
    auto *smtpForm = new QFormLayout(smtpBox);
    m_smtp = serverFields(smtpForm, 587, QStringLiteral("smtp"));
    m_smtp.security->setCurrentIndex(1);
    right->addWidget(smtpBox);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->hide();
    right->addWidget(m_error);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("saveMailbox"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->addButton(m_save, QDialogButtonBox::AcceptRole);
    right->addWidget(close);
    layout->addLayout(right, 3);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &MailboxesDialog::save);
    connect(m_add, &QPushButton::clicked, this, &MailboxesDialog::startNew);
    connect(refreshButton, &QPushButton::clicked, this, &MailboxesDialog::refresh);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_mailboxes.size())
            edit(m_mailboxes.at(row));
    });
    // Only admins change mailboxes; supervisors see how they are read.
    for (QWidget *w : findChildren<QWidget *>())
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w)
            || qobject_cast<QSpinBox *>(w) || qobject_cast<QPlainTextEdit *>(w)
            || qobject_cast<QCheckBox *>(w))
            w->setEnabled(m_isAdmin);
    m_save->setEnabled(m_isAdmin);
    m_add->setEnabled(m_isAdmin);
    startNew();
    refresh();
}

MailboxesDialog::ServerFields MailboxesDialog::serverFields(QFormLayout *form, int defaultPort,
                                                            const QString &which)
{
    ServerFields f{};
    f.host = new QLineEdit(this);
    f.port = new QSpinBox(this);
    f.port->setRange(1, 65535);
    f.port->setValue(defaultPort);
    f.security = new QComboBox(this);
    f.security->addItem(tr("TLS"), int(MailSecurity::Tls));
    f.security->addItem(tr("STARTTLS"), int(MailSecurity::StartTls));
    f.security->addItem(tr("None (this machine only)"), int(MailSecurity::None));
    f.user = new QLineEdit(this);
    f.password = new QLineEdit(this);
    f.password->setEchoMode(QLineEdit::Password);
    f.fingerprint = new QLineEdit(this);
    f.fingerprint->setPlaceholderText(tr("only for a certificate no authority signed"));
    form->addRow(tr("Server:"), f.host);
    form->addRow(tr("Port:"), f.port);
    form->addRow(tr("Security:"), f.security);
    form->addRow(tr("User:"), f.user);
    form->addRow(tr("Password:"), f.password);
    form->addRow(tr("Trusted certificate (SHA-256):"), f.fingerprint);
    f.host->setObjectName(which + QStringLiteral("Host"));
    f.port->setObjectName(which + QStringLiteral("Port"));
    f.security->setObjectName(which + QStringLiteral("Security"));
    f.user->setObjectName(which + QStringLiteral("User"));
    f.password->setObjectName(which + QStringLiteral("Password"));
    f.fingerprint->setObjectName(which + QStringLiteral("Fingerprint"));
    return f;
}

void MailboxesDialog::refresh()
{
    DeckRequest::send(
        m_session.sync(), Requests::mailboxes(), this,
        [this](const QJsonObject &data, const QString &error) {
            if (!error.isEmpty()) {
                showError(error);
                return;
            }
            const qint64 keep = m_editing;
            m_mailboxes.clear();
            m_list->clear();
            const QDateTime now = QDateTime::currentDateTime();
            for (const QJsonValue &v : data.value(QLatin1String("mailboxes")).toArray()) {
                const auto status = decodeMailboxStatus(v.toObject());
                if (!status)
                    continue;
                m_mailboxes.append(status.value());
                auto *item = new QListWidgetItem(statusText(status.value(), now), m_list);
                if (!status->lastError.isEmpty())
                    item->setForeground(QColor(0xc6, 0x28, 0x28));
                if (status->inboxId == keep)
                    m_list->setCurrentItem(item);
            }
            Q_EMIT refreshed();
        });
}

void MailboxesDialog::startNew()
{
    m_editing = 0;
    m_list->clearSelection();
    m_name->clear();
    m_address->clear();
    m_displayName->clear();
    m_signature->clear();
    for (ServerFields *f : {&m_imap, &m_smtp}) {
        f->host->clear();
        f->user->clear();
        f->password->clear();
        f->password->setPlaceholderText(QString());
        f->fingerprint->clear();
    }
    showError(QString());
}

void MailboxesDialog::edit(const MailboxStatus &status)
{
    m_editing = status.inboxId;
    const MailboxSettings &s = status.settings;
    for (const Inbox &inbox : m_session.cache().inboxes())
        if (inbox.id == status.inboxId) {
            m_name->setText(inbox.name);
            m_team->setCurrentIndex(std::max(0, m_team->findData(inbox.teamId)));
        }
    m_address->setText(s.address);
    m_displayName->setText(s.displayName);
    m_folder->setText(s.folder);
    m_signature->setPlainText(s.signature);
    m_tokenReplyTo->setChecked(s.tokenReplyTo);
    const std::pair<ServerFields *, const MailServer *> both[] = {{&m_imap, &s.imap},
                                                                  {&m_smtp, &s.smtp}};
    for (const auto &[f, server] : both) {
        f->host->setText(server->host);
        f->port->setValue(server->port);
        f->security->setCurrentIndex(f->security->findData(int(server->security)));
        f->user->setText(server->user);
        f->password->clear();
        f->password->setPlaceholderText(tr("unchanged"));
        f->fingerprint->setText(server->trustedCertificate);
    }
    showError(status.lastError.isEmpty()
                  ? QString()
                  : tr("This mailbox cannot be read: %1").arg(status.lastError));
}

Result<MailboxSettings> MailboxesDialog::formSettings() const
{
    auto server = [](const ServerFields &f) {
        QJsonObject o{{QStringLiteral("host"), f.host->text().trimmed()},
                      {QStringLiteral("port"), f.port->value()},
                      {QStringLiteral("security"), mailSecurityName(securityAt(f.security))},
                      {QStringLiteral("user"), f.user->text().trimmed()}};
        if (!f.fingerprint->text().trimmed().isEmpty())
            o.insert(QStringLiteral("trustedCertificate"), f.fingerprint->text().trimmed());
        return o;
    };
    return MailboxSettings::fromJson({{QStringLiteral("address"), m_address->text()},
                                      {QStringLiteral("displayName"), m_displayName->text()},
                                      {QStringLiteral("signature"), m_signature->toPlainText()},
                                      {QStringLiteral("folder"), m_folder->text()},
                                      {QStringLiteral("tokenReplyTo"), m_tokenReplyTo->isChecked()},
                                      {QStringLiteral("imap"), server(m_imap)},
                                      {QStringLiteral("smtp"), server(m_smtp)}});
}

void MailboxesDialog::save()
{
    const auto settings = formSettings();
    if (!settings) {
        showError(settings.failure().message);
        return;
    }
    Commands::SaveMailbox command;
    if (m_editing)
        command.inboxId = m_editing;
    command.name = m_name->text().trimmed();
    if (command.name.isEmpty())
        command.name = settings->address;
    command.teamId = m_team->currentData().toLongLong();
    command.settings = settings.value();
    if (!m_imap.password->text().isEmpty())
        command.imapPassword = m_imap.password->text();
    if (!m_smtp.password->text().isEmpty())
        command.smtpPassword = m_smtp.password->text();
    if (!m_editing && !command.imapPassword) {
        showError(tr("A new email inbox needs the IMAP password."));
        return;
    }
    m_save->setEnabled(false);
    DeckRequest::send(m_session.sync(), Requests::saveMailbox(command), this,
                      [this](const QJsonObject &data, const QString &error) {
                          m_save->setEnabled(m_isAdmin);
                          showError(error);
                          if (!error.isEmpty())
                              return;
                          // Sent once; not kept in the form.
                          m_imap.password->clear();
                          m_smtp.password->clear();
                          m_editing = qint64(data.value(QLatin1String("inbox"))
                                                 .toObject()
                                                 .value(QLatin1String("id"))
                                                 .toDouble());
                          Q_EMIT saved(m_editing);
                          refresh();
                      });
}

void MailboxesDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

} // namespace Tandem
