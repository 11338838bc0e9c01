#include "ui/mainwindow.h"

#include "cluster/slurm/slurmcommands.h"
#include "ui/checks/checkspage.h"
#include "ui/checks/reportpage.h"
#include "ui/connectionform.h"
#include "ui/credentialdialog.h"
#include "ui/credentialstore.h"
#include "ui/errorbanner.h"
#include "ui/hostkeydialog.h"
#include "ui/logpane.h"
#include "ui/notifier.h"
#include "ui/retranslate.h"
#include "ui/settingsdialog.h"
#include "ui/setup/setuppage.h"
#include "ui/status/gpudashboard.h"
#include "ui/status/jobsview.h"
#include "ui/statusindicator.h"
#include "ui/terminal/terminalpane.h"
#include "ui/terminal/terminalview.h"
#include "ui/theme.h"
#include "ui/welcomepage.h"

#include "python/pythonruntime.h"
#include "setup/guided/reportevidence.h"
#include "setup/status/allocationstarter.h"
#include "setup/status/gpumonitor.h"
#include "setup/status/jobsmonitor.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

MainWindow::MainWindow(remote::TransportFactory factory, QWidget *parent)
    : QMainWindow(parent), m_factory(std::move(factory))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Onramp"));
    setWindowIcon(QIcon(QStringLiteral(":/onramp/icons/onramp.svg")));
    resize(1100, 720);

    // Sidebar: what Onramp is for, and where to connect.
    m_sidebar = new QFrame(this);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAttribute(Qt::WA_StyledBackground);
    m_sidebar->setFixedWidth(340);

    m_logo = new QLabel(m_sidebar);
    m_logo->setPixmap(QIcon(QStringLiteral(":/onramp/icons/onramp.svg")).pixmap(QSize(40, 40)));
    auto *appName = new QLabel(QStringLiteral("Onramp"), m_sidebar);
    appName->setObjectName(QStringLiteral("appName"));
    QFont nameFont = appName->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    appName->setFont(nameFont);
    auto *tagline = new QLabel(m_sidebar);
    tagline->setObjectName(QStringLiteral("tagline"));
    auto *nameBox = new QVBoxLayout;
    nameBox->setSpacing(0);
    nameBox->addWidget(appName);
    nameBox->addWidget(tagline);
    auto *brand = new QHBoxLayout;
    brand->setSpacing(10);
    brand->addWidget(m_logo);
    brand->addLayout(nameBox, 1);

    auto *heading = new QLabel(m_sidebar);
    heading->setObjectName(QStringLiteral("formHeading"));
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.1);
    heading->setFont(headingFont);
    auto *intro = new QLabel(m_sidebar);
    intro->setObjectName(QStringLiteral("formIntro"));
    intro->setWordWrap(true);

    m_form = new ConnectionForm(m_sidebar);

    auto *sideLayout = new QVBoxLayout(m_sidebar);
    sideLayout->setContentsMargins(20, 20, 20, 20);
    sideLayout->setSpacing(12);
    sideLayout->addLayout(brand);
    sideLayout->addSpacing(10);
    sideLayout->addWidget(heading);
    sideLayout->addWidget(intro);
    sideLayout->addSpacing(4);
    sideLayout->addWidget(m_form);
    sideLayout->addStretch(1);

    // Content: the error banner above the guided setup, the GPUs, the jobs, checks and report (tabs);
    // the session's output and the terminal are docks below (or beside, or floating).
    m_banner = new ErrorBanner(this);
    m_log = new LogPane(this);
    m_jobsMonitor = new setup::status::JobsMonitor(this);
    m_gpuMonitor = new setup::status::GpuMonitor(this);
    m_gpuMonitor->followJobs(m_jobsMonitor);
    m_allocator = new setup::status::AllocationStarter(this);
    m_gpuView = new GpuDashboard(m_jobsMonitor, m_gpuMonitor, m_allocator, this);
    m_jobsView = new JobsView(m_jobsMonitor, m_allocator, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("contentTabs"));
    m_tabs->setDocumentMode(true);
    m_setup = new SetupPage(this);
    m_notifier = new DesktopNotifier(this);
    connect(m_setup, &SetupPage::finished, this, &MainWindow::notifySetupFinished);
    m_tabs->addTab(m_setup, QString());
    m_tabs->addTab(m_gpuView, QString());
    m_tabs->addTab(m_jobsView, QString());
    // Checks and report over the setup's evidence, through one embedded Python (started on first use).
    m_python = new python::PythonRuntime(this);
    m_checks = new ChecksPage(m_python, this);
    m_report = new ReportPage(m_python, this);
    m_tabs->addTab(m_checks, QString());
    m_tabs->addTab(m_report, QString());
    connect(m_checks, &ChecksPage::setupRequested, this, [this] { showTab(QStringLiteral("setup")); });
    connect(m_report, &ReportPage::setupRequested, this, [this] { showTab(QStringLiteral("setup")); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_checks || m_tabs->currentWidget() == m_report)
            refreshEvidence();
    });
    connect(m_setup, &SetupPage::finished, this, &MainWindow::refreshEvidence);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateStatusPolling);
    connect(m_gpuView, &GpuDashboard::settled, this, &MainWindow::statusViewSettledChanged);
    connect(m_jobsMonitor, &setup::status::JobsMonitor::jobsChanged, this, [this] {
        if (m_tabs->currentWidget() == m_jobsView)
            Q_EMIT statusViewSettledChanged();
    });
    auto *content = new QWidget(this);
    content->setObjectName(QStringLiteral("content"));
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(18, 18, 18, 12);
    contentLayout->setSpacing(12);
    contentLayout->addWidget(m_banner);
    // The first run's welcome page covers the tabs until the person picks where to start.
    m_welcome = new WelcomePage(this);
    m_contentStack = new QStackedWidget(this);
    m_contentStack->setObjectName(QStringLiteral("contentStack"));
    m_contentStack->addWidget(m_tabs);
    m_contentStack->addWidget(m_welcome);
    contentLayout->addWidget(m_contentStack, 1);
    connect(m_welcome, &WelcomePage::languageChosen, this, &MainWindow::changeLanguage);
    connect(m_welcome, &WelcomePage::dismissed, this, &MainWindow::closeWelcome);
    connect(m_welcome, &WelcomePage::hostChosen, this, [this](const QString &alias) {
        closeWelcome();
        remote::Endpoint e;
        e.host = alias;
        e.sshConfigFile = m_form->sshConfigPath();
        m_form->setEndpoint(e);
        m_form->setFocus();
    });
    connect(m_welcome, &WelcomePage::newProfileRequested, this, [this] {
        closeWelcome();
        m_form->chooseProfile(QString());
    });
    connect(m_welcome, &WelcomePage::labChosen, this, [this](const remote::Endpoint &lab) {
        closeWelcome();
        m_form->setEndpoint(lab);
        connectToEndpoint(lab);
    });

    auto *central = new QWidget(this);
    auto *centralLayout = new QHBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_sidebar);
    centralLayout->addWidget(content, 1);
    setCentralWidget(central);

    // Status bar: a coloured dot, the state in words, and where.
    m_indicator = new StatusIndicator(this);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_hostLabel = new QLabel(this);
    m_hostLabel->setObjectName(QStringLiteral("hostLabel"));
    m_hostLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *stateBox = new QWidget(this);
    auto *stateLayout = new QHBoxLayout(stateBox);
    stateLayout->setContentsMargins(8, 0, 8, 0);
    stateLayout->setSpacing(6);
    stateLayout->addWidget(m_indicator);
    stateLayout->addWidget(m_stateLabel);
    stateLayout->addSpacing(12);
    stateLayout->addWidget(m_hostLabel);
    stateLayout->addStretch(1);
    m_latencyLabel = new QLabel(this);
    m_latencyLabel->setObjectName(QStringLiteral("latencyLabel"));
    m_latencyLabel->hide();
    stateLayout->addWidget(m_latencyLabel);

    // The terminal: a dock under the content, shown from the status bar's Terminal button.
    m_terminalPane = new TerminalPane(this);
    m_terminalDock = new QDockWidget(this);
    m_terminalDock->setObjectName(QStringLiteral("terminalDock"));
    m_terminalDock->setWidget(m_terminalPane);
    m_terminalDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_terminalDock);
    m_terminalDock->hide();
    QAction *toggleTerminal = m_terminalDock->toggleViewAction();
    toggleTerminal->setObjectName(QStringLiteral("terminalAction"));
    toggleTerminal->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    auto *terminalButton = new QToolButton(this);
    terminalButton->setObjectName(QStringLiteral("terminalButton"));
    terminalButton->setDefaultAction(toggleTerminal);
    terminalButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    terminalButton->setAutoRaise(true);
    stateLayout->addSpacing(8);
    stateLayout->addWidget(terminalButton);
    connect(m_terminalPane, &TerminalPane::openRequested, this, &MainWindow::openTerminal);
    // The session's own output (sign-in notes, the identify command): a dock like the terminal,
    // beside it at the bottom when both are shown (each can move right or float).
    m_outputDock = new QDockWidget(this);
    m_outputDock->setObjectName(QStringLiteral("outputDock"));
    m_outputDock->setWidget(m_log);
    m_log->setTitleVisible(false); // the dock's title bar says "Output"
    m_outputDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_outputDock);
    m_outputDock->hide();
    // Shown the first time: tall enough for a screenful of output rather than the minimum.
    connect(m_outputDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_outputDockSized) {
            m_outputDockSized = true;
            // Once the layout has placed it (it is not laid out yet while becoming visible).
            QTimer::singleShot(0, this,
                               [this] { resizeDocks({m_outputDock}, {height() / 3}, Qt::Vertical); });
        }
    });
    QAction *toggleOutput = m_outputDock->toggleViewAction();
    toggleOutput->setObjectName(QStringLiteral("outputAction"));
    toggleOutput->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    auto *outputButton = new QToolButton(this);
    outputButton->setObjectName(QStringLiteral("outputButton"));
    outputButton->setDefaultAction(toggleOutput);
    outputButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    outputButton->setAutoRaise(true);
    stateLayout->addWidget(outputButton);
    m_settingsAction = new QAction(this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    // Linux desktops have no standard Preferences key; Ctrl+, is what most programs use there.
    m_settingsAction->setShortcut(QKeySequence(QKeySequence::Preferences).isEmpty()
                                      ? QKeySequence(Qt::CTRL | Qt::Key_Comma)
                                      : QKeySequence(QKeySequence::Preferences));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    addAction(m_settingsAction);
    auto *settingsButton = new QToolButton(this);
    settingsButton->setObjectName(QStringLiteral("settingsButton"));
    settingsButton->setDefaultAction(m_settingsAction);
    settingsButton->setAutoRaise(true);
    stateLayout->addWidget(settingsButton);
    applySettings(AppSettings::load());
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->setSizeGripEnabled(false);
    statusBar()->addWidget(stateBox, 1);

    connect(m_form, &ConnectionForm::connectRequested, this, &MainWindow::connectToEndpoint);
    connect(m_form, &ConnectionForm::disconnectRequested, this, &MainWindow::disconnectFromHost);
    connect(m_form, &ConnectionForm::reconnectRequested, this, &MainWindow::reconnect);

    m_reconnectAction = new QAction(this);
    m_reconnectAction->setObjectName(QStringLiteral("reconnectAction"));
    m_reconnectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_reconnectAction->setEnabled(false);
    connect(m_reconnectAction, &QAction::triggered, this, &MainWindow::reconnect);
    addAction(m_reconnectAction);

    m_credentials = new CredentialStore(CredentialStore::Mode::Auto, this);
    connect(m_credentials, &CredentialStore::locationChanged, this, [this](CredentialStore::Location where) {
        if (m_credentialDialog)
            m_credentialDialog->setRememberLocation(where);
    });

    setHostKeyPrompter({});
    setState(remote::ConnectionState::Disconnected);
    bindTranslation(this, [=, this] {
        tagline->setText(tr("PyTorch on your GPU cluster"));
        heading->setText(tr("Connect to your cluster"));
        intro->setText(tr("Sign in to the cluster's login node over SSH. Onramp then shows which machine "
                          "you reached and the Slurm partitions it offers."));
        m_tabs->tabBar()->setAccessibleName(tr("Views"));
        m_tabs->setTabText(m_tabs->indexOf(m_setup), tr("Setup"));
        m_outputDock->setWindowTitle(tr("Output"));
        toggleOutput->setText(tr("Output"));
        toggleOutput->setToolTip(
            tr("Show or hide what the session printed (sign-in, the login node, partitions)"));
        outputButton->setAccessibleName(tr("Output"));
        m_tabs->setTabText(m_tabs->indexOf(m_gpuView), tr("GPUs"));
        m_tabs->setTabText(m_tabs->indexOf(m_jobsView), tr("Jobs"));
        m_tabs->setTabText(m_tabs->indexOf(m_checks), tr("Checks"));
        m_tabs->setTabText(m_tabs->indexOf(m_report), tr("Report"));
        m_latencyLabel->setToolTip(tr("Round trip to the server, measured with the last keepalive"));
        m_terminalDock->setWindowTitle(tr("Terminal"));
        toggleTerminal->setText(tr("Terminal"));
        toggleTerminal->setToolTip(tr("Show or hide the terminal on the cluster"));
        terminalButton->setAccessibleName(tr("Terminal"));
        m_settingsAction->setText(tr("Settings…"));
        m_settingsAction->setToolTip(tr("Language, profiles, polling interval and setup defaults"));
        settingsButton->setAccessibleName(tr("Settings"));
        m_reconnectAction->setText(tr("Reconnect"));
        m_stateLabel->setText(remote::describe(m_state));
    });
    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
}

