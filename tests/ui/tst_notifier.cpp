// Desktop notifications reach the freedesktop notification service over a real session bus: a
// private dbus-daemon started by the test, with the service registered on a connection of its
// own, so every call goes through the daemon as it would on a desktop. The main window posts one
// when the guided setup ends while it is in the background, and none for a plan shown or a cancel.
#include "ui/mainwindow.h"
#include "ui/notifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using onramp::setup::guided::SetupOutcome;
using onramp::setup::guided::SetupResult;
using onramp::ui::DesktopNotifier;
using onramp::ui::MainWindow;

Q_DECLARE_METATYPE(SetupResult)

namespace {

// What a notification daemon (GNOME Shell, KDE Plasma, dunst) receives.
struct Received {
    QString app, icon, summary, body;
    QVariantMap hints;
    int timeout = 0;
};

class FakeNotificationService : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QList<Received> received;
public Q_SLOTS:
    uint Notify(const QString &app, uint replacesId, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(actions)
        received.append({app, icon, summary, body, hints, timeout});
        return 40 + uint(received.size());
    }
};

} // namespace

class TestNotifier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void postsToTheService();
    void withoutServiceNothingBreaks();
    void setupOutcomeNotifies_data();
    void setupOutcomeNotifies();

private:
    QProcess m_daemon;
    FakeNotificationService m_service;
    QString m_address;
};

void TestNotifier::initTestCase()
{
    m_daemon.start(QStringLiteral("dbus-daemon"),
                   {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                    QStringLiteral("--print-address=1")});
    QVERIFY2(m_daemon.waitForStarted(5000), "dbus-daemon runs (scripts/install-deps installs it)");
    QTRY_VERIFY_WITH_TIMEOUT(m_daemon.canReadLine(), 5000);
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QVERIFY(m_address.startsWith(QLatin1String("unix:")));
    // Before the first use of the session bus in this process.
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    QVERIFY(QDBusConnection::sessionBus().isConnected());
}

void TestNotifier::cleanupTestCase()
{
    m_daemon.kill();
    m_daemon.waitForFinished(3000);
}

void TestNotifier::init()
{
    QDBusConnection service = QDBusConnection::connectToBus(m_address, QStringLiteral("service"));
    QVERIFY(service.isConnected());
    QVERIFY(service.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &m_service,
                                   QDBusConnection::ExportAllSlots));
    QVERIFY(service.registerService(QStringLiteral("org.freedesktop.Notifications")));
    m_service.received.clear();
}

void TestNotifier::cleanup()
{
    QDBusConnection service(QStringLiteral("service"));
    service.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    service.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
    QDBusConnection::disconnectFromBus(QStringLiteral("service"));
    QTRY_VERIFY(!QDBusConnection::sessionBus()
                     .interface()
                     ->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications"))
                     .value());
}

void TestNotifier::postsToTheService()
{
    QWidget window;
    DesktopNotifier notifier(&window);
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QCOMPARE(notifier.notify(QStringLiteral("Done"), QStringLiteral("cola <ready> & verified")),
             DesktopNotifier::Channel::FreedesktopBus);
    QTRY_COMPARE(delivered.count(), 1);
    QCOMPARE(delivered.at(0).at(0).toUInt(), 41u);
    QCOMPARE(m_service.received.size(), 1);
    const Received &r = m_service.received.first();
    QCOMPARE(r.app, QStringLiteral("Onramp"));
    QCOMPARE(r.icon, QStringLiteral("onramp"));
    QCOMPARE(r.summary, QStringLiteral("Done"));
    // Servers may read the body as markup: what the cluster said is escaped, never interpreted.
    QCOMPARE(r.body, QStringLiteral("cola &lt;ready&gt; &amp; verified"));
    QCOMPARE(r.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral("onramp"));
    QVERIFY(r.timeout > 0);
}

void TestNotifier::withoutServiceNothingBreaks()
{
    cleanup(); // no notification daemon on this "desktop"
    QWidget window;
    DesktopNotifier notifier(&window);
    // Offscreen there is no system tray either: only the window's attention request is left.
    QCOMPARE(notifier.notify(QStringLiteral("Done"), QStringLiteral("ready")),
             DesktopNotifier::Channel::None);
    init();
}

void TestNotifier::setupOutcomeNotifies_data()
{
    QTest::addColumn<SetupResult>("result");
    QTest::addColumn<QString>("title"); // empty: no notification
    QTest::newRow("succeeded") << SetupResult::Succeeded
                               << QStringLiteral("Your PyTorch environment is ready");
    QTest::newRow("failed") << SetupResult::Failed << QStringLiteral("The setup on %1 needs you");
    QTest::newRow("blocked") << SetupResult::Blocked << QStringLiteral("The setup on %1 needs you");
    QTest::newRow("plan shown") << SetupResult::PlanShown << QString();
    QTest::newRow("cancelled") << SetupResult::Cancelled << QString();
}

void TestNotifier::setupOutcomeNotifies()
{
    QFETCH(SetupResult, result);
    QFETCH(QString, title);
    MainWindow window([] { return std::unique_ptr<onramp::remote::Transport>(); });
    QVERIFY(!window.isActiveWindow()); // never shown: "in the background"
    QSignalSpy delivered(window.notifier(), &DesktopNotifier::delivered);
    window.notifySetupFinished(SetupOutcome {result, QStringLiteral("Summary of the run"), {}});
    if (title.isEmpty()) {
        QTest::qWait(200);
        QCOMPARE(m_service.received.size(), 0);
        return;
    }
    QTRY_COMPARE(delivered.count(), 1);
    QCOMPARE(m_service.received.size(), 1);
    QVERIFY(m_service.received.first().summary.startsWith(title.section(QLatin1String("%1"), 0, 0)));
    QCOMPARE(m_service.received.first().body, QStringLiteral("Summary of the run"));
}

QTEST_MAIN(TestNotifier)
#include "tst_notifier.moc"
