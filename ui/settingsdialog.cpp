#include "ui/settingsdialog.h"

#include "cluster/conda/condacommands.h"
#include "ui/retranslate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

SettingsDialog::SettingsDialog(const AppSettings &initial, QWidget *parent)
    : QDialog(parent), m_initial(initial)
{
    setObjectName(QStringLiteral("settingsDialog"));

    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("pollIntervalBox"));
    m_interval->setRange(AppSettings::kMinPollIntervalSeconds, AppSettings::kMaxPollIntervalSeconds);
    m_interval->setValue(initial.pollIntervalSeconds);

    m_envName = new QLineEdit(initial.defaultEnvName, this);
    m_envName->setObjectName(QStringLiteral("envNameEdit"));

    m_envError = new QLabel(this);
    m_envError->setObjectName(QStringLiteral("envErrorLabel"));
    m_envError->setTextFormat(Qt::PlainText); // the message quotes what the person typed
    m_envError->setWordWrap(true);
    m_envError->hide();

    m_recipe = new QComboBox(this);
    m_recipe->setObjectName(QStringLiteral("recipeBox"));
    m_recipe->addItem(QString(), QStringLiteral("guide"));
    m_recipe->addItem(QString(), QStringLiteral("modern"));
    m_recipe->setCurrentIndex(initial.defaultRecipe == setup::guided::Recipe::Modern ? 1 : 0);

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(QString(), AppSettings::languageKey(AppSettings::Language::System));
    m_language->addItem(QString(), AppSettings::languageKey(AppSettings::Language::English));
    m_language->addItem(QString(), AppSettings::languageKey(AppSettings::Language::SimplifiedChinese));
    m_language->setCurrentIndex(qMax(0, m_language->findData(AppSettings::languageKey(initial.language))));

    m_welcome = new QPushButton(this);
    m_welcome->setObjectName(QStringLiteral("welcomeButton"));
    m_welcome->setAutoDefault(false);
    connect(m_welcome, &QPushButton::clicked, this, [this] {
        Q_EMIT welcomeRequested();
        reject();
    });

    auto *form = new QFormLayout;
    auto *intervalLabel = new QLabel(this);
    auto *envLabel = new QLabel(this);
    auto *recipeLabel = new QLabel(this);
    auto *languageLabel = new QLabel(this);
    intervalLabel->setBuddy(m_interval);
    envLabel->setBuddy(m_envName);
    recipeLabel->setBuddy(m_recipe);
    languageLabel->setBuddy(m_language);
    form->addRow(intervalLabel, m_interval);
    form->addRow(envLabel, m_envName);
    form->addRow(QString(), m_envError);
    form->addRow(recipeLabel, m_recipe);
    form->addRow(languageLabel, m_language);
    form->addRow(QString(), m_welcome);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("okButton"));
    m_cancel = buttons->button(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_envName, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    bindTranslation(this, [=, this] {
        setWindowTitle(tr("Settings"));
        m_interval->setAccessibleName(tr("Polling interval"));
        m_interval->setSuffix(tr(" s"));
        m_interval->setToolTip(tr("How often the GPU and jobs views ask the cluster for news"));
        m_envName->setAccessibleName(tr("Default environment name"));
        m_envName->setToolTip(tr("The conda environment the guided setup proposes to create"));
        m_envError->setAccessibleName(tr("Environment name problem"));
        m_recipe->setAccessibleName(tr("Default recipe"));
        m_recipe->setItemText(0, tr("Cluster guide (pytorch, cudatoolkit)"));
        m_recipe->setItemText(1, tr("Modern (conda-forge pytorch, cuda-version)"));
        m_language->setAccessibleName(tr("Interface language"));
        m_language->setItemText(0, tr("System default"));
        //: Each language is named in itself, so that it can be found whatever the current one is.
        m_language->setItemText(1, tr("English"));
        m_language->setItemText(2, tr("简体中文"));
        m_welcome->setText(tr("Show &Welcome Page"));
        m_welcome->setToolTip(tr("What Onramp does, the language, and where to start"));
        intervalLabel->setText(tr("&Polling interval:"));
        envLabel->setText(tr("Default &environment:"));
        recipeLabel->setText(tr("Default &recipe:"));
        languageLabel->setText(tr("&Language:"));
        m_ok->setAccessibleName(tr("OK"));
        m_cancel->setAccessibleName(tr("Cancel"));
        validate(); // the message under the name, in the new language
    });
}

SettingsDialog::~SettingsDialog() = default;

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_initial;
    s.pollIntervalSeconds = m_interval->value();
    s.defaultEnvName = m_envName->text().trimmed();
    s.defaultRecipe = m_recipe->currentData().toString() == QLatin1String("modern")
        ? setup::guided::Recipe::Modern
        : setup::guided::Recipe::Guide;
    s.language = AppSettings::languageFromKey(m_language->currentData().toString());
    return s;
}

void SettingsDialog::validate()
{
    const Status status = cluster::validateEnvName(m_envName->text().trimmed(), cluster::EnvNameUse::Create);
    m_ok->setEnabled(status.ok());
    m_envError->setText(status.ok() ? QString() : status.error().message);
    m_envError->setVisible(!status.ok());
}

} // namespace ui
} // namespace onramp
