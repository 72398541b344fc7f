// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/EnrolledHub.h"

#include "usecases/Enrolment.h"
#include "usecases/HubPins.h"
#include "usecases/HubToken.h"

namespace sohoa::usecases {

std::optional<sync::HubConnection> enrolledHub(storage::Store& store)
{
    sync::HubConnection connection;
    connection.server = QUrl(Enrolment::savedServer(store), QUrl::StrictMode);
    connection.token = HubToken::saved(store);
    if (!connection.server.isValid() || connection.server.isEmpty() || connection.token.isEmpty())
        return std::nullopt;
    connection.caCertificates = Enrolment::savedCaCertificates(store);
    connection.pins = HubPins::saved(store);
    return connection;
}

} // namespace sohoa::usecases
