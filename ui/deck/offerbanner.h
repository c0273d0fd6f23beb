// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QPersistentModelIndex>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Tandem {

//! One live chat offered to the agent: who, on which channel, their first words, and the
//! seconds left to take it, with Accept and Decline.
class OfferBanner : public QFrame
{
    Q_OBJECT
public:
    //! `row`: a row of an OffersModel.
    explicit OfferBanner(const QModelIndex &row, QWidget *parent = nullptr);

    qint64 conversation() const { return m_conversation; }
    //! Reads the row again (the countdown moved on).
    void refresh();
    //! While a request about the offer is on its way, the buttons wait.
    void setBusy(bool busy);

    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *declineButton() const { return m_decline; }
    QLabel *countdownLabel() const { return m_countdown; }
    QLabel *nameLabel() const { return m_name; }
    QLabel *messageLabel() const { return m_message; }

Q_SIGNALS:
    void acceptRequested(qint64 conversationId);
    void declineRequested(qint64 conversationId);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QPersistentModelIndex m_row;
    qint64 m_conversation = 0;
    QLabel *m_name = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_countdown = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_decline = nullptr;
};

} // namespace Tandem
