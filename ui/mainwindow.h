#pragma once

#include "ui/appsettings.h"
#include "ui/theme.h"

#include "core/error.h"
#include "remote/transport.h"
#include "setup/commandrecord.h"
#include "setup/guided/setupengine.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace onramp::setup::status {
class AllocationStarter;
class GpuMonitor;
class JobsMonitor;
} // namespace onramp::setup::status

namespace onramp {
namespace python {
class PythonRuntime;
}
namespace ui {

class ChecksPage;
class ConnectionForm;
class CredentialDialog;
class CredentialStore;
class DesktopNotifier;
class ErrorBanner;
class GpuDashboard;
class JobsView;
class HostKeyDialog;
class LogPane;
class ReportPage;
class SettingsDialog;
class SetupPage;
class StatusIndicator;
class TerminalPane;
class WelcomePage;

// Asks the person whether to trust an unknown host key and calls `answer` exactly once (now or
// later) with the decision. The default shows a HostKeyDialog; tests answer directly.
using HostKeyPrompter = std::function<void(const remote::HostKey &key, QWidget *parent,
                                           std::function<void(bool trust)> answer)>;

// The first slice of Onramp: a connection form, the cluster's identity and partitions streamed
// into a log pane once connected, an error banner and the connection state in the status bar.
// The window never knows how SSH is done: it gets a TransportFactory from main().
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(remote::TransportFactory factory, QWidget *parent = nullptr);
    ~MainWindow() override;

    ConnectionForm *connectionForm() const;
    LogPane *logPane() const;
    ErrorBanner *errorBanner() const;
    remote::Transport *transport() const { return m_transport.get(); }
    remote::ConnectionState connectionState() const { return m_state; }
    // The host-key dialog of the default prompter while it is open.
    HostKeyDialog *hostKeyDialog() const;
    // The sign-in question (password, passphrase, one-time code) while it is open.
    CredentialDialog *credentialDialog() const;
    // Passwords the person chose to remember (system keychain, else this session's memory).
    CredentialStore *credentialStore() const { return m_credentials; }
    // "Reconnect" (Ctrl+R): enabled while the connection is lost.
    QAction *reconnectAction() const { return m_reconnectAction; }
    // The "Terminal" dock (hidden until the status bar's Terminal button shows it) and the
    // terminal it shows while one is open on the session.
    QDockWidget *terminalDock() const { return m_terminalDock; }
    // The "Output" dock (the log pane of the session: sign-in notes, hostname and sinfo), hidden until
    // the status bar's Output button or showTab("output") shows it.
    QDockWidget *outputDock() const { return m_outputDock; }
    TerminalPane *terminalPane() const;
    remote::RemoteTerminal *terminal() const { return m_terminal; }

    // The tabs beside the sidebar: the guided setup ("setup"), the GPU dashboard ("gpus"), the jobs
    // view ("jobs"), checks ("checks") and the report ("report"); showTab("output") shows the Output
    // dock. The status views poll the cluster only while their tab is shown.
    QTabWidget *contentTabs() const;
    bool showTab(const QString &name);
    GpuDashboard *gpuDashboard() const;
    JobsView *jobsView() const;
    // The guided setup (the first tab, "setup").
    SetupPage *setupPage() const;
    // Onramp's checks and the person's snippets ("checks"), the environment report ("report"): both over
    // the setup's evidence (refreshed when shown and when the setup ends), through one embedded Python.
    ChecksPage *checksPage() const;
    ReportPage *reportPage() const;
    python::PythonRuntime *pythonRuntime() const { return m_python; }
    // Hands the setup's evidence (this session's, else the journal's) to the checks and report pages.
    void refreshEvidence();
    setup::status::JobsMonitor *jobsMonitor() const { return m_jobsMonitor; }
    setup::status::GpuMonitor *gpuMonitor() const { return m_gpuMonitor; }
    setup::status::AllocationStarter *allocationStarter() const { return m_allocator; }
    // The status view in the current tab shows an answer (values, a problem, or "nothing there").
    bool statusViewSettled() const;

    // "Settings…" (the status bar's settingsButton) and the dialog it opens, while it is open.
    QAction *settingsAction() const { return m_settingsAction; }
    SettingsDialog *settingsDialog() const;
    // Applies what can change at run time (the status views' polling interval).
    void applySettings(const AppSettings &settings);

    // The first-run page over the tabs (main() shows it while AppSettings::welcomeSeen is false;
    // Settings can show it again). Closing it, by any of its choices, marks it seen.
    WelcomePage *welcomePage() const;
    bool welcomeShown() const;
    void showWelcome();
    void closeWelcome();
    // Posts a desktop notification when the guided setup ends while the window is in the background.
    DesktopNotifier *notifier() const { return m_notifier; }
    void notifySetupFinished(const setup::guided::SetupOutcome &outcome);
    // Switches the interface language now and remembers it ("system", "en", "zh_CN").
    void changeLanguage(const QString &language);

