// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <memory>

class QLibrary;

namespace sohoa::signing {

class Pkcs11Api;

// A PKCS#11 module (the token vendor's driver library), loaded and initialized for this process;
// finalized and unloaded when destroyed. Move-only. The rest of the app never sees PKCS#11
// types: only the token layer's sources include Pkcs11Api.h to call the module.
class Pkcs11Module
{
    Q_DECLARE_TR_FUNCTIONS(Pkcs11Module)

public:
    // Loads the module at `path` (a file path, or a bare file name the system loader searches)
    // and calls C_Initialize with OS locking. Throws UserError: missing file (NotFound), a file
    // that is no PKCS#11 module (InvalidInput), a module that fails to start (Device).
    explicit Pkcs11Module(const QString& path);
    ~Pkcs11Module();
    Pkcs11Module(Pkcs11Module&& other) noexcept;
    Pkcs11Module& operator=(Pkcs11Module&& other) noexcept;
    Pkcs11Module(const Pkcs11Module&) = delete;
    Pkcs11Module& operator=(const Pkcs11Module&) = delete;

    const QString& path() const { return path_; }
    // The module's own description and maker (C_GetInfo), e.g. "Implementation of PKCS11
    // (SoftHSM)".
    QString description() const;

    const Pkcs11Api& api() const { return *api_; }

private:
    struct LibraryUnloader
    {
        void operator()(QLibrary* library) const;
    };

    void close() noexcept;

    QString path_;
    std::unique_ptr<QLibrary, LibraryUnloader> library_;
    std::unique_ptr<const Pkcs11Api> api_;
    // False when the module had already been initialized by other code in this process, which
    // then owns C_Finalize.
    bool finalizeOnClose_ = false;
};

} // namespace sohoa::signing
