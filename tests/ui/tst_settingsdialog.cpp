// AppSettings: what is saved is what is loaded, and values a hand-edited file got wrong read as
// the defaults. SettingsDialog: shows the values it was given, refuses an environment name the
// setup would refuse (OK disabled, the reason shown); "Show Welcome Page" brings the welcome back.
// MainWindow: "Settings…" opens the dialog, and accepting it saves the values and gives the
// GPU and jobs monitors the new polling interval (cancelling changes nothing). No lab: the window
// never connects.
#include "ui/appsettings.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/setup/setuppage.h"

#include "setup/status/gpumonitor.h"
#include "setup/status/jobsmonitor.h"

#include "../support/screenshots.h"
#include "../support/uitest.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using onramp::setup::guided::Recipe;
using onramp::testing::child;
using onramp::ui::AppSettings;
using onramp::ui::MainWindow;
using onramp::ui::SettingsDialog;

Q_DECLARE_METATYPE(Recipe)
Q_DECLARE_METATYPE(AppSettings::Language)

namespace {
AppSettings makeSettings(int seconds, const QString &env, Recipe recipe, AppSettings::Language language)
{
    AppSettings s;
    s.pollIntervalSeconds = seconds;
    s.defaultEnvName = env;
    s.defaultRecipe = recipe;
    s.language = language;
    return s;
}
} // namespace

class TestSettingsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void roundTrip_data();
    void roundTrip();
    void badStoredValuesReadAsDefaults_data();
    void badStoredValuesReadAsDefaults();
    void dialogShowsAndReturnsValues();
    void invalidEnvNameRejected_data();
    void invalidEnvNameRejected();
    void welcomeButtonShowsWelcome();
    void acceptAppliesIntervalToMonitors();
    void cancelChangesNothing();

private:
    QTemporaryDir m_dir;
};

void TestSettingsDialog::initTestCase()
{
    // Never the person's own settings: both the test locations and an explicit temporary path.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QVERIFY2(
        QSettings(QStringLiteral("Onramp"), QStringLiteral("Onramp")).fileName().startsWith(m_dir.path()),
        "the settings file is in the temporary directory");
}

void TestSettingsDialog::init()
{
    QSettings(QStringLiteral("Onramp"), QStringLiteral("Onramp")).clear();
}

void TestSettingsDialog::roundTrip_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<QString>("env");
    QTest::addColumn<Recipe>("recipe");
    QTest::addColumn<AppSettings::Language>("language");
    QTest::newRow("defaults") << 2 << QStringLiteral("cola") << Recipe::Guide
                              << AppSettings::Language::System;
    QTest::newRow("fastest, english")
        << 1 << QStringLiteral("torch_2.1") << Recipe::Modern << AppSettings::Language::English;
    QTest::newRow("slowest, chinese")
        << 60 << QStringLiteral("my-env+gpu") << Recipe::Guide << AppSettings::Language::SimplifiedChinese;
    QTest::newRow("modern, system") << 15 << QStringLiteral("_private") << Recipe::Modern
                                    << AppSettings::Language::System;
}

void TestSettingsDialog::roundTrip()
{
    QFETCH(int, seconds);
    QFETCH(QString, env);
    QFETCH(Recipe, recipe);
    QFETCH(AppSettings::Language, language);
    const AppSettings saved = makeSettings(seconds, env, recipe, language);
    saved.save();
    const AppSettings loaded = AppSettings::load();
    QCOMPARE(loaded.pollIntervalSeconds, seconds);
    QCOMPARE(loaded.pollIntervalMs(), seconds * 1000);
    QCOMPARE(loaded.defaultEnvName, env);
    QCOMPARE(loaded.defaultRecipe, recipe);
    QCOMPARE(loaded.language, language);
    QVERIFY(loaded == saved);

    // The same through an explicit QSettings (an ini file of its own).
    QSettings file(m_dir.filePath(QStringLiteral("explicit.ini")), QSettings::IniFormat);
    saved.save(file);
    QVERIFY(AppSettings::load(file) == saved);
}

void TestSettingsDialog::badStoredValuesReadAsDefaults_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("interval 0") << QStringLiteral("status/pollIntervalSeconds") << QVariant(0);
    QTest::newRow("interval 61") << QStringLiteral("status/pollIntervalSeconds") << QVariant(61);
    QTest::newRow("interval text") << QStringLiteral("status/pollIntervalSeconds")
                                   << QVariant(QStringLiteral("soon"));
    QTest::newRow("env base") << QStringLiteral("setup/defaultEnvName") << QVariant(QStringLiteral("base"));
    QTest::newRow("env with space") << QStringLiteral("setup/defaultEnvName")
                                    << QVariant(QStringLiteral("my env"));
    QTest::newRow("recipe unknown") << QStringLiteral("setup/defaultRecipe")
                                    << QVariant(QStringLiteral("nightly"));
    QTest::newRow("language unknown")
        << QStringLiteral("interface/language") << QVariant(QStringLiteral("tlh"));
}

void TestSettingsDialog::badStoredValuesReadAsDefaults()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    {
        QSettings settings(QStringLiteral("Onramp"), QStringLiteral("Onramp"));
        settings.setValue(key, value);
    }
    QVERIFY(AppSettings::load() == AppSettings());
}

