// SPDX-License-Identifier: GPL-3.0-or-later
#include "localization.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcLocalization, "tandem.localization", QtInfoMsg)

namespace Tandem {

bool Localization::install(QCoreApplication &app, const QLocale &locale)
{
    // Qt's own strings (dialog buttons, context menus) in the same language as ours.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *tandem = new QTranslator(&app);
    if (tandem->load(locale, QStringLiteral("tandem"), QStringLiteral("_"),
                     QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(tandem);
        qCDebug(lcLocalization) << "translation" << tandem->language() << "for" << locale.name();
        return true;
    }
    delete tandem;
    return false;
}

} // namespace Tandem
