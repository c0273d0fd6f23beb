// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "tandem.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHub, "tandem.hub", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "tandem.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "tandem.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMail, "tandem.mail", QtInfoMsg)
