// SPDX-License-Identifier: GPL-3.0-or-later
#include "customerpanel.h"

#include "conversations/conversationdelegate.h"
#include "protocol/limits.h"
#include "protocol/requests.h"
#include "protocol/wirecodec.h"
#include "shell/agentsession.h"
#include "thread/conversationview.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tandem {
namespace {

QString statusWord(const QString &status)
{
    if (status == ConversationStatus::Pending)
        return CustomerPanel::tr("pending");
    if (status == ConversationStatus::Snoozed)
        return CustomerPanel::tr("snoozed");
    if (status == ConversationStatus::Resolved)
        return CustomerPanel::tr("resolved");
    return CustomerPanel::tr("open");
}

QLabel *heading(const QString &text)
{
    auto *label = new QLabel(text);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

CustomerPanel::CustomerPanel(AgentSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("customerPanel"));
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("customerName"));
    m_name->setMaxLength(int(Protocol::MaxNameChars));
    m_email = new QLineEdit;
    m_email->setObjectName(QStringLiteral("customerEmail"));
    m_email->setMaxLength(int(Protocol::MaxEmailChars));
    m_email->setPlaceholderText(tr("not known"));
    m_save = new QPushButton(tr("Save"));
    m_save->setObjectName(QStringLiteral("customerSave"));
    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->hide();
    m_inbox = new QLabel;
    m_inbox->setWordWrap(true);
    m_identities = new QLabel;
    m_identities->setObjectName(QStringLiteral("customerIdentities"));
    m_identities->setWordWrap(true);
    m_identities->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ratings = new QLabel;
    m_ratings->setObjectName(QStringLiteral("customerRatings"));
    m_ratings->setWordWrap(true);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("customerConversations"));
    m_list->setAccessibleName(tr("The customer's conversations"));
    m_list->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Email:"), m_email);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(heading(tr("Customer")));
    layout->addLayout(form);
    layout->addWidget(m_save, 0, Qt::AlignRight);
    layout->addWidget(m_error);
    layout->addWidget(m_inbox);
    layout->addWidget(m_identities);
    layout->addWidget(m_ratings);
    layout->addWidget(heading(tr("Conversations")));
    layout->addWidget(m_list, 1);
    setMinimumWidth(200);

    connect(m_name, &QLineEdit::textChanged, this, &CustomerPanel::updateSave);
    connect(m_email, &QLineEdit::textChanged, this, &CustomerPanel::updateSave);
    connect(m_save, &QPushButton::clicked, this, &CustomerPanel::save);
    connect(m_email, &QLineEdit::returnPressed, this, &CustomerPanel::save);
    connect(m_name, &QLineEdit::returnPressed, this, &CustomerPanel::save);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        if (id != m_conversation)
            Q_EMIT conversationRequested(id);
    });
    connect(m_list, &QListWidget::itemClicked, m_list, &QListWidget::itemActivated);
    connect(&m_session.sync(), &SyncClient::stateChanged, this, &CustomerPanel::updateSave);
    // A correction made elsewhere, or a new conversation of theirs, shows at once.
    connect(&m_session.cache(), &LocalCache::applied, this,
            [this](qint64, const QSet<qint64> &changed) {
                if (changed.contains(m_conversation))
                    showCached();
            });
    setConversation(0);
}

QString CustomerPanel::ratingsText(const QList<int> &scores)
{
    if (scores.isEmpty())
        return {};
    double sum = 0;
    for (int score : scores)
        sum += score;
    const double mean = sum / scores.size();
    const int stars = qBound(1, int(mean + 0.5), 5);
    const QString shown = QString(stars, QChar(0x2605)) + QString(5 - stars, QChar(0x2606));
    const QString average = QLocale().toString(mean, 'f', 1);
    return scores.size() == 1 ? tr("%1 %2 from one rating").arg(shown, average)
                              : tr("%1 %2 from %3 ratings").arg(shown, average).arg(scores.size());
}

void CustomerPanel::setConversation(qint64 conversationId)
{
    m_conversation = conversationId;
    m_customer = 0;
    m_error->hide();
    m_identities->clear();
    m_identities->hide();
    showCached();
    askServer();
}

