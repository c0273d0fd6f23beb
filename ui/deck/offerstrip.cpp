// SPDX-License-Identifier: GPL-3.0-or-later
#include "offerstrip.h"

#include "deckrequest.h"
#include "models/offersmodel.h"
#include "offerbanner.h"
#include "shell/agentsession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tandem {

OfferStrip::OfferStrip(AgentSession &session, OffersModel &offers, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_offers(offers)
{
    setObjectName(QStringLiteral("offerStrip"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(8, 6, 8, 0);
    m_layout->setSpacing(6);

    m_noticeRow = new QWidget;
    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("offerNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText); // may quote a customer's words
    auto *close = new QToolButton;
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, [this] { showNotice(QString()); });
    auto *noticeLayout = new QHBoxLayout(m_noticeRow);
    noticeLayout->setContentsMargins(6, 0, 0, 0);
    noticeLayout->addWidget(m_notice, 1);
    noticeLayout->addWidget(close);
    m_noticeRow->hide();
    m_layout->addWidget(m_noticeRow);

    connect(&m_offers, &QAbstractItemModel::rowsInserted, this, &OfferStrip::rebuild);
    connect(&m_offers, &QAbstractItemModel::rowsRemoved, this, &OfferStrip::rebuild);
    connect(&m_offers, &QAbstractItemModel::modelReset, this, &OfferStrip::rebuild);
    connect(&m_offers, &QAbstractItemModel::dataChanged, this, &OfferStrip::refreshBanners);
    rebuild();
}

QList<OfferBanner *> OfferStrip::banners() const
{
    QList<OfferBanner *> list;
    for (int row = 0; row < m_offers.rowCount(); ++row) {
        if (OfferBanner *b = m_banners.value(
                m_offers.index(row, 0).data(OffersModel::ConversationIdRole).toLongLong()))
            list.append(b);
    }
    return list;
}

void OfferStrip::rebuild()
{
    // Few rows, rarely changed: the banners follow the model's rows one for one.
    QHash<qint64, OfferBanner *> kept;
    for (int row = 0; row < m_offers.rowCount(); ++row) {
        const QModelIndex index = m_offers.index(row, 0);
        const qint64 id = index.data(OffersModel::ConversationIdRole).toLongLong();
        OfferBanner *banner = m_banners.take(id);
        if (!banner) {
            banner = new OfferBanner(index, this);
            connect(banner, &OfferBanner::acceptRequested, this, &OfferStrip::accept);
            connect(banner, &OfferBanner::declineRequested, this, &OfferStrip::decline);
        }
        m_layout->removeWidget(banner);
        m_layout->insertWidget(row, banner);
        kept.insert(id, banner);
    }
    for (OfferBanner *gone : std::as_const(m_banners))
        gone->deleteLater();
    m_banners = kept;
    setVisible(!m_banners.isEmpty() || m_noticeRow->isVisibleTo(this));
}

void OfferStrip::refreshBanners()
{
    for (OfferBanner *banner : std::as_const(m_banners))
        banner->refresh();
}

void OfferStrip::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_noticeRow->setVisible(!text.isEmpty());
    setVisible(!m_banners.isEmpty() || !text.isEmpty());
}

qint64 OfferStrip::oldest() const
{
    return m_offers.rowCount() > 0
               ? m_offers.index(0, 0).data(OffersModel::ConversationIdRole).toLongLong()
               : 0;
}

void OfferStrip::acceptOldest()
{
    if (const qint64 id = oldest())
        accept(id);
}

void OfferStrip::declineOldest()
{
    if (const qint64 id = oldest())
        decline(id);
}

void OfferStrip::accept(qint64 conversationId)
{
    if (OfferBanner *b = banner(conversationId))
        b->setBusy(true);
    showNotice(QString());
    DeckRequest::send(m_session.sync(), Requests::accept(conversationId), this,
                      [this, conversationId](const QJsonObject &, const QString &error) {
                          if (error.isEmpty()) {
                              m_offers.remove(conversationId);
                              Q_EMIT accepted(conversationId);
                              return;
                          }
                          // Not offered any more (or not reachable): the banner would only
                          // fail again.
                          showNotice(error);
                          m_offers.remove(conversationId);
                      });
}

void OfferStrip::decline(qint64 conversationId)
{
    if (OfferBanner *b = banner(conversationId))
        b->setBusy(true);
    DeckRequest::send(m_session.sync(), Requests::decline(conversationId), this,
                      [this, conversationId](const QJsonObject &, const QString &error) {
                          // Passed on, or no longer ours to pass on: either way it is gone.
                          m_offers.remove(conversationId);
                          if (!error.isEmpty()
                              && m_session.sync().state() != SyncClient::State::Online)
                              showNotice(error);
                      });
}

} // namespace Tandem
