#pragma once

#include "core/error.h"
#include "remote/transport.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace onramp {
namespace ui {

class MainWindow;

// What the command line asks for:
//   onramp --host H --port P --user U --identity F --known-hosts F [--ssh-config F] [--connect]
//          [--screenshot FILE.png] [--screenshot-after-ms N] [--screenshot-timeout-ms N] [--lang en|zh_CN]
//          [--tab setup|output|gpus|jobs] [--setup-env NAME] [--welcome]
//          [--screenshot-at settled|credentials|lost|terminal|setup-plan|setup-done]
struct LaunchOptions {
    remote::Endpoint endpoint;
    bool connect = false;
    QString screenshotPath; // non-empty: render the window to this PNG once settled, then exit
    int screenshotAfterMs = 500; // pause after settling, so the last output and repaints land
    int screenshotTimeoutMs = 30000; // give up waiting and shoot what is there
    QString language; // empty: follow the system locale
    QString tab; // empty: the output pane; "gpus" or "jobs": a status view (MainWindow::showTab)
    // When to take the screenshot: empty or "settled" (identify finished, failure, host-key
    // question), "credentials" (a sign-in question is shown), "lost" (the connection was lost).
    QString screenshotAt;
    // With --screenshot-at setup-plan|setup-done: the guided setup runs with this environment name
    // (--setup-env) once connected; the picture is taken at its first plan review, or when it has
    // finished (approving every plan that is not blocked).
    QString setupEnv;
    // With --screenshot-at terminal: typed into the terminal, one line at a time, once it opens.
    QStringList terminalInput;
    bool welcome = false; // --welcome: open on the welcome page
    // --exit-after-first-paint (bench/window_start.sh): print the wall-clock time of the window's
    // first paint ("first-paint-epoch-ms N") and quit.
    bool exitAfterFirstPaint = false;
    bool showHelp = false;
    bool showVersion = false;
    QString helpText;
};

// Prefers a Simplified Chinese font face when `language` (installTranslators()'s result) is Chinese.
// Does nothing without a QGuiApplication (--help, --version).
void applyFontForLanguage(const QString &language);

Result<LaunchOptions> parseArguments(const QStringList &arguments);

// Exit codes of a run with --screenshot.
enum class RunOutcome {
    Connected = 0, // connected, and the identify command finished with status 0
    ConnectionFailed = 1, // the connection failed or the form's input was invalid
    TimedOut = 2,
    CommandFailed = 3, // connected, but the identify command did not succeed
    AwaitingHostKey = 4, // stopped at the host-key question (the dialog is in the picture)
    ScreenshotFailed = 5,
    AwaitingCredentials = 6, // stopped at a sign-in question (--screenshot-at credentials)
    ConnectionLost = 7, // connected, then the connection was lost (--screenshot-at lost)
};

// Drives a MainWindow from the command line: fills the form, connects when asked and, with
// --screenshot, waits until the session settles (identify finished, connection failed, or a
// host-key question), renders the window to a PNG and quits with a RunOutcome.
class LaunchController : public QObject {
    Q_OBJECT
public:
    LaunchController(MainWindow &window, LaunchOptions options, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(int exitCode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void settle(RunOutcome outcome);
    void shoot();
    void openTerminalAndType();
    void runSetup();

    MainWindow &m_window;
    LaunchOptions m_options;
    QTimer m_timeout;
    QTimer m_terminalQuiet; // the terminal printed nothing for a while: the picture can be taken
    bool m_settled = false;
    RunOutcome m_outcome = RunOutcome::Connected;
};

} // namespace ui
} // namespace onramp
