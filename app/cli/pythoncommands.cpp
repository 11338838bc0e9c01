#include "cli/pythoncommands.h"

#include "cli/clitr.h"
#include "python/pythonruntime.h"
#include "python/reportpdf.h"
#include "setup/guided/setupjournal.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>

#include <cstdio>

namespace onramp::cli {

namespace {

constexpr int kExitAllPassed = 0;
constexpr int kExitSomethingFailed = 1;
constexpr int kExitError = 2;

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int failWith(const Error &error)
{
    write(stderr, Tr::tr("onramp-cli: %1\n").arg(error.message));
    if (!error.detail.isEmpty() && qEnvironmentVariableIsSet("ONRAMP_CLI_DETAIL"))
        write(stderr, error.detail + QLatin1Char('\n'));
    return kExitError;
}

const QStringList &reportFormats()
{
    static const QStringList formats = {QStringLiteral("html"), QStringLiteral("md"), QStringLiteral("pdf"),
                                        QStringLiteral("json"), QStringLiteral("yml")};
    return formats;
}

QString statusLabel(const QString &status)
{
    if (status == QLatin1String("pass"))
        return Tr::tr("PASS");
    if (status == QLatin1String("warn"))
        return Tr::tr("WARN");
    if (status == QLatin1String("fail"))
        return Tr::tr("FAIL");
    if (status == QLatin1String("skip"))
        return Tr::tr("SKIP");
    return Tr::tr("ERROR");
}

bool failed(const QString &status)
{
    return status != QLatin1String("pass") && status != QLatin1String("warn")
        && status != QLatin1String("skip");
}

QJsonObject toJson(const python::CheckOutcome &outcome)
{
    return {{QStringLiteral("id"), outcome.id},
            {QStringLiteral("status"), outcome.status},
            {QStringLiteral("title"), outcome.title},
            {QStringLiteral("message"), outcome.message},
            {QStringLiteral("fix"), outcome.fix}};
}

QString indented(const QString &text)
{
    QString out;
    for (const QString &line : text.trimmed().split(QLatin1Char('\n')))
        out += QStringLiteral("      ") + line + QLatin1Char('\n');
    return out;
}

} // namespace

PythonCliOptions::PythonCliOptions()
    : evidence(QStringLiteral("evidence"),
               Tr::tr("check, report: read the evidence from this JSON file instead of the setup journal of "
                      "--host and --env."),
               Tr::tr("file")),
      format(QStringLiteral("format"), Tr::tr("report: html, md, pdf, json or yml (default: html)."),
             Tr::tr("format")),
      output({QStringLiteral("o"), QStringLiteral("output")},
             Tr::tr("report: write to this file (default: stdout; a PDF goes to onramp-report.pdf)."),
             Tr::tr("file")),
      snippets(QStringLiteral("snippets"),
               Tr::tr("check: run the snippets of this folder (default: Onramp’s snippets folder)."),
               Tr::tr("folder"))
{ }

QList<QCommandLineOption> PythonCliOptions::all() const
{
    return {evidence, format, output, snippets};
}

bool isPythonVerb(const QString &verb)
{
    return verb == QLatin1String("check") || verb == QLatin1String("report");
}

bool wantsPdf(const QStringList &arguments)
{
    if (!arguments.contains(QLatin1String("report")))
        return false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--format") && i + 1 < arguments.size()
            && arguments[i + 1] == QLatin1String("pdf"))
            return true;
        if (arguments[i] == QLatin1String("--format=pdf"))
            return true;
    }
    return false;
}

Result<PythonRequest> pythonRequestFrom(const QString &verb, const QStringList &words,
                                        const QCommandLineParser &parser, const PythonCliOptions &options)
{
    auto invalid = [](const QString &message) { return Error {ErrorKind::InvalidInput, message, {}}; };
    if (!words.isEmpty())
        return invalid(
            Tr::tr("“%1” takes no further words (got “%2”).").arg(verb, words.join(QLatin1Char(' '))));
    PythonRequest request;
    request.verb = verb;
    request.source.file = parser.value(options.evidence);
    request.source.host = parser.value(QStringLiteral("host"));
    request.source.envName = parser.value(QStringLiteral("env"));
    if (request.source.envName.isEmpty())
        request.source.envName = setup::guided::SetupOptions {}.envName;
    if (request.source.file.isEmpty() && request.source.host.isEmpty())
        return invalid(Tr::tr("say whose evidence to use: --host HOST [--env NAME] (the setup journal) or "
                              "--evidence FILE."));
    request.source.profile.name = request.source.host;
    request.source.profile.host = request.source.host;
    request.source.profile.user = parser.value(QStringLiteral("user"));
    request.source.profile.port = parser.value(QStringLiteral("port")).toInt();
    request.source.profile.proxyJump = parser.value(QStringLiteral("jump"));

    const QString lang = parser.value(QStringLiteral("lang"));
    const QString effective = lang.isEmpty() ? QLocale().name() : lang;
    request.lang = effective.startsWith(QLatin1String("zh")) ? QStringLiteral("zh") : QStringLiteral("en");
    request.json = parser.isSet(QStringLiteral("json"));

    if (verb == QLatin1String("check")) {
        for (const QCommandLineOption &option : {options.format, options.output}) {
            if (parser.isSet(option))
                return invalid(
                    Tr::tr("--%1 belongs to “report”, not to “check”.").arg(option.names().constLast()));
        }
        request.snippetFolder = parser.isSet(options.snippets) ? parser.value(options.snippets)
                                                               : python::PythonRuntime::snippetFolder();
        return request;
    }
    if (parser.isSet(options.snippets))
        return invalid(Tr::tr("--snippets belongs to “check”, not to “report”."));
    request.format = parser.isSet(options.format) ? parser.value(options.format) : QStringLiteral("html");
    if (!reportFormats().contains(request.format))
        return invalid(
            Tr::tr("unknown report format “%1”; use html, md, pdf, json or yml.").arg(request.format));
    request.outputPath = parser.value(options.output);
    if (request.format == QLatin1String("pdf") && request.outputPath.isEmpty())
        request.outputPath = QStringLiteral("onramp-report.pdf");
    return request;
}

