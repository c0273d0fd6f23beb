// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calendar/businesscalendar.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace Tandem {

//! A team's business hours, edited by a supervisor (docs/protocol.md, "Business hours"):
//! open around the clock, or weekly hours in a timezone with holidays and closures, which
//! can be imported from an .ics file. Says as it is edited whether the team would be open
//! now, and until or from when.
class HoursEditor : public QDialog
{
    Q_OBJECT
public:
    explicit HoursEditor(const std::optional<BusinessCalendar> &calendar,
                         QWidget *parent = nullptr);

    //! What the form says; none: open around the clock. Call when accepted.
    std::optional<BusinessCalendar> calendar() const;
    //! Adds the closures of an iCalendar file, from today for two years; reads it off the
    //! GUI thread and emits imported() (with an error, if any) when done.
    void importIcs(const QString &path);

    //! One line about a calendar for a form: "Mon–Fri 08:00–18:00 (Europe/Berlin)".
    static QString describe(const std::optional<BusinessCalendar> &calendar);

Q_SIGNALS:
    void imported(int added, const QString &error);

private:
    void addInterval(const OpeningHours &hours);
    void addClosure(const Closure &closure);
    void updateState();
    QTimeZone zone() const;

    QCheckBox *m_aroundTheClock = nullptr;
    QComboBox *m_zone = nullptr;
    QTableWidget *m_hours = nullptr;
    QTableWidget *m_closures = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_importState = nullptr;
    QCheckBox *m_sendAutoReply = nullptr;
    QPlainTextEdit *m_autoReply = nullptr;
    QSpinBox *m_busyAfter = nullptr; // 0: no busy reply
    QPlainTextEdit *m_busyReply = nullptr;
};

} // namespace Tandem
