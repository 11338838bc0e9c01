#include "cluster/conda/condacommands.h"

#include "cluster/conda/condatr.h"
#include "core/shellquote.h"

#include <QRegularExpression>

// Classic nested namespace blocks: Qt 6.4's lupdate does not parse `namespace a::b {`.
namespace onramp {
namespace cluster {

namespace {

const QString kName = QStringLiteral(R"([A-Za-z0-9_][A-Za-z0-9_.\-]*)");

Error invalid(const QString &message)
{
    return Error {ErrorKind::InvalidInput, message, {}};
}

bool hasControlCharacter(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

bool isAbsolutePath(const QString &path)
{
    return path.startsWith(u'/') && path.size() <= 1024 && !hasControlCharacter(path);
}

// ["-n", name] or ["-p", prefix]
QStringList envArguments(const QString &env)
{
    if (env.startsWith(u'/'))
        return {QStringLiteral("-p"), env};
    return {QStringLiteral("-n"), env};
}

// `env CONDA_OVERRIDE_CUDA=V` in front of a command: `env` makes the assignment one quoted word.
QStringList overridePrefix(const std::optional<QString> &overrideCuda)
{
    if (!overrideCuda)
        return {};
    return {QStringLiteral("env"), QStringLiteral("CONDA_OVERRIDE_CUDA=") + *overrideCuda};
}

enum class Verb { Create, Install, Remove };

Result<QString> packageCommand(Verb verb, const CondaPackageRequest &request, bool removeAll,
                               const CondaTool &tool)
{
    if (Status s = validateCondaTool(tool); !s)
        return s.error();
    if (Status s
        = validateEnvTarget(request.env, verb == Verb::Create ? EnvNameUse::Create : EnvNameUse::Existing);
        !s)
        return s.error();
    for (const QString &spec : request.specs) {
        if (Status s = validatePackageSpec(spec); !s)
            return s.error();
    }
    for (const QString &channel : request.channels) {
        if (Status s = validateChannel(channel); !s)
            return s.error();
    }
    if (request.overrideCuda) {
        if (Status s = validateCudaOverride(*request.overrideCuda); !s)
            return s.error();
    }
    if (verb == Verb::Install && request.specs.isEmpty())
        return invalid(CondaTr::tr("There is no package to install."));
    if (verb == Verb::Remove) {
        if (removeAll && !request.specs.isEmpty())
            return invalid(
                CondaTr::tr("Removing the whole environment cannot be combined with package names."));
        if (!removeAll && request.specs.isEmpty())
            return invalid(CondaTr::tr("There is no package to remove."));
        if (!request.channels.isEmpty() || request.overrideChannels)
            return invalid(CondaTr::tr("Channels do not apply when packages are removed."));
        if (removeAll && !request.env.startsWith(u'/') && (request.env == u"base" || request.env == u"root"))
            return invalid(CondaTr::tr("The base environment cannot be removed."));
    }
    if (request.overrideChannels && request.channels.isEmpty())
        return invalid(CondaTr::tr("--override-channels needs at least one channel."));

    QStringList argv = overridePrefix(request.overrideCuda);
    argv << tool.executable;
    switch (verb) {
    case Verb::Create:
        argv << QStringLiteral("create");
        break;
    case Verb::Install:
        argv << QStringLiteral("install");
        break;
    case Verb::Remove:
        argv << QStringLiteral("remove");
        break;
    }
    argv << envArguments(request.env);
    if (removeAll)
        argv << QStringLiteral("--all");
    argv << request.specs;
    for (const QString &channel : request.channels)
        argv << QStringLiteral("-c") << channel;
    if (request.overrideChannels)
        argv << QStringLiteral("--override-channels");
    argv << (request.dryRun ? QStringLiteral("--dry-run") : QStringLiteral("-y"));
    if (request.json)
        argv << QStringLiteral("--json");
    return shellJoin(argv);
}

} // namespace

Status validateCondaTool(const CondaTool &tool)
{
    static const QRegularExpression plain(QStringLiteral(R"(^[A-Za-z0-9_][A-Za-z0-9_.\-]*\z)"));
    if (plain.match(tool.executable).hasMatch() || isAbsolutePath(tool.executable))
        return success();
    return invalid(CondaTr::tr("“%1” is not a conda program Onramp can run: give a name such as conda or an "
                               "absolute path.")
                       .arg(tool.executable));
}

Status validateEnvName(const QString &name, EnvNameUse use)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9_][A-Za-z0-9_.+\-]*\z)"));
    if (name.isEmpty())
        return invalid(CondaTr::tr("The environment name is empty."));
    if (name.size() > 64)
        return invalid(CondaTr::tr("The environment name “%1” is longer than 64 characters.").arg(name));
    if (!re.match(name).hasMatch() || name == u"." || name == u"..")
        return invalid(
            CondaTr::tr("“%1” is not a valid environment name: use only letters, digits and _ . - + "
                        "(no spaces, no / : # ;), starting with a letter, a digit or _.")
                .arg(name));
    if (use == EnvNameUse::Create && (name == u"base" || name == u"root"))
        return invalid(
            CondaTr::tr("“%1” is the name of conda's own base environment; choose another name for "
                        "a new environment.")
                .arg(name));
    return success();
}

