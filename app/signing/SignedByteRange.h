// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <vector>

namespace sohoa::signing {

// A PDF signature's /ByteRange checked against the file: PAdES allows exactly one shape,
// [0 a b c], two ranges from the first byte around a gap that holds nothing but the signature
// dictionary's /Contents hex string. Anything else could let a signature vouch for bytes other
// than the ones shown.
class SignedByteRange
{
public:
    // `range` as written in the dictionary; `contents` its /Contents, decoded. `pdf` must
    // outlive this object.
    SignedByteRange(const QByteArray& pdf, const std::vector<qint64>& range,
                    const QByteArray& contents);

    bool wellFormed() const { return wellFormed_; }
    // The two signed parts of the file, in order; empty unless well formed.
    std::vector<QByteArrayView> parts() const;
    // Where the signed revision ends (the end of the second range); 0 unless well formed.
    qint64 end() const { return wellFormed_ ? range_[2] + range_[3] : 0; }

private:
    const QByteArray& pdf_;
    std::vector<qint64> range_;
    bool wellFormed_ = false;
};

} // namespace sohoa::signing
