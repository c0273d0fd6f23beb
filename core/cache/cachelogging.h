// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The desktop cache's messages; enable with QT_LOGGING_RULES="tandem.cache.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcCache)
