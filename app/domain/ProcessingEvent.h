// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace sohoa::domain {

// One entry of a dossier's history (quá trình xử lý): who did what, when. For lifecycle steps
// `action` is the transition's stable name (DossierLifecycle::toString); other actions use
// their own stable lower_snake_case names. The note is free text and must not contain
// identity numbers.
struct ProcessingEvent
{
    QString officerId;
    QDateTime at;
    QString action;
    QString note;

    bool operator==(const ProcessingEvent& other) const = default;
};

} // namespace sohoa::domain
