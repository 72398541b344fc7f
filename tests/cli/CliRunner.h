// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "support/ToolRunner.h"

#include <QJsonDocument>
#include <QTemporaryDir>

namespace sohoa::testing {

// Runs the real sohoa-cli binary in a scratch directory with a private SANE configuration
// (test and pnm backends) and a store passphrase in the environment.
class CliRunner
{
public:
    static constexpr auto kPassphrase = "mật khẩu thử nghiệm 2026";

    CliRunner();
    ToolResult run(const QStringList& arguments, const QString& language = QStringLiteral("en"),
                   const QByteArray& input = {});
    QJsonDocument runJson(const QStringList& arguments);
    // `store init` for officer canbo01 of agency 000.00.00.H26; its exit code.
    int initStore();
    QString path(const QString& name) const { return dir_.filePath(name); }
    QString storePath() const { return path(QStringLiteral("counter.store")); }
    QStringList storeArgs() const { return {QStringLiteral("--store"), storePath()}; }
    QProcessEnvironment& environment() { return environment_; }

private:
    QTemporaryDir dir_;
    QProcessEnvironment environment_;
};

} // namespace sohoa::testing
