// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/SoftwareKeySigner.h"
#include "storage/Store.h"

#include <memory>

namespace sohoa::usecases {

// The store's demo identity as a signer, created (and audited) on first use. Whatever it signs
// is a test signature without legal value, and its dossiers are marked as test data.
std::unique_ptr<signing::SoftwareKeySigner>
demoSigner(storage::Store& store, const QString& officerId, const QString& agencyName);

} // namespace sohoa::usecases
