// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tandem {

//! What a keychain operation came to: the token read, or why there is none.
struct CredentialResult {
    enum class Status {
        Ok,
        //! The keychain works but holds no token for this server and account.
        NotFound,
        //! There is no usable keychain (none running, none installed, access refused): the
        //! user has to sign in each time, and `message` says so in words they understand.
        Unavailable,
        //! The keychain is there but the operation failed; `message` has the details.
        Failed,
    };

    Status status = Status::Failed;
    //! Set only by a successful read.
    QString token;
    //! Empty when status is Ok; otherwise a sentence that can be shown to the user.
    QString message;

    bool ok() const { return status == Status::Ok; }
};

} // namespace Tandem
