// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/store.h"

#include <QStringList>
#include <optional>

class QTextStream;

namespace Tandem::Server {

//! `tandemd user add|list|passwd|disable`: account administration straight on the store,
//! with or without a running server. Passwords are read from standard input.
class UserCommand
{
public:
    UserCommand(Store &store, QTextStream &in, QTextStream &out, QTextStream &err);

    //! `arguments` starts after "user"; returns the process exit code.
    int run(const QStringList &arguments);

private:
    int add(const QStringList &arguments);
    int list();
    int passwd(const QStringList &arguments);
    int disable(const QStringList &arguments, bool disabled);
    QString readPassword();
    //! Puts a new agent in the teams named (none named: the first team); why not, if not.
    QString joinTeams(qint64 agentId, const QStringList &names);
    //! The account named by --email, or nothing (having said why).
    std::optional<AgentRecord> account(const QStringList &arguments);
    int usage();

    Store &m_store;
    QTextStream &m_in;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace Tandem::Server
