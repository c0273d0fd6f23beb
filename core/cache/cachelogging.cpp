// SPDX-License-Identifier: GPL-3.0-or-later
#include "cachelogging.h"

Q_LOGGING_CATEGORY(lcCache, "tandem.cache", QtInfoMsg)
