// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace Tandem {

//! Where a reply sent out through a channel (email, WhatsApp, Telegram) stands
//! (docs/protocol.md, "message.delivery"). Queued until the channel took it; sent once it
//! did; delivered and read when the channel reports so; failed when it gave up. In the
//! order a reply goes through them: a later state never gives way to an earlier one.
enum class DeliveryState { Queued, Sent, Delivered, Read, Failed };

//! Where one reply stands, and (when it failed) why, for people.
struct DeliveryStatus {
    DeliveryState state = DeliveryState::Queued;
    QString error;
};

QString deliveryStateName(DeliveryState state);
std::optional<DeliveryState> deliveryStateFromName(const QString &name);

} // namespace Tandem
