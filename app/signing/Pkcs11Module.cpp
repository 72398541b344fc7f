// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/Pkcs11Module.h"

#include "domain/UserError.h"
#include "signing/Pkcs11Api.h"

#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <p11-kit/p11-kit.h>
#include <utility>

namespace sohoa::signing {

namespace {

// A path with a directory names one file; a bare name is left to the system loader's search.
bool namesMissingFile(const QString& path)
{
    const bool hasDirectory = path.contains(QLatin1Char('/')) || path.contains(QDir::separator());
    return hasDirectory && !QFileInfo::exists(path);
}

} // namespace

void Pkcs11Module::LibraryUnloader::operator()(QLibrary* library) const
{
    library->unload();
    delete library;
}

Pkcs11Module::Pkcs11Module(const QString& path) : path_(path), library_(new QLibrary(path))
{
    if (namesMissingFile(path))
        throw UserError(
            ErrorKind::NotFound,
            tr("The token driver %1 does not exist; check the PKCS#11 module path.").arg(path));
    if (!library_->load())
        throw UserError(
            ErrorKind::InvalidInput,
            tr("%1 is not a PKCS#11 token driver: it cannot be loaded as a library.").arg(path));
    const auto getFunctionList =
        reinterpret_cast<CK_C_GetFunctionList>(library_->resolve("C_GetFunctionList"));
    CK_FUNCTION_LIST* functions = nullptr;
    if (getFunctionList == nullptr || getFunctionList(&functions) != CKR_OK || functions == nullptr)
        throw UserError(ErrorKind::InvalidInput,
                        tr("%1 is a library but not a PKCS#11 token driver; choose the token "
                           "vendor's PKCS#11 module.")
                            .arg(path));

    CK_C_INITIALIZE_ARGS arguments{};
    arguments.flags = CKF_OS_LOCKING_OK; // the module may be called from several threads
    const CK_RV started = functions->C_Initialize(&arguments);
    if (started != CKR_OK && started != CKR_CRYPTOKI_ALREADY_INITIALIZED)
        throw UserError(ErrorKind::Device,
                        tr("The token driver %1 failed to start (%2); reinstall the token "
                           "vendor's software.")
                            .arg(path, QString::fromUtf8(p11_kit_strerror(started))));
    finalizeOnClose_ = started == CKR_OK;
    api_ = std::make_unique<const Pkcs11Api>(functions);
}

Pkcs11Module::~Pkcs11Module()
{
    close();
}

Pkcs11Module::Pkcs11Module(Pkcs11Module&& other) noexcept
    : path_(std::move(other.path_)), library_(std::move(other.library_)),
      api_(std::move(other.api_)), finalizeOnClose_(std::exchange(other.finalizeOnClose_, false))
{
}

Pkcs11Module& Pkcs11Module::operator=(Pkcs11Module&& other) noexcept
{
    if (this != &other) {
        close();
        path_ = std::move(other.path_);
        library_ = std::move(other.library_);
        api_ = std::move(other.api_);
        finalizeOnClose_ = std::exchange(other.finalizeOnClose_, false);
    }
    return *this;
}

void Pkcs11Module::close() noexcept
{
    if (api_ && finalizeOnClose_)
        (*api_)->C_Finalize(nullptr);
    api_.reset();
    library_.reset();
}

QString Pkcs11Module::description() const
{
    CK_INFO info{};
    if ((*api_)->C_GetInfo(&info) != CKR_OK)
        return QFileInfo(path_).fileName();
    return QStringLiteral("%1 (%2)").arg(Pkcs11Api::paddedText(info.libraryDescription),
                                         Pkcs11Api::paddedText(info.manufacturerID));
}

} // namespace sohoa::signing
