// SPDX-License-Identifier: GPL-3.0-or-later
#include "hourseditor.h"

#include "calendar/icsimport.h"
#include "protocol/limits.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QThreadPool>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace Tandem {
namespace {

enum HourColumn { DayColumn, FromColumn, ToColumn };
enum ClosureColumn { ClosureFrom, ClosureTo, ClosureName };

QString dayName(int day)
{
    return QLocale().dayName(day, QLocale::ShortFormat);
}

//! A table whose rows are edited through widgets in their cells.
QTableWidget *table(const QString &name, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()));
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    return t;
}

//! Remove the selected rows.
void removeSelected(QTableWidget *t)
{
    QList<int> rows;
    for (const QModelIndex &index : t->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : rows)
        t->removeRow(row);
}

} // namespace

HoursEditor::HoursEditor(const std::optional<BusinessCalendar> &calendar, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("hoursEditor"));
    setWindowTitle(tr("Business Hours"));

    m_aroundTheClock = new QCheckBox(tr("Open around the clock (no business hours)"));
    m_aroundTheClock->setObjectName(QStringLiteral("aroundTheClock"));
    m_zone = new QComboBox;
    m_zone->setObjectName(QStringLiteral("timezone"));
    m_zone->setEditable(true);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);

    m_hours = table(QStringLiteral("hours"), {tr("Day"), tr("Opens"), tr("Closes")});
    auto *addHours = new QPushButton(tr("Add Hours"));
    auto *addWeekdays = new QPushButton(tr("Add Mon–Fri 9:00–17:00"));
    auto *removeHours = new QPushButton(tr("Remove"));
    for (QPushButton *b : {addHours, addWeekdays, removeHours})
        b->setAutoDefault(false);
    connect(addHours, &QPushButton::clicked, this, [this] {
        addInterval({1, QTime(9, 0), QTime(17, 0)});
    });
    connect(addWeekdays, &QPushButton::clicked, this, [this] {
        for (int day = 1; day <= 5; ++day)
            addInterval({day, QTime(9, 0), QTime(17, 0)});
    });
    connect(removeHours, &QPushButton::clicked, this, [this] {
        removeSelected(m_hours);
        updateState();
    });

    m_closures = table(QStringLiteral("closures"), {tr("Closed from"), tr("Until"), tr("Name")});
    auto *addClosureButton = new QPushButton(tr("Add Closure"));
    auto *importButton = new QPushButton(tr("Import .ics…"));
    importButton->setObjectName(QStringLiteral("importIcs"));
    auto *removeClosure = new QPushButton(tr("Remove"));
    for (QPushButton *b : {addClosureButton, importButton, removeClosure})
        b->setAutoDefault(false);
    connect(addClosureButton, &QPushButton::clicked, this, [this] {
        const QDate today = QDate::currentDate();
        addClosure({QDateTime(today.addDays(1), QTime(0, 0)),
                    QDateTime(today.addDays(2), QTime(0, 0)), QString()});
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Holidays"), QString(),
                                                          tr("iCalendar files (*.ics)"));
        if (!path.isEmpty())
            importIcs(path);
    });
    connect(removeClosure, &QPushButton::clicked, this, [this] {
        removeSelected(m_closures);
        updateState();
    });
    m_importState = new QLabel;
    m_importState->setObjectName(QStringLiteral("importState"));
    m_importState->setWordWrap(true);
    m_importState->hide();
    connect(this, &HoursEditor::imported, this, [this](int added, const QString &error) {
        m_importState->setText(!error.isEmpty() ? error
                               : added == 1     ? tr("1 closure imported.")
                                                : tr("%1 closures imported.").arg(added));
        m_importState->show();
    });

    // What a customer who writes while the team is closed is told.
    m_sendAutoReply = new QCheckBox(tr("Send an automatic reply to customers who write while "
                                       "the team is closed"));
    m_sendAutoReply->setObjectName(QStringLiteral("sendAutoReply"));
    m_autoReply = new QPlainTextEdit;
    m_autoReply->setObjectName(QStringLiteral("autoReply"));
    m_autoReply->setPlaceholderText(BusinessCalendar::DefaultAutoReply);
    m_autoReply->setMaximumHeight(80);
    auto *autoReplyHint =
        new QLabel(tr("{opening} becomes when the team opens, {replyBy} when an answer can be "
                      "expected, both in the customer's timezone and language."));
    autoReplyHint->setWordWrap(true);
    autoReplyHint->setEnabled(false);
    connect(m_sendAutoReply, &QCheckBox::toggled, this, &HoursEditor::updateState);
    // In hours, when the wait is long.
    m_busyAfter = new QSpinBox;
    m_busyAfter->setObjectName(QStringLiteral("busyAfter"));
    m_busyAfter->setRange(0, Protocol::MaxBusyAfterMinutes);
    m_busyAfter->setSpecialValueText(tr("never"));
    m_busyAfter->setSuffix(tr(" min"));
    m_busyReply = new QPlainTextEdit;
    m_busyReply->setObjectName(QStringLiteral("busyReply"));
    m_busyReply->setPlaceholderText(BusinessCalendar::DefaultBusyReply);
    m_busyReply->setMaximumHeight(60);
    connect(m_busyAfter, &QSpinBox::valueChanged, this, &HoursEditor::updateState);
    connect(m_busyReply, &QPlainTextEdit::textChanged, this, &HoursEditor::updateState);
    connect(m_autoReply, &QPlainTextEdit::textChanged, this, &HoursEditor::updateState);

    m_state = new QLabel;
    m_state->setObjectName(QStringLiteral("hoursState"));
    m_state->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *hoursButtons = new QHBoxLayout;
    hoursButtons->addWidget(addHours);
    hoursButtons->addWidget(addWeekdays);
    hoursButtons->addStretch(1);
    hoursButtons->addWidget(removeHours);
    auto *closureButtons = new QHBoxLayout;
    closureButtons->addWidget(addClosureButton);
    closureButtons->addWidget(importButton);
    closureButtons->addStretch(1);
    closureButtons->addWidget(removeClosure);
    auto *form = new QFormLayout;
    form->addRow(tr("Timezone:"), m_zone);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_aroundTheClock);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Opening hours (a closing time at or before the opening "
                                    "runs past midnight):")));
    layout->addWidget(m_hours, 1);
    layout->addLayout(hoursButtons);
    layout->addWidget(new QLabel(tr("Holidays and closures:")));
    layout->addWidget(m_closures, 1);
    layout->addLayout(closureButtons);
    layout->addWidget(m_importState);
    layout->addWidget(m_sendAutoReply);
    layout->addWidget(m_autoReply);
    layout->addWidget(autoReplyHint);
    auto *busyForm = new QFormLayout;
    busyForm->addRow(tr("In hours, tell customers when the wait is over:"), m_busyAfter);
    layout->addLayout(busyForm);
    layout->addWidget(m_busyReply);
    layout->addWidget(m_state);
    layout->addWidget(buttons);
    resize(560, 680);

    m_aroundTheClock->setChecked(!calendar);
    const QByteArray zoneId = calendar ? calendar->zone().id() : QTimeZone::systemTimeZoneId();
    m_zone->setCurrentText(QString::fromUtf8(zoneId));
    if (calendar) {
        for (const OpeningHours &h : calendar->week())
            addInterval(h);
        for (const Closure &c : calendar->closures())
            addClosure(c);
    }
    const QString autoReply = calendar ? calendar->autoReply() : BusinessCalendar::DefaultAutoReply;
    m_sendAutoReply->setChecked(!autoReply.isEmpty());
    m_autoReply->setEnabled(!autoReply.isEmpty());
    m_autoReply->setPlainText(autoReply.isEmpty() ? BusinessCalendar::DefaultAutoReply : autoReply);
    m_busyAfter->setValue(calendar ? calendar->busyAfterMinutes().value_or(0) : 0);
    m_busyReply->setPlainText(calendar ? calendar->busyReply()
                                       : BusinessCalendar::DefaultBusyReply);
    connect(m_aroundTheClock, &QCheckBox::toggled, this, &HoursEditor::updateState);
    connect(m_zone, &QComboBox::currentTextChanged, this, &HoursEditor::updateState);
    updateState();
}