MainWindow::~MainWindow()
{
    // The identify command, the setup, the terminal and the status pollers refer to the transport: they
    // go first.
    delete m_identify;
    m_setup->setConnection(nullptr, {}, {});
    closeTerminal();
    m_jobsMonitor->setTransport(nullptr);
    m_gpuMonitor->setTransport(nullptr);
    m_allocator->setTransport(nullptr);
    if (m_transport)
        m_transport->disconnect(this);
    dropPendingRemember();
}

ConnectionForm *MainWindow::connectionForm() const
{
    return m_form;
}

LogPane *MainWindow::logPane() const
{
    return m_log;
}

ErrorBanner *MainWindow::errorBanner() const
{
    return m_banner;
}

HostKeyDialog *MainWindow::hostKeyDialog() const
{
    return m_hostKeyDialog;
}

TerminalPane *MainWindow::terminalPane() const
{
    return m_terminalPane;
}

CredentialDialog *MainWindow::credentialDialog() const
{
    return m_credentialDialog;
}

void MainWindow::setHostKeyPrompter(HostKeyPrompter prompter)
{
    if (prompter) {
        m_prompter = std::move(prompter);
        return;
    }
    m_prompter = [this](const remote::HostKey &key, QWidget *parent, std::function<void(bool)> answer) {
        askWithDialog(key, parent, std::move(answer));
    };
}

