// SPDX-License-Identifier: GPL-3.0-or-later
#include "signindialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tandem {

SignInDialog::SignInDialog(SignInClient &client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    setWindowTitle(tr("Sign in to Tandem"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tandem.svg")));

    auto *logo = new QLabel;
    logo->setPixmap(QIcon(QStringLiteral(":/icons/tandem.svg")).pixmap(48, 48));
    auto *title = new QLabel(tr("Sign in to your help desk"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *header = new QHBoxLayout;
    header->addWidget(logo);
    header->addWidget(title, 1);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setVisible(false);

    m_server = new QLineEdit;
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setPlaceholderText(tr("https://help.example.com"));
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_email = new QLineEdit;
    m_email->setObjectName(QStringLiteral("email"));
    m_email->setPlaceholderText(tr("you@example.com"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("&Keep me signed in on this computer"));
    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setToolTip(tr("Your sign-in is kept in the system keychain, never in a file."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);

    m_buttons = new QDialogButtonBox;
    m_signIn = m_buttons->addButton(tr("&Sign In"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setDefault(true);
    QPushButton *quit = m_buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    // Enter must never quit: while Sign In is disabled (busy), focus passes to Quit, and an
    // auto-default button would then take Enter for itself.
    quit->setAutoDefault(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addSpacing(6);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    for (QLineEdit *field : {m_server, m_email, m_password})
        connect(field, &QLineEdit::textChanged, this, &SignInDialog::updateButton);
    updateButton();
}

void SignInDialog::setServer(const QUrl &server)
{
    m_server->setText(server.toString());
}

void SignInDialog::setEmail(const QString &email)
{
    m_email->setText(email);
    // Start where typing is needed.
    (m_server->text().isEmpty() ? m_server : email.isEmpty() ? m_email : m_password)->setFocus();
}

void SignInDialog::setRememberSignIn(bool remember)
{
    m_remember->setChecked(remember);
}

void SignInDialog::setMessage(const QString &message, bool isError)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    QPalette palette = this->palette();
    if (isError)
        palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_message->setPalette(palette);
}

QString SignInDialog::message() const
{
    return m_message->text();
}

QString SignInDialog::describe(const Failure &failure)
{
    switch (failure.code) {
    case ErrorCode::BadCredentials:
        return tr("The email address or the password is wrong.");
    case ErrorCode::AccountDisabled:
        return tr("This account is disabled. Ask your administrator.");
    case ErrorCode::RateLimited:
        return tr("Too many attempts. Wait a minute, then try again.");
    case ErrorCode::UnsupportedVersion:
        return tr("This server speaks a different version of Tandem. Update the app.");
    default:
        break;
    }
    return failure.message.isEmpty() ? tr("Signing in failed.") : failure.message;
}

void SignInDialog::updateButton()
{
    m_signIn->setEnabled(!m_busy && !m_server->text().trimmed().isEmpty()
                         && !m_email->text().trimmed().isEmpty() && !m_password->text().isEmpty());
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_email),
                       static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_remember)})
        w->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("&Sign In"));
    updateButton();
    if (!busy)
        m_signIn->setDefault(true);
}

void SignInDialog::signIn()
{
    if (m_busy || !m_signIn->isEnabled())
        return;
    const QUrl server = SignInClient::normalizedServer(m_server->text());
    if (server.isEmpty()) {
        setMessage(tr("“%1” is not a server address.").arg(m_server->text().trimmed()), true);
        m_server->setFocus();
        return;
    }
    const QString email = m_email->text().trimmed();
    if (!email.contains(QLatin1Char('@'))) {
        setMessage(tr("Enter the email address of your Tandem account."), true);
        m_email->setFocus();
        return;
    }
    setMessage(QString());
    setBusy(true);
    const bool remember = m_remember->isChecked();
    m_client.signIn(server, email, m_password->text(), this,
                    [this, server, email, remember](Result<SignedIn> result) {
                        setBusy(false);
                        if (!result) {
                            setMessage(describe(result.failure()), true);
                            m_password->selectAll();
                            m_password->setFocus();
                            return;
                        }
                        m_password->clear();
                        hide();
                        Q_EMIT signedIn(server, email, result.value(), remember);
                    });
}

} // namespace Tandem
