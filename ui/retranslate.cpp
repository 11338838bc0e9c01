#include "ui/retranslate.h"

#include "core/translation.h"
#include "ui/launch.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

namespace onramp {
namespace ui {

namespace {

class TranslationBinding : public QObject {
public:
    TranslationBinding(QWidget *widget, std::function<void()> apply)
        : QObject(widget), m_apply(std::move(apply))
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange && watched == parent())
            m_apply();
        return false;
    }

private:
    std::function<void()> m_apply;
};

} // namespace

void bindTranslation(QWidget *widget, std::function<void()> apply)
{
    apply();
    new TranslationBinding(widget, std::move(apply));
}

QString switchLanguage(const QString &language)
{
    const QString wanted = language == QLatin1String("system") ? QString() : language;
    const QString inEffect = installTranslators(*QCoreApplication::instance(), wanted);
    applyFontForLanguage(inEffect);
    return inEffect;
}

} // namespace ui
} // namespace onramp
