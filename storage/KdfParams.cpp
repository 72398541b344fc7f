// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/KdfParams.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sodium.h>
#include <stdexcept>

namespace sohoa::storage {

KdfParams KdfParams::calibrated(double targetSeconds)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium failed to initialize");
    KdfParams params;
    params.opsLimit = 1;
    unsigned char out[32];
    unsigned char salt[crypto_pwhash_SALTBYTES] = {};
    const char probe[] = "calibration";
    const auto start = std::chrono::steady_clock::now();
    if (crypto_pwhash(out, sizeof out, probe, sizeof probe - 1, salt, params.opsLimit,
                      params.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::bad_alloc();
    const double oneRound =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // Time grows about linearly with the number of passes over the memory.
    const double rounds = std::floor(targetSeconds / std::max(oneRound, 1e-3));
    params.opsLimit = static_cast<std::uint64_t>(std::clamp(rounds, 2.0, 20.0));
    sodium_memzero(out, sizeof out);
    return params;
}

} // namespace sohoa::storage
