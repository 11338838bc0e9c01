// onramp-cli: Onramp without a window, for scripts, helpdesks and tests.

#include "cli/clitr.h"
#include "cli/diagnosecommand.h"
#include "cli/execcommand.h"
#include "cli/interruptwatcher.h"
#include "cli/pythoncommands.h"
#include "cli/setupcommand.h"
#include "cli/statuscommands.h"
#include "cli/versionreport.h"
#include "core/shellquote.h"
#include "core/translation.h"
#include "core/version.h"
#include "ssh/sshtransport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace onramp;
using cli::Tr;

namespace {

constexpr int kExitUsage = 2;

int usageError(const QString &message)
{
    QTextStream(stderr) << Tr::tr("onramp-cli: %1\nRun “onramp-cli --help” for the options.\n").arg(message);
    return kExitUsage;
}

// With one word after "--", that word is a shell command line typed by the person
// (`-- 'squeue -u $USER | head'`). With several, each word is one argument and is quoted, so
// `-- printf '%s\n' 'a b'` runs exactly those words. Both are common ways to call ssh.
QString commandLineFrom(const QStringList &words)
{
    return words.size() == 1 ? words.first() : shellJoin(words);
}

} // namespace

int main(int argc, char **argv)
{
    // Only a PDF needs fonts and painting: every other command runs without a display or its libraries.
    std::unique_ptr<QCoreApplication> application;
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);
    if (cli::wantsPdf(rawArguments)) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM") && !qEnvironmentVariableIsSet("DISPLAY")
            && !qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("onramp-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ONRAMP_VERSION));
    // Before the parser is built, so that --help and its errors are in the language asked for.
    installTranslators(app, languageFromArguments(QCoreApplication::arguments()));

    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Onramp on the command line.\n\n"
        "exec: connects to the login node over SSH and runs one command. Its output streams to this "
        "program's stdout and stderr as it arrives, and onramp-cli exits with the command's exit status "
        "(128+N when a signal N ended it, 255 when the connection, the server's identity or signing in "
        "failed, 2 for a mistake on this command line).\n"
        "After “--”, a single word is a shell command line run as typed (quote it: -- 'ls ~ | head'); "
        "several words are quoted one by one and run as exactly those arguments.\n\n"
        "gpus: shows the GPUs of your running Slurm jobs (utilisation, memory, temperature, power, "
        "processes), asked from inside each job with nvidia-smi.\n"
        "jobs: lists your Slurm jobs with their state and why a waiting job waits; “jobs --cancel ID” "
        "cancels one.\n"
        "Both print an aligned table, or JSON with --json; with --watch they keep polling over the same "
        "connection. They exit with 0 when the cluster answered, 1 when a Slurm or nvidia-smi command failed "
        "(the problem is explained), 255 when the connection failed.\n\n"
        "diagnose [FILE|-]: explains a log from the cluster (conda, srun, sbatch, squeue, nvidia-smi or "
        "PyTorch output) read from FILE or, with “-” or nothing, from stdin; it needs no connection. "
        "--json prints the diagnoses as JSON. It exits with 0 when it recognised a problem, 1 when it "
        "recognised none, 2 when the log could not be read.\n\n"
        "check: runs Onramp's checks and your own snippets (Python files in the snippets folder) over what "
        "the setup of --host and --env found (or --evidence FILE); it needs no connection. It exits with 0 "
        "when nothing failed, 1 when a check or a snippet failed, 2 when there was nothing to check.\n"
        "report: writes the environment report for a teaching assistant or a helpdesk ticket "
        "(--format html, md, pdf, json or yml; -o FILE) from the same evidence."));
    // Not addHelpOption(): its description comes from Qt's own catalogue, which Debian does not ship
    // in Chinese.
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        Tr::tr("Show this help and exit."));
    const QCommandLineOption versionOption(QStringLiteral("version"),
                                           Tr::tr("Show the versions of Onramp, Qt, libssh and Python."));
    const QCommandLineOption hostOption(
        QStringLiteral("host"), Tr::tr("Login node: a host name, an address or a ~/.ssh/config alias."),
        Tr::tr("host"));
    const QCommandLineOption portOption(
        QStringLiteral("port"), Tr::tr("SSH port (default: from the SSH config, else 22)."), Tr::tr("port"));
    const QCommandLineOption userOption(QStringLiteral("user"), Tr::tr("User name on the cluster."),
                                        Tr::tr("user"));
    const QCommandLineOption identityOption(
        QStringLiteral("identity"), Tr::tr("Private key file (default: ssh-agent, then ~/.ssh/id_*)."),
        Tr::tr("file"));
    const QCommandLineOption knownHostsOption(QStringLiteral("known-hosts"),
                                              Tr::tr("known_hosts file (default: ~/.ssh/known_hosts)."),
                                              Tr::tr("file"));
    const QCommandLineOption sshConfigOption(
        QStringLiteral("ssh-config"), Tr::tr("SSH config file (default: ~/.ssh/config)."), Tr::tr("file"));
    const QCommandLineOption jumpOption(
        {QStringLiteral("J"), QStringLiteral("jump")},
        Tr::tr("Go through these gateways first, like ssh -J: [user@]host[:port] or config aliases, "
               "comma-separated "
               "(default: ProxyJump from the SSH config; “none” connects directly)."),
        Tr::tr("hosts"));
    const QCommandLineOption acceptOption(
        QStringLiteral("accept-new-host-key"),
        Tr::tr("Trust a server that is not in known_hosts yet without asking "
               "(a changed key is still refused)."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"), Tr::tr("Stop the command after this many seconds."), Tr::tr("seconds"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           Tr::tr("Log technical details of the connection to stderr."));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), Tr::tr("Language of the messages: en or zh_CN (default: the system's)."),
        Tr::tr("language"));
    parser.addOptions({helpOption, versionOption, hostOption, portOption, userOption, identityOption,
                       knownHostsOption, sshConfigOption, jumpOption, acceptOption, timeoutOption,
                       verboseOption, langOption});
    const cli::StatusOptions statusOptions;
    parser.addOptions(statusOptions.all());
    const cli::SetupCliOptions setupOptions;
    parser.addOptions(setupOptions.all());
    const cli::PythonCliOptions pythonOptions;
    parser.addOptions(pythonOptions.all());
    parser.addPositionalArgument(QStringLiteral("exec"), Tr::tr("Run a command on the cluster."),
                                 QStringLiteral("exec [options] -- command..."));

    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (!isKnownLanguage(parser.value(langOption)))
        return usageError(Tr::tr("unknown language “%1”; use en or zh_CN.").arg(parser.value(langOption)));
    if (parser.isSet(helpOption)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(versionOption)) {
        QTextStream(stdout) << cli::versionReport();
        return 0;
    }
    if (parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("onramp.*.debug=true"));

    QStringList words = parser.positionalArguments();
    if (words.isEmpty())
        return usageError(Tr::tr("say what to do, for example: onramp-cli exec --host aha -- hostname"));
    const QString verb = words.takeFirst();
    if (cli::isDiagnoseVerb(verb)) {
        // A log on this computer: no connection, so no --host.
        Result<cli::DiagnoseRequest> request = cli::diagnoseRequestFrom(words, parser, statusOptions);
        if (!request)
            return usageError(request.error().message);
        return cli::runDiagnose(request.value());
    }
    if (cli::isPythonVerb(verb)) {
        // The evidence is on this computer (the setup journal or a file): no connection.
        Result<cli::PythonRequest> request = cli::pythonRequestFrom(verb, words, parser, pythonOptions);
        if (!request)
            return usageError(request.error().message);
        return verb == QLatin1String("check") ? cli::runCheck(request.value())
                                              : cli::runReport(request.value());
    }
    if (verb != QLatin1String("exec") && !cli::isStatusVerb(verb) && !cli::isSetupVerb(verb))
        return usageError(
            Tr::tr(
                "unknown command “%1”; the commands are “exec”, “gpus”, “jobs”, “setup”, “diagnose”, “check” "
                "and “report”.")
                .arg(verb));
    if (!parser.isSet(hostOption))
        return usageError(Tr::tr("--host is required."));

    // The connection options, the same for every command.
    remote::Endpoint endpoint;
    endpoint.host = parser.value(hostOption);
    if (parser.isSet(portOption)) {
        bool ok = false;
        endpoint.port = parser.value(portOption).toInt(&ok);
        if (!ok || endpoint.port <= 0 || endpoint.port > 65535)
            return usageError(Tr::tr("--port needs a number from 1 to 65535."));
    }
    endpoint.user = parser.value(userOption);
    endpoint.identityFile = parser.value(identityOption);
    endpoint.knownHostsFile = parser.value(knownHostsOption);
    endpoint.sshConfigFile = parser.value(sshConfigOption);
    endpoint.proxyJump = parser.value(jumpOption);
    int timeoutMs = 0;
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        const double seconds = parser.value(timeoutOption).toDouble(&ok);
        if (!ok || seconds <= 0)
            return usageError(Tr::tr("--timeout needs a positive number of seconds."));
        timeoutMs = static_cast<int>(seconds * 1000);
    }

    if (cli::isStatusVerb(verb)) {
        Result<cli::StatusRequest> parsed = cli::statusRequestFrom(verb, words, parser, statusOptions);
        if (!parsed)
            return usageError(parsed.error().message);
        cli::StatusRequest request = std::move(parsed).value();
        request.endpoint = endpoint;
        request.acceptNewHostKey = parser.isSet(acceptOption);
        request.timeoutMs = timeoutMs;
        cli::StatusCommand command(request, ssh::createSshTransport());
        cli::InterruptWatcher interrupts;
        QObject::connect(&interrupts, &cli::InterruptWatcher::interrupted, &command,
                         &cli::StatusCommand::interrupt);
        QObject::connect(&command, &cli::StatusCommand::finished, &app,
                         [](int status) { QCoreApplication::exit(status); });
        command.start();
        return QCoreApplication::exec();
    }

    if (cli::isSetupVerb(verb)) {
        Result<cli::SetupRequest> parsed = cli::setupRequestFrom(words, parser, setupOptions);
        if (!parsed)
            return usageError(parsed.error().message);
        cli::SetupRequest request = std::move(parsed).value();
        request.endpoint = endpoint;
        request.acceptNewHostKey = parser.isSet(acceptOption);
        request.json = parser.isSet(statusOptions.json);
        cli::SetupCommand command(request, ssh::createSshTransport());
        cli::InterruptWatcher interrupts;
        QObject::connect(&interrupts, &cli::InterruptWatcher::interrupted, &command,
                         &cli::SetupCommand::interrupt);
        QObject::connect(&command, &cli::SetupCommand::finished, &app,
                         [](int status) { QCoreApplication::exit(status); });
        command.start();
        return QCoreApplication::exec();
    }

    for (const QCommandLineOption &option : statusOptions.all()) {
        if (parser.isSet(option))
            return usageError(
                Tr::tr("--%1 belongs to “gpus” or “jobs”, not to “exec”.").arg(option.names().constFirst()));
    }
    if (words.isEmpty())
        return usageError(Tr::tr("give the command to run after “--”."));
    cli::ExecRequest request;
    request.endpoint = endpoint;
    request.acceptNewHostKey = parser.isSet(acceptOption);
    request.timeoutMs = timeoutMs;
    request.commandLine = commandLineFrom(words);

    cli::ExecCommand command(request, ssh::createSshTransport());
    cli::InterruptWatcher interrupts;
    QObject::connect(&interrupts, &cli::InterruptWatcher::interrupted, &command,
                     &cli::ExecCommand::interrupt);
    QObject::connect(&command, &cli::ExecCommand::finished, &app,
                     [](int status) { QCoreApplication::exit(status); });
    command.start();
    return QCoreApplication::exec();
}
