#pragma once

#include "remote/transport.h"
#include "ui/theme.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QTcpSocket;

namespace onramp {
namespace ui {

// The lab cluster tests/lab/start runs on this computer ($ONRAMP_LAB_DIR, else /tmp/onramp-lab),
// as an endpoint: read from its lab.env. Empty when no lab was started here.
std::optional<remote::Endpoint> localLabEndpoint();

// The first-run page: what Onramp will do, in five plain steps; the interface language (switched
// live); and where to start: a Host from ~/.ssh/config, a new profile, or the local lab cluster
// when one answers on this computer. It only says what was chosen; the window acts on it.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    // The Host aliases offered (those of the connection form's SSH config).
    void setHosts(const QStringList &aliases);
    // Looks for the local lab and offers it once its SSH port answers.
    void probeLocalLab();
    bool labOffered() const;

    QComboBox *languageBox() const;
    QListWidget *hostList() const;

Q_SIGNALS:
    // "system", "en" or "zh_CN": the person picked a language in the box.
    void languageChosen(const QString &language);
    void hostChosen(const QString &alias);
    void newProfileRequested();
    void labChosen(const onramp::remote::Endpoint &endpoint);
    // "Skip": the form in the sidebar is enough.
    void dismissed();
    // probeLocalLab() has its answer: the lab is offered, or not (none, not answering).
    void labProbeFinished(bool offered);

private:
    void retranslate();
    void applyTheme();
    void chooseSelectedHost();

    PaletteFollower *m_theme = nullptr;
    QPointer<QScrollArea> m_scroll;
    QPointer<QLabel> m_title;
    QPointer<QLabel> m_intro;
    QPointer<QLabel> m_languageLabel;
    QPointer<QComboBox> m_language;
    QPointer<QLabel> m_stepsHeading;
    QPointer<QLabel> m_steps;
    QPointer<QLabel> m_promise;
    QPointer<QLabel> m_startHeading;
    QPointer<QLabel> m_hostsLabel;
    QPointer<QListWidget> m_hosts;
    QPointer<QPushButton> m_useHost;
    QPointer<QPushButton> m_newProfile;
    QPointer<QPushButton> m_lab;
    QPointer<QPushButton> m_skip;
    QPointer<QTcpSocket> m_labProbe;
    std::optional<remote::Endpoint> m_labEndpoint;
};

} // namespace ui
} // namespace onramp
