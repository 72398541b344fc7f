// SPDX-License-Identifier: GPL-3.0-or-later
// The hub's copy of the dossier lifecycle (server/HubLifecycle) against the workstation's one
// (app/domain/DossierLifecycle): the same steps and the same national statuses, so that the
// hub refuses exactly what the workstation's state machine refuses.
#include "domain/DossierLifecycle.h"
#include "server/HubLifecycle.h"

#include <QTest>

using sohoa::domain::DossierLifecycle;
using sohoa::hub::HubLifecycle;

class TestHubLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void everyWorkstationStepIsTheHubsToo()
    {
        for (const DossierLifecycle::Rule& rule : DossierLifecycle::rules())
            QCOMPARE(HubLifecycle::next(DossierLifecycle::toString(rule.from),
                                        DossierLifecycle::toString(rule.transition))
                         .value_or(QString()),
                     DossierLifecycle::toString(rule.to));
    }

    void everyHubStepIsTheWorkstationsToo()
    {
        for (const HubLifecycle::Rule& rule : HubLifecycle::rules()) {
            const auto from = DossierLifecycle::stateFromString(QString::fromLatin1(rule.from));
            const auto transition =
                DossierLifecycle::transitionFromString(QString::fromLatin1(rule.transition));
            QVERIFY2(from && transition, rule.transition);
            const auto to = DossierLifecycle::next(*from, *transition);
            QVERIFY2(to, rule.transition);
            QCOMPARE(DossierLifecycle::toString(*to), QLatin1String(rule.to));
        }
        QCOMPARE(HubLifecycle::rules().size(), DossierLifecycle::rules().size());
    }

    void nationalStatusesAgree()
    {
        for (const DossierLifecycle::State state : DossierLifecycle::kStates)
            QCOMPARE(HubLifecycle::nationalStatus(DossierLifecycle::toString(state)).value_or(0),
                     sohoa::domain::nationalCode(DossierLifecycle::nationalStatus(state)));
        QVERIFY(!HubLifecycle::nationalStatus(QStringLiteral("archived")));
    }

    void stepsNotInTheTableAreRefused()
    {
        QVERIFY(
            !HubLifecycle::next(QStringLiteral("captured"), QStringLiteral("submit_for_review")));
        QVERIFY(!HubLifecycle::next(QStringLiteral("result_returned"), QStringLiteral("withdraw")));
    }
};

QTEST_MAIN(TestHubLifecycle)
#include "test_hub_lifecycle.moc"
