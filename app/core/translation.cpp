#include "core/translation.h"

#include "core/datadirs.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace onramp {

QString languageFromArguments(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--"))
            break;
        if ((arg == QLatin1String("--lang") || arg == QLatin1String("-lang")) && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arg.startsWith(QLatin1String("--lang=")))
            return arg.mid(7);
    }
    return {};
}

bool isKnownLanguage(const QString &language)
{
    return language.isEmpty() || language == QLatin1String("en")
        || QLocale(language).language() != QLocale::C;
}

namespace {
const QString kTranslatorName = QStringLiteral("onramp-translator");
} // namespace

QString installTranslators(QCoreApplication &app, const QString &language)
{
    // A live switch installs over the previous language: remove what an earlier call installed,
    // so lookups do not fall through to the old catalogue.
    const QList<QTranslator *> previous
        = app.findChildren<QTranslator *>(kTranslatorName, Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : previous) {
        app.removeTranslator(translator);
        delete translator;
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    QString inEffect = QStringLiteral("en");
    auto *onramp = new QTranslator(&app);
    onramp->setObjectName(kTranslatorName);
    const QString catalogues = translationsDirectory();
    // An empty folder would make load() look in the working directory.
    if (!catalogues.isEmpty()
        && onramp->load(locale, QStringLiteral("onramp"), QStringLiteral("_"), catalogues)) {
        app.installTranslator(onramp);
        inEffect = onramp->language().isEmpty() ? inEffect : onramp->language();
    } else if (!catalogues.isEmpty() && onramp->load(QStringLiteral("onramp_en"), catalogues)) {
        // English needs a catalogue too, for plurals only: "%n GPU(s)" becomes "1 GPU" / "2 GPUs".
        app.installTranslator(onramp);
    } else {
        delete onramp;
    }
    auto *qt = new QTranslator(&app);
    qt->setObjectName(kTranslatorName);
    if (inEffect != QLatin1String("en")
        && qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return inEffect;
}

} // namespace onramp
