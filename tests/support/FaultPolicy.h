// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace sohoa::testing {

// What FaultProxy does to one request on its way to the hub.
enum class Fault
{
    None,         // forwarded, its response returned
    CutRequest,   // part of the request forwarded, then both connections closed
    DropResponse, // forwarded whole; the hub's complete response withheld, the client cut off
    Duplicate,    // forwarded twice in a row; one of the two responses returned
    ServerError,  // answered 503 "unavailable" by the proxy, never forwarded
    Delay,        // held for a while, then forwarded
};
inline constexpr int kFaultKinds = 6;

// The random storm: each request without a scripted fault draws one with these probabilities
// (what they leave up to 1 is None), from a generator seeded with `seed` so that a failing run
// can be repeated. The other settings shape the faults, drawn or scripted.
struct FaultPolicy
{
    double cutRequest = 0;
    double dropResponse = 0;
    double duplicate = 0;
    double serverError = 0;
    double delay = 0;
    quint64 seed = 1;

    int delayMs = 200;                  // how long Delay holds a request
    int retryAfterSeconds = 0;          // ServerError's Retry-After
    bool duplicateAnswersFirst = false; // Duplicate returns the first response, not the second
};

// One request's fault with the settings in force when it was chosen.
struct FaultAction
{
    Fault fault = Fault::None;
    int delayMs = 0;
    int retryAfterSeconds = 0;
    bool answerFirstCopy = false;
};

} // namespace sohoa::testing
