#pragma once

#include "setup/guided/setupevidence.h"

#include <QString>

class QSettings;

namespace onramp {
namespace ui {

// The preferences the person sets in the Settings dialog, remembered with QSettings
// (organization and application "Onramp"). A value class: load() reads, save() writes, and
// nothing else touches the keys, so other code reads the preferences from here.
class AppSettings {
public:
    enum class Language {
        System, // follow the system's locale
        English,
        SimplifiedChinese,
    };

    static constexpr int kMinPollIntervalSeconds = 1;
    static constexpr int kMaxPollIntervalSeconds = 60;
    static constexpr int kDefaultPollIntervalSeconds = 2;

    // Seconds between two polls of the GPU and jobs views (clamped to 1-60).
    int pollIntervalSeconds = kDefaultPollIntervalSeconds;
    // The environment the guided setup proposes (a name validateEnvName accepts for creating).
    QString defaultEnvName = QStringLiteral("cola");
    setup::guided::Recipe defaultRecipe = setup::guided::Recipe::Guide;
    // Applied at start (before any window exists) and live when changed (switchLanguage()).
    Language language = Language::System;
    // The first-run welcome page was closed once; it is not shown at start again.
    bool welcomeSeen = false;

    int pollIntervalMs() const { return pollIntervalSeconds * 1000; }

    // Values that are missing or out of range (a hand-edited file) read as the defaults.
    static AppSettings load();
    static AppSettings load(const QSettings &settings);
    void save() const;
    void save(QSettings &settings) const;

    // The stored form of a language: "system", "en", "zh_CN".
    static QString languageKey(Language language);
    static Language languageFromKey(const QString &key);

    friend bool operator==(const AppSettings &, const AppSettings &) = default;
};

} // namespace ui
} // namespace onramp
