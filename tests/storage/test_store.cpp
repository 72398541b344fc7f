// SPDX-License-Identifier: GPL-3.0-or-later
// The encrypted store: keys, reopening, refusal of wrong passphrases, chunked blobs, audit chain.
#include "storage/KeyFile.h"
#include "storage/Schema.h"
#include "storage/Sqlite.h"
#include "storage/Store.h"
#include "storage/StoreError.h"
#include "support/ErrorCapture.h"
#include "support/SampleDossier.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <dlfcn.h>

using namespace sohoa::storage;
using sohoa::testing::sampleDossier;

namespace {
SecureBytes pass(const char* text)
{
    return SecureBytes::fromString(text);
}

// The code of the StoreError that `action` throws; Internal when it throws none.
// A dossier with one component and one page showing "Tờ khai đăng ký khai sinh" (indexed for
// search); returns the page image's blob id.
std::int64_t addDossierWithPage(Store& store, const QString& code, const QString& state)
{
    DossierRecord dossier = sampleDossier(code);
    dossier.state = state;
    ComponentRecord component;
    component.dossierId = store.insertDossier(dossier);
    component.code = QStringLiteral("TP1");
    component.name = QStringLiteral("Tờ khai");
    PageRecord page;
    page.componentId = store.insertComponent(component);
    page.sequence = 1;
    page.ocrText = QStringLiteral("Tờ khai đăng ký khai sinh");
    page.searchText = QStringLiteral("to khai dang ky khai sinh");
    auto blob = store.newBlob("image/png");
    blob->append(QByteArray(400'000, 'i'));
    page.imageBlobId = blob->finish().id;
    store.insertPage(page);
    return page.imageBlobId;
}

StoreErrorCode errorOf(const std::function<void()>& action)
{
    const auto error = sohoa::testing::thrownBy<StoreError>(action);
    return error ? error->code() : StoreErrorCode::Internal;
}
} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private:
    static StoreErrorCode openError(const QString& file)
    {
        return errorOf([&] { Store::open(file, pass("x")); });
    }
    QTemporaryDir dir_;
    QString path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)); }

