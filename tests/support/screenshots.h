#pragma once

// Pictures of widgets for docs/screenshots, taken by the widget tests when ONRAMP_SCREENSHOT_DIR is
// set: NAME-en.png, then the same widget after a live switch to Chinese, NAME-zh_CN.png (which
// also shows that the widget follows a language switch). The language is English again afterwards.

#include "ui/retranslate.h"

#include <QCoreApplication>
#include <QDir>
#include <QTest>
#include <QWidget>

namespace onramp::testing {

inline bool saveInBothLanguages(QWidget *widget, const QString &name)
{
    const QByteArray dir = qgetenv("ONRAMP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return true;
    const QDir out(QString::fromLocal8Bit(dir));
    bool ok = widget->grab().save(out.filePath(name + QStringLiteral("-en.png")));
    ui::switchLanguage(QStringLiteral("zh_CN"));
    QCoreApplication::processEvents(); // the posted LanguageChange events
    QTest::qWait(50);
    ok = widget->grab().save(out.filePath(name + QStringLiteral("-zh_CN.png"))) && ok;
    ui::switchLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    return ok;
}

} // namespace onramp::testing
