// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/team.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace Tandem {

class AttachmentPicker;

//! Above the composer of an email conversation: whom the reply goes to and from, whom it
//! copies (editable: empty keeps the thread's own people), the files it carries, and the
//! signature it will carry.
class EmailBar : public QWidget
{
    Q_OBJECT
public:
    explicit EmailBar(QWidget *parent = nullptr);

    //! For a reply to `customer` through `inbox` (hidden for any other channel).
    void show(const Inbox &inbox, const QString &customer);
    //! The addresses typed into Cc, cleaned; empty when none were. `invalid` gets the first
    //! that is not an address.
    QStringList copied(QString *invalid = nullptr) const;
    //! The addresses in `text` (separated by commas, semicolons or spaces; `<…>` allowed),
    //! in lower case, each once; `invalid` gets the first part that is not an address.
    static QStringList addressesIn(const QString &text, QString *invalid = nullptr);
    //! Empties Cc after a reply went.
    void clearCopied();

    QLineEdit *ccField() const { return m_cc; }
    QLabel *signatureLabel() const { return m_signature; }
    QLabel *routeLabel() const { return m_route; }
    //! The files the reply will carry.
    AttachmentPicker *attachments() const { return m_files; }

private:
    QLabel *m_route = nullptr;
    QLineEdit *m_cc = nullptr;
    QLabel *m_signature = nullptr;
    AttachmentPicker *m_files = nullptr;
};

} // namespace Tandem
