#include "ui/welcomepage.h"

#include "ui/appsettings.h"
#include "ui/retranslate.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QScrollArea>
#include <QTcpSocket>
#include <QTimer>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

namespace {

constexpr int kLabProbeTimeoutMs = 1500;

QLabel *wrapped(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    return label;
}

QFont scaled(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

std::optional<remote::Endpoint> localLabEndpoint()
{
    const QString dir = qEnvironmentVariable("ONRAMP_LAB_DIR", QStringLiteral("/tmp/onramp-lab"));
    QFile file(dir + QStringLiteral("/lab.env"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    QHash<QString, QString> values;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0)
            values.insert(line.left(eq), line.mid(eq + 1));
    }
    remote::Endpoint e;
    e.host = values.value(QStringLiteral("ONRAMP_LAB_HOST"));
    e.port = values.value(QStringLiteral("ONRAMP_LAB_PORT")).toInt();
    e.user = values.value(QStringLiteral("ONRAMP_LAB_USER"));
    e.identityFile = values.value(QStringLiteral("ONRAMP_LAB_KEY"));
    e.knownHostsFile = values.value(QStringLiteral("ONRAMP_LAB_KNOWN_HOSTS"));
    // The lab's own keys and known_hosts are named above; the person's ~/.ssh/config must not
    // add aliases or options to a throwaway cluster.
    e.sshConfigFile = QStringLiteral("/dev/null");
    if (e.host.isEmpty() || e.port <= 0 || e.user.isEmpty() || !QFileInfo(e.identityFile).isReadable())
        return std::nullopt;
    return e;
}

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));

    auto *body = new QWidget;
    body->setObjectName(QStringLiteral("welcomeBody"));
    body->setMaximumWidth(760);

    auto *logo = new QLabel(body);
    logo->setPixmap(QIcon(QStringLiteral(":/onramp/icons/onramp.svg")).pixmap(QSize(56, 56)));
    m_title = wrapped(body, "welcomeTitle");
    m_title->setFont(scaled(font(), 1.8, true));
    m_intro = wrapped(body, "welcomeIntro");
    auto *titleBox = new QVBoxLayout;
    titleBox->setSpacing(4);
    titleBox->addWidget(m_title);
    titleBox->addWidget(m_intro);
    auto *header = new QHBoxLayout;
    header->setSpacing(14);
    header->addWidget(logo, 0, Qt::AlignTop);
    header->addLayout(titleBox, 1);

    m_language = new QComboBox(body);
    m_language->setObjectName(QStringLiteral("welcomeLanguage"));
    for (const auto language : {AppSettings::Language::System, AppSettings::Language::English,
                                AppSettings::Language::SimplifiedChinese})
        m_language->addItem(QString(), AppSettings::languageKey(language));
    m_languageLabel = new QLabel(body);
    m_languageLabel->setBuddy(m_language);
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_languageLabel);
    languageRow->addWidget(m_language);
    languageRow->addStretch(1);

    m_stepsHeading = wrapped(body, "welcomeStepsHeading");
    m_stepsHeading->setFont(scaled(font(), 1.15, true));
    m_steps = wrapped(body, "welcomeSteps");
    m_steps->setTextFormat(Qt::RichText);
    m_promise = wrapped(body, "welcomePromise");

    m_startHeading = wrapped(body, "welcomeStartHeading");
    m_startHeading->setFont(scaled(font(), 1.15, true));
    m_hostsLabel = wrapped(body, "welcomeHostsLabel");
    m_hosts = new QListWidget(body);
    m_hosts->setObjectName(QStringLiteral("welcomeHosts"));
    m_hosts->setMaximumHeight(130);
    m_hostsLabel->setBuddy(m_hosts);
    m_useHost = new QPushButton(body);
    m_useHost->setObjectName(QStringLiteral("welcomeUseHost"));
    m_useHost->setEnabled(false);
    m_newProfile = new QPushButton(body);
    m_newProfile->setObjectName(QStringLiteral("welcomeNewProfile"));
    m_lab = new QPushButton(body);
    m_lab->setObjectName(QStringLiteral("welcomeLab"));
    m_lab->hide();
    m_skip = new QPushButton(body);
    m_skip->setObjectName(QStringLiteral("welcomeSkip"));
    m_skip->setFlat(true);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(m_useHost);
    buttons->addWidget(m_newProfile);
    buttons->addWidget(m_lab);
    buttons->addStretch(1);
    buttons->addWidget(m_skip);

    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(28, 24, 28, 24);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addLayout(languageRow);
    layout->addSpacing(6);
    layout->addWidget(m_stepsHeading);
    layout->addWidget(m_steps);
    layout->addWidget(m_promise);
    layout->addSpacing(6);
    layout->addWidget(m_startHeading);
    layout->addWidget(m_hostsLabel);
    layout->addWidget(m_hosts);
    layout->addLayout(buttons);
    layout->addStretch(1);

    m_scroll = new QScrollArea(this);
    QScrollArea *scroll = m_scroll;
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    auto *centre = new QWidget;
    auto *centreLayout = new QHBoxLayout(centre);
    centreLayout->addStretch(1);
    centreLayout->addWidget(body, 100);
    centreLayout->addStretch(1);
    scroll->setWidget(centre);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_language, &QComboBox::activated, this,
            [this] { Q_EMIT languageChosen(m_language->currentData().toString()); });
    connect(m_hosts, &QListWidget::currentRowChanged, this,
            [this](int row) { m_useHost->setEnabled(row >= 0); });
    connect(m_hosts, &QListWidget::itemActivated, this, &WelcomePage::chooseSelectedHost);
    connect(m_useHost, &QPushButton::clicked, this, &WelcomePage::chooseSelectedHost);
    connect(m_newProfile, &QPushButton::clicked, this, &WelcomePage::newProfileRequested);
    connect(m_skip, &QPushButton::clicked, this, &WelcomePage::dismissed);
    connect(m_lab, &QPushButton::clicked, this, [this] {
        if (m_labEndpoint)
            Q_EMIT labChosen(*m_labEndpoint);
    });

    bindTranslation(this, [this] { retranslate(); });
    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
}