void CustomerPanel::showCached()
{
    const auto summary =
        m_conversation ? m_session.cache().conversation(m_conversation) : std::nullopt;
    setEnabled(summary.has_value());
    if (!summary) {
        m_name->clear();
        m_email->clear();
        m_inbox->clear();
        m_ratings->clear();
        m_list->clear();
        return;
    }
    const bool other = summary->customerId != m_customer;
    m_customer = summary->customerId;
    const auto customer = m_session.cache().customer(m_customer);
    const QString name = customer ? customer->name : summary->customerName;
    const QString email = customer ? customer->email : QString();
    // What the agent is typing is theirs until saved; a change from elsewhere replaces it
    // only when they have not touched it.
    if (other || m_name->text() == m_savedName)
        m_name->setText(name);
    if (other || m_email->text() == m_savedEmail)
        m_email->setText(email);
    m_savedName = name;
    m_savedEmail = email;
    QString inbox;
    for (const Inbox &i : m_session.cache().inboxes())
        if (i.id == summary->inboxId)
            inbox = i.name;
    m_inbox->setText(
        inbox.isEmpty()
            ? tr("Writes through %1").arg(ConversationView::channelName(summary->channel))
            : tr("Writes through %1 (%2)")
                  .arg(ConversationView::channelName(summary->channel), inbox));
    fillList(m_session.cache().conversationsOf(m_customer));
    updateSave();
}

void CustomerPanel::fillList(const QList<ConversationSummary> &conversations)
{
    m_list->clear();
    QList<int> scores;
    const QDateTime now = QDateTime::currentDateTime();
    for (const ConversationSummary &c : conversations) {
        QString text =
            tr("#%1 · %2 · %3")
                .arg(c.id)
                .arg(statusWord(c.status), ConversationDelegate::shortTime(c.updatedAt, now));
        if (c.ratingScore > 0) {
            text += QStringLiteral(" · ") + QString(c.ratingScore, QChar(0x2605));
            scores.append(c.ratingScore);
        }
        if (!c.lastText.isEmpty())
            text += QLatin1Char('\n') + c.lastText.simplified().left(80);
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, c.id);
        if (c.id == m_conversation) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
            item->setToolTip(tr("The one open now"));
        }
    }
    m_ratings->setText(scores.isEmpty() ? tr("No ratings given yet")
                                        : tr("Ratings given: %1").arg(ratingsText(scores)));
}

void CustomerPanel::askServer()
{
    if (m_conversation == 0 || m_session.sync().state() != SyncClient::State::Online)
        return;
    const qint64 asked = m_conversation;
    m_session.sync().request(
        Requests::customer(asked), this, [this, asked](bool ok, const QJsonObject &data) {
            if (!ok || asked != m_conversation)
                return;
            QStringList reached;
            for (const QJsonValue &v : data.value(QLatin1String("identities")).toArray()) {
                const QJsonObject identity = v.toObject();
                reached << tr("%1: %2").arg(
                    ConversationView::channelName(
                        identity.value(QLatin1String("channel")).toString()),
                    identity.value(QLatin1String("address")).toString());
            }
            m_identities->setText(tr("Also reached on\n%1").arg(reached.join(QLatin1Char('\n'))));
            m_identities->setVisible(!reached.isEmpty());
            // The server knows conversations the cache may not hold (older, resolved); what
            // the cache has of them (the last message) is read in one go.
            QList<Conversation> known;
            QSet<qint64> ids;
            for (const QJsonValue &v : data.value(QLatin1String("conversations")).toArray())
                if (const auto c = Wire::decodeConversation(v.toObject())) {
                    known.append(c.value());
                    ids.insert(c->id);
                }
            const QHash<qint64, ConversationSummary> cached = m_session.cache().conversations(ids);
            QList<ConversationSummary> listed;
            for (const Conversation &c : std::as_const(known)) {
                ConversationSummary s = cached.value(c.id);
                s.id = c.id;
                s.status = c.status;
                s.updatedAt = c.updatedAt;
                s.ratingScore = c.rating ? c.rating->score : 0;
                listed.append(s);
            }
            fillList(listed);
        });
}

void CustomerPanel::updateSave()
{
    const bool changed =
        m_name->text().trimmed() != m_savedName || m_email->text().trimmed() != m_savedEmail;
    m_save->setEnabled(changed && !m_name->text().trimmed().isEmpty()
                       && m_session.sync().state() == SyncClient::State::Online);
    m_save->setToolTip(m_session.sync().state() == SyncClient::State::Online
                           ? QString()
                           : tr("Needs a connection to the server"));
}

void CustomerPanel::save()
{
    if (!m_save->isEnabled())
        return;
    Commands::CustomerCommand command;
    command.conversationId = m_conversation;
    command.name = m_name->text().trimmed();
    command.email = m_email->text().trimmed();
    m_save->setEnabled(false);
    m_session.sync().request(
        Requests::updateCustomer(command), this, [this](bool ok, const QJsonObject &reply) {
            m_error->setVisible(!ok);
            if (!ok)
                m_error->setText(reply.value(QLatin1String("message")).toString());
            updateSave();
        });
}

} // namespace Tandem