void MainWindow::askWithDialog(const remote::HostKey &key, QWidget *parent, std::function<void(bool)> answer)
{
    auto *dialog = new HostKeyDialog(key, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_hostKeyDialog = dialog;
    connect(dialog, &QDialog::finished, this,
            [answer = std::move(answer)](int result) { answer(result == QDialog::Accepted); });
    dialog->open(); // window-modal, no nested event loop
}

void MainWindow::connectToEndpoint(const remote::Endpoint &endpoint)
{
    dropTransport();
    m_banner->dismiss();
    m_endpoint = endpoint;
    m_hostKeyRejected = false;
    m_wasConnected = false;
    m_identifyRecord.reset();
    m_autoAnsweredKey.clear();
    if (!m_factory) {
        onFailed(Error {ErrorKind::Internal, tr("This build of Onramp cannot open SSH connections."),
                        QStringLiteral("no transport factory")});
        return;
    }
    m_transport = m_factory();
    if (!m_transport) {
        onFailed(Error {ErrorKind::Internal, tr("Onramp could not prepare an SSH connection."),
                        QStringLiteral("transport factory returned null")});
        return;
    }
    remote::Transport *t = m_transport.get();
    connect(t, &remote::Transport::stateChanged, this, &MainWindow::setState);
    connect(t, &remote::Transport::hostKeyUnknown, this, &MainWindow::onHostKeyUnknown);
    connect(t, &remote::Transport::credentialsRequested, this, &MainWindow::onCredentialsRequested);
    connect(t, &remote::Transport::credentialsWithdrawn, this, &MainWindow::onCredentialsWithdrawn);
    connect(t, &remote::Transport::latencyMeasured, this, &MainWindow::onLatency);
    connect(t, &remote::Transport::connected, this, &MainWindow::onConnected);
    connect(t, &remote::Transport::failed, this, &MainWindow::onFailed);
    connect(t, &remote::Transport::disconnected, this, &MainWindow::onDisconnected);
    // The status views poll over this same session (one channel per poll, no new sign-in).
    m_jobsMonitor->setTransport(t);
    m_gpuMonitor->setTransport(t);
    m_allocator->setTransport(t);

    m_log->setSource(destination());
    m_log->setStatus({}, Tone::Neutral);
    m_hostLabel->setText(destinationWithPort());
    setState(remote::ConnectionState::Connecting);
    t->connectTo(endpoint);
}

void MainWindow::disconnectFromHost()
{
    if (m_identify)
        m_identify->cancel();
    if (m_hostKeyDialog)
        m_hostKeyDialog->reject();
    closeCredentialDialog();
    dropPendingRemember();
    if (m_transport)
        m_transport->disconnectFrom();
}

void MainWindow::reconnect()
{
    if (!m_transport || m_state != remote::ConnectionState::Lost)
        return;
    m_banner->dismiss();
    m_autoAnsweredKey.clear();
    m_log->appendNote(tr("Reconnecting to %1…").arg(destinationWithPort()));
    m_transport->reconnect();
}

void MainWindow::dropTransport()
{
    delete m_identify;
    closeTerminal();
    if (m_hostKeyDialog)
        m_hostKeyDialog->close();
    closeCredentialDialog();
    dropPendingRemember();
    if (!m_transport)
        return;
    m_transport->disconnect(this);
    m_setup->setConnection(nullptr, {}, {});
    m_jobsMonitor->setTransport(nullptr);
    m_gpuMonitor->setTransport(nullptr);
    m_allocator->setTransport(nullptr);
    if (m_transport->state() != remote::ConnectionState::Disconnected
        && m_transport->state() != remote::ConnectionState::Failed)
        m_transport->disconnectFrom();
    // It may be emitting right now (we can be inside one of its signals): delete it later.
    m_transport.release()->deleteLater();
}

void MainWindow::setState(remote::ConnectionState state)
{
    const bool changed = m_state != state;
    m_state = state;
    m_form->setConnectionState(state);
    m_indicator->setState(state);
    m_stateLabel->setText(remote::describe(state));
    m_reconnectAction->setEnabled(state == remote::ConnectionState::Lost);
    if (state != remote::ConnectionState::Connected)
        closeTerminal(); // its channel ended with the session
    if (state != remote::ConnectionState::Connected)
        m_latencyLabel->hide(); // a round trip measured on a link that is gone means nothing now
    if (state == remote::ConnectionState::Disconnected || state == remote::ConnectionState::Failed)
        m_setup->setConnection(nullptr, {}, {});
    if (changed && state == remote::ConnectionState::Disconnected && m_wasConnected) {
        m_log->appendNote(tr("Disconnected from %1.").arg(destinationWithPort()));
        m_wasConnected = false;
    }
    if (changed)
        Q_EMIT connectionStateChanged(state);
}

void MainWindow::onHostKeyUnknown(const remote::HostKey &key)
{
    setState(remote::ConnectionState::VerifyingHostKey);
    QPointer<remote::Transport> transport = m_transport.get();
    m_prompter(key, this, [this, transport](bool trust) {
        if (!transport || transport != m_transport.get())
            return; // a newer connection replaced the one that asked
        if (!trust) {
            m_hostKeyRejected = true;
            m_banner->showError(
                tr("Not connected to %1").arg(destinationWithPort()),
                Error {ErrorKind::Cancelled,
                       tr("You did not trust the server's key, so Onramp did not connect. Check "
                          "the fingerprint with your cluster's administrators, then connect again."),
                       {}});
        }
        transport->answerHostKey(trust);
    });
    Q_EMIT hostKeyPrompted(key);
}

void MainWindow::onConnected()
{
    const bool again = m_wasConnected;
    m_wasConnected = true;
    m_banner->dismiss();
    closeCredentialDialog();
    m_autoAnsweredKey.clear();
    if (!m_pendingRememberKey.isEmpty()) {
        // Only a password the server accepted is worth keeping.
        m_credentials->remember(m_pendingRememberKey, m_pendingRememberSecret);
        dropPendingRemember();
    }
    // The transport knows the effective user and host now (ssh config applied).
    m_log->setSource(destination());
    m_hostLabel->setText(destinationWithPort());
    setState(remote::ConnectionState::Connected);
    m_setup->setConnection(m_transport.get(), m_endpoint.host, m_transport->endpoint().user);
    if (again) {
        // The session came back (on its own or by Reconnect): the status views resume by
        // themselves on the same transport; the cluster's identity is already shown.
        m_log->appendNote(tr("Reconnected to %1.").arg(destinationWithPort()));
        if (m_identify || (m_identifyRecord && m_identifyRecord->result.succeeded()))
            return;
    } else {
        m_log->appendNote(tr("Connected to %1.").arg(destinationWithPort()));
    }
    runIdentify();
}

void MainWindow::onCredentialsRequested(const remote::AuthRequest &request)
{
    closeCredentialDialog();
    const quint64 serial = ++m_credentialSerial;
    if (!request.previousError.isEmpty()) {
        // The last answer was refused: a password waiting to be remembered was wrong, and one that
        // Onramp answered on its own is no longer right. Never send it again: ask the person.
        dropPendingRemember();
        if (!m_autoAnsweredKey.isEmpty()) {
            m_credentials->forget(m_autoAnsweredKey);
            m_log->appendNote(tr("The server did not accept the remembered password; Onramp forgot it."));
        }
        m_autoAnsweredKey.clear();
        askForCredentials(request);
        return;
    }
    m_autoAnsweredKey.clear();
    if (request.rememberKey.isEmpty() || request.prompts.size() != 1) {
        askForCredentials(request);
        return;
    }
    QPointer<remote::Transport> transport = m_transport.get();
    m_credentials->lookup(
        request.rememberKey, this, [this, serial, transport, request](std::optional<QString> secret) {
            if (serial != m_credentialSerial || !transport || transport != m_transport.get())
                return; // withdrawn or superseded meanwhile
            if (!secret) {
                askForCredentials(request);
                return;
            }
            m_autoAnsweredKey = request.rememberKey;
            ++m_credentialSerial; // answered: this request is done
            m_log->appendNote(tr("Signing in with the remembered password."));
            QStringList answers {*secret};
            transport->answerCredentials(answers);
            wipeStrings(answers);
            wipeString(*secret);
        });
}

void MainWindow::askForCredentials(const remote::AuthRequest &request)
{
    const quint64 serial = m_credentialSerial;
    QPointer<remote::Transport> transport = m_transport.get();
    auto *dialog = new CredentialDialog(request, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRememberLocation(m_credentials->location());
    m_credentialDialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog, serial, transport](int result) {
        if (serial != m_credentialSerial || !transport || transport != m_transport.get()) {
            dialog->wipe();
            return; // withdrawn: the transport no longer waits for this answer
        }
        ++m_credentialSerial;
        if (result != QDialog::Accepted) {
            transport->cancelCredentials();
            return;
        }
        QStringList answers = dialog->answers();
        dropPendingRemember();
        if (dialog->rememberRequested() && !answers.isEmpty()) {
            m_pendingRememberKey = dialog->request().rememberKey;
            m_pendingRememberSecret = QString(answers.first().constData(), answers.first().size());
        }
        transport->answerCredentials(answers);
        wipeStrings(answers);
        dialog->wipe();
    });
    dialog->open(); // window-modal, no nested event loop
    Q_EMIT credentialsPrompted(request);
}