private slots:
    void createdStoreIsEncryptedAndReopens()
    {
        const QString file = path("a.sohoa");
        Store::create(file, pass("mật khẩu đúng"), "officer", KdfParams::cheapForTests());
        QVERIFY(QFile::exists(KeyFile::pathFor(file)));
        {
            auto store = Store::open(file, pass("mật khẩu đúng"));
            QVERIFY(store->cipherVersion().startsWith(QLatin1String("4.")));
            store->inTransaction([&] { store->insertDossier(sampleDossier("D-1")); });
        }
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        QVERIFY(!bytes.startsWith("SQLite format 3"));
        QVERIFY(!bytes.contains("001203004567"));
        QVERIFY(!bytes.contains(QStringLiteral("Nguyễn").toUtf8()));

        auto reopened = Store::open(file, pass("mật khẩu đúng"));
        const auto list = reopened->listDossiers();
        QCOMPARE(list.size(), std::size_t{1});
        QCOMPARE(list.front().applicantName, QStringLiteral("Nguyễn Thị Hằng"));
    }

    void wrongPassphraseIsRefusedAndChangesNothing()
    {
        const QString file = path("b.sohoa");
        Store::create(file, pass("right"), "officer", KdfParams::cheapForTests());
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray before = raw.readAll();
        raw.close();
        QCOMPARE(errorOf([&] { Store::open(file, pass("wrong")); }),
                 StoreErrorCode::WrongPassphrase);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QCOMPARE(raw.readAll(), before);
    }

    void createRefusesToOverwrite()
    {
        const QString file = path("c.sohoa");
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        QCOMPARE(
            errorOf([&] { Store::create(file, pass("y"), "officer", KdfParams::cheapForTests()); }),
            StoreErrorCode::AlreadyExists);
        QVERIFY(Store::open(file, pass("x")) != nullptr);
    }

    void missingOrForeignKeyFileIsRefused()
    {
        const QString file = path("d.sohoa");
        QCOMPARE(errorOf([&] { Store::open(file, pass("x")); }), StoreErrorCode::NotFound);
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        const QString other = path("e.sohoa");
        Store::create(other, pass("x"), "officer", KdfParams::cheapForTests());
        // Swapping key files: the other store's data key does not open this database.
        QFile::remove(KeyFile::pathFor(file));
        QVERIFY(QFile::copy(KeyFile::pathFor(other), KeyFile::pathFor(file)));
        QCOMPARE(errorOf([&] { Store::open(file, pass("x")); }), StoreErrorCode::NotAStore);
    }

    void blobsStreamInChunksAndReadBackExactly()
    {
        const QString file = path("f.sohoa");
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        auto store = Store::open(file, pass("x"));
        QByteArray content;
        for (int i = 0; i < 700'000; ++i)
            content.append(static_cast<char>(i * 7 % 251));
        std::int64_t blobId = 0;
        store->inTransaction([&] {
            auto writer = store->newBlob("image/png");
            for (qsizetype offset = 0; offset < content.size(); offset += 100'000)
                writer->append(content.mid(offset, 100'000));
            blobId = writer->finish().id;
        });
        QCOMPARE(store->readBlob(blobId), content);
    }

    void failedTransactionLeavesNothing()
    {
        const QString file = path("g.sohoa");
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        auto store = Store::open(file, pass("x"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, store->inTransaction([&] {
            store->insertDossier(sampleDossier("D-2"));
            throw std::runtime_error("scanner jammed");
        }));
        QVERIFY(store->listDossiers().empty());
        QVERIFY(!store->dossierCodeExists("D-2"));
    }

    void sequencesArePerAgencyPerDay()
    {
        const QString file = path("h.sohoa");
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        auto store = Store::open(file, pass("x"));
        const QDate day(2026, 11, 23);
        store->inTransaction([&] {
            QCOMPARE(store->nextDossierSequence("A", day), 1);
            QCOMPARE(store->nextDossierSequence("A", day), 2);
            QCOMPARE(store->nextDossierSequence("B", day), 1);
            QCOMPARE(store->nextDossierSequence("A", day.addDays(1)), 1);
        });
    }

    void flippedByteInTheDatabaseIsDetected()
    {
        const QString file = path("tamper.sohoa");
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        {
            auto store = Store::open(file, pass("x"));
            store->inTransaction([&] {
                for (int i = 0; i < 20; ++i)
                    store->insertDossier(sampleDossier(QStringLiteral("T-%1").arg(i)));
                auto blob = store->newBlob("image/png");
                blob->append(QByteArray(300'000, 'p'));
                blob->finish();
            });
        }
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadWrite));
        const qint64 pages = raw.size() / 4096;
        QVERIFY(pages > 10);
        // One byte in the middle of a page somewhere past the schema pages.
        const qint64 offset = (pages / 2) * 4096 + 1000;
        raw.seek(offset);
        char byte = 0;
        raw.getChar(&byte);
        raw.seek(offset);
        raw.putChar(static_cast<char>(byte ^ 0x01));
        raw.close();

        bool detected = false;
        try {
            auto store = Store::open(file, pass("x"));
            const CheckReport report = store->check();
            detected = !report.cipherIntegrityOk || !report.integrityOk;
        } catch (const StoreError& error) {
            detected = error.code() == StoreErrorCode::NotAStore ||
                       error.code() == StoreErrorCode::Corrupt;
        }
        QVERIFY(detected);
    }

    void searchFindsPagesByTheirFoldedText()
    {
        const QString file = path("search.sohoa");
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        auto store = Store::open(file, pass("x"));
        store->inTransaction([&] { addDossierWithPage(*store, "S-1", "captured"); });
        const auto hits = store->searchPages({"dang", "ky"});
        QCOMPARE(hits.size(), std::size_t{1});
        QCOMPARE(hits.front().dossierCode, QStringLiteral("S-1"));
        QCOMPARE(hits.front().pageSequence, 1);
        QVERIFY(store->searchPages({"dang", "ket", "hon"}).empty());
        // Query syntax in user input is searched for, never interpreted.
        QVERIFY(store->searchPages({"dang OR", "NEAR(", "\"", "*"}).empty());
    }

    void findsAnApplicantsDossiersByIdAndFoldedName()
    {
        const QString file = path("lookup.sohoa");
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        auto store = Store::open(file, pass("x"));
        store->inTransaction([&] {
            DossierRecord first = sampleDossier("L-1");
            first.applicantNameFolded = QStringLiteral("nguyen thi hang");
            store->insertDossier(first);
            DossierRecord second = sampleDossier("L-2");
            second.applicantIdentifier = QStringLiteral("079095001234");
            second.applicantNameFolded = QStringLiteral("nguyen van duc");
            store->insertDossier(second);
        });
        QCOMPARE(store->dossiersOfApplicant("001203004567"), std::vector<QString>{"L-1"});
        QCOMPARE(store->dossiersByNamePrefix("nguyen").size(), std::size_t{2});
        QCOMPARE(store->dossiersByNamePrefix("nguyen van"), std::vector<QString>{"L-2"});
        QVERIFY(store->dossiersByNamePrefix("tran").empty());
    }

    void purgeKeepsMetadataAndHashesOfDeliveredDossiers()
    {
        const QString file = path("purge.sohoa");
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        auto store = Store::open(file, pass("x"));
        std::int64_t deliveredBlob = 0;
        std::int64_t keptBlob = 0;
        store->inTransaction([&] {
            deliveredBlob = addDossierWithPage(*store, "P-1", "synced");
            keptBlob = addDossierWithPage(*store, "P-2", "captured");
        });
        // Nothing is old enough yet; with a cut-off in the future both are candidates by
        // age, but only the delivered one by state.
        QVERIFY(
            store->purgeFiles({"synced"}, QDateTime::currentDateTimeUtc().addDays(-1), "officer")
                .empty());
        const auto purged = store->purgeFiles(
            {"synced", "result_returned"}, QDateTime::currentDateTimeUtc().addSecs(60), "officer");
        QCOMPARE(purged, std::vector<QString>{"P-1"});
        QCOMPARE(errorOf([&] { store->readBlob(deliveredBlob); }), StoreErrorCode::NotFound);
        QCOMPARE(store->readBlob(keptBlob).size(), 400'000);
        const auto detail = store->dossierByCode("P-1");
        QVERIFY(detail.has_value()); // metadata stays
        QVERIFY(detail->components.front().pages.front().ocrText.isEmpty());
        const auto hits = store->searchPages({"khai", "sinh"});
        QCOMPARE(hits.size(), std::size_t{1});
        QCOMPARE(hits.front().dossierCode, QStringLiteral("P-2"));
        QVERIFY(store->check().ok());
        // Purging twice does nothing more.
        QVERIFY(
            store->purgeFiles({"synced"}, QDateTime::currentDateTimeUtc().addSecs(60), "officer")
                .empty());
    }

    void wipeLeavesNothing()
    {
        const QString file = path("wipe.sohoa");
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        Store::wipe(file);
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QFile::exists(KeyFile::pathFor(file)));
        QCOMPARE(openError(file), StoreErrorCode::NotFound);
    }

    void migratesAVersionOneStore()
    {
        const QString file = path("v1.sohoa");
        const SecureBytes dataKey = SecureBytes::random(KeyFile::kDataKeyBytes);
        {
            Database db(file, Database::Mode::Create);
            db.key(dataKey);
            db.exec("PRAGMA journal_mode = WAL");
            migrate(db, 1);
            QCOMPARE(schemaVersion(db), 1);
            db.exec("INSERT INTO dossiers(uuid, code, agency_code, procedure_code, "
                    "procedure_name, applicant_kind, applicant_identifier, channel, state, "
                    "national_status, received_at, created_at, updated_at) VALUES ('u', "
                    "'V1-1', 'A', '1.001193', 'Đăng ký khai sinh', 1, '001203004567', 1, "
                    "'captured', 2, '2026-11-23T08:00:00.000Z', 'x', 'x')");
        }
        KeyFile keyFile;
        keyFile.addPassphraseSlot("officer", pass("x"), KdfParams::cheapForTests(), dataKey);
        keyFile.addRecoverySlot(dataKey);
        keyFile.save(KeyFile::pathFor(file));

        auto store = Store::open(file, pass("x"));
        QCOMPARE(store->listDossiers().size(), std::size_t{1});
        QCOMPARE(store->listDossiers().front().code, QStringLiteral("V1-1"));
        QVERIFY(store->searchPages({"anything"}).empty()); // the v2 index exists
        store.reset();
        Database db(file, Database::Mode::OpenExisting);
        db.key(dataKey);
        QCOMPARE(schemaVersion(db), latestSchemaVersion());
        QVERIFY(latestSchemaVersion() >= 2);
    }

    void checkPassesAndAuditTamperingIsReported()
    {
        const QString file = path("i.sohoa");
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        {
            auto store = Store::open(file, pass("x"));
            store->inTransaction([&] {
                store->appendEvent(
                    {0, "u1", QDateTime::currentDateTimeUtc(), "officer", "created", "1.001193"});
                store->appendEvent(
                    {0, "u1", QDateTime::currentDateTimeUtc(), "officer", "page-added", "1"});
            });
            const CheckReport report = store->check();
            QVERIFY2(report.ok(),
                     qPrintable(report.problems.empty() ? QString() : report.problems.front()));
        }
        {
            // Edit an event behind the store's back, with the real key.
            const SecureBytes key = KeyFile::load(KeyFile::pathFor(file)).unwrap(pass("x")).dataKey;
            Database db(file, Database::Mode::OpenExisting);
            db.key(key);
            db.exec("UPDATE events SET detail = '2' WHERE action = 'page-added'");
        }
        auto store = Store::open(file, pass("x"));
        const CheckReport report = store->check();
        QVERIFY(report.integrityOk);
        QVERIFY(!report.auditChainOk);
    }
};

// Key management: officers' slots, passphrase change, rekey, recovery, backup.
class TestStoreKeys : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)); }
    static StoreErrorCode openError(const QString& file, const char* passphrase)
    {
        return errorOf([&] { Store::open(file, pass(passphrase)); });
    }

private slots:
    void officersShareTheStoreThroughTheirOwnSlots()
    {
        const QString file = path("slots.sohoa");
        Store::create(file, pass("chief"), "chief", KdfParams::cheapForTests());
        {
            auto store = Store::open(file, pass("chief"));
            store->addOfficer("lan", pass("lan's passphrase"), KdfParams::cheapForTests());
            QCOMPARE(errorOf([&] {
                         store->addOfficer("lan", pass("again"), KdfParams::cheapForTests());
                     }),
                     StoreErrorCode::AlreadyExists);
            QCOMPARE(store->keySlotLabels(), (QStringList{"chief", "recovery", "lan"}));
        }
        auto asLan = Store::open(file, pass("lan's passphrase"));
        QCOMPARE(asLan->unlockedSlot(), QStringLiteral("lan"));
        asLan->removeOfficer("chief");
        QCOMPARE(errorOf([&] { asLan->removeOfficer("lan"); }), StoreErrorCode::Constraint);
        QCOMPARE(openError(file, "chief"), StoreErrorCode::WrongPassphrase);
    }

    void passphraseChangeRewrapsOnly()
    {
        const QString file = path("passwd.sohoa");
        Store::create(file, pass("old"), "officer", KdfParams::cheapForTests());
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray before = raw.readAll();
        raw.close();
        Store::open(file, pass("old"))->changePassphrase(pass("new"), KdfParams::cheapForTests());
        QCOMPARE(openError(file, "old"), StoreErrorCode::WrongPassphrase);
        QVERIFY(Store::open(file, pass("new")) != nullptr);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QCOMPARE(raw.readAll(), before); // the database itself was not rewritten
    }

    void rekeyLocksOutTheOldKeyAndKeepsEveryoneElse()
    {
        const QString file = path("rekey.sohoa");
        const SecureBytes recovery =
            Store::create(file, pass("chief"), "chief", KdfParams::cheapForTests());
        {
            auto store = Store::open(file, pass("chief"));
            store->addOfficer("minh", pass("minh"), KdfParams::cheapForTests());
            store->inTransaction([&] { store->insertDossier(sampleDossier("R-1")); });
        }
        // Minh keeps a copy of today's key file, then leaves; the chief removes and rekeys.
        const QString stolen = path("stolen.keys");
        QVERIFY(QFile::copy(KeyFile::pathFor(file), stolen));
        {
            auto store = Store::open(file, pass("chief"));
            store->removeOfficer("minh");
            store->rekey();
            QCOMPARE(store->listDossiers().size(), std::size_t{1});
        }
        QVERIFY(!QFile::exists(KeyFile::pendingPathFor(file)));
        QCOMPARE(openError(file, "minh"), StoreErrorCode::WrongPassphrase);
        // The old key file still unwraps the *old* data key, which no longer opens the data.
        const SecureBytes oldKey = KeyFile::load(stolen).unwrap(pass("minh")).dataKey;
        Database db(file, Database::Mode::OpenExisting);
        db.key(oldKey);
        QVERIFY_THROWS_EXCEPTION(StoreError, db.exec("SELECT count(*) FROM dossiers"));
        // The remaining officer and the agency's recovery key still open it.
        QCOMPARE(Store::open(file, pass("chief"))->listDossiers().size(), std::size_t{1});
        QCOMPARE(Store::openWithRecoveryKey(file, recovery)->listDossiers().size(), std::size_t{1});
    }

    void interruptedRekeyIsFinishedOnOpen()
    {
        const QString file = path("crash.sohoa");
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        const QString before = path("before.keys");
        QVERIFY(QFile::copy(KeyFile::pathFor(file), before));
        Store::open(file, pass("x"))->rekey();
        // As if the process died after PRAGMA rekey, before promoting the new key file.
        QVERIFY(QFile::rename(KeyFile::pathFor(file), KeyFile::pendingPathFor(file)));
        QVERIFY(QFile::copy(before, KeyFile::pathFor(file)));
        QVERIFY(Store::open(file, pass("x"))->check().ok());
        QVERIFY(!QFile::exists(KeyFile::pendingPathFor(file)));
    }

    void recoveryKeyOpensAndWrongOnesDoNot()
    {
        const QString file = path("recovery.sohoa");
        const SecureBytes recovery =
            Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        const QString text = QString::fromLatin1(reinterpret_cast<const char*>(recovery.data()),
                                                 static_cast<qsizetype>(recovery.size()));
        QCOMPARE(text.size(), 79); // 16 groups of 4 hex digits
        QCOMPARE(text.count(QLatin1Char('-')), 15);
        // Typed back with spaces and lower case, it still opens the store.
        const QByteArray typed = text.toLower().replace('-', ' ').toLatin1();
        auto store = Store::openWithRecoveryKey(
            file, SecureBytes::fromString(std::string_view(typed.constData(), typed.size())));
        QCOMPARE(store->unlockedSlot(), QStringLiteral("recovery"));
        QCOMPARE(errorOf([&] { Store::openWithRecoveryKey(file, pass("0000-1111")); }),
                 StoreErrorCode::WrongPassphrase);
    }

    void keyringSlotOpensOnlyForItsOfficerUntilRemoved()
    {
        const QString file = path("keyring.sohoa");
        Store::create(file, pass("chief"), "chief", KdfParams::cheapForTests());
        SecureBytes lanSecret;
        {
            auto store = Store::open(file, pass("chief"));
            store->addOfficer("lan", pass("lan"), KdfParams::cheapForTests());
        }
        {
            auto asLan = Store::open(file, pass("lan"));
            lanSecret = asLan->enableKeyringUnlock();
            // A second enable replaces the first secret rather than adding another way in.
            SecureBytes replaced = asLan->enableKeyringUnlock();
            QVERIFY(!(replaced == lanSecret));
            QCOMPARE(errorOf([&] { Store::openWithKeyringSecret(file, "lan", lanSecret); }),
                     StoreErrorCode::WrongPassphrase);
            lanSecret = std::move(replaced);
        }
        QCOMPARE(Store::keyringSlotLabels(file), QStringList{"lan"});
        QCOMPARE(Store::open(file, pass("chief"))->keySlotLabels(),
                 (QStringList{"chief", "recovery", "lan"}));
        QCOMPARE(Store::openWithKeyringSecret(file, "lan", lanSecret)->unlockedSlot(),
                 QStringLiteral("lan"));
        QCOMPARE(errorOf([&] { Store::openWithKeyringSecret(file, "chief", lanSecret); }),
                 StoreErrorCode::WrongPassphrase);
        QCOMPARE(errorOf([&] { Store::openWithKeyringSecret(file, "lan", pass("guess")); }),
                 StoreErrorCode::WrongPassphrase);
        // Changing the passphrase keeps quick unlock; a rekey re-seals it too.
        {
            auto asLan = Store::openWithKeyringSecret(file, "lan", lanSecret);
            asLan->changePassphrase(pass("lan 2"), KdfParams::cheapForTests());
            asLan->rekey();
        }
        QVERIFY(Store::openWithKeyringSecret(file, "lan", lanSecret)->check().ok());
        // Disabling removes only the keyring slot; removing the officer removes both.
        {
            auto asLan = Store::open(file, pass("lan 2"));
            QVERIFY(asLan->disableKeyringUnlock());
            QVERIFY(!asLan->disableKeyringUnlock());
        }
        QCOMPARE(errorOf([&] { Store::openWithKeyringSecret(file, "lan", lanSecret); }),
                 StoreErrorCode::WrongPassphrase);
        lanSecret = Store::open(file, pass("lan 2"))->enableKeyringUnlock();
        Store::open(file, pass("chief"))->removeOfficer("lan");
        QVERIFY(Store::keyringSlotLabels(file).isEmpty());
        QCOMPARE(errorOf([&] { Store::openWithKeyringSecret(file, "lan", lanSecret); }),
                 StoreErrorCode::WrongPassphrase);
    }

    void alteredKeyFileIsRefused()
    {
        const QString file = path("altered.sohoa");
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        QFile keys(KeyFile::pathFor(file));
        QVERIFY(keys.open(QIODevice::ReadOnly));
        QByteArray json = keys.readAll();
        keys.close();
        // Weaken the officer's Argon2id cost: the MAC over the slots no longer matches.
        const qsizetype at = json.indexOf("\"ops\": 1");
        QVERIFY(at > 0);
        json.replace(at, 9, "\"ops\": 2");
        QVERIFY(keys.open(QIODevice::WriteOnly | QIODevice::Truncate));
        keys.write(json);
        keys.close();
        const StoreErrorCode code = openError(file, "x");
        QVERIFY(code == StoreErrorCode::KeyFileCorrupt || code == StoreErrorCode::WrongPassphrase);
    }

    void backupIsAnEncryptedConsistentCopy()
    {
        const QString file = path("live.sohoa");
        Store::create(file, pass("x"), "officer", KdfParams::cheapForTests());
        auto store = Store::open(file, pass("x"));
        store->inTransaction([&] {
            for (int i = 0; i < 5; ++i)
                store->insertDossier(sampleDossier(QStringLiteral("B-%1").arg(i)));
        });
        const QString copy = path("backup.sohoa");
        store->backupTo(copy);
        QCOMPARE(errorOf([&] { store->backupTo(copy); }), StoreErrorCode::AlreadyExists);
        QFile raw(copy);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().startsWith("SQLite format 3"));
        auto restored = Store::open(copy, pass("x"));
        QCOMPARE(restored->listDossiers().size(), std::size_t{5});
        QVERIFY(restored->check().ok());
    }
};

int main(int argc, char** argv)
{
    // Like SoftHSM2 (and Qt's SQLite plugin), a library in the same process may bring the
    // system's plain SQLite. Load it globally first: the store must still run on SQLCipher.
    void* systemSqlite = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_GLOBAL);
    if (systemSqlite == nullptr || dlsym(systemSqlite, "sqlite3_libversion") == nullptr) {
        std::fprintf(stderr, "the system SQLite (libsqlite3.so.0) could not be loaded\n");
        return 1;
    }
    QCoreApplication app(argc, argv);
    TestStore store;
    TestStoreKeys keys;
    return QTest::qExec(&store, argc, argv) | QTest::qExec(&keys, argc, argv);
}
#include "test_store.moc"
