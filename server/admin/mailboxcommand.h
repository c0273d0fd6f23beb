// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/store.h"

#include <QStringList>

class QTextStream;

namespace Tandem::Server {

class SecretBox;

//! `tandemd mailbox add|set|list`: email inboxes for scripted set-ups, straight on the
//! store. Settings come from a JSON file (docs/protocol.md, "Email"); the IMAP and
//! SMTP passwords from standard input, one line each, and are stored sealed. A running
//! tandemd takes the change up within a minute.
class MailboxCommand
{
public:
    MailboxCommand(Store &store, const SecretBox &secrets, QTextStream &in, QTextStream &out,
                   QTextStream &err);

    //! `arguments` starts after "mailbox"; returns the process exit code.
    int run(const QStringList &arguments);

private:
    int save(const QStringList &arguments, bool adding);
    int list();
    int usage();

    Store &m_store;
    const SecretBox &m_secrets;
    QTextStream &m_in;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace Tandem::Server
