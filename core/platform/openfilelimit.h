// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Tandem {

//! Every connection holds a file descriptor; the usual soft limit of 1024 open files would
//! stop a server or a load run long before the machine does.
class OpenFileLimit
{
public:
    //! Raises the soft limit towards `wanted` (never above the hard limit) and returns the
    //! limit now in force; -1 where there is no such limit to raise.
    static qint64 raiseTo(qint64 wanted);
};

} // namespace Tandem
