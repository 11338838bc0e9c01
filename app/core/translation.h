#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace onramp {

// The language asked for with --lang (or --lang=...), read before translators are installed so
// that --help is translated too. Empty when not given.
QString languageFromArguments(const QStringList &arguments);

// Whether `language` is one --lang accepts: empty (the system's), "en", or a locale name Qt knows.
bool isKnownLanguage(const QString &language);

// Installs Onramp's translation (the catalogue of every layer: onramp_*.qm in
// translationsDirectory(), core/datadirs.h) and Qt's own (qtbase, from QLibraryInfo's translations folder,
// when present) for `language`, or for the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) when empty.
// "en" forces English. Returns the language in effect ("en", "zh_CN", ...). Called again, it
// replaces the translators it installed before (a live switch: widgets get LanguageChange).
QString installTranslators(QCoreApplication &app, const QString &language);

} // namespace onramp
