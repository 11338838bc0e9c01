#pragma once

#include <QColor>
#include <QEvent>
#include <QFont>
#include <QIcon>
#include <QObject>
#include <QPalette>
#include <QString>

#include <functional>

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

// Keeps a widget's own colours and icons in step with the palette (light/dark switch, style change):
// calls `apply` once now and again on every PaletteChange or StyleChange of the widget. Applying a
// style sheet sends those events itself, so a call during apply() is ignored instead of recursing.
class PaletteFollower : public QObject {
public:
    PaletteFollower(QWidget *widget, std::function<void()> apply);
    // Re-applies now, e.g. after a state change that picks other colours.
    void apply();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::function<void()> m_apply;
    bool m_applying = false;
};

} // namespace ui
} // namespace onramp