void MainWindow::onCredentialsWithdrawn()
{
    ++m_credentialSerial;
    closeCredentialDialog();
}

void MainWindow::closeCredentialDialog()
{
    if (!m_credentialDialog)
        return;
    CredentialDialog *dialog = m_credentialDialog;
    m_credentialDialog.clear();
    ++m_credentialSerial; // its finished() must not answer or cancel anything now
    dialog->close();
}

void MainWindow::dropPendingRemember()
{
    m_pendingRememberKey.clear();
    wipeString(m_pendingRememberSecret);
}

void MainWindow::openTerminal()
{
    if (m_terminal)
        return;
    if (!m_transport || m_state != remote::ConnectionState::Connected) {
        statusBar()->showMessage(tr("Connect to the cluster first, then open a terminal."), 5000);
        return;
    }
    remote::TerminalOptions options; // the login shell
    options.columns = qMax(20, m_terminalPane->view()->columns());
    options.rows = qMax(5, m_terminalPane->view()->rows());
    remote::RemoteTerminal *terminal = m_transport->openTerminal(options);
    if (!terminal)
        return;
    m_terminal = terminal;
    connect(terminal, &remote::RemoteTerminal::closed, this, [this, terminal] {
        // Ended on its own (exit, or the server closed it): the pane offers a new one.
        if (m_terminalPane->terminal() == terminal)
            m_terminalPane->setTerminal(nullptr);
        if (m_terminal == terminal)
            m_terminal.clear();
        terminal->deleteLater();
    });
    m_terminalPane->setTerminal(terminal);
}

