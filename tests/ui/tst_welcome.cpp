// The first run: the welcome page is shown at the first start without a destination and never
// again once closed; its language box switches the whole window live (tabs, sidebar, form,
// status bar) and back; it offers the Host aliases of the SSH config, a new profile, and the
// local lab only while something answers on the lab's port. Profiles: saved from the form's
// fields, found again by a new window, chosen to fill the fields, deleted; bad names refused.
// No lab: a QTcpServer stands in for the lab's sshd port (only "does it answer" is asked).
#include "ui/appsettings.h"
#include "ui/connectionform.h"
#include "ui/launch.h"
#include "ui/mainwindow.h"
#include "ui/profilestore.h"
#include "ui/retranslate.h"
#include "ui/welcomepage.h"

#include "../support/uitest.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using onramp::remote::Endpoint;
using onramp::testing::child;
using onramp::ui::AppSettings;
using onramp::ui::ConnectionForm;
using onramp::ui::LaunchController;
using onramp::ui::MainWindow;
using onramp::ui::Profile;
using onramp::ui::ProfileStore;
using onramp::ui::WelcomePage;

namespace {
std::unique_ptr<onramp::remote::Transport> noTransport()
{
    return {};
}

QString translated(const char *context, const char *source)
{
    return QCoreApplication::translate(context, source);
}
} // namespace

class TestWelcome : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void shownAtFirstStartOnly_data();
    void shownAtFirstStartOnly();
    void languageSwitchesLive_data();
    void languageSwitchesLive();
    void offersSshConfigHosts();
    void newProfileEmptiesTheForm();
    void labOfferedOnlyWhenItAnswers();
    void profilesRoundTrip();
    void badProfileNamesRefused_data();
    void badProfileNamesRefused();

private:
    QTemporaryDir m_dir;
};

void TestWelcome::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QVERIFY(
        QSettings(QStringLiteral("Onramp"), QStringLiteral("Onramp")).fileName().startsWith(m_dir.path()));
    qputenv("ONRAMP_LAB_DIR", m_dir.filePath(QStringLiteral("no-lab")).toUtf8());
}

void TestWelcome::init()
{
    QSettings(QStringLiteral("Onramp"), QStringLiteral("Onramp")).clear();
    onramp::ui::switchLanguage(QStringLiteral("en"));
}

void TestWelcome::cleanup()
{
    onramp::ui::switchLanguage(QStringLiteral("en"));
}

void TestWelcome::shownAtFirstStartOnly_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("seenBefore");
    QTest::addColumn<bool>("shown");
    const QString app = QStringLiteral("onramp");
    QTest::newRow("first start") << QStringList {app} << false << true;
    QTest::newRow("seen before") << QStringList {app} << true << false;
    QTest::newRow("host on the command line")
        << QStringList {app, QStringLiteral("--host"), QStringLiteral("aha")} << false << false;
    QTest::newRow("asked for") << QStringList {app, QStringLiteral("--welcome")} << true << true;
}

void TestWelcome::shownAtFirstStartOnly()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, seenBefore);
    QFETCH(bool, shown);
    AppSettings settings;
    settings.welcomeSeen = seenBefore;
    settings.save();

    MainWindow window(noTransport);
    const auto options = onramp::ui::parseArguments(arguments);
    QVERIFY(options);
    LaunchController controller(window, options.value());
    window.show();
    controller.start();
    QCOMPARE(window.welcomeShown(), shown);
    if (!shown)
        return;
    QVERIFY(child<QWidget>(&window, "welcomePage")->isVisible());
    QVERIFY(!window.contentTabs()->isVisible());
    // Skip closes it for good.
    QTest::mouseClick(child<QPushButton>(&window, "welcomeSkip"), Qt::LeftButton);
    QVERIFY(!window.welcomeShown());
    QVERIFY(window.contentTabs()->isVisible());
    QVERIFY(AppSettings::load().welcomeSeen);
}

void TestWelcome::languageSwitchesLive_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<AppSettings::Language>("saved");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << AppSettings::Language::SimplifiedChinese;
    QTest::newRow("en") << QStringLiteral("en") << AppSettings::Language::English;
}

