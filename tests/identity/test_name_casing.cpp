// SPDX-License-Identifier: GPL-3.0-or-later
// Names printed in capitals on the card come back as forms write them.
#include "identity/NameCasing.h"

#include <QTest>

using sohoa::identity::toNameCase;

class TestNameCasing : public QObject
{
    Q_OBJECT

private slots:
    void titleCasesVietnameseNames_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("capitals") << QStringLiteral("NGUYỄN VĂN AN")
                                  << QStringLiteral("Nguyễn Văn An");
        QTest::newRow("đ") << QStringLiteral("ĐẶNG THỊ ÁNH") << QStringLiteral("Đặng Thị Ánh");
        QTest::newRow("ư and ơ") << QStringLiteral("ỨNG THỊ THU HƯƠNG")
                                 << QStringLiteral("Ứng Thị Thu Hương");
        QTest::newRow("lower case")
            << QStringLiteral("lê   thị hồng") << QStringLiteral("Lê Thị Hồng");
        QTest::newRow("already right")
            << QStringLiteral("Trần Quốc Tuấn") << QStringLiteral("Trần Quốc Tuấn");
        QTest::newRow("spaces around")
            << QStringLiteral("  HỒ\tGIA  NAM ") << QStringLiteral("Hồ Gia Nam");
        QTest::newRow("empty") << QString() << QString();
    }

    void titleCasesVietnameseNames()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(toNameCase(input), expected);
    }

    void decomposedInputComesBackComposed()
    {
        const QString decomposed =
            QStringLiteral("PHẠM THỊ NGUYỆT").normalized(QString::NormalizationForm_D);
        const QString result = toNameCase(decomposed);
        QCOMPARE(result.toUtf8(), QStringLiteral("Phạm Thị Nguyệt").toUtf8());
    }
};

QTEST_GUILESS_MAIN(TestNameCasing)
#include "test_name_casing.moc"