void MainWindow::closeTerminal()
{
    if (!m_terminal)
        return;
    remote::RemoteTerminal *terminal = m_terminal;
    m_terminal.clear();
    terminal->disconnect(this);
    if (m_terminalPane && m_terminalPane->terminal() == terminal)
        m_terminalPane->setTerminal(nullptr);
    delete terminal; // closes the channel, if the session still has one
}

void MainWindow::onLatency(int milliseconds)
{
    if (m_state != remote::ConnectionState::Connected)
        return;
    m_latencyLabel->setText(tr("%1 ms").arg(milliseconds));
    m_latencyLabel->show();
}

void MainWindow::runIdentify()
{
    const QString command = cluster::identifyCommand();
    auto *recorded = new setup::RecordedCommand(*m_transport, command, this);
    m_identify = recorded;
    connect(recorded, &setup::RecordedCommand::stdoutText, m_log, &LogPane::appendStdout);
    connect(recorded, &setup::RecordedCommand::stderrText, m_log, &LogPane::appendStderr);
    connect(
        recorded, &setup::RecordedCommand::finished, this,
        [this, recorded](const setup::CommandRecord &record) {
            const remote::ProcessResult &result = record.result;
            const QString seconds = QLocale().toString(double(record.elapsedMs) / 1000.0, 'f', 1);
            if (result.error) {
                m_log->appendNote(tr("The command did not finish: %1").arg(result.error->message));
                m_log->setStatus(tr("Did not finish"), Tone::Error);
            } else if (!result.exitSignal.isEmpty()) {
                m_log->appendNote(
                    tr("The command was stopped by signal %1 after %2 s.").arg(result.exitSignal, seconds));
                m_log->setStatus(tr("Stopped by signal %1").arg(result.exitSignal), Tone::Error);
            } else {
                m_log->appendNote(tr("Exit status %1, finished in %2 s.").arg(result.exitCode).arg(seconds));
                m_log->setStatus(tr("Exit status %1").arg(result.exitCode),
                                 result.exitCode == 0 ? Tone::Success : Tone::Error);
            }
            m_log->flush();
            m_identifyRecord = record;
            recorded->deleteLater();
            Q_EMIT identifyFinished(record);
        });
    m_log->appendNote(QStringLiteral("$ ") + command);
    m_log->setStatus(tr("Running…"), Tone::Busy);
    recorded->start();
}

