// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace Tandem {

class AgentSession;
class OfferBanner;
class OffersModel;

//! The banners of the live chats offered to the agent, above everything else in the main
//! window so they are seen from the inbox too. Accept and Decline go to the server; what
//! it refuses (an offer that lapsed meanwhile) is said here, and the banner goes. Other
//! news for the agent (a customer rated their chat) is said here too, until dismissed.
class OfferStrip : public QWidget
{
    Q_OBJECT
public:
    OfferStrip(AgentSession &session, OffersModel &offers, QWidget *parent = nullptr);

    //! Takes or passes on the oldest offer (keyboard shortcuts).
    void acceptOldest();
    void declineOldest();
    void accept(qint64 conversationId);
    void decline(qint64 conversationId);

    QList<OfferBanner *> banners() const;
    OfferBanner *banner(qint64 conversationId) const { return m_banners.value(conversationId); }
    QLabel *noticeLabel() const { return m_notice; }
    //! Says `text` above everything (plain text) until dismissed; empty hides it.
    void showNotice(const QString &text);

Q_SIGNALS:
    //! The server gave the agent this chat; it appears on the deck once synced.
    void accepted(qint64 conversationId);

private:
    void rebuild();
    void refreshBanners();
    qint64 oldest() const;

    AgentSession &m_session;
    OffersModel &m_offers;
    QVBoxLayout *m_layout = nullptr;
    QHash<qint64, OfferBanner *> m_banners;
    QWidget *m_noticeRow = nullptr;
    QLabel *m_notice = nullptr;
};

} // namespace Tandem