    // Replaces how unknown host keys are asked about; an empty prompter restores the dialog.
    void setHostKeyPrompter(HostKeyPrompter prompter);

    // The evidence of the identify command (hostname; sinfo) once it has finished.
    std::optional<setup::CommandRecord> identifyRecord() const { return m_identifyRecord; }

public Q_SLOTS:
    void connectToEndpoint(const onramp::remote::Endpoint &endpoint);
    void disconnectFromHost();
    // After the connection was lost: the same endpoint again, asking whatever is needed.
    void reconnect();

Q_SIGNALS:
    void connectionStateChanged(onramp::remote::ConnectionState state);
    void hostKeyPrompted(const onramp::remote::HostKey &key);
    // The person is being asked to sign in (not emitted when a remembered password answers).
    void credentialsPrompted(const onramp::remote::AuthRequest &request);
    void connectionFailed(const onramp::Error &error);
    void identifyFinished(const onramp::setup::CommandRecord &record);
    // The status view in the current tab has its first answer (see statusViewSettled()).
    void statusViewSettledChanged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setState(remote::ConnectionState state);
    void onHostKeyUnknown(const remote::HostKey &key);
    void onCredentialsRequested(const remote::AuthRequest &request);
    void onCredentialsWithdrawn();
    void askForCredentials(const remote::AuthRequest &request);
    void closeCredentialDialog();
    void dropPendingRemember();
    void onLatency(int milliseconds);
    void openTerminal();
    void closeTerminal();
    void onConnected();
    void onFailed(const Error &error);
    void onDisconnected();
    void runIdentify();
    void dropTransport();
    QString destination() const; // user@host for the badge and messages
    QString destinationWithPort() const;
    void applyTheme();
    void updateStatusPolling();
    void openSettings();
    PaletteFollower *m_theme = nullptr;
    void askWithDialog(const remote::HostKey &key, QWidget *parent, std::function<void(bool)> answer);

    remote::TransportFactory m_factory;
    HostKeyPrompter m_prompter;
    std::unique_ptr<remote::Transport> m_transport;
    QPointer<setup::RecordedCommand> m_identify;
    std::optional<setup::CommandRecord> m_identifyRecord;
    remote::Endpoint m_endpoint;
    remote::ConnectionState m_state = remote::ConnectionState::Disconnected;
    bool m_hostKeyRejected = false;
    bool m_wasConnected = false;

    // Sign-in questions. Each request (and each withdrawal) gets a new serial, so an answer that
    // arrives for an older one (a late keychain lookup, a dialog closed by a withdrawal) is dropped.
    CredentialStore *m_credentials = nullptr;
    QPointer<CredentialDialog> m_credentialDialog;
    quint64 m_credentialSerial = 0;
    QString m_autoAnsweredKey; // a remembered password was sent for this key and not yet accepted
    QString m_pendingRememberKey; // "Remember" was ticked: kept once the sign-in succeeds
    QString m_pendingRememberSecret;
    QAction *m_reconnectAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<QLabel> m_latencyLabel;
    QDockWidget *m_terminalDock = nullptr; // a child of the window
    QDockWidget *m_outputDock = nullptr;
    bool m_outputDockSized = false;
    QPointer<TerminalPane> m_terminalPane;
    QPointer<remote::RemoteTerminal> m_terminal; // ours: closed and deleted when the session ends

    QPointer<ConnectionForm> m_form;
    QPointer<LogPane> m_log;
    QPointer<ErrorBanner> m_banner;
    QPointer<HostKeyDialog> m_hostKeyDialog;
    QPointer<StatusIndicator> m_indicator;
    QPointer<QLabel> m_stateLabel;
    QPointer<QLabel> m_hostLabel;
    QPointer<QLabel> m_logo;
    QPointer<QWidget> m_sidebar;
    QPointer<QTabWidget> m_tabs;
    QPointer<QStackedWidget> m_contentStack;
    QPointer<WelcomePage> m_welcome;
    DesktopNotifier *m_notifier = nullptr;
    QPointer<GpuDashboard> m_gpuView;
    QPointer<JobsView> m_jobsView;
    QPointer<SetupPage> m_setup;
    python::PythonRuntime *m_python = nullptr;
    QPointer<ChecksPage> m_checks;
    QPointer<ReportPage> m_report;
    setup::status::JobsMonitor *m_jobsMonitor = nullptr;
    setup::status::GpuMonitor *m_gpuMonitor = nullptr;
    setup::status::AllocationStarter *m_allocator = nullptr;
};

// The window as the person sees it, with any dialog it shows drawn centred on top (QWidget::grab
// alone leaves out other top-level windows). Works offscreen and under Xvfb.
QImage renderWindow(QWidget *window);

} // namespace ui
} // namespace onramp
