// SPDX-License-Identifier: GPL-3.0-or-later
#include "cannedpopup.h"

#include "models/cannedresponsesmodel.h"

#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScreen>
#include <QVBoxLayout>

namespace Tandem {

CannedPopup::CannedPopup(LocalCache &cache, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_model(new CannedResponsesModel(cache, this))
{
    setObjectName(QStringLiteral("cannedPopup"));
    setFrameShape(QFrame::StyledPanel);
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("cannedSearch"));
    m_search->setPlaceholderText(tr("Search canned responses"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_list = new QListView;
    m_list->setObjectName(QStringLiteral("cannedList"));
    m_list->setModel(m_model);
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFocusPolicy(Qt::NoFocus); // the keys go to the search field
    // What Enter would insert, in full: the list shows shortcuts and the text's start.
    m_preview = new QLabel;
    m_preview->setObjectName(QStringLiteral("cannedPreview"));
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setMargin(4);
    m_empty = new QLabel;
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    auto *hint = new QLabel(tr("Enter inserts · Esc closes"));
    hint->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_preview);
    layout->addWidget(m_empty);
    layout->addWidget(hint);
    resize(420, 320);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setFilter(text);
        selectFirst();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &CannedPopup::selectFirst);
    connect(m_list, &QListView::clicked, this, &CannedPopup::choose);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CannedPopup::showPreview);
}

void CannedPopup::popUp(QWidget *anchor)
{
    m_chose = false;
    m_search->clear();
    m_model->setFilter(QString());
    selectFirst();
    QPoint at = anchor->mapToGlobal(QPoint(0, 0));
    at.ry() -= height(); // above the composer, which sits at the bottom of its pane
    if (const QScreen *screen = anchor->screen()) {
        const QRect room = screen->availableGeometry();
        at.setX(std::clamp(at.x(), room.left(), std::max(room.left(), room.right() - width())));
        if (at.y() < room.top())
            at.setY(anchor->mapToGlobal(QPoint(0, anchor->height())).y());
    }
    move(at);
    show();
    m_search->setFocus(Qt::PopupFocusReason);
}

void CannedPopup::selectFirst()
{
    const bool any = m_model->rowCount() > 0;
    if (any)
        m_list->setCurrentIndex(m_model->index(0, 0));
    m_empty->setVisible(!any);
    showPreview(m_list->currentIndex());
    m_empty->setText(m_model->totalCount() == 0
                         ? tr("No canned responses yet. Supervisors add them under Team → "
                              "Canned Responses.")
                         : tr("None matches “%1”.").arg(m_model->filter()));
}

void CannedPopup::showPreview(const QModelIndex &index)
{
    const QString text =
        index.isValid() ? index.data(CannedResponsesModel::TextRole).toString() : QString();
    m_preview->setText(text);
    m_preview->setVisible(!text.isEmpty());
}

void CannedPopup::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString text = index.data(CannedResponsesModel::TextRole).toString();
    m_chose = true;
    hide();
    Q_EMIT chosen(text);
}

bool CannedPopup::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const int rows = m_model->rowCount();
        const int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
        switch (key->key()) {
        case Qt::Key_Down:
            if (rows > 0)
                m_list->setCurrentIndex(m_model->index(std::min(row + 1, rows - 1), 0));
            return true;
        case Qt::Key_Up:
            if (rows > 0)
                m_list->setCurrentIndex(m_model->index(std::max(row - 1, 0), 0));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            choose(m_list->currentIndex());
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void CannedPopup::hideEvent(QHideEvent *event)
{
    QFrame::hideEvent(event);
    if (!m_chose)
        Q_EMIT dismissed();
    m_chose = true; // one signal per showing
}

} // namespace Tandem
