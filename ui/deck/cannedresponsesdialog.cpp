// SPDX-License-Identifier: GPL-3.0-or-later
#include "cannedresponsesdialog.h"

#include "deckrequest.h"
#include "models/cannedresponsesmodel.h"
#include "protocol/limits.h"
#include "shell/agentsession.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tandem {

CannedResponsesDialog::CannedResponsesDialog(AgentSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_model(new CannedResponsesModel(session.cache(), this))
{
    setObjectName(QStringLiteral("cannedDialog"));
    setWindowTitle(tr("Canned Responses"));
    m_list = new QListView;
    m_list->setObjectName(QStringLiteral("cannedResponses"));
    m_list->setModel(m_model);
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_new = new QPushButton(tr("New"));
    m_shortcut = new QLineEdit;
    m_shortcut->setObjectName(QStringLiteral("cannedShortcut"));
    m_shortcut->setMaxLength(int(Protocol::MaxShortcutChars));
    m_shortcut->setPlaceholderText(tr("e.g. refund"));
    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("cannedText"));
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(tr("The reply agents insert by typing /shortcut"));
    m_save = new QPushButton(tr("Save"));
    m_save->setObjectName(QStringLiteral("cannedSave"));
    m_save->setAutoDefault(false);
    m_delete = new QPushButton(tr("Delete"));
    m_delete->setObjectName(QStringLiteral("cannedDelete"));
    m_delete->setAutoDefault(false);
    m_new->setAutoDefault(false);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("cannedError"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addWidget(m_new);
    auto *form = new QFormLayout;
    form->addRow(tr("Shortcut:"), m_shortcut);
    form->addRow(tr("Text:"), m_text);
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_delete);
    actions->addWidget(m_save);
    auto *right = new QVBoxLayout;
    right->addLayout(form, 1);
    right->addWidget(m_error);
    right->addLayout(actions);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(close);
    resize(640, 400);

    connect(m_new, &QPushButton::clicked, this, &CannedResponsesDialog::startNew);
    connect(m_save, &QPushButton::clicked, this, &CannedResponsesDialog::save);
    connect(m_delete, &QPushButton::clicked, this, &CannedResponsesDialog::remove);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { edit(current); });
    connect(m_shortcut, &QLineEdit::textChanged, this, &CannedResponsesDialog::updateButtons);
    connect(m_text, &QPlainTextEdit::textChanged, this, &CannedResponsesDialog::updateButtons);
    // After a change from the server the one being edited is found again by its id.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_model->rowOf(m_editing);
        if (row >= 0) {
            const QSignalBlocker quiet(m_list->selectionModel());
            m_list->setCurrentIndex(m_model->index(row, 0));
        }
        updateButtons();
    });
    startNew();
}

void CannedResponsesDialog::startNew()
{
    m_editing = 0;
    m_list->clearSelection();
    m_shortcut->clear();
    m_text->clear();
    m_error->hide();
    m_shortcut->setFocus();
    updateButtons();
}

void CannedResponsesDialog::edit(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_editing = index.data(CannedResponsesModel::IdRole).toLongLong();
    m_shortcut->setText(index.data(CannedResponsesModel::ShortcutRole).toString());
    m_text->setPlainText(index.data(CannedResponsesModel::TextRole).toString());
    m_error->hide();
    updateButtons();
}

void CannedResponsesDialog::updateButtons()
{
    const QString shortcut = m_shortcut->text().trimmed();
    const QString text = m_text->toPlainText().trimmed();
    m_save->setEnabled(!m_busy && !shortcut.isEmpty() && !text.isEmpty());
    m_delete->setEnabled(!m_busy && m_editing != 0);
}

void CannedResponsesDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void CannedResponsesDialog::save()
{
    QString shortcut = m_shortcut->text().trimmed();
    if (shortcut.startsWith(QLatin1Char('/')))
        shortcut.remove(0, 1);
    const QString text = m_text->toPlainText().trimmed();
    if (shortcut.isEmpty() || text.isEmpty() || m_busy)
        return;
    if (shortcut.contains(QLatin1Char(' '))) {
        showError(tr("A shortcut is one word, without spaces."));
        return;
    }
    if (text.size() > Protocol::MaxTextChars) {
        showError(tr("The text is too long: at most %1 characters.").arg(Protocol::MaxTextChars));
        return;
    }
    const Commands::SaveCanned save{
        m_editing != 0 ? std::optional<qint64>(m_editing) : std::nullopt, shortcut, text};
    m_busy = true;
    updateButtons();
    DeckRequest::send(m_session.sync(), Requests::saveCanned(save), this,
                      [this](const QJsonObject &data, const QString &error) {
                          m_busy = false;
                          showError(error);
                          if (error.isEmpty()) {
                              m_editing = qint64(data.value(QLatin1String("canned"))
                                                     .toObject()
                                                     .value(QLatin1String("id"))
                                                     .toDouble());
                          }
                          updateButtons();
                      });
}

void CannedResponsesDialog::remove()
{
    if (m_editing == 0 || m_busy)
        return;
    m_busy = true;
    updateButtons();
    DeckRequest::send(m_session.sync(), Requests::deleteCanned({m_editing}), this,
                      [this](const QJsonObject &, const QString &error) {
                          m_busy = false;
                          showError(error);
                          if (error.isEmpty())
                              startNew();
                          updateButtons();
                      });
}

} // namespace Tandem
