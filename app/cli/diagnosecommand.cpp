#include "cli/diagnosecommand.h"

#include "cli/clitr.h"
#include "cli/statuscommands.h"
#include "cluster/logdiagnosis.h"
#include "setup/status/statusjson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include <cstdio>

namespace onramp::cli {

namespace {

constexpr int kExitRecognised = 0;
constexpr int kExitNothingRecognised = 1;
constexpr int kExitUsage = 2;

bool isStdin(const QString &path)
{
    return path.isEmpty() || path == QLatin1String("-");
}

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Every line of `text` after `indent`, so that a multi-line evidence block stays readable.
QString indented(const QString &text, const QString &indent)
{
    QString out;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines)
        out += indent + line + u'\n';
    return out;
}

QString plainReport(const cluster::Diagnoses &diagnoses)
{
    QString out;
    for (qsizetype i = 0; i < diagnoses.size(); ++i) {
        const cluster::Diagnosis &d = diagnoses[i];
        if (i > 0)
            out += u'\n';
        out += Tr::tr("Problem %1 of %2: %3\n").arg(i + 1).arg(diagnoses.size()).arg(d.summary);
        out += Tr::tr("  What to do: %1\n").arg(d.suggestion);
        if (!d.evidence.isEmpty()) {
            out += Tr::tr("  Recognised from these lines of the log:\n");
            out += indented(d.evidence, QStringLiteral("    | "));
        }
    }
    return out;
}

} // namespace

bool isDiagnoseVerb(const QString &verb)
{
    return verb == QLatin1String("diagnose");
}

Result<DiagnoseRequest> diagnoseRequestFrom(const QStringList &words, const QCommandLineParser &parser,
                                            const StatusOptions &options)
{
    const auto usage = [](const QString &message) { return Error {ErrorKind::InvalidInput, message, {}}; };
    if (words.size() > 1)
        return usage(Tr::tr("“diagnose” reads one log, but got “%1” and “%2”.").arg(words[0], words[1]));
    for (const QCommandLineOption &option : options.all()) {
        if (option.names() != options.json.names() && parser.isSet(option))
            return usage(Tr::tr("--%1 belongs to “gpus” or “jobs”, not to “diagnose”.")
                             .arg(option.names().constFirst()));
    }
    DiagnoseRequest request;
    request.path = words.isEmpty() ? QString() : words.first();
    request.json = parser.isSet(options.json);
    if (!isStdin(request.path)) {
        const QFileInfo info(request.path);
        if (!info.exists())
            return usage(Tr::tr("there is no file “%1”.").arg(request.path));
        if (info.isDir())
            return usage(Tr::tr("“%1” is a folder; give the log file.").arg(request.path));
    }
    return request;
}

int runDiagnose(const DiagnoseRequest &request)
{
    QFile file;
    bool opened = false;
    if (isStdin(request.path)) {
        opened = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(request.path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        const QString name = isStdin(request.path) ? Tr::tr("standard input") : request.path;
        write(stderr, Tr::tr("onramp-cli: cannot read %1: %2\n").arg(name, file.errorString()));
        return kExitUsage;
    }
    // Pasted logs mix encodings and cut characters in half: every invalid byte becomes U+FFFD.
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(file.readAll());
    const cluster::Diagnoses diagnoses = cluster::diagnoseLog(text);

    if (request.json) {
        QJsonArray array;
        for (const cluster::Diagnosis &d : diagnoses)
            array.append(setup::status::toJson(d));
        const QJsonObject doc {
            {QStringLiteral("schema"), QStringLiteral("onramp.diagnose/1")},
            {QStringLiteral("source"), isStdin(request.path) ? QStringLiteral("-") : request.path},
            {QStringLiteral("diagnoses"), array}};
        write(stdout, QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)));
    } else if (diagnoses.isEmpty()) {
        write(stdout,
              Tr::tr("Onramp recognised no known problem in this log.\n"
                     "If something did go wrong, send the whole log to your cluster's helpdesk: people can "
                     "read what Onramp cannot yet.\n"));
    } else {
        write(stdout, plainReport(diagnoses));
    }
    return diagnoses.isEmpty() ? kExitNothingRecognised : kExitRecognised;
}

} // namespace onramp::cli