QTimeZone HoursEditor::zone() const
{
    return QTimeZone(m_zone->currentText().trimmed().toUtf8());
}

void HoursEditor::addInterval(const OpeningHours &hours)
{
    const int row = m_hours->rowCount();
    m_hours->insertRow(row);
    auto *day = new QComboBox;
    for (int d = 1; d <= 7; ++d)
        day->addItem(dayName(d), d);
    day->setCurrentIndex(hours.day - 1);
    auto *from = new QTimeEdit(hours.from);
    auto *to = new QTimeEdit(hours.to);
    for (QTimeEdit *edit : {from, to}) {
        edit->setDisplayFormat(QStringLiteral("HH:mm"));
        connect(edit, &QTimeEdit::timeChanged, this, &HoursEditor::updateState);
    }
    connect(day, &QComboBox::currentIndexChanged, this, &HoursEditor::updateState);
    m_hours->setCellWidget(row, DayColumn, day);
    m_hours->setCellWidget(row, FromColumn, from);
    m_hours->setCellWidget(row, ToColumn, to);
    updateState();
}

void HoursEditor::addClosure(const Closure &closure)
{
    const int row = m_closures->rowCount();
    m_closures->insertRow(row);
    auto *from = new QDateTimeEdit(QDateTime(closure.from.date(), closure.from.time()));
    auto *to = new QDateTimeEdit(QDateTime(closure.to.date(), closure.to.time()));
    for (QDateTimeEdit *edit : {from, to}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &HoursEditor::updateState);
    }
    auto *name = new QLineEdit(closure.name);
    name->setMaxLength(int(Protocol::MaxClosureNameChars));
    m_closures->setCellWidget(row, ClosureFrom, from);
    m_closures->setCellWidget(row, ClosureTo, to);
    m_closures->setCellWidget(row, ClosureName, name);
    updateState();
}