void MainWindow::onFailed(const Error &error)
{
    if (m_hostKeyDialog)
        m_hostKeyDialog->close();
    closeCredentialDialog();
    dropPendingRemember();
    if (!m_autoAnsweredKey.isEmpty() && error.kind == ErrorKind::AuthFailed) {
        // Refused without a second question: the remembered password must not be tried again.
        m_credentials->forget(m_autoAnsweredKey);
        m_autoAnsweredKey.clear();
    }
    // Lost (the transport said so just before) stays Lost: Reconnect is still possible.
    if (m_state != remote::ConnectionState::Lost)
        setState(remote::ConnectionState::Failed);
    if (m_hostKeyRejected
        && (error.kind == ErrorKind::Cancelled || error.kind == ErrorKind::HostKeyUnknown)) {
        // The banner already says why; keep the library's words as the technical detail.
        Error mine {ErrorKind::Cancelled, m_banner->message(),
                    error.detail.isEmpty() ? error.message : error.detail};
        m_banner->showError(m_banner->title(), mine);
    } else {
        QString title;
        switch (error.kind) {
        case ErrorKind::HostKeyChanged:
            title = tr("Warning: the identity of %1 has changed. Onramp did not connect.")
                        .arg(destinationWithPort());
            break;
        case ErrorKind::AuthFailed:
            title = tr("Could not sign in to %1").arg(destinationWithPort());
            break;
        case ErrorKind::Disconnected:
            title = m_wasConnected ? tr("The connection to %1 was lost").arg(destinationWithPort())
                                   : tr("Could not connect to %1").arg(destinationWithPort());
            break;
        default:
            title = tr("Could not connect to %1").arg(destinationWithPort());
            break;
        }
        m_banner->showError(title, error);
    }
    if (m_wasConnected)
        m_log->appendNote(tr("Connection lost: %1").arg(error.message));
    m_log->flush();
    Q_EMIT connectionFailed(error);
}

