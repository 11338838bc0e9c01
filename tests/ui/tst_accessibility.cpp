// Keyboard and screen-reader review of the window as a test: on every page a person can reach
// without a cluster (the welcome page, each tab, the terminal dock, the settings dialog), every
// control that takes keyboard focus has a name a screen reader can say (its accessible name, its
// own text, or the label it is the buddy of), and Tab reaches it. Both languages.
#include "ui/mainwindow.h"
#include "ui/retranslate.h"
#include "ui/settingsdialog.h"

#include <QAbstractButton>
#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using onramp::ui::MainWindow;

namespace {

bool takesKeyboardFocus(const QWidget *w)
{
    return w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)
        && !w->focusProxy(); // a proxy's owner is named through the proxy
}

QString spokenName(const QWidget *w, const QList<QLabel *> &labels)
{
    if (!w->accessibleName().isEmpty())
        return w->accessibleName();
    if (const auto *button = qobject_cast<const QAbstractButton *>(w); button && !button->text().isEmpty())
        return button->text();
    for (const QLabel *label : labels)
        if (label->buddy() == w && !label->text().isEmpty())
            return label->text();
    return {};
}

// "objectName (class)" of each focusable control under `root` with nothing to say.
QStringList unnamedControls(const QWidget *root)
{
    const QList<QLabel *> labels = root->window()->findChildren<QLabel *>();
    QStringList unnamed;
    for (const QWidget *w : root->findChildren<QWidget *>()) {
        if (!takesKeyboardFocus(w))
            continue;
        // Views inside scroll areas get focus through the viewport's owner; the owner is checked.
        if (spokenName(w, labels).isEmpty())
            unnamed << QStringLiteral("%1 (%2)").arg(w->objectName(),
                                                     QString::fromLatin1(w->metaObject()->className()));
    }
    return unnamed;
}

// Every focusable control under `root` is in the window's Tab chain.
QStringList outOfTabChain(QWidget *root)
{
    QSet<const QWidget *> chain;
    QWidget *start = root->window();
    for (QWidget *w = start->nextInFocusChain(); w && w != start; w = w->nextInFocusChain())
        chain.insert(w);
    QStringList missing;
    for (const QWidget *w : root->findChildren<QWidget *>())
        if (takesKeyboardFocus(w) && !chain.contains(w))
            missing << w->objectName();
    return missing;
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyControlHasAName_data();
    void everyControlHasAName();
    void shortcuts();

private:
    QTemporaryDir m_dir;
};

void TestAccessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    qputenv("ONRAMP_LAB_DIR", m_dir.filePath(QStringLiteral("no-lab")).toUtf8());
}

void TestAccessibility::everyControlHasAName_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("page");
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        for (const QString &page :
             {QStringLiteral("welcome"), QStringLiteral("setup"), QStringLiteral("output"),
              QStringLiteral("gpus"), QStringLiteral("jobs"), QStringLiteral("checks"),
              QStringLiteral("report"), QStringLiteral("terminal"), QStringLiteral("settings")})
            QTest::addRow("%s %s", qPrintable(language), qPrintable(page)) << language << page;
    }
}

void TestAccessibility::everyControlHasAName()
{
    QFETCH(QString, language);
    QFETCH(QString, page);
    onramp::ui::switchLanguage(language);
    const auto restore = qScopeGuard([] { onramp::ui::switchLanguage(QStringLiteral("en")); });
    MainWindow window([] { return std::unique_ptr<onramp::remote::Transport>(); });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QWidget *root = &window;
    if (page == QLatin1String("welcome")) {
        window.showWelcome();
    } else if (page == QLatin1String("terminal")) {
        window.terminalDock()->show();
        root = window.terminalDock();
    } else if (page == QLatin1String("output")) {
        QVERIFY(window.showTab(page));
        root = window.outputDock();
    } else if (page == QLatin1String("settings")) {
        window.settingsAction()->trigger();
        QTRY_VERIFY(window.settingsDialog() && window.settingsDialog()->isVisible());
        root = window.settingsDialog();
    } else {
        QVERIFY(window.showTab(page));
    }
    QCoreApplication::processEvents();
    const QStringList unnamed = unnamedControls(root);
    QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("no accessible name: ") + unnamed.join(u", ")));
    const QStringList missing = outOfTabChain(root);
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not reached by Tab: ") + missing.join(u", ")));
}

void TestAccessibility::shortcuts()
{
    MainWindow window([] { return std::unique_ptr<onramp::remote::Transport>(); });
    QCOMPARE(window.reconnectAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    QCOMPARE(window.terminalDock()->toggleViewAction()->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    QVERIFY(!window.settingsAction()->shortcut().isEmpty());
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
