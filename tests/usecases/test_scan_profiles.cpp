// SPDX-License-Identifier: GPL-3.0-or-later
// Scan profiles: the value and its JSON, the built-ins (the default meets Circular 05/2025),
// the compliance warnings at their boundaries, and the administrator lock against a real store
// opened by an officer and by the recovery key.
#include "domain/UserError.h"
#include "usecases/ScanProfileBuiltIns.h"
#include "usecases/ScanProfileCompliance.h"
#include "usecases/ScanProfileRepository.h"
#include "usecases/StoreAccess.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sohoa;
using scanner::ColorMode;
using usecases::Material;
using usecases::ScanProfile;
using usecases::ScanProfileBuiltIns;
using usecases::ScanProfileCompliance;
using usecases::ScanProfileRepository;

namespace {
scanner::ScanOptions optionsAt(double dpi, ColorMode mode = ColorMode::Color)
{
    scanner::ScanOptions options;
    options.dpi = dpi;
    options.mode = mode;
    return options;
}

ErrorKind kindOf(const std::function<void()>& work)
{
    try {
        work();
    } catch (const UserError& error) {
        return error.kind();
    }
    return ErrorKind{};
}
} // namespace

class TestScanProfiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir_;

private slots:
    void jsonRoundTrip()
    {
        for (const ScanProfile& builtIn : ScanProfileBuiltIns::all()) {
            QVERIFY(!builtIn.toJson().contains(QLatin1String("name"))); // translated, not frozen
            QCOMPARE(ScanProfile::fromJson(builtIn.toJson()), builtIn);
        }
        ScanProfile custom = *ScanProfileBuiltIns::find(QStringLiteral("van-ban"));
        custom.id = QStringLiteral("ho-so-dat-dai");
        for (const auto& [key, value] : std::initializer_list<std::pair<QString, QString>>{
                 {QStringLiteral("name"), QStringLiteral("Hồ sơ đất đai")},
                 {QStringLiteral("material"), QStringLiteral("drawings")},
                 {QStringLiteral("source"), QStringLiteral("adf-duplex")},
                 {QStringLiteral("mode"), QStringLiteral("gray")},
                 {QStringLiteral("dpi"), QStringLiteral("400")},
                 {QStringLiteral("deskew"), QStringLiteral("off")},
                 {QStringLiteral("crop"), QStringLiteral("on")},
                 {QStringLiteral("blank-detection"), QStringLiteral("off")},
                 {QStringLiteral("blank-threshold"), QStringLiteral("0.00002")},
                 {QStringLiteral("jpeg-quality"), QStringLiteral("60")}})
            custom.set(key, value);
        const QJsonObject json = custom.toJson();
        QCOMPARE(json.value("blank_threshold").toDouble(), 0.00002);
        QCOMPARE(json.value("source").toString(), QStringLiteral("adf-duplex"));
        QCOMPARE(ScanProfile::fromJson(json), custom);
        QCOMPARE(custom.pipelineOptions().blank.maxInkCoverage, 0.00002);
        QVERIFY(custom.pipelineOptions().crop && !custom.pipelineOptions().deskew);
        QCOMPARE(custom.imageOptions().jpegQuality, 60);

        // A stored profile is held to the same bounds as one typed in.
        QJsonObject tooCoarse = json;
        tooCoarse.insert("dpi", 20);
        QVERIFY_THROWS_EXCEPTION(UserError, ScanProfile::fromJson(tooCoarse));
        QJsonObject badId = json;
        badId.insert("id", QStringLiteral("Hồ sơ"));
        QVERIFY_THROWS_EXCEPTION(UserError, ScanProfile::fromJson(badId));
        for (const auto& [key, value] : std::initializer_list<std::pair<QString, QString>>{
                 {QStringLiteral("dpi"), QStringLiteral("1201")},
                 {QStringLiteral("mode"), QStringLiteral("sepia")},
                 {QStringLiteral("crop"), QStringLiteral("maybe")},
                 {QStringLiteral("jpeg-quality"), QStringLiteral("0")},
                 {QStringLiteral("blank-threshold"), QStringLiteral("0.5")},
                 {QStringLiteral("name"), QStringLiteral("  ")},
                 {QStringLiteral("colour"), QStringLiteral("color")}})
            QCOMPARE(kindOf([&] { custom.set(key, value); }), ErrorKind::InvalidInput);
    }

    void builtInsMeetTheCircular()
    {
        const auto profiles = ScanProfileBuiltIns::all();
        QStringList ids;
        for (const ScanProfile& profile : profiles) {
            ids << profile.id;
            QCOMPARE(profile.mode, ColorMode::Color);
            QCOMPARE(profile.jpegQuality, 35); // the ocr --jpeg-quality default
            QVERIFY(!ScanProfileBuiltIns::displayName(profile).isEmpty());
            scanner::ScanOptions options = optionsAt(profile.dpi, profile.mode);
            QVERIFY(ScanProfileCompliance::shortfalls(options, profile.material).empty());
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("van-ban"), QStringLiteral("ban-ve"),
                                   QStringLiteral("can-cuoc"), QStringLiteral("ho-so-day")}));

        // The default is what digitize always used: flatbed, colour, 200 dpi.
        const ScanProfile papers = *ScanProfileBuiltIns::find(ScanProfileBuiltIns::defaultId());
        QCOMPARE(papers.id, QStringLiteral("van-ban"));
        QCOMPARE(papers.source, scanner::Source::Flatbed);
        QCOMPARE(papers.dpi, 200);
        QCOMPARE(papers.material, Material::Papers);
        QCOMPARE(ScanProfileBuiltIns::find(QStringLiteral("ban-ve"))->dpi, 300);
        QCOMPARE(ScanProfileBuiltIns::find(QStringLiteral("ban-ve"))->material, Material::Drawings);
        QVERIFY(ScanProfileBuiltIns::find(QStringLiteral("can-cuoc"))->crop);
        QCOMPARE(ScanProfileBuiltIns::find(QStringLiteral("can-cuoc"))->dpi, 300);
        QCOMPARE(ScanProfileBuiltIns::find(QStringLiteral("ho-so-day"))->source,
                 scanner::Source::Adf);
        QVERIFY(!ScanProfileBuiltIns::find(QStringLiteral("khong-co")));
    }

    void warningsAtTheBoundaries()
    {
        QCOMPARE(ScanProfileCompliance::warnings(optionsAt(199), Material::Papers).size(), 1);
        QVERIFY(ScanProfileCompliance::warnings(optionsAt(200), Material::Papers).isEmpty());
        QCOMPARE(ScanProfileCompliance::warnings(optionsAt(299), Material::Drawings).size(), 1);
        QVERIFY(ScanProfileCompliance::warnings(optionsAt(300), Material::Drawings).isEmpty());

        const QString papers = ScanProfileCompliance::warnings(optionsAt(199), Material::Papers)[0];
        QVERIFY2(papers.contains(QLatin1String("199 dpi")) &&
                     papers.contains(QLatin1String("200 dpi")) &&
                     papers.contains(QLatin1String("goes on")),
                 qPrintable(papers));
        const QString drawings =
            ScanProfileCompliance::warnings(optionsAt(299), Material::Drawings)[0];
        QVERIFY2(drawings.contains(QLatin1String("300 dpi")), qPrintable(drawings));

        for (const ColorMode mode : {ColorMode::Gray, ColorMode::Lineart}) {
            const auto shortfalls =
                ScanProfileCompliance::shortfalls(optionsAt(300, mode), Material::Papers);
            QCOMPARE(shortfalls.size(), std::size_t{1});
            QCOMPARE(shortfalls[0].aspect, usecases::Shortfall::Aspect::Colour);
            QVERIFY(shortfalls[0].text.contains(QLatin1String("24-bit")));
        }
        // Both at once: two lines.
        QCOMPARE(
            ScanProfileCompliance::warnings(optionsAt(150, ColorMode::Lineart), Material::Papers)
                .size(),
            2);
    }

    void overridesOnTopOfTheProfile()
    {
        const ScanProfile drawings = *ScanProfileBuiltIns::find(QStringLiteral("ban-ve"));
        usecases::ScanOverrides overrides;
        overrides.source = scanner::Source::Adf;
        overrides.maxPages = 3;
        auto scan = ScanProfileCompliance::apply(drawings, overrides, false);
        QCOMPARE(scan.profileId, QStringLiteral("ban-ve"));
        QCOMPARE(scan.options.source, scanner::Source::Adf);
        QCOMPARE(scan.options.dpi, 300.0);
        QCOMPARE(scan.options.maxPages, 3);
        QVERIFY(scan.warnings.isEmpty());
        QCOMPARE(scan.image.jpegQuality, drawings.jpegQuality);

        // Unlocked: below the circular only warns.
        overrides.dpi = 200; // enough for papers, not for drawings
        overrides.mode = ColorMode::Gray;
        scan = ScanProfileCompliance::apply(drawings, overrides, false);
        QCOMPARE(scan.options.dpi, 200.0);
        QCOMPARE(scan.warnings.size(), 2);

        // Locked: an override below the circular is refused, a compliant one is fine.
        QCOMPARE(kindOf([&] { ScanProfileCompliance::apply(drawings, overrides, true); }),
                 ErrorKind::AccessDenied);
        overrides.mode.reset();
        QCOMPARE(kindOf([&] { ScanProfileCompliance::apply(drawings, overrides, true); }),
                 ErrorKind::AccessDenied);
        overrides.dpi = 600;
        QCOMPARE(ScanProfileCompliance::apply(drawings, overrides, true).options.dpi, 600.0);
        overrides.rawOptions = {{"resolution", "75"}};
        QCOMPARE(kindOf([&] { ScanProfileCompliance::apply(drawings, overrides, true); }),
                 ErrorKind::AccessDenied);
        overrides.rawOptions = {{"read-limit", "yes"}};
        QVERIFY(ScanProfileCompliance::apply(drawings, overrides, true).warnings.isEmpty());

        // A locked profile below the circular is the administrator's choice: it warns only.
        ScanProfile coarse = drawings;
        coarse.dpi = 150;
        scan = ScanProfileCompliance::apply(coarse, {}, true);
        QCOMPARE(scan.warnings.size(), 1);
    }

    void storedLockedAndAudited()
    {
        const QString path = dir_.filePath(QStringLiteral("profiles.store"));
        const auto passphrase = [] { return storage::SecureBytes::fromString("passphrase one"); };
        const storage::SecureBytes recoveryKey = usecases::StoreAccess::create(
            path, passphrase(), QStringLiteral("lan"), QStringLiteral("000.00.00.H26"));
        const QString lan = QStringLiteral("lan");
        {
            auto store = usecases::StoreAccess::open(path, passphrase());
            QVERIFY(!ScanProfileRepository::isAdministrator(*store));
            QCOMPARE(ScanProfileRepository::all(*store).size(), std::size_t{4});
            ScanProfileRepository::set(*store, lan, QStringLiteral("van-ban"),
                                       QStringLiteral("dpi"), QStringLiteral("300"));
            ScanProfileRepository::add(*store, lan, QStringLiteral("dat-dai"),
                                       QStringLiteral("ban-ve"), QStringLiteral("Đất đai"));
            QCOMPARE(kindOf([&] {
                         ScanProfileRepository::add(*store, lan, QStringLiteral("ban-ve"),
                                                    QStringLiteral("van-ban"));
                     }),
                     ErrorKind::InvalidInput);
            QCOMPARE(kindOf([&] {
                         ScanProfileRepository::find(store.get(), QStringLiteral("khong-co"));
                     }),
                     ErrorKind::NotFound);
            QCOMPARE(kindOf([&] {
                         ScanProfileRepository::reset(*store, lan, QStringLiteral("dat-dai"));
                     }),
                     ErrorKind::InvalidInput);
            // An officer cannot lock.
            QCOMPARE(kindOf([&] { ScanProfileRepository::setLocked(*store, lan, true); }),
                     ErrorKind::AccessDenied);
            QVERIFY(!ScanProfileRepository::isLocked(*store));
        }
        {
            auto store = usecases::StoreAccess::openWithRecoveryKey(path, recoveryKey);
            QVERIFY(ScanProfileRepository::isAdministrator(*store));
            ScanProfileRepository::setLocked(*store, QStringLiteral("admin"), true);
            // While locked the administrator still edits.
            ScanProfileRepository::set(*store, QStringLiteral("admin"), QStringLiteral("dat-dai"),
                                       QStringLiteral("jpeg-quality"), QStringLiteral("50"));
        }
        {
            auto store = usecases::StoreAccess::open(path, passphrase());
            QVERIFY(ScanProfileRepository::isLocked(*store));
            const auto entries = ScanProfileRepository::all(*store);
            QCOMPARE(entries.size(), std::size_t{5});
            QVERIFY(entries[0].builtIn && entries[0].edited);
            QCOMPARE(entries[0].profile.dpi, 300);
            QVERIFY(!entries[1].edited);
            QCOMPARE(entries[4].profile.id, QStringLiteral("dat-dai"));
            QCOMPARE(entries[4].profile.name, QStringLiteral("Đất đai"));
            QCOMPARE(entries[4].profile.jpegQuality, 50);
            QCOMPARE(entries[4].profile.material, Material::Drawings);
            // Picking still works; changing does not.
            QCOMPARE(ScanProfileRepository::find(store.get(), QStringLiteral("dat-dai")).dpi, 300);
            QCOMPARE(kindOf([&] {
                         ScanProfileRepository::set(*store, lan, QStringLiteral("van-ban"),
                                                    QStringLiteral("dpi"), QStringLiteral("150"));
                     }),
                     ErrorKind::AccessDenied);
            QCOMPARE(kindOf([&] {
                         ScanProfileRepository::reset(*store, lan, QStringLiteral("van-ban"));
                     }),
                     ErrorKind::AccessDenied);
            QCOMPARE(kindOf([&] {
                         ScanProfileRepository::add(*store, lan, QStringLiteral("moi"),
                                                    QStringLiteral("van-ban"));
                     }),
                     ErrorKind::AccessDenied);
            QCOMPARE(kindOf([&] { ScanProfileRepository::setLocked(*store, lan, false); }),
                     ErrorKind::AccessDenied);
        }
        {
            auto store = usecases::StoreAccess::openWithRecoveryKey(path, recoveryKey);
            ScanProfileRepository::setLocked(*store, QStringLiteral("admin"), false);
            QVERIFY(ScanProfileRepository::reset(*store, QStringLiteral("admin"),
                                                 QStringLiteral("van-ban")));
            QVERIFY(!ScanProfileRepository::reset(*store, QStringLiteral("admin"),
                                                  QStringLiteral("van-ban")));
            QCOMPARE(ScanProfileRepository::find(store.get(), QStringLiteral("van-ban")),
                     *ScanProfileBuiltIns::find(QStringLiteral("van-ban")));

            QStringList changes;
            for (const auto& event : store->events({}))
                if (event.action == QLatin1String("setting-changed"))
                    changes << event.officerId + QLatin1Char(' ') + event.detail;
            QCOMPARE(changes, (QStringList{
                                  QStringLiteral("lan scan-profile:van-ban:dpi=300"),
                                  QStringLiteral("lan scan-profile:dat-dai:added-from=ban-ve"),
                                  QStringLiteral("admin scan-profiles-locked=1"),
                                  QStringLiteral("admin scan-profile:dat-dai:jpeg-quality=50"),
                                  QStringLiteral("admin scan-profiles-locked=0"),
                                  QStringLiteral("admin scan-profile:van-ban:reset"),
                              }));
        }
    }
};

QTEST_GUILESS_MAIN(TestScanProfiles)
#include "test_scan_profiles.moc"