Result<QJsonObject> loadEvidence(const EvidenceSource &source)
{
    if (!source.file.isEmpty()) {
        QFile file(source.file);
        if (!file.open(QIODevice::ReadOnly))
            return Error {
                ErrorKind::InvalidInput,
                Tr::tr("Onramp could not read the evidence file %1: %2").arg(source.file, file.errorString()),
                {}};
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return Error {ErrorKind::InvalidInput,
                          Tr::tr("%1 is not an evidence file (a JSON object was expected).").arg(source.file),
                          error.errorString()};
        return document.object();
    }
    const setup::guided::SetupJournal journal;
    const auto evidence = journal.load(source.host, source.envName);
    if (!evidence)
        return Error {
            ErrorKind::InvalidInput,
            Tr::tr("Onramp has no setup of “%1” on %2 yet (looked for %3). Run “onramp-cli setup” first, "
                   "or give --evidence FILE.")
                .arg(source.envName, source.host, journal.pathFor(source.host, source.envName)),
            {}};
    setup::guided::ReportExtras extras;
    extras.profile = source.profile;
    return setup::guided::reportEvidence(*evidence, extras);
}

int runCheck(const PythonRequest &request)
{
    const Result<QJsonObject> evidence = loadEvidence(request.source);
    if (!evidence)
        return failWith(evidence.error());

    python::PythonRuntime runtime;
    runtime.setEvidence(evidence.value());
    QEventLoop loop;
    std::optional<Error> error;
    QList<python::CheckOutcome> checks;
    QList<python::SnippetRun> snippets;
    qsizetype snippetsLeft = 0;
    QHash<QString, QString> titles;

    QObject::connect(&runtime, &python::PythonRuntime::snippetFinished, &loop,
                     [&](quint64, python::SnippetRun run) {
                         // The docstring's first line names it better than its file name.
                         if (const QString title = titles.value(run.path); !title.isEmpty())
                             run.outcome.title = title;
                         snippets.append(run);
                         if (--snippetsLeft == 0)
                             loop.quit();
                     });
    QObject::connect(&runtime, &python::PythonRuntime::snippetsDiscovered, &loop,
                     [&](quint64, const Result<QList<python::SnippetInfo>> &found) {
                         if (!found) {
                             error = found.error();
                             loop.quit();
                             return;
                         }
                         snippetsLeft = found.value().size();
                         if (snippetsLeft == 0)
                             loop.quit();
                         for (const python::SnippetInfo &snippet : found.value()) {
                             titles.insert(snippet.path, snippet.title);
                             runtime.runSnippetFile(snippet.path);
                         }
                     });
    QObject::connect(
        &runtime, &python::PythonRuntime::checksFinished, &loop,
        [&](quint64, const Result<QList<python::CheckOutcome>> &result, const python::CallOutput &) {
            if (!result) {
                error = result.error();
                loop.quit();
                return;
            }
            checks = result.value();
            runtime.discoverSnippets(request.snippetFolder);
        });
    runtime.runChecks(request.lang);
    loop.exec();
    if (error)
        return failWith(*error);

    bool anyFailed = false;
    for (const python::CheckOutcome &check : checks)
        anyFailed = anyFailed || failed(check.status);
    for (const python::SnippetRun &run : snippets)
        anyFailed = anyFailed || failed(run.outcome.status);

    if (request.json) {
        QJsonArray checkArray;
        for (const python::CheckOutcome &check : checks)
            checkArray.append(toJson(check));
        QJsonArray snippetArray;
        for (const python::SnippetRun &run : snippets) {
            QJsonObject o = toJson(run.outcome);
            o.insert(QStringLiteral("path"), run.path);
            o.insert(QStringLiteral("stopped"), run.stopped);
            o.insert(QStringLiteral("traceback"), run.traceback);
            o.insert(QStringLiteral("stdout"), run.output.stdoutText);
            o.insert(QStringLiteral("stderr"), run.output.stderrText);
            o.insert(QStringLiteral("elapsed_ms"), run.elapsedMs);
            snippetArray.append(o);
        }
        const QJsonObject document {{QStringLiteral("schema"), QStringLiteral("onramp.check/1")},
                                    {QStringLiteral("lang"), request.lang},
                                    {QStringLiteral("passed"), !anyFailed},
                                    {QStringLiteral("checks"), checkArray},
                                    {QStringLiteral("snippets"), snippetArray}};
        write(stdout, QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)));
        return anyFailed ? kExitSomethingFailed : kExitAllPassed;
    }

    QString out;
    auto line = [&](const python::CheckOutcome &outcome) {
        out += QStringLiteral("%1  %2: %3\n")
                   .arg(statusLabel(outcome.status).leftJustified(5), outcome.title, outcome.message);
        if (!outcome.fix.isEmpty() && outcome.status != QLatin1String("pass"))
            out += Tr::tr("      Fix: %1\n").arg(outcome.fix);
    };
    for (const python::CheckOutcome &check : checks)
        line(check);
    if (!snippets.isEmpty())
        out += Tr::tr("\nYour snippets (%1):\n").arg(request.snippetFolder);
    for (const python::SnippetRun &run : snippets) {
        line(run.outcome);
        const QString printed = run.output.stdoutText + run.output.stderrText;
        if (!printed.trimmed().isEmpty())
            out += indented(printed);
        if (!run.traceback.isEmpty())
            out += indented(run.traceback);
    }
    qsizetype failures = 0;
    for (const python::CheckOutcome &check : checks)
        failures += failed(check.status) ? 1 : 0;
    for (const python::SnippetRun &run : snippets)
        failures += failed(run.outcome.status) ? 1 : 0;
    out += QLatin1Char('\n')
        + (anyFailed ? Tr::tr("%n check(s) failed.", nullptr, int(failures))
                     : Tr::tr("Nothing failed (%n check(s) and snippet(s) run).", nullptr,
                              int(checks.size() + snippets.size())))
        + QLatin1Char('\n');
    write(stdout, out);
    return anyFailed ? kExitSomethingFailed : kExitAllPassed;
}