Status validateEnvTarget(const QString &nameOrPrefix, EnvNameUse use)
{
    if (!nameOrPrefix.startsWith(u'/'))
        return validateEnvName(nameOrPrefix, use);
    if (!isAbsolutePath(nameOrPrefix) || nameOrPrefix.contains(u"/../") || nameOrPrefix.endsWith(u"/.."))
        return invalid(CondaTr::tr("“%1” is not a usable path for an environment.").arg(nameOrPrefix));
    if (use == EnvNameUse::Create) {
        for (QChar c : {u' ', u':', u'#'}) {
            if (nameOrPrefix.contains(c))
                return invalid(CondaTr::tr("conda cannot create an environment at “%1”: the path must not "
                                           "contain spaces, ':' or '#'.")
                                   .arg(nameOrPrefix));
        }
    }
    return success();
}

Status validatePackageSpec(const QString &spec)
{
    static const QString channel = kName + QStringLiteral(R"((?:/[A-Za-z0-9_][A-Za-z0-9_.\-]*)*)");
    static const QString version = QStringLiteral(R"((?:\*|[A-Za-z0-9][A-Za-z0-9_.*+!]*))");
    static const QString build = QStringLiteral(R"([A-Za-z0-9_*][A-Za-z0-9_.*+]*)");
    static const QString op = QStringLiteral(R"((?:==|!=|~=|>=|<=|>|<))");
    static const QString exact = QStringLiteral("(?:==?%1(?:=%2)?)").arg(version, build);
    static const QString ranges = QStringLiteral("(?:%1%2(?:[,|]%1%2)*)").arg(op, version);
    static const QRegularExpression re(
        QStringLiteral("^(?:%1::)?%2(?:%3|%4)?\\z").arg(channel, kName, exact, ranges));
    if (spec.isEmpty())
        return invalid(CondaTr::tr("A package spec is empty."));
    if (spec.size() > 200 || !re.match(spec).hasMatch())
        return invalid(
            CondaTr::tr("“%1” is not a package spec Onramp can pass to conda: write name, name=1.2, "
                        "name>=1.2 or channel::name, without spaces or quotes.")
                .arg(spec));
    return success();
}

Status validateChannel(const QString &channel)
{
    static const QRegularExpression name(
        QStringLiteral("^%1(?:/%1)*\\z").arg(QStringLiteral(R"([A-Za-z0-9_][A-Za-z0-9_.\-]*)")));
    static const QRegularExpression https(QStringLiteral(
        R"(^https://[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?(?::\d{1,5})?(?:/[A-Za-z0-9_.~%+@=,\-]*)*\z)"));
    static const QRegularExpression file(QStringLiteral(R"(^file://(?:/[A-Za-z0-9_.~%+@=,\-]+)+/?\z)"));
    if (channel.isEmpty())
        return invalid(CondaTr::tr("A channel name is empty."));
    if (channel.size() <= 512
        && (name.match(channel).hasMatch() || https.match(channel).hasMatch()
            || file.match(channel).hasMatch()))
        return success();
    return invalid(
        CondaTr::tr("“%1” is not a channel Onramp can pass to conda: give a name such as conda-forge "
                    "or an https:// or file:// address without spaces or quotes.")
            .arg(channel));
}