void TestWelcome::languageSwitchesLive()
{
    QFETCH(QString, language);
    QFETCH(AppSettings::Language, saved);
    // Start in the other language, so every row is a real switch.
    onramp::ui::switchLanguage(language == QLatin1String("en") ? QStringLiteral("zh_CN")
                                                               : QStringLiteral("en"));
    MainWindow window(noTransport);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showWelcome();
    const QString setupBefore = window.contentTabs()->tabText(0);
    const QString connectBefore = child<QPushButton>(&window, "connectButton")->text();

    QComboBox *box = child<QComboBox>(&window, "welcomeLanguage");
    const int index = box->findData(language);
    QVERIFY(index >= 0);
    box->setCurrentIndex(index);
    Q_EMIT box->activated(index);

    QCOMPARE(AppSettings::load().language, saved);
    const QString setup = translated("onramp::ui::MainWindow", "Setup");
    const QString title = translated("onramp::ui::WelcomePage", "Welcome to Onramp");
    const QString connect = translated("onramp::ui::ConnectionForm", "Connect");
    if (language == QLatin1String("zh_CN")) {
        QVERIFY2(setup != QLatin1String("Setup"), "the catalogue translates the tab");
        QVERIFY(title.contains(QStringLiteral("欢迎")));
    } else {
        QCOMPARE(setup, QStringLiteral("Setup"));
    }
    // QApplication posts LanguageChange to each window: the texts change once the events run.
    QTRY_COMPARE(window.contentTabs()->tabText(0), setup);
    QVERIFY(window.contentTabs()->tabText(0) != setupBefore);
    QCOMPARE(child<QLabel>(&window, "welcomeTitle")->text(), title);
    QCOMPARE(child<QPushButton>(&window, "connectButton")->text(), connect);
    QVERIFY(connect != connectBefore);
    QCOMPARE(child<QLabel>(&window, "stateLabel")->text(),
             onramp::remote::describe(onramp::remote::ConnectionState::Disconnected));
    // The box still shows the choice (its items were rebuilt in the new language).
    QCOMPARE(child<QComboBox>(&window, "welcomeLanguage")->currentData().toString(), language);
}

