// SPDX-License-Identifier: GPL-3.0-or-later
// Vietnamese search folding: queries typed without diacritics match text with them,
// including đ/Đ, which Unicode decomposition does not turn into d.
#include "domain/SearchFolding.h"

#include <QTest>

using namespace sohoa::domain;

class TestSearchFolding : public QObject
{
    Q_OBJECT

private slots:
    void foldsMarksCaseAndD_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("registration") << QStringLiteral("Đăng ký") << QStringLiteral("dang ky");
        QTest::newRow("article") << QStringLiteral("Điều") << QStringLiteral("dieu");
        QTest::newRow("decision") << QStringLiteral("Quyết định") << QStringLiteral("quyet dinh");
        QTest::newRow("stacked tones") << QStringLiteral("Ủy ban nhân dân tỉnh Quảng Ngãi")
                                       << QStringLiteral("uy ban nhan dan tinh quang ngai");
        QTest::newRow("horn and breve")
            << QStringLiteral("ƯỚC ƠN ẶN ẵ") << QStringLiteral("uoc on an a");
        QTest::newRow("already plain")
            << QStringLiteral("ho so 2026") << QStringLiteral("ho so 2026");
    }
    void foldsMarksCaseAndD()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(foldForSearch(text), folded);
        // Decomposed input folds the same as composed input.
        QCOMPARE(foldForSearch(text.normalized(QString::NormalizationForm_D)), folded);
    }

    void splitsQueriesIntoFoldedWords()
    {
        QCOMPARE(searchTerms(QStringLiteral("  Quyết định, số 06/QĐ-TTg ")),
                 (QStringList{"quyet", "dinh", "so", "06", "qd", "ttg"}));
        QVERIFY(searchTerms(QStringLiteral(" \"*- ")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSearchFolding)
#include "test_search_folding.moc"