int runReport(const PythonRequest &request)
{
    const Result<QJsonObject> evidence = loadEvidence(request.source);
    if (!evidence)
        return failWith(evidence.error());

    python::PythonRuntime runtime;
    runtime.setEvidence(evidence.value());
    QEventLoop loop;
    std::optional<Result<QByteArray>> written;

    if (const auto format = python::reportFormatFromKey(request.format)) {
        QObject::connect(&runtime, &python::PythonRuntime::reportRendered, &loop,
                         [&](quint64, const Result<QString> &text, const python::CallOutput &) {
                             if (text)
                                 written = text.value().toUtf8();
                             else
                                 written = text.error();
                             loop.quit();
                         });
        runtime.renderReport(*format, request.lang);
        loop.exec();
        if (!written->ok())
            return failWith(written->error());
        if (request.outputPath.isEmpty() || request.outputPath == QLatin1String("-")) {
            std::fwrite(written->value().constData(), 1, size_t(written->value().size()), stdout);
            std::fflush(stdout);
            return kExitAllPassed;
        }
        QSaveFile file(request.outputPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(written->value()) != written->value().size()
            || !file.commit())
            return failWith(
                {ErrorKind::InvalidInput,
                 Tr::tr("Onramp could not write %1: %2").arg(request.outputPath, file.errorString()),
                 {}});
        return kExitAllPassed;
    }

    std::optional<Error> error;
    QObject::connect(&runtime, &python::PythonRuntime::printableReportRendered, &loop,
                     [&](quint64, const Result<python::PrintableReport> &report, const python::CallOutput &) {
                         if (!report) {
                             error = report.error();
                         } else {
                             const QJsonObject &ev = evidence.value();
                             const QString title = Tr::tr("Onramp report: %1 on %2")
                                                       .arg(ev.value(QLatin1String("options"))
                                                                .toObject()
                                                                .value(QLatin1String("env"))
                                                                .toString(),
                                                            ev.value(QLatin1String("host")).toString());
                             const Status status
                                 = python::writeReportPdf(report.value(), request.outputPath, title);
                             if (!status)
                                 error = status.error();
                         }
                         loop.quit();
                     });
    runtime.renderPrintableReport(request.lang);
    loop.exec();
    if (error)
        return failWith(*error);
    write(stderr, Tr::tr("The report is in %1.\n").arg(QFileInfo(request.outputPath).absoluteFilePath()));
    return kExitAllPassed;
}

} // namespace onramp::cli