void MainWindow::onDisconnected()
{
    if (m_state == remote::ConnectionState::Connected) {
        // The link dropped under us: the transport goes on to Reconnecting (on its own) or Lost
        // (Reconnect needs the person), and tells us with stateChanged. Keep the session's views.
        m_log->appendNote(tr("The connection to %1 dropped.").arg(destinationWithPort()));
        return;
    }
    setState(remote::ConnectionState::Disconnected);
}

QString MainWindow::destination() const
{
    remote::Endpoint e = m_endpoint;
    if (m_transport && m_state == remote::ConnectionState::Connected) {
        const remote::Endpoint effective = m_transport->endpoint();
        if (!effective.host.isEmpty())
            e.host = effective.host;
        if (!effective.user.isEmpty())
            e.user = effective.user;
        if (effective.port > 0)
            e.port = effective.port;
    }
    return e.user.isEmpty() ? e.host : e.user + QLatin1Char('@') + e.host;
}

QString MainWindow::destinationWithPort() const
{
    int port = m_endpoint.port;
    if (m_transport && m_state == remote::ConnectionState::Connected && m_transport->endpoint().port > 0)
        port = m_transport->endpoint().port;
    return port > 0 && port != 22 ? destination() + QLatin1Char(':') + QString::number(port) : destination();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    disconnectFromHost();
    QMainWindow::closeEvent(event);
}

QTabWidget *MainWindow::contentTabs() const
{
    return m_tabs;
}

GpuDashboard *MainWindow::gpuDashboard() const
{
    return m_gpuView;
}

JobsView *MainWindow::jobsView() const
{
    return m_jobsView;
}

SetupPage *MainWindow::setupPage() const
{
    return m_setup;
}

bool MainWindow::showTab(const QString &name)
{
    QWidget *page = nullptr;
    if (name == QLatin1String("setup"))
        page = m_setup;
    else if (name == QLatin1String("output")) {
        m_outputDock->show();
        m_outputDock->raise();
        return true;
    } else if (name == QLatin1String("gpus"))
        page = m_gpuView;
    else if (name == QLatin1String("jobs"))
        page = m_jobsView;
    else if (name == QLatin1String("checks"))
        page = m_checks;
    else if (name == QLatin1String("report"))
        page = m_report;
    if (!page)
        return false;
    m_tabs->setCurrentWidget(page);
    return true;
}

ChecksPage *MainWindow::checksPage() const
{
    return m_checks;
}

ReportPage *MainWindow::reportPage() const
{
    return m_report;
}

void MainWindow::refreshEvidence()
{
    const std::optional<setup::guided::SetupEvidence> found = m_setup->evidence();
    if (!found)
        return; // nothing this session and no journal: the pages keep what they show
    setup::guided::EvidenceProfile profile;
    // The saved profile's name when one was chosen ("School cluster"), else the host.
    profile.name = m_form->currentProfile().isEmpty() ? m_endpoint.host : m_form->currentProfile();
    profile.host = m_endpoint.host;
    profile.user = m_endpoint.user;
    profile.port = m_endpoint.port;
    profile.proxyJump = m_endpoint.proxyJump;
    if (m_transport && m_state == remote::ConnectionState::Connected) {
        const remote::Endpoint effective = m_transport->endpoint();
        profile.host = effective.host.isEmpty() ? profile.host : effective.host;
        profile.user = effective.user.isEmpty() ? profile.user : effective.user;
        profile.port = effective.port > 0 ? effective.port : profile.port;
    }
    const setup::guided::ReportExtras extras {profile, setup::guided::gpuHistoryFrom(*m_gpuMonitor), {}};
    const QJsonObject evidence = setup::guided::reportEvidence(*found, extras);
    m_checks->setEvidence(evidence);
    m_report->setEvidence(evidence);
}

bool MainWindow::statusViewSettled() const
{
    if (m_tabs->currentWidget() == m_gpuView)
        return m_gpuView->hasSettled();
    if (m_tabs->currentWidget() == m_jobsView)
        return m_jobsMonitor->hasSnapshot();
    return true;
}

