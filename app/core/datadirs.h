#pragma once

#include <QString>
#include <QStringList>

namespace onramp {

// Where Onramp's data files are looked for, in order, for a file `relative` below
// share/onramp (e.g. "translations/onramp_en.qm"):
//   <exe dir>/../share/onramp          an installed Onramp (/usr, /usr/local, a .tar.gz, Windows)
//   <exe dir>/../Resources             a macOS bundle (Contents/MacOS/onramp)
//   the build tree's own folder        onramp and onramp-cli run from the build, and the tests
// Never the build tree before an installed copy, so an installed program reads only what it installed.
QStringList dataDirectoryCandidates(const QString &buildTreeDir);

// The first candidate that holds `relative`; empty when none does. Needs a QCoreApplication.
QString findDataDirectory(const QString &relative, const QString &buildTreeDir);

// The folder of the .qm catalogues (onramp_en.qm, onramp_zh_CN.qm), or empty.
QString translationsDirectory();

} // namespace onramp