WelcomePage::~WelcomePage() = default;

void WelcomePage::retranslate()
{
    m_title->setText(tr("Welcome to Onramp"));
    m_scroll->setAccessibleName(m_title->text());
    m_intro->setText(tr("Onramp sets up PyTorch on your university's GPU cluster for you, with clicks "
                        "instead of a terminal, and shows you every line the cluster prints."));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setItemText(0, tr("Follow the system"));
    //: Each language is named in itself, so that it can be found whatever the current one is.
    m_language->setItemText(1, tr("English"));
    m_language->setItemText(2, tr("简体中文"));
    // The saved choice (Settings may have changed it since this page was made).
    const QSignalBlocker quiet(m_language);
    m_language->setCurrentIndex(
        qMax(0, m_language->findData(AppSettings::languageKey(AppSettings::load().language))));
    m_language->setAccessibleName(tr("Interface language"));

    m_stepsHeading->setText(tr("What will happen"));
    m_steps->setText(QStringLiteral("<ol style=\"margin-left: 0; -qt-list-indent: 1;\"><li>%1</li><li>%2</li>"
                                    "<li>%3</li><li>%4</li><li>%5</li></ol>")
                         .arg(tr("You sign in to the cluster's login node over SSH, with your key, "
                                 "password or one-time code."),
                              tr("Onramp finds conda and Slurm there and checks your free space."),
                              tr("It reaches a compute node and creates a conda environment for you "
                                 "(<b>cola</b> unless you choose another name)."),
                              tr("You read the PyTorch install plan (Python version, CUDA or CPU build, "
                                 "download size) and approve it before anything is downloaded."),
                              tr("On a GPU node it checks that PyTorch sees the GPU: "
                                 "<code>torch.cuda.device_count()</code> prints 1.")));
    m_promise->setText(tr("Nothing on the cluster changes without your say. Long downloads keep running "
                          "on the cluster when your laptop sleeps or the Wi-Fi drops; Onramp picks them up "
                          "again."));
    m_startHeading->setText(tr("Where is your cluster?"));
    m_hostsLabel->setText(m_hosts->count() > 0
                              ? tr("&Hosts from your SSH config (~/.ssh/config):")
                              : tr("No hosts in your SSH config (~/.ssh/config) yet: start a new profile."));
    m_hosts->setAccessibleName(tr("Hosts from your SSH config"));
    m_useHost->setText(tr("&Use This Host"));
    m_newProfile->setText(tr("&New Profile…"));
    m_newProfile->setToolTip(tr("Type the login node's address, your user name and key in the form"));
    m_lab->setText(tr("Try the &Local Lab Cluster"));
    m_lab->setToolTip(
        tr("A small Slurm cluster with two GPUs running on this computer, for trying Onramp out"));
    m_skip->setText(tr("&Skip"));
    m_skip->setToolTip(tr("Close this page; the connection form stays in the sidebar"));
}