void TestSettingsDialog::dialogShowsAndReturnsValues()
{
    const AppSettings initial
        = makeSettings(9, QStringLiteral("vision"), Recipe::Modern, AppSettings::Language::SimplifiedChinese);
    SettingsDialog dialog(initial);
    QCOMPARE(child<QSpinBox>(&dialog, "pollIntervalBox")->value(), 9);
    QCOMPARE(child<QLineEdit>(&dialog, "envNameEdit")->text(), QStringLiteral("vision"));
    QCOMPARE(child<QComboBox>(&dialog, "recipeBox")->currentIndex(), 1);
    QCOMPARE(child<QComboBox>(&dialog, "languageBox")->currentIndex(), 2);
    QVERIFY(dialog.settings() == initial);
    QVERIFY(child<QPushButton>(&dialog, "okButton")->isEnabled());
    QVERIFY(onramp::testing::saveInBothLanguages(&dialog, QStringLiteral("settings")));
    for (QWidget *w :
         {static_cast<QWidget *>(dialog.pollIntervalBox()), static_cast<QWidget *>(dialog.envNameEdit()),
          static_cast<QWidget *>(dialog.recipeBox()), static_cast<QWidget *>(dialog.languageBox())})
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));

    dialog.pollIntervalBox()->setValue(120); // the spin box keeps it in range
    dialog.envNameEdit()->setText(QStringLiteral("  nlp  "));
    dialog.recipeBox()->setCurrentIndex(0);
    dialog.languageBox()->setCurrentIndex(1);
    const AppSettings edited = dialog.settings();
    QCOMPARE(edited.pollIntervalSeconds, 60);
    QCOMPARE(edited.defaultEnvName, QStringLiteral("nlp"));
    QCOMPARE(edited.defaultRecipe, Recipe::Guide);
    QCOMPARE(edited.language, AppSettings::Language::English);
}

void TestSettingsDialog::invalidEnvNameRejected_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("base") << QStringLiteral("base");
    QTest::newRow("root") << QStringLiteral("root");
    QTest::newRow("space") << QStringLiteral("my env");
    QTest::newRow("slash") << QStringLiteral("a/b");
    QTest::newRow("option") << QStringLiteral("-n");
    QTest::newRow("shell") << QStringLiteral("x;rm");
    QTest::newRow("too long") << QString(65, QLatin1Char('a'));
}

void TestSettingsDialog::invalidEnvNameRejected()
{
    QFETCH(QString, name);
    SettingsDialog dialog(AppSettings {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *ok = child<QPushButton>(&dialog, "okButton");
    auto *error = child<QLabel>(&dialog, "envErrorLabel");
    QVERIFY(ok->isEnabled());
    QVERIFY(!error->isVisible());

    dialog.envNameEdit()->setText(name);
    QVERIFY(!ok->isEnabled());
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());

    dialog.envNameEdit()->setText(QStringLiteral("cola2"));
    QVERIFY(ok->isEnabled());
    QVERIFY(!error->isVisible());
}

void TestSettingsDialog::welcomeButtonShowsWelcome()
{
    MainWindow window([] { return std::unique_ptr<onramp::remote::Transport>(); });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.welcomeShown());
    window.settingsAction()->trigger();
    QTRY_VERIFY(window.settingsDialog() && window.settingsDialog()->isVisible());
    QTest::mouseClick(child<QPushButton>(window.settingsDialog(), "welcomeButton"), Qt::LeftButton);
    QTRY_VERIFY(!window.settingsDialog());
    QVERIFY(window.welcomeShown());
    QVERIFY(child<QWidget>(&window, "welcomePage")->isVisible());
}

void TestSettingsDialog::acceptAppliesIntervalToMonitors()
{
    MainWindow window([] { return std::unique_ptr<onramp::remote::Transport>(); });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.jobsMonitor()->intervalMs(), 2000);
    QCOMPARE(window.gpuMonitor()->intervalMs(), 2000);

    QTest::mouseClick(child<QToolButton>(&window, "settingsButton"), Qt::LeftButton);
    QTRY_VERIFY(window.settingsDialog() && window.settingsDialog()->isVisible());
    SettingsDialog *dialog = window.settingsDialog();
    dialog->pollIntervalBox()->setValue(7);
    dialog->envNameEdit()->setText(QStringLiteral("vision"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    QTRY_COMPARE(window.jobsMonitor()->intervalMs(), 7000);
    QCOMPARE(window.gpuMonitor()->intervalMs(), 7000);
    QTRY_VERIFY(!window.settingsDialog());
    const AppSettings saved = AppSettings::load();
    QCOMPARE(saved.pollIntervalSeconds, 7);
    QCOMPARE(saved.defaultEnvName, QStringLiteral("vision"));

    // A new window starts with the saved interval.
    MainWindow again([] { return std::unique_ptr<onramp::remote::Transport>(); });
    QCOMPARE(again.jobsMonitor()->intervalMs(), 7000);
    QCOMPARE(again.gpuMonitor()->intervalMs(), 7000);
    // ... and its guided setup proposes the saved environment name.
    QCOMPARE(child<QLineEdit>(again.setupPage(), "envNameEdit")->text(), QStringLiteral("vision"));
}

void TestSettingsDialog::cancelChangesNothing()
{
    MainWindow window([] { return std::unique_ptr<onramp::remote::Transport>(); });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.settingsAction()->trigger();
    QTRY_VERIFY(window.settingsDialog() && window.settingsDialog()->isVisible());
    window.settingsDialog()->pollIntervalBox()->setValue(30);
    QTest::mouseClick(window.settingsDialog()->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY(!window.settingsDialog());
    QCOMPARE(window.jobsMonitor()->intervalMs(), 2000);
    QCOMPARE(window.gpuMonitor()->intervalMs(), 2000);
    QCOMPARE(AppSettings::load().pollIntervalSeconds, 2);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