void MainWindow::updateStatusPolling()
{
    // Slurm's controller is shared by everyone: ask it only while someone is looking.
    const bool gpus = m_tabs->currentWidget() == m_gpuView;
    const bool jobs = m_tabs->currentWidget() == m_jobsView;
    m_jobsMonitor->setActive(gpus || jobs);
    m_gpuMonitor->setActive(gpus);
}

void MainWindow::applyTheme()
{
    const QPalette pal = palette();
    m_terminalDock->toggleViewAction()->setIcon(themedIcon(QStringLiteral("terminal"), pal));
    m_outputDock->toggleViewAction()->setIcon(themedIcon(QStringLiteral("output"), pal));
    // The sidebar sits a shade apart from the content, in light and dark mode alike.
    const QColor side
        = isDark(pal) ? pal.color(QPalette::Window).lighter(118) : pal.color(QPalette::Window).darker(104);
    m_sidebar->setStyleSheet(QStringLiteral("QFrame#sidebar { background: %1; border-right: 1px solid %2; }"
                                            "QLabel#tagline, QLabel#formIntro { color: %3; }")
                                 .arg(side.name(), pal.color(QPalette::Mid).name(),
                                      pal.color(QPalette::Disabled, QPalette::WindowText).name()));
}

QImage renderWindow(QWidget *window)
{
    QPixmap shot = window->grab();
    QPainter painter(&shot);
    painter.setRenderHint(QPainter::Antialiasing);
    const auto dialogs = window->findChildren<QDialog *>();
    for (QDialog *dialog : dialogs) {
        if (!dialog->isVisible() || !dialog->isWindow())
            continue;
        // Dim the window behind a modal dialog, as the person sees it.
        painter.fillRect(QRect(QPoint(0, 0), window->size()), QColor(0, 0, 0, 70));
        const QPixmap pane = dialog->grab();
        const QSize size = dialog->size();
        const QPoint at((window->width() - size.width()) / 2,
                        qMax(0, (window->height() - size.height()) / 3));
        painter.setPen(Qt::NoPen);
        for (int i = 6; i > 0; --i) {
            painter.setBrush(QColor(0, 0, 0, 10));
            painter.drawRoundedRect(QRect(at, size).adjusted(-i, -i + 2, i, i + 2), 6 + i, 6 + i);
        }
        painter.drawPixmap(at, pane);
        painter.setPen(window->palette().color(QPalette::Mid));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRect(at, size).adjusted(0, 0, -1, -1));
    }
    painter.end();
    return shot.toImage();
}

SettingsDialog *MainWindow::settingsDialog() const
{
    return m_settingsDialog;
}

void MainWindow::applySettings(const AppSettings &settings)
{
    m_jobsMonitor->setIntervalMs(settings.pollIntervalMs());
    m_gpuMonitor->setIntervalMs(settings.pollIntervalMs());
}

// Window-modal and opened with open(), not exec(): the window keeps polling and tests can answer it.
void MainWindow::openSettings()
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    auto *dialog = new SettingsDialog(AppSettings::load(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_settingsDialog = dialog;
    connect(dialog, &SettingsDialog::welcomeRequested, this, &MainWindow::showWelcome);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const AppSettings before = AppSettings::load();
        const AppSettings settings = dialog->settings();
        settings.save();
        applySettings(settings);
        if (settings.language != before.language)
            switchLanguage(AppSettings::languageKey(settings.language));
        m_form->reloadProfiles();
    });
    dialog->open();
}

void MainWindow::notifySetupFinished(const setup::guided::SetupOutcome &outcome)
{
    // Only news for someone looking elsewhere: the page itself already shows the outcome.
    if (isActiveWindow())
        return;
    switch (outcome.result) {
    case setup::guided::SetupResult::Succeeded:
        m_notifier->notify(tr("Your PyTorch environment is ready"), outcome.summary);
        break;
    case setup::guided::SetupResult::Failed:
    case setup::guided::SetupResult::Blocked:
        m_notifier->notify(tr("The setup on %1 needs you").arg(destination()), outcome.summary);
        break;
    case setup::guided::SetupResult::PlanShown:
    case setup::guided::SetupResult::Cancelled:
        break;
    }
}

WelcomePage *MainWindow::welcomePage() const
{
    return m_welcome;
}

bool MainWindow::welcomeShown() const
{
    return m_contentStack->currentWidget() == m_welcome;
}

void MainWindow::showWelcome()
{
    m_welcome->setHosts(m_form->hostAliases());
    m_welcome->probeLocalLab();
    m_contentStack->setCurrentWidget(m_welcome);
}

void MainWindow::closeWelcome()
{
    m_contentStack->setCurrentWidget(m_tabs);
    AppSettings settings = AppSettings::load();
    if (!settings.welcomeSeen) {
        settings.welcomeSeen = true;
        settings.save();
    }
}

void MainWindow::changeLanguage(const QString &language)
{
    AppSettings settings = AppSettings::load();
    settings.language = AppSettings::languageFromKey(language);
    settings.save();
    switchLanguage(language);
}

} // namespace ui
} // namespace onramp
