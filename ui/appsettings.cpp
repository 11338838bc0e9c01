#include "ui/appsettings.h"

#include "cluster/conda/condacommands.h"

#include <QSettings>

namespace onramp {
namespace ui {

namespace {

const QString kOrganization = QStringLiteral("Onramp");
const QString kApplication = QStringLiteral("Onramp");
const QString kPollKey = QStringLiteral("status/pollIntervalSeconds");
const QString kEnvKey = QStringLiteral("setup/defaultEnvName");
const QString kRecipeKey = QStringLiteral("setup/defaultRecipe");
const QString kLanguageKey = QStringLiteral("interface/language");
const QString kWelcomeKey = QStringLiteral("interface/welcomeSeen");

QString recipeKey(setup::guided::Recipe recipe)
{
    return recipe == setup::guided::Recipe::Modern ? QStringLiteral("modern") : QStringLiteral("guide");
}

} // namespace

QString AppSettings::languageKey(Language language)
{
    switch (language) {
    case Language::English:
        return QStringLiteral("en");
    case Language::SimplifiedChinese:
        return QStringLiteral("zh_CN");
    case Language::System:
        break;
    }
    return QStringLiteral("system");
}

AppSettings::Language AppSettings::languageFromKey(const QString &key)
{
    if (key == QLatin1String("en"))
        return Language::English;
    if (key == QLatin1String("zh_CN"))
        return Language::SimplifiedChinese;
    return Language::System;
}

AppSettings AppSettings::load()
{
    const QSettings settings(kOrganization, kApplication);
    return load(settings);
}

AppSettings AppSettings::load(const QSettings &settings)
{
    AppSettings s;
    bool ok = false;
    const int seconds = settings.value(kPollKey).toInt(&ok);
    if (ok && seconds >= kMinPollIntervalSeconds && seconds <= kMaxPollIntervalSeconds)
        s.pollIntervalSeconds = seconds;
    const QString env = settings.value(kEnvKey).toString();
    if (!env.isEmpty() && cluster::validateEnvName(env, cluster::EnvNameUse::Create).ok())
        s.defaultEnvName = env;
    if (settings.value(kRecipeKey).toString() == QLatin1String("modern"))
        s.defaultRecipe = setup::guided::Recipe::Modern;
    s.language = languageFromKey(settings.value(kLanguageKey).toString());
    s.welcomeSeen = settings.value(kWelcomeKey, false).toBool();
    return s;
}

void AppSettings::save() const
{
    QSettings settings(kOrganization, kApplication);
    save(settings);
    settings.sync();
}

void AppSettings::save(QSettings &settings) const
{
    settings.setValue(kPollKey, pollIntervalSeconds);
    settings.setValue(kEnvKey, defaultEnvName);
    settings.setValue(kRecipeKey, recipeKey(defaultRecipe));
    settings.setValue(kLanguageKey, languageKey(language));
    settings.setValue(kWelcomeKey, welcomeSeen);
}

} // namespace ui
} // namespace onramp
