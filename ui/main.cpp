// The Onramp desktop program: the only place that knows the SSH implementation. The ui library
// receives a TransportFactory and never sees libssh.
#include "core/translation.h"
#include "core/version.h"
#include "core/versionreport.h"
#include "python/runtimeinfo.h"
#include "ssh/sshtransport.h"
#include "ui/appsettings.h"
#include "ui/launch.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>
#include <memory>

namespace {
// --help and --version print and exit: they must work without a display.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--version")
            return true;
    }
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (onlyPrints(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Onramp"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ONRAMP_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Onramp"));

    // --lang wins; otherwise the language chosen in Settings, else the system's.
    QString language = onramp::languageFromArguments(QCoreApplication::arguments());
    if (language.isEmpty()) {
        const auto saved = onramp::ui::AppSettings::load().language;
        if (saved != onramp::ui::AppSettings::Language::System)
            language = onramp::ui::AppSettings::languageKey(saved);
    }
    onramp::ui::applyFontForLanguage(onramp::installTranslators(*app, language));

    const auto options = onramp::ui::parseArguments(QCoreApplication::arguments());
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
        std::fputs(qPrintable(onramp::versionReport({QStringLiteral("onramp"), onramp::ssh::libsshVersion(),
                                                     python.version, python.executable, python.isolated})),
                   stdout);
        return 0;
    }

    QGuiApplication::setDesktopFileName(QStringLiteral("onramp"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/onramp/icons/onramp.svg")));
    onramp::ui::MainWindow window([] { return onramp::ssh::createSshTransport(); });
    onramp::ui::LaunchController controller(window, options.value());
    QObject::connect(&controller, &onramp::ui::LaunchController::finished, app.get(),
                     [](int code) { QCoreApplication::exit(code); });
    window.show();
    controller.start();
    return QCoreApplication::exec();
}
