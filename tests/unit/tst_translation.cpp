// Translations as the programs install them: English plurals, Chinese, and the language in effect.

#include "core/translation.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

class TestTranslation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void pluralsFollowTheCount_data();
    void pluralsFollowTheCount();
    void languageFromArguments_data();
    void languageFromArguments();
};

void TestTranslation::cleanup()
{
    // Each row installs its own translators: remove them so the next starts clean.
    for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void TestTranslation::pluralsFollowTheCount_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("inEffect");
    QTest::newRow("en, one") << QStringLiteral("en") << 1
                             << QStringLiteral("Updated at 10:00 · every 1 second") << QStringLiteral("en");
    QTest::newRow("en, two") << QStringLiteral("en") << 2
                             << QStringLiteral("Updated at 10:00 · every 2 seconds") << QStringLiteral("en");
    QTest::newRow("C locale falls back to English plurals")
        << QStringLiteral("C") << 5 << QStringLiteral("Updated at 10:00 · every 5 seconds")
        << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << 2 << QStringLiteral("更新于 10:00 · 每 2 秒")
                           << QStringLiteral("zh_CN");
}

void TestTranslation::pluralsFollowTheCount()
{
    QFETCH(QString, language);
    QFETCH(int, count);
    QFETCH(QString, expected);
    QFETCH(QString, inEffect);
    QCOMPARE(onramp::installTranslators(*QCoreApplication::instance(), language), inEffect);
    const QString text = QCoreApplication::translate("onramp::ui::GpuDashboard",
                                                     "Updated at %1 · every %n second(s)", nullptr, count)
                             .arg(QStringLiteral("10:00"));
    QCOMPARE(text, expected);
}

void TestTranslation::languageFromArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << QStringList {QStringLiteral("onramp")} << QString();
    QTest::newRow("--lang zh_CN") << QStringList {QStringLiteral("onramp"), QStringLiteral("--lang"),
                                                  QStringLiteral("zh_CN")}
                                  << QStringLiteral("zh_CN");
    QTest::newRow("--lang=en") << QStringList {QStringLiteral("onramp"), QStringLiteral("--lang=en")}
                               << QStringLiteral("en");
}

void TestTranslation::languageFromArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QCOMPARE(onramp::languageFromArguments(arguments), expected);
}

QTEST_GUILESS_MAIN(TestTranslation)
#include "tst_translation.moc"
