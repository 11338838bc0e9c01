#include "core/datadirs.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace onramp {

QStringList dataDirectoryCandidates(const QString &buildTreeDir)
{
    const QString exeDir = QCoreApplication::applicationDirPath();
    QStringList dirs {QDir::cleanPath(exeDir + QStringLiteral("/../share/onramp")),
                      QDir::cleanPath(exeDir + QStringLiteral("/../Resources"))};
    if (!buildTreeDir.isEmpty())
        dirs << buildTreeDir;
    return dirs;
}

QString findDataDirectory(const QString &relative, const QString &buildTreeDir)
{
    for (const QString &dir : dataDirectoryCandidates(buildTreeDir)) {
        if (QFileInfo::exists(dir + QLatin1Char('/') + relative))
            return dir;
    }
    return {};
}

QString translationsDirectory()
{
    // The build writes the .qm files into app/core's build folder (app/core/CMakeLists.txt), and
    // installs them into share/onramp/translations.
    const QString found = findDataDirectory(QStringLiteral("translations/onramp_en.qm"),
                                            QStringLiteral(ONRAMP_BUILD_DATA_DIR));
    return found.isEmpty() ? QString() : found + QStringLiteral("/translations");
}

} // namespace onramp
