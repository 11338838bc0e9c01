#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace onramp {
namespace ui {

// Runs `apply` now and again each time the interface language changes. Qt delivers
// QEvent::LanguageChange to every widget after installTranslators() swaps the catalogues; texts
// made with tr() are only re-read if someone sets them again, and this is that someone. `apply`
// lives as long as `widget`.
void bindTranslation(QWidget *widget, std::function<void()> apply);

// Switches the interface language while Onramp runs: installs the catalogues for `language`
// ("system", "en", "zh_CN"), picks a fitting font, and lets every open widget retranslate.
// Returns the language in effect.
QString switchLanguage(const QString &language);

} // namespace ui
} // namespace onramp