void TestWelcome::offersSshConfigHosts()
{
    const QString config = m_dir.filePath(QStringLiteral("ssh_config"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Host alpha\n  HostName alpha.example.edu\nHost beta\n  HostName 10.0.0.2\n  User student\n"
               "Host *.internal\n  User x\n");
    file.close();

    MainWindow window(noTransport);
    window.connectionForm()->setSshConfigPath(config);
    window.show();
    window.showWelcome();
    QListWidget *hosts = child<QListWidget>(&window, "welcomeHosts");
    QCOMPARE(hosts->count(), 2); // patterns are not places to connect to
    QCOMPARE(hosts->item(0)->text(), QStringLiteral("alpha"));
    QPushButton *use = child<QPushButton>(&window, "welcomeUseHost");
    QVERIFY(!use->isEnabled());
    hosts->setCurrentRow(1);
    QVERIFY(use->isEnabled());
    QTest::mouseClick(use, Qt::LeftButton);
    QVERIFY(!window.welcomeShown());
    QCOMPARE(child<QComboBox>(&window, "hostCombo")->currentText(), QStringLiteral("beta"));
    QVERIFY(AppSettings::load().welcomeSeen);
}

void TestWelcome::newProfileEmptiesTheForm()
{
    MainWindow window(noTransport);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Endpoint old;
    old.host = QStringLiteral("old.example.edu");
    old.user = QStringLiteral("someone");
    window.connectionForm()->setEndpoint(old);
    window.showWelcome();
    QTest::mouseClick(child<QPushButton>(&window, "welcomeNewProfile"), Qt::LeftButton);
    QVERIFY(!window.welcomeShown());
    QVERIFY(child<QComboBox>(&window, "hostCombo")->currentText().isEmpty());
    QVERIFY(child<QLineEdit>(&window, "userEdit")->text().isEmpty());
    QCOMPARE(window.connectionForm()->currentProfile(), QString());
}

void TestWelcome::labOfferedOnlyWhenItAnswers()
{
    QTcpServer sshd;
    QVERIFY(sshd.listen(QHostAddress::LocalHost));
    const QString labDir = m_dir.filePath(QStringLiteral("lab"));
    QVERIFY(QDir().mkpath(labDir));
    const QString key = labDir + QStringLiteral("/id_ed25519");
    QFile keyFile(key);
    QVERIFY(keyFile.open(QIODevice::WriteOnly));
    keyFile.close();
    QFile env(labDir + QStringLiteral("/lab.env"));
    QVERIFY(env.open(QIODevice::WriteOnly));
    env.write(QStringLiteral("ONRAMP_LAB_HOST=127.0.0.1\nONRAMP_LAB_PORT=%1\nONRAMP_LAB_USER=student\n"
                             "ONRAMP_LAB_KEY=%2\nONRAMP_LAB_KNOWN_HOSTS=%3/known_hosts\n")
                  .arg(sshd.serverPort())
                  .arg(key, labDir)
                  .toUtf8());
    env.close();
    qputenv("ONRAMP_LAB_DIR", labDir.toUtf8());
    const auto restore = qScopeGuard(
        [this] { qputenv("ONRAMP_LAB_DIR", m_dir.filePath(QStringLiteral("no-lab")).toUtf8()); });

    {
        MainWindow window(noTransport);
        window.show();
        QSignalSpy probed(window.welcomePage(), &WelcomePage::labProbeFinished);
        window.showWelcome();
        QTRY_COMPARE(probed.count(), 1);
        QCOMPARE(probed.at(0).at(0).toBool(), true);
        QVERIFY(child<QPushButton>(&window, "welcomeLab")->isVisible());

        // Choosing it fills the form with the lab's endpoint and connects (here: no transport,
        // so the connection fails at once, which is fine: only the hand-over is tested).
        QSignalSpy failed(&window, &MainWindow::connectionFailed);
        QTest::mouseClick(child<QPushButton>(&window, "welcomeLab"), Qt::LeftButton);
        QVERIFY(!window.welcomeShown());
        QCOMPARE(child<QComboBox>(&window, "hostCombo")->currentText(), QStringLiteral("127.0.0.1"));
        QCOMPARE(child<QLineEdit>(&window, "userEdit")->text(), QStringLiteral("student"));
        QCOMPARE(child<QLineEdit>(&window, "identityEdit")->text(), key);
        QCOMPARE(failed.count(), 1);
    }

    // Nothing answers any more: not offered.
    const quint16 port = sshd.serverPort();
    sshd.close();
    Q_UNUSED(port)
    MainWindow window(noTransport);
    window.show();
    QSignalSpy probed(window.welcomePage(), &WelcomePage::labProbeFinished);
    window.showWelcome();
    QTRY_COMPARE(probed.count(), 1);
    QCOMPARE(probed.at(0).at(0).toBool(), false);
    QVERIFY(!child<QPushButton>(&window, "welcomeLab")->isVisible());
}

void TestWelcome::profilesRoundTrip()
{
    Endpoint school;
    school.host = QStringLiteral("login.school.edu");
    school.user = QStringLiteral("s2301");
    school.port = 2200;
    school.identityFile = m_dir.filePath(QStringLiteral("id_school"));
    QFile keyFile(school.identityFile);
    QVERIFY(keyFile.open(QIODevice::WriteOnly)); // the form checks that the key file exists
    keyFile.close();
    {
        ConnectionForm form;
        QCOMPARE(form.profileNames(), QStringList());
        form.setEndpoint(school);
        QCOMPARE(form.saveProfile(QStringLiteral("  School cluster ")), QString());
        QCOMPARE(form.currentProfile(), QStringLiteral("School cluster"));
        Endpoint lab;
        lab.host = QStringLiteral("aha");
        form.setEndpoint(lab);
        QCOMPARE(form.saveProfile(QStringLiteral("Lab")), QString());
        QCOMPARE(form.profileNames(),
                 (QStringList {QStringLiteral("Lab"), QStringLiteral("School cluster")}));
    }
    // A new form (a new start) finds them; choosing one fills the fields.
    ConnectionForm form;
    QCOMPARE(form.profileNames(), (QStringList {QStringLiteral("Lab"), QStringLiteral("School cluster")}));
    form.chooseProfile(QStringLiteral("school CLUSTER"));
    const auto fields = form.endpoint();
    QVERIFY(fields);
    QCOMPARE(fields.value().host, school.host);
    QCOMPARE(fields.value().user, school.user);
    QCOMPARE(fields.value().port, school.port);
    QCOMPARE(fields.value().identityFile, school.identityFile);
    QVERIFY(child<QToolButton>(&form, "deleteProfileButton")->isEnabled());
    // Saved under the same name again: replaced, not doubled.
    QCOMPARE(form.saveProfile(QStringLiteral("School Cluster")), QString());
    QCOMPARE(ProfileStore::load().profiles.size(), 2);
    form.deleteProfile(QStringLiteral("School Cluster"));
    QCOMPARE(form.profileNames(), QStringList {QStringLiteral("Lab")});
    QCOMPARE(ProfileStore::load().profiles.size(), 1);
    QCOMPARE(form.currentProfile(), QString());
    QVERIFY(!child<QToolButton>(&form, "deleteProfileButton")->isEnabled());
    // No secret is ever part of a profile: the stored keys are where and how to connect.
    const QSettings settings(QStringLiteral("Onramp"), QStringLiteral("Onramp"));
    for (const QString &key : settings.allKeys())
        QVERIFY2(!key.contains(QStringLiteral("pass"), Qt::CaseInsensitive), qPrintable(key));
}

void TestWelcome::badProfileNamesRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("too long") << QString(ProfileStore::kMaxNameLength + 1, QLatin1Char('x'));
    QTest::newRow("control character") << QStringLiteral("a\tb");
}

void TestWelcome::badProfileNamesRefused()
{
    QFETCH(QString, name);
    ConnectionForm form;
    Endpoint e;
    e.host = QStringLiteral("aha");
    form.setEndpoint(e);
    const QString problem = form.saveProfile(name);
    QVERIFY(!problem.isEmpty());
    QCOMPARE(problem, ProfileStore::nameProblem(name));
    QVERIFY(form.profileNames().isEmpty());
}

QTEST_MAIN(TestWelcome)
#include "tst_welcome.moc"
