// SPDX-License-Identifier: GPL-3.0-or-later
#include "openfilelimit.h"

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

#include <algorithm>

namespace Tandem {

qint64 OpenFileLimit::raiseTo(qint64 wanted)
{
#if defined(Q_OS_UNIX)
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur != RLIM_INFINITY && rlim_t(wanted) > limit.rlim_cur) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max == RLIM_INFINITY
                              ? rlim_t(wanted)
                              : std::min(rlim_t(wanted), limit.rlim_max);
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? wanted : qint64(limit.rlim_cur);
#else
    Q_UNUSED(wanted)
    return -1;
#endif
}

} // namespace Tandem