std::optional<BusinessCalendar> HoursEditor::calendar() const
{
    if (m_aroundTheClock->isChecked())
        return std::nullopt;
    QList<OpeningHours> week;
    for (int row = 0; row < m_hours->rowCount(); ++row) {
        const auto *day = qobject_cast<QComboBox *>(m_hours->cellWidget(row, DayColumn));
        const auto *from = qobject_cast<QTimeEdit *>(m_hours->cellWidget(row, FromColumn));
        const auto *to = qobject_cast<QTimeEdit *>(m_hours->cellWidget(row, ToColumn));
        week.append({day->currentData().toInt(), from->time(), to->time()});
    }
    QList<Closure> closures;
    for (int row = 0; row < m_closures->rowCount(); ++row) {
        const auto *from = qobject_cast<QDateTimeEdit *>(m_closures->cellWidget(row, ClosureFrom));
        const auto *to = qobject_cast<QDateTimeEdit *>(m_closures->cellWidget(row, ClosureTo));
        const auto *name = qobject_cast<QLineEdit *>(m_closures->cellWidget(row, ClosureName));
        closures.append({from->dateTime(), to->dateTime(), name->text().trimmed()});
    }
    BusinessCalendar calendar(zone(), week, closures);
    // The default text is kept as the default (it may be worded better later); none sent
    // is an empty text.
    const QString text = m_autoReply->toPlainText().trimmed();
    if (!m_sendAutoReply->isChecked())
        calendar.setAutoReply(QString());
    else if (!text.isEmpty() && text != BusinessCalendar::DefaultAutoReply)
        calendar.setAutoReply(text);
    if (m_busyAfter->value() > 0)
        calendar.setBusyAfterMinutes(m_busyAfter->value());
    const QString busy = m_busyReply->toPlainText().trimmed();
    if (!busy.isEmpty() && busy != BusinessCalendar::DefaultBusyReply)
        calendar.setBusyReply(busy);
    return calendar;
}

