// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/result.h"
#include "store.h"

#include <QString>
#include <QStringList>
#include <memory>

//! Opens the store a deployment chose with `--store` (docs in README, "Options"):
//!   sqlite            the embedded store in the data directory (the default);
//!   sqlite:PATH       an SQLite file elsewhere.
//! PostgreSQL, for several nodes, is named here when it exists ("postgresql://…" is
//! refused with a clear message until then).
namespace Tandem::Server::StoreFactory {

struct Choice {
    QString backEnd;  //!< "sqlite"
    QString location; //!< a file path for SQLite
};

//! What `spec` names, with the data directory for the defaults; a clear error otherwise.
Result<Choice> choose(const QString &spec, const QString &dataDir);
//! A new, unopened store of that choice.
std::unique_ptr<Store> create(const Choice &choice);
//! A second, read-only connection to the same data, for reads beside the writer; null
//! when the back end has none.
std::unique_ptr<Store> createReader(const Choice &choice);
//! Every back end this build has, for the conformance suite.
QStringList backEnds();

} // namespace Tandem::Server::StoreFactory