void WelcomePage::applyTheme()
{
    const QPalette pal = palette();
    m_useHost->setIcon(themedIcon(QStringLiteral("server"), pal));
    m_newProfile->setIcon(themedIcon(QStringLiteral("connect"), pal));
    m_lab->setIcon(themedIcon(QStringLiteral("play"), pal));
    const QColor muted = pal.color(QPalette::Disabled, QPalette::WindowText);
    m_intro->setStyleSheet(QStringLiteral("color: %1;").arg(muted.name()));
    m_promise->setStyleSheet(QStringLiteral("QLabel#welcomePromise { background: %1; border: 1px solid %2; "
                                            "border-radius: 6px; padding: 8px 10px; }")
                                 .arg(tint(toneColor(Tone::Busy, pal), pal, 0.08).name(),
                                      tint(toneColor(Tone::Busy, pal), pal, 0.35).name()));
}

void WelcomePage::setHosts(const QStringList &aliases)
{
    m_hosts->clear();
    for (const QString &alias : aliases) {
        auto *item = new QListWidgetItem(themedIcon(QStringLiteral("server"), palette()), alias, m_hosts);
        item->setData(Qt::UserRole, alias);
    }
    m_hosts->setVisible(!aliases.isEmpty());
    m_useHost->setVisible(!aliases.isEmpty());
    retranslate();
}

void WelcomePage::chooseSelectedHost()
{
    if (const QListWidgetItem *item = m_hosts->currentItem())
        Q_EMIT hostChosen(item->data(Qt::UserRole).toString());
}

void WelcomePage::probeLocalLab()
{
    if (m_labProbe)
        return;
    m_labEndpoint = localLabEndpoint();
    if (!m_labEndpoint) {
        m_lab->hide();
        Q_EMIT labProbeFinished(false);
        return;
    }
    // Offered only when its sshd answers: a lab.env left behind by a stopped lab is not a cluster.
    auto *probe = new QTcpSocket(this);
    m_labProbe = probe;
    const auto finish = [this, probe](bool answered) {
        if (m_labProbe != probe)
            return; // answered already (connected, then the abort's error)
        m_labProbe = nullptr;
        m_lab->setVisible(answered);
        probe->abort();
        probe->deleteLater();
        Q_EMIT labProbeFinished(answered);
    };
    connect(probe, &QTcpSocket::connected, this, [finish] { finish(true); });
    connect(probe, &QTcpSocket::errorOccurred, this, [finish] { finish(false); });
    QTimer::singleShot(kLabProbeTimeoutMs, probe, [finish] { finish(false); });
    probe->connectToHost(m_labEndpoint->host, quint16(m_labEndpoint->port));
}

QComboBox *WelcomePage::languageBox() const
{
    return m_language;
}

QListWidget *WelcomePage::hostList() const
{
    return m_hosts;
}

bool WelcomePage::labOffered() const
{
    return !m_lab->isHidden();
}

} // namespace ui
} // namespace onramp
