// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QTcpSocket>

//! One HTTP/1.1 exchange written by hand, so a test decides what the headers claim and
//! how much of a body it sends, and reads exactly what the server answered.
struct RawHttp {
    QTcpSocket socket;
    QByteArray answer;

    //! Connects to 127.0.0.1:`port`, from `from` when given (any 127.0.0.0/8 address).
    bool connectTo(quint16 port, const QHostAddress &from = {});
    //! Reads until the server closes or a whole answer with its body has come; its status
    //! (0 if none came).
    int status(int ms = 10000);
    QByteArray header(const QByteArray &name) const;
    QJsonObject body() const;
    bool waitClosed(int ms = 10000);

    //! A `POST /api/v1/session` request with this email and password.
    static QByteArray signIn(const QString &email, const QString &password);
};
