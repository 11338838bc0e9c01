#pragma once

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPalette>
#include <QString>

namespace onramp {
namespace ui {

// Colours with a meaning (success, warning, error), chosen to stay readable on the current palette:
// deeper tones on a light window, lighter ones in dark mode.
enum class Tone { Neutral, Busy, Success, Error };

bool isDark(const QPalette &palette);
QColor toneColor(Tone tone, const QPalette &palette);
// `color` blended into the window background: for banners and badges behind normal text.
QColor tint(const QColor &color, const QPalette &palette, qreal amount);

// The monospace font for commands, output and fingerprints, at the size of the normal font.
QFont monospaceFont();

// One of resources/icons, drawn in `color` (default: the palette's text colour). The SVGs use
// `currentColor`, so the same file works in light and dark mode and at any device pixel ratio.
QIcon themedIcon(const QString &name, const QPalette &palette, const QColor &color = {});

} // namespace ui
} // namespace onramp
