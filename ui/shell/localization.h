// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

class QCoreApplication;

namespace Tandem {

//! Tandem's own translations (embedded under :/i18n) and Qt's, for the system locale.
class Localization
{
public:
    //! Installs the translators on `app`, which owns them. Returns whether Tandem's own
    //! translation for `locale` was found (English needs none).
    static bool install(QCoreApplication &app, const QLocale &locale = QLocale());
};

} // namespace Tandem
