#pragma once

#include "core/error.h"
#include "setup/guided/reportevidence.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>

namespace onramp::cli {

// The options of `onramp-cli check` and `onramp-cli report`, beside --host, --env, --json and --lang.
struct PythonCliOptions {
    PythonCliOptions();
    QList<QCommandLineOption> all() const;

    QCommandLineOption evidence;
    QCommandLineOption format;
    QCommandLineOption output;
    QCommandLineOption snippets;
};

bool isPythonVerb(const QString &verb); // "check", "report"

// Where the evidence comes from: a file (`--evidence FILE`, as written by `report --format json`'s
// "evidence" or the GUI's export), else the setup journal of --host and --env.
struct EvidenceSource {
    QString file;
    QString host;
    QString envName;
    setup::guided::EvidenceProfile profile; // from the connection options, for the report's header
};

struct PythonRequest {
    QString verb;
    EvidenceSource source;
    QString lang; // "en" or "zh": the checks' and the report's language
    bool json = false; // check: one JSON document
    QString snippetFolder; // check: the person's snippets (default: the app's snippets folder)
    QString format; // report: html, md, pdf, json, yml
    QString outputPath; // report: empty: stdout (pdf: onramp-report.pdf)
};

// `words` follow the verb; a mistake is ErrorKind::InvalidInput with a translated sentence.
Result<PythonRequest> pythonRequestFrom(const QString &verb, const QStringList &words,
                                        const QCommandLineParser &parser, const PythonCliOptions &options);

// Whether these arguments ask for a PDF, which needs a QGuiApplication (main() creates the application
// before parsing).
bool wantsPdf(const QStringList &arguments);

Result<QJsonObject> loadEvidence(const EvidenceSource &source);

// `onramp-cli check`: the built-in checks, then every snippet of the folder, over the evidence.
// Prints a line per result (or --json); exit status 0 when nothing failed (warnings allowed), 1 when a
// check or a snippet failed (a snippet that raised or overran its deadline counts as failed), 2 when
// the evidence or Python was unavailable.
int runCheck(const PythonRequest &request);

// `onramp-cli report`: the report in one format, to -o FILE or stdout. Exit status 0, or 2 with the
// reason on stderr.
int runReport(const PythonRequest &request);

} // namespace onramp::cli
