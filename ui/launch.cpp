#include "ui/launch.h"

#include "core/translation.h"
#include "ui/connectionform.h"
#include "ui/logpane.h"
#include "ui/mainwindow.h"
#include "ui/setup/setuppage.h"
#include "ui/terminal/terminalpane.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDockWidget>
#include <QEvent>
#include <QFileInfo>
#include <QFont>
#include <QFontDatabase>
#include <QImage>

#include <cstdio>
#include <memory>

namespace onramp {
namespace ui {

namespace {
// Translation context for the command line (no QObject here).
struct Launch {
    Q_DECLARE_TR_FUNCTIONS(Launch)
};
} // namespace

void applyFontForLanguage(const QString &language)
{
    // Han characters look different in Chinese, Japanese and Korean fonts: prefer a Simplified
    // Chinese face when the UI is in Chinese, instead of whatever fontconfig falls back to.
    if (!language.startsWith(QLatin1String("zh"))
        || !qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return;
    const QStringList families = QFontDatabase::families();
    for (const QString &candidate : {QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Source Han Sans SC"),
                                     QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Microsoft YaHei"),
                                     QStringLiteral("PingFang SC")}) {
        if (families.contains(candidate)) {
            QFont font = QGuiApplication::font();
            font.setFamilies({font.family(), candidate});
            QGuiApplication::setFont(font);
            return;
        }
    }
}

Result<LaunchOptions> parseArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Launch::tr("Onramp helps you connect to a Slurm GPU cluster over SSH and set up PyTorch there."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  Launch::tr("Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"),
                                     Launch::tr("Show version information and exit."));
    const QCommandLineOption host(
        QStringLiteral("host"),
        Launch::tr("Login node to connect to (host name, address or SSH config alias)."), Launch::tr("host"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  Launch::tr("SSH port (default: from SSH config, else 22)."),
                                  Launch::tr("port"));
    const QCommandLineOption user(QStringLiteral("user"), Launch::tr("User name on the cluster."),
                                  Launch::tr("user"));
    const QCommandLineOption identity(QStringLiteral("identity"),
                                      Launch::tr("Private key file to sign in with."), Launch::tr("file"));
    const QCommandLineOption knownHosts(QStringLiteral("known-hosts"),
                                        Launch::tr("Known hosts file (default: ~/.ssh/known_hosts)."),
                                        Launch::tr("file"));
    const QCommandLineOption sshConfig(QStringLiteral("ssh-config"),
                                       Launch::tr("SSH config file (default: ~/.ssh/config)."),
                                       Launch::tr("file"));
    const QCommandLineOption connect(QStringLiteral("connect"), Launch::tr("Connect right after starting."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        Launch::tr("Once connected and the first command has finished (or "
                                                   "the connection failed), save the window as "
                                                   "a PNG image and exit."),
                                        Launch::tr("file.png"));
    const QCommandLineOption screenshotAfter(
        QStringLiteral("screenshot-after-ms"),
        Launch::tr("Wait this long after the window settles before the screenshot."), Launch::tr("ms"),
        QStringLiteral("500"));
    const QCommandLineOption screenshotTimeout(
        QStringLiteral("screenshot-timeout-ms"),
        Launch::tr("Take the screenshot after this long even if the window has not settled."),
        Launch::tr("ms"), QStringLiteral("30000"));
    const QCommandLineOption lang(
        QStringLiteral("lang"), Launch::tr("Language of the interface: en or zh_CN (default: the system's)."),
        Launch::tr("language"));
    const QCommandLineOption tab(QStringLiteral("tab"),
                                 Launch::tr("Open this tab: setup, gpus, jobs, checks or report (output: the "
                                            "Output dock). With --screenshot, the picture "
                                            "waits for the tab's first answer from the cluster."),
                                 Launch::tr("tab"));
    const QCommandLineOption screenshotAt(
        QStringLiteral("screenshot-at"),
        Launch::tr("With --screenshot: take the picture when the session is settled (default), when a "
                   "sign-in question is shown (credentials), when the connection is lost (lost), or in the "
                   "terminal after typing --terminal-input (terminal)."),
        Launch::tr("moment"));
    const QCommandLineOption terminalInput(
        QStringLiteral("terminal-input"),
        Launch::tr("With --screenshot-at terminal: a line to type into the terminal (repeatable; default: "
                   "srun --pty bash -i, then hostname)."),
        Launch::tr("line"));
    const QCommandLineOption setupEnv(
        QStringLiteral("setup-env"),
        Launch::tr("With --screenshot-at setup-plan or setup-done: the environment the guided setup makes."),
        Launch::tr("name"), QStringLiteral("cola"));
    const QCommandLineOption welcome(
        QStringLiteral("welcome"),
        Launch::tr("Show the welcome page (shown by itself at the first start without a host)."));
    const QCommandLineOption firstPaint(
        QStringLiteral("exit-after-first-paint"),
        Launch::tr("Print when the window was first painted and quit (benchmarks)."));
    parser.addOptions({help, version, host, port, user, identity, knownHosts, sshConfig, connect, screenshot,
                       screenshotAfter, screenshotTimeout, lang, tab, screenshotAt, terminalInput, setupEnv,
                       welcome, firstPaint});

    const auto invalid = [](const QString &message) { return Error {ErrorKind::InvalidInput, message, {}}; };
    if (!parser.parse(arguments))
        return invalid(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return invalid(Launch::tr("Unexpected argument: %1").arg(parser.positionalArguments().first()));

    LaunchOptions options;
    options.showHelp = parser.isSet(help);
    options.showVersion = parser.isSet(version);
    options.helpText = parser.helpText();
    options.endpoint.host = parser.value(host);
    options.endpoint.user = parser.value(user);
    options.endpoint.identityFile = parser.value(identity);
    options.endpoint.knownHostsFile = parser.value(knownHosts);
    options.endpoint.sshConfigFile = parser.value(sshConfig);
    if (parser.isSet(port)) {
        bool ok = false;
        const int value = parser.value(port).toInt(&ok);
        if (!ok || value < 0 || value > 65535)
            return invalid(
                Launch::tr("--port must be a number from 1 to 65535, not “%1”.").arg(parser.value(port)));
        options.endpoint.port = value;
    }
    options.connect = parser.isSet(connect);
    options.screenshotPath = parser.value(screenshot);
    bool ok = false;
    options.screenshotAfterMs = parser.value(screenshotAfter).toInt(&ok);
    if (!ok || options.screenshotAfterMs < 0)
        return invalid(Launch::tr("--screenshot-after-ms must be a number of milliseconds, not “%1”.")
                           .arg(parser.value(screenshotAfter)));
    options.screenshotTimeoutMs = parser.value(screenshotTimeout).toInt(&ok);
    if (!ok || options.screenshotTimeoutMs <= 0)
        return invalid(Launch::tr("--screenshot-timeout-ms must be a number of milliseconds, not “%1”.")
                           .arg(parser.value(screenshotTimeout)));
    options.tab = parser.value(tab);
    static const QStringList tabs
        = {QStringLiteral("setup"), QStringLiteral("output"), QStringLiteral("gpus"),
           QStringLiteral("jobs"),  QStringLiteral("checks"), QStringLiteral("report")};
    if (!options.tab.isEmpty() && !tabs.contains(options.tab))
        return invalid(Launch::tr("Unknown tab “%1”: use setup, output, gpus, jobs, checks or report.")
                           .arg(options.tab));
    options.screenshotAt = parser.value(screenshotAt);
    if (!options.screenshotAt.isEmpty() && options.screenshotAt != QLatin1String("settled")
        && options.screenshotAt != QLatin1String("credentials")
        && options.screenshotAt != QLatin1String("lost") && options.screenshotAt != QLatin1String("terminal")
        && options.screenshotAt != QLatin1String("setup-plan")
        && options.screenshotAt != QLatin1String("setup-done"))
        return invalid(
            Launch::tr(
                "Unknown moment “%1”: use settled, credentials, lost, terminal, setup-plan or setup-done.")
                .arg(options.screenshotAt));
    options.setupEnv = parser.value(setupEnv);
    options.welcome = parser.isSet(welcome);
    options.exitAfterFirstPaint = parser.isSet(firstPaint);
    options.terminalInput = parser.values(terminalInput);
    if (options.terminalInput.isEmpty())
        options.terminalInput = {QStringLiteral("srun --pty bash -i"), QStringLiteral("hostname")};
    options.language = parser.value(lang);
    if (!isKnownLanguage(options.language))
        return invalid(Launch::tr("Unknown language “%1”: use en or zh_CN.").arg(options.language));
    return options;
}

LaunchController::LaunchController(MainWindow &window, LaunchOptions options, QObject *parent)
    : QObject(parent), m_window(window), m_options(std::move(options))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(m_options.screenshotTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] { settle(RunOutcome::TimedOut); });
    m_terminalQuiet.setSingleShot(true);
    m_terminalQuiet.setInterval(1500);
}

bool LaunchController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window && event->type() == QEvent::Paint) {
        m_window.removeEventFilter(this);
        // After this paint has been done, not before it: the time a person sees the window.
        QTimer::singleShot(0, this, [this] {
            std::printf("first-paint-epoch-ms %lld\n", QDateTime::currentMSecsSinceEpoch());
            std::fflush(stdout);
            Q_EMIT finished(0);
        });
    }
    return QObject::eventFilter(watched, event);
}

void LaunchController::start()
{
    if (m_options.exitAfterFirstPaint)
        m_window.installEventFilter(this);
    const remote::Endpoint &e = m_options.endpoint;
    if (!e.host.isEmpty() || !e.user.isEmpty() || e.port > 0 || !e.identityFile.isEmpty()
        || !e.knownHostsFile.isEmpty() || !e.sshConfigFile.isEmpty())
        m_window.connectionForm()->setEndpoint(e);

    if (!m_options.tab.isEmpty())
        m_window.showTab(m_options.tab);
    // The first start without a destination on the command line (and no picture to take) begins
    // with the welcome page.
    const bool destinationGiven
        = !e.host.isEmpty() || m_options.connect || !m_options.screenshotPath.isEmpty();
    if (m_options.welcome || (!destinationGiven && !AppSettings::load().welcomeSeen))
        m_window.showWelcome();
    if (!m_options.screenshotPath.isEmpty() && m_options.screenshotAt == QLatin1String("credentials")) {
        connect(&m_window, &MainWindow::credentialsPrompted, this,
                [this] { settle(RunOutcome::AwaitingCredentials); });
    }
    if (!m_options.screenshotPath.isEmpty() && m_options.screenshotAt == QLatin1String("lost")) {
        // Lost comes just before the failure that explains it: the picture shows both.
        connect(&m_window, &MainWindow::connectionStateChanged, this, [this](remote::ConnectionState state) {
            if (state == remote::ConnectionState::Lost)
                settle(RunOutcome::ConnectionLost);
        });
    }
    const bool inTerminal = m_options.screenshotAt == QLatin1String("terminal");
    const bool waitForIdentify = m_options.screenshotAt.isEmpty()
        || m_options.screenshotAt == QLatin1String("settled") || inTerminal;
    if (!m_options.screenshotPath.isEmpty()) {
        connect(&m_window, &MainWindow::identifyFinished, this,
                [this, waitForIdentify](const setup::CommandRecord &record) {
                    if (!waitForIdentify)
                        return;
                    if (record.result.succeeded() && m_options.screenshotAt == QLatin1String("terminal")) {
                        openTerminalAndType();
                        return;
                    }
                    if (!record.result.succeeded() || m_window.statusViewSettled()) {
                        settle(record.result.succeeded() ? RunOutcome::Connected : RunOutcome::CommandFailed);
                        return;
                    }
                    // A status tab: wait for its first answer (GPU values, a problem, or "none").
                    connect(&m_window, &MainWindow::statusViewSettledChanged, this, [this] {
                        if (m_window.statusViewSettled())
                            settle(RunOutcome::Connected);
                    });
                });
        if (m_options.screenshotAt.startsWith(QLatin1String("setup-"))) {
            connect(&m_window, &MainWindow::identifyFinished, this,
                    [this](const setup::CommandRecord &record) {
                        if (record.result.succeeded())
                            runSetup();
                        else
                            settle(RunOutcome::CommandFailed);
                    });
        }
        connect(&m_window, &MainWindow::connectionFailed, this,
                [this] { settle(RunOutcome::ConnectionFailed); });
        connect(&m_window, &MainWindow::hostKeyPrompted, this,
                [this] { settle(RunOutcome::AwaitingHostKey); });
        connect(m_window.connectionForm(), &ConnectionForm::validationFailed, this,
                [this] { settle(RunOutcome::ConnectionFailed); });
        m_timeout.start();
    }
    if (m_options.connect) {
        QTimer::singleShot(0, &m_window, [this] { m_window.connectionForm()->submit(); });
    } else if (!m_options.screenshotPath.isEmpty()) {
        QTimer::singleShot(0, this, [this] { settle(RunOutcome::Connected); });
    }
}

void LaunchController::openTerminalAndType()
{
    auto *open = m_window.terminalPane()->findChild<QAbstractButton *>(QStringLiteral("openTerminalButton"));
    if (!open) {
        settle(RunOutcome::CommandFailed);
        return;
    }
    m_window.terminalDock()->show();
    open->click();
    remote::RemoteTerminal *terminal = m_window.terminal();
    if (!terminal) {
        settle(RunOutcome::CommandFailed);
        return;
    }
    // Type the lines one by one, each after the previous one's output went quiet (srun needs a
    // moment to reach the node), then take the picture once everything is quiet.
    auto pending = std::make_shared<QStringList>(m_options.terminalInput);
    auto typeNext = [this, terminal, pending] {
        if (pending->isEmpty())
            return false;
        terminal->write(pending->takeFirst().toUtf8() + '\r');
        return true;
    };
    connect(terminal, &remote::RemoteTerminal::output, this, [this] { m_terminalQuiet.start(); });
    connect(&m_terminalQuiet, &QTimer::timeout, this, [this, typeNext] {
        if (!typeNext())
            settle(RunOutcome::Connected);
    });
    connect(terminal, &remote::RemoteTerminal::closed, this, [this] { settle(RunOutcome::CommandFailed); });
    m_terminalQuiet.start();
}

void LaunchController::runSetup()
{
    SetupPage *page = m_window.setupPage();
    m_window.showTab(QStringLiteral("setup"));
    page->setEnvName(m_options.setupEnv);
    const bool atPlan = m_options.screenshotAt == QLatin1String("setup-plan");
    connect(page, &SetupPage::planShown, this, [this, page, atPlan](const setup::guided::PlanReview &review) {
        if (atPlan || review.verdict.blocked)
            settle(RunOutcome::Connected);
        else
            page->approvePlan();
    });
    connect(page, &SetupPage::finished, this, [this](const setup::guided::SetupOutcome &outcome) {
        settle(outcome.result == setup::guided::SetupResult::Succeeded ? RunOutcome::Connected
                                                                       : RunOutcome::CommandFailed);
    });
    page->start();
}

void LaunchController::settle(RunOutcome outcome)
{
    if (m_settled)
        return;
    m_settled = true;
    m_outcome = outcome;
    m_timeout.stop();
    QTimer::singleShot(m_options.screenshotAfterMs, this, &LaunchController::shoot);
}

void LaunchController::shoot()
{
    m_window.logPane()->flush();
    const QImage image = renderWindow(&m_window);
    int code = int(m_outcome);
    if (image.isNull() || !image.save(m_options.screenshotPath, "PNG")) {
        std::fprintf(stderr, "onramp: could not write the screenshot to %s\n",
                     qPrintable(m_options.screenshotPath));
        code = int(RunOutcome::ScreenshotFailed);
    } else {
        std::fprintf(stderr, "onramp: wrote %s (%dx%d)\n",
                     qPrintable(QFileInfo(m_options.screenshotPath).absoluteFilePath()), image.width(),
                     image.height());
    }
    Q_EMIT finished(code);
}

} // namespace ui
} // namespace onramp