void HoursEditor::updateState()
{
    const bool hours = !m_aroundTheClock->isChecked();
    for (QWidget *w : std::initializer_list<QWidget *>{m_zone, m_hours, m_closures})
        w->setEnabled(hours);
    if (m_busyReply) { // not yet while the form is being made
        m_sendAutoReply->setEnabled(hours);
        m_autoReply->setEnabled(hours && m_sendAutoReply->isChecked());
        m_busyAfter->setEnabled(hours);
        m_busyReply->setEnabled(hours && m_busyAfter->value() > 0);
    }
    QPushButton *ok = findChild<QDialogButtonBox *>()
                          ? findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)
                          : nullptr;
    QString problem;
    if (hours && !zone().isValid())
        problem = tr("“%1” is not a timezone this computer knows.").arg(m_zone->currentText());
    else if (hours && m_hours->rowCount() == 0)
        problem = tr("Add opening hours, or choose open around the clock.");
    else if (hours && m_closures->rowCount() > Protocol::MaxClosures)
        problem = tr("At most %1 closures.").arg(Protocol::MaxClosures);
    else if (hours && m_busyReply
             && std::max(m_autoReply->toPlainText().trimmed().size(),
                         m_busyReply->toPlainText().trimmed().size())
                    > Protocol::MaxAutoReplyChars)
        problem = tr("The automatic reply is too long: at most %1 characters.")
                      .arg(Protocol::MaxAutoReplyChars);
    if (hours && problem.isEmpty()) {
        for (const Closure &c : calendar()->closures())
            if (c.to <= c.from)
                problem = tr("A closure ends before it starts.");
    }
    if (ok)
        ok->setEnabled(problem.isEmpty());
    if (!problem.isEmpty()) {
        m_state->setText(problem);
        return;
    }
    if (!hours) {
        m_state->setText(tr("Live chat is offered at any hour."));
        return;
    }
    const BusinessCalendar c = *calendar();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QLocale locale;
    const auto when = [&](const QDateTime &at) {
        const QDateTime local = at.toTimeZone(c.zone());
        return local.date() == now.toTimeZone(c.zone()).date()
                   ? locale.toString(local.time(), QLocale::ShortFormat)
                   : locale.toString(local, QStringLiteral("ddd d MMM, HH:mm"));
    };
    if (c.isOpen(now)) {
        const QDateTime closes = c.nextClosing(now);
        m_state->setText(closes.isValid()
                             ? tr("Open now; closes %1 (team's time).").arg(when(closes))
                             : tr("Open now."));
    } else {
        const QDateTime opens = c.nextOpening(now);
        m_state->setText(opens.isValid()
                             ? tr("Closed now; opens %1 (team's time).").arg(when(opens))
                             : tr("Closed for longer than a year: customers would be promised "
                                  "nothing."));
    }
}

void HoursEditor::importIcs(const QString &path)
{
    const QTimeZone z = zone().isValid() ? zone() : QTimeZone::systemTimeZone();
    const QDate from = QDate::currentDate();
    QPointer<HoursEditor> self(this);
    QThreadPool::globalInstance()->start([self, path, z, from] {
        const Result<QList<Closure>> read = [&]() -> Result<QList<Closure>> {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return Failure{ErrorCode::BadRequest,
                               tr("%1 could not be read: %2").arg(path, file.errorString())};
            return IcsImport::closures(file.read(IcsImport::MaxBytes + 1), z, from,
                                       from.addYears(2));
        }();
        QMetaObject::invokeMethod(qApp, [self, read] {
            if (!self)
                return;
            if (!read) {
                Q_EMIT self->imported(0, read.failure().message);
                return;
            }
            const std::optional<BusinessCalendar> now = self->calendar();
            const QList<Closure> had = now ? now->closures() : QList<Closure>();
            int added = 0;
            for (const Closure &c : read.value()) {
                const Closure local{QDateTime(c.from.date(), c.from.time()),
                                    QDateTime(c.to.date(), c.to.time()), c.name};
                bool known = false;
                for (const Closure &h : had)
                    known =
                        known
                        || (h.from.date() == local.from.date() && h.from.time() == local.from.time()
                            && h.to.date() == local.to.date() && h.to.time() == local.to.time());
                if (!known) {
                    self->addClosure(c);
                    ++added;
                }
            }
            Q_EMIT self->imported(added, QString());
        });
    });
}

QString HoursEditor::describe(const std::optional<BusinessCalendar> &calendar)
{
    if (!calendar)
        return tr("Open around the clock");
    QStringList parts;
    for (const OpeningHours &h : calendar->week())
        parts.append(QStringLiteral("%1 %2–%3")
                         .arg(dayName(h.day), h.from.toString(QStringLiteral("HH:mm")),
                              h.to.toString(QStringLiteral("HH:mm"))));
    QString text = parts.mid(0, 3).join(QLatin1String(", "));
    if (parts.size() > 3)
        text += tr(" and %1 more").arg(parts.size() - 3);
    text += QStringLiteral(" (%1)").arg(QString::fromUtf8(calendar->zone().id()));
    const qsizetype closures = calendar->closures().size();
    if (closures > 0)
        text += closures == 1 ? tr("; 1 closure") : tr("; %1 closures").arg(closures);
    return text;
}

} // namespace Tandem
