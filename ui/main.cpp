// The Onramp desktop program: the only place that knows the SSH implementation. The ui library
// receives a TransportFactory and never sees libssh.
#include "core/version.h"
#include "python/runtimeinfo.h"
#include "ssh/sshtransport.h"
#include "ui/launch.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Onramp"));
    QApplication::setApplicationVersion(QStringLiteral(ONRAMP_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Onramp"));
    QApplication::setDesktopFileName(QStringLiteral("onramp"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/onramp/icons/onramp.svg")));

    const QString language = onramp::ui::languageFromArguments(QApplication::arguments());
    onramp::ui::installTranslators(app, language);

    const auto options = onramp::ui::parseArguments(QApplication::arguments());
    if (!options) {
        std::fprintf(stderr, "onramp: %s\n", qPrintable(options.error().message));
        return 64; // EX_USAGE
    }
    if (options.value().showHelp) {
        std::fputs(qPrintable(options.value().helpText), stdout);
        return 0;
    }
    if (options.value().showVersion) {
        const onramp::python::RuntimeInfo python = onramp::python::runtimeInfo();
        std::printf("Onramp %s\nQt %s\nPython %s\n", ONRAMP_VERSION, qVersion(),
                    qPrintable(python.version.section(QLatin1Char(' '), 0, 0)));
        return 0;
    }

    onramp::ui::MainWindow window([] { return onramp::ssh::createSshTransport(); });
    onramp::ui::LaunchController controller(window, options.value());
    QObject::connect(&controller, &onramp::ui::LaunchController::finished, &app,
                     [](int code) { QCoreApplication::exit(code); });
    window.show();
    controller.start();
    return QApplication::exec();
}
