// SPDX-License-Identifier: GPL-3.0-or-later
// The encrypted store: keys, reopening, refusal of wrong passphrases, chunked blobs, audit chain.
#include "storage/KeyFile.h"
#include "storage/Sqlite.h"
#include "storage/Store.h"
#include "storage/StoreError.h"
#include "support/ErrorCapture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sohoa::storage;

namespace {
SecureBytes pass(const char* text)
{
    return SecureBytes::fromString(text);
}

DossierRecord sampleDossier(const QString& code)
{
    DossierRecord d;
    d.uuid = QStringLiteral("uuid-") + code;
    d.code = code;
    d.agencyCode = QStringLiteral("000.00.00.H26");
    d.procedureCode = QStringLiteral("1.001193");
    d.procedureName = QStringLiteral("Đăng ký khai sinh");
    d.applicantKind = 1;
    d.applicantIdentifier = QStringLiteral("001203004567");
    d.applicantName = QStringLiteral("Nguyễn Thị Hằng");
    d.state = QStringLiteral("captured");
    d.nationalStatus = 2;
    d.receivedAt = QDateTime::currentDateTimeUtc();
    return d;
}

// The code of the StoreError that `action` throws; Internal when it throws none.
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
            const SecureBytes key = KeyFile::load(KeyFile::pathFor(file)).unwrap(pass("x"));
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

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
