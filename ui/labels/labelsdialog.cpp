// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelsdialog.h"

#include "deck/deckrequest.h"
#include "protocol/limits.h"
#include "shell/agentsession.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tandem {
namespace {

QIcon swatch(const QString &colour)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(colour));
    p.drawRoundedRect(pixmap.rect(), 3, 3);
    return QIcon(pixmap);
}

} // namespace

QStringList LabelsDialog::palette()
{
    return {QStringLiteral("#2563eb"), QStringLiteral("#16a34a"), QStringLiteral("#ca8a04"),
            QStringLiteral("#ea580c"), QStringLiteral("#dc2626"), QStringLiteral("#9333ea"),
            QStringLiteral("#db2777"), QStringLiteral("#0891b2"), QStringLiteral("#6b7280")};
}

LabelsDialog::LabelsDialog(AgentSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("labelsDialog"));
    setWindowTitle(tr("Labels"));
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("labels"));
    auto *newLabel = new QPushButton(tr("New"));
    newLabel->setAutoDefault(false);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("labelName"));
    m_name->setMaxLength(int(Protocol::MaxLabelChars));
    m_name->setPlaceholderText(tr("e.g. Billing"));
    m_colour = new QToolButton;
    m_colour->setObjectName(QStringLiteral("labelColour"));
    m_colour->setPopupMode(QToolButton::InstantPopup);
    auto *colours = new QMenu(m_colour);
    for (const QString &colour : palette())
        colours->addAction(swatch(colour), colour, this, [this, colour] { setColour(colour); });
    colours->addSeparator();
    colours->addAction(tr("Other…"), this, [this] {
        const QColor chosen = QColorDialog::getColor(QColor(m_chosenColour), this, tr("Colour"));
        if (chosen.isValid())
            setColour(chosen.name());
    });
    m_colour->setMenu(colours);
    m_save = new QPushButton(tr("Save"));
    m_save->setObjectName(QStringLiteral("labelSave"));
    m_save->setAutoDefault(false);
    m_delete = new QPushButton(tr("Delete"));
    m_delete->setObjectName(QStringLiteral("labelDelete"));
    m_delete->setAutoDefault(false);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("labelError"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addWidget(newLabel);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Colour:"), m_colour);
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_delete);
    actions->addWidget(m_save);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_error);
    right->addStretch(1);
    right->addLayout(actions);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(close);
    resize(520, 320);

    connect(newLabel, &QPushButton::clicked, this, &LabelsDialog::startNew);
    connect(m_save, &QPushButton::clicked, this, &LabelsDialog::save);
    connect(m_name, &QLineEdit::returnPressed, this, &LabelsDialog::save);
    connect(m_delete, &QPushButton::clicked, this, &LabelsDialog::remove);
    connect(m_name, &QLineEdit::textChanged, this, &LabelsDialog::updateButtons);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            edit(item->data(Qt::UserRole).toLongLong());
    });
    connect(&m_session.cache(), &LocalCache::labelsChanged, this, &LabelsDialog::reload);
    reload();
    startNew();
}

void LabelsDialog::reload()
{
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    for (const Label &label : m_session.cache().labels()) {
        auto *item = new QListWidgetItem(swatch(label.colour), label.name, m_list);
        item->setData(Qt::UserRole, label.id);
        item->setData(Qt::UserRole + 1, label.colour);
        if (label.id == m_editing)
            m_list->setCurrentItem(item);
    }
    updateButtons();
}

void LabelsDialog::startNew()
{
    m_editing = 0;
    m_list->setCurrentItem(nullptr);
    m_name->clear();
    // The next colour nobody uses yet, so labels stay apart.
    QStringList used;
    for (int i = 0; i < m_list->count(); ++i)
        used << m_list->item(i)->data(Qt::UserRole + 1).toString();
    QString colour = palette().constFirst();
    for (const QString &c : palette())
        if (!used.contains(c)) {
            colour = c;
            break;
        }
    setColour(colour);
    showError({});
    m_name->setFocus();
}

void LabelsDialog::edit(qint64 id)
{
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        if (item->data(Qt::UserRole).toLongLong() != id)
            continue;
        m_editing = id;
        m_name->setText(item->text());
        setColour(item->data(Qt::UserRole + 1).toString());
    }
    showError({});
    updateButtons();
}

void LabelsDialog::setColour(const QString &colour)
{
    m_chosenColour = colour;
    m_colour->setIcon(swatch(colour));
    m_colour->setText(colour);
    m_colour->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
}

void LabelsDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void LabelsDialog::updateButtons()
{
    m_save->setEnabled(!m_busy && !m_name->text().trimmed().isEmpty());
    m_delete->setEnabled(!m_busy && m_editing != 0);
}

void LabelsDialog::save()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || m_busy)
        return;
    if (name.contains(QLatin1Char(','))) {
        showError(tr("A label's name has no comma."));
        return;
    }
    Commands::SaveLabel command;
    if (m_editing)
        command.id = m_editing;
    command.name = name;
    command.colour = m_chosenColour;
    m_busy = true;
    updateButtons();
    DeckRequest::send(m_session.sync(), Requests::saveLabel(command), this,
                      [this](const QJsonObject &data, const QString &error) {
                          m_busy = false;
                          showError(error);
                          if (error.isEmpty())
                              m_editing = qint64(data.value(QLatin1String("label"))
                                                     .toObject()
                                                     .value(QLatin1String("id"))
                                                     .toDouble());
                          updateButtons();
                      });
}

void LabelsDialog::remove()
{
    if (m_editing == 0 || m_busy)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete the label?"),
        tr("“%1” comes off every conversation that has it.").arg(m_name->text()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    m_busy = true;
    updateButtons();
    DeckRequest::send(m_session.sync(), Requests::deleteLabel({m_editing}), this,
                      [this](const QJsonObject &, const QString &error) {
                          m_busy = false;
                          showError(error);
                          if (error.isEmpty())
                              startNew();
                          updateButtons();
                      });
}

} // namespace Tandem