Status validateCudaOverride(const QString &version)
{
    static const QRegularExpression re(QStringLiteral(R"(^(?:\d{1,2}(?:\.\d{1,2}){0,2})?\z)"));
    if (re.match(version).hasMatch())
        return success();
    return invalid(
        CondaTr::tr("“%1” is not a CUDA version for CONDA_OVERRIDE_CUDA (write it like 12.2).").arg(version));
}

Result<QString> condaInfoCommand(const CondaTool &tool)
{
    if (Status s = validateCondaTool(tool); !s)
        return s.error();
    return shellJoin({tool.executable, QStringLiteral("info"), QStringLiteral("--json")});
}

Result<QString> condaEnvListCommand(const CondaTool &tool)
{
    if (Status s = validateCondaTool(tool); !s)
        return s.error();
    return shellJoin(
        {tool.executable, QStringLiteral("env"), QStringLiteral("list"), QStringLiteral("--json")});
}

Result<QString> condaListCommand(const QString &env, const CondaTool &tool)
{
    if (Status s = validateCondaTool(tool); !s)
        return s.error();
    if (Status s = validateEnvTarget(env); !s)
        return s.error();
    return shellJoin(QStringList {tool.executable, QStringLiteral("list")} << envArguments(env)
                                                                           << QStringLiteral("--json"));
}

Result<QString> condaCreateCommand(const CondaPackageRequest &request, const CondaTool &tool)
{
    return packageCommand(Verb::Create, request, false, tool);
}

Result<QString> condaInstallCommand(const CondaPackageRequest &request, const CondaTool &tool)
{
    return packageCommand(Verb::Install, request, false, tool);
}

Result<QString> condaRemoveCommand(const CondaPackageRequest &request, bool removeAll, const CondaTool &tool)
{
    return packageCommand(Verb::Remove, request, removeAll, tool);
}

Result<QString> condaCleanCommand(const CondaTool &tool)
{
    if (Status s = validateCondaTool(tool); !s)
        return s.error();
    return shellJoin(
        {tool.executable, QStringLiteral("clean"), QStringLiteral("--all"), QStringLiteral("--yes")});
}

Result<QString> condaRunCommand(const QString &env, const QStringList &argv, bool liveStream,
                                const CondaTool &tool)
{
    if (Status s = validateCondaTool(tool); !s)
        return s.error();
    if (Status s = validateEnvTarget(env); !s)
        return s.error();
    if (argv.isEmpty() || argv.first().isEmpty())
        return invalid(CondaTr::tr("There is no command to run in the environment."));
    QStringList words {tool.executable, QStringLiteral("run")};
    words << envArguments(env);
    if (liveStream)
        words << QStringLiteral("--no-capture-output");
    words << argv;
    return shellJoin(words);
}

Result<QString> condaActivateCommand(const QString &basePrefix, const QString &env, const QStringList &argv,
                                     const std::optional<QString> &overrideCuda)
{
    if (!isAbsolutePath(basePrefix))
        return invalid(CondaTr::tr("“%1” is not the absolute path of a conda installation.").arg(basePrefix));
    if (Status s = validateEnvTarget(env); !s)
        return s.error();
    if (!argv.isEmpty() && argv.first().isEmpty())
        return invalid(CondaTr::tr("There is no command to run in the environment."));
    QString base = basePrefix;
    while (base.size() > 1 && base.endsWith(u'/'))
        base.chop(1);
    QString line;
    if (overrideCuda) {
        if (Status s = validateCudaOverride(*overrideCuda); !s)
            return s.error();
        // a literal assignment: the value is digits and dots (or empty), quoted all the same
        line += QStringLiteral("export CONDA_OVERRIDE_CUDA=") + shellQuote(*overrideCuda)
            + QStringLiteral(" && ");
    }
    line += QStringLiteral(". ") + shellQuote(QString(base + QStringLiteral("/etc/profile.d/conda.sh")));
    line += QStringLiteral(" && conda activate ") + shellQuote(env);
    if (!argv.isEmpty())
        line += QStringLiteral(" && ") + shellJoin(argv);
    return line;
}

} // namespace cluster
} // namespace onramp
