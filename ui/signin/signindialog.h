// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/signinclient.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Tandem {

//! Asks for the server, email and password, signs in over HTTP without blocking, and hands
//! the granted session on. Also where the app comes back to when a session ends, with why.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(SignInClient &client, QWidget *parent = nullptr);

    void setServer(const QUrl &server);
    void setEmail(const QString &email);
    void setRememberSignIn(bool remember);
    //! A sentence above the fields: why the user is here (session ended, keychain missing…).
    void setMessage(const QString &message, bool isError = false);
    QString message() const;
    bool isBusy() const { return m_busy; }

    //! What a sign-in failure means to the user.
    static QString describe(const Failure &failure);

Q_SIGNALS:
    void signedIn(const QUrl &server, const QString &email, const Tandem::SignedIn &session,
                  bool remember);

private:
    void signIn();
    void setBusy(bool busy);
    void updateButton();

    SignInClient &m_client;
    QLabel *m_message = nullptr;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_signIn = nullptr;
    bool m_busy = false;
};

} // namespace Tandem
