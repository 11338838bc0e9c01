#include "cluster/conda/condainfo.h"

#include "cluster/conda/condaoutput.h"
#include "cluster/conda/condatr.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

// Classic nested namespace blocks: Qt 6.4's lupdate does not parse `namespace a::b {`.
namespace onramp {
namespace cluster {

namespace {

using condaoutput::jsonString;
using condaoutput::unexpected;

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    const QJsonArray array = v.toArray();
    for (const QJsonValue &item : array) {
        if (item.isString())
            out << item.toString();
    }
    return out;
}

QString withoutTrailingSlash(QString path)
{
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    return path;
}

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash <= 0 ? QStringLiteral("/") : path.left(slash);
}

} // namespace

QString CondaInfo::virtualPackageVersion(QStringView name) const
{
    for (const CondaVirtualPackage &p : virtualPackages) {
        if (p.name == name)
            return p.version;
    }
    return {};
}

QString CondaInfo::cudaVersion() const
{
    return virtualPackageVersion(u"__cuda");
}

Result<CondaInfo> parseCondaInfoJson(QStringView text)
{
    auto doc = condaoutput::parseJson(text, u"conda info --json");
    if (!doc)
        return doc.error();
    const QJsonObject o = doc.value().object();
    if (!doc.value().isObject()
        || (!o.value(u"conda_version").isString() && !o.value(u"root_prefix").isString()))
        return unexpected(
            CondaTr::tr("The output of “conda info --json” does not look like conda's information."),
            QStringLiteral("conda info --json: no conda_version or root_prefix; starts with \"%1\"")
                .arg(condaoutput::excerpt(text.trimmed())));
    CondaInfo info;
    info.condaVersion = jsonString(o.value(u"conda_version"));
    info.rootPrefix = jsonString(o.value(u"root_prefix"));
    info.activePrefix = jsonString(o.value(u"active_prefix"));
    info.activePrefixName = jsonString(o.value(u"active_prefix_name"));
    info.defaultPrefix = jsonString(o.value(u"default_prefix"));
    info.platform = jsonString(o.value(u"platform"));
    info.pythonVersion = jsonString(o.value(u"python_version"));
    info.channels = strings(o.value(u"channels"));
    info.pkgsDirs = strings(o.value(u"pkgs_dirs"));
    info.envsDirs = strings(o.value(u"envs_dirs"));
    info.envs = strings(o.value(u"envs"));
    const QJsonArray virtuals = o.value(u"virtual_pkgs").toArray();
    for (const QJsonValue &v : virtuals) {
        CondaVirtualPackage p;
        if (v.isArray()) { // ["__cuda", "12.2", "0"]
            const QJsonArray a = v.toArray();
            p.name = jsonString(a.at(0));
            p.version = jsonString(a.at(1));
            p.build = jsonString(a.at(2));
        } else if (v.isObject()) { // tolerated: {"name": ..., "version": ..., "build": ...}
            const QJsonObject vo = v.toObject();
            p.name = jsonString(vo.value(u"name"));
            p.version = jsonString(vo.value(u"version"));
            p.build = jsonString(vo.value(u"build"));
        }
        if (!p.name.isEmpty())
            info.virtualPackages << p;
    }
    return info;
}

Result<QList<CondaEnvironment>> parseEnvListJson(QStringView text, const QStringList &envsDirs,
                                                 const QString &rootPrefix)
{
    auto doc = condaoutput::parseJson(text, u"conda env list --json");
    if (!doc)
        return doc.error();
    const QJsonObject o = doc.value().object();
    if (!doc.value().isObject() || !o.value(u"envs").isArray())
        return unexpected(CondaTr::tr("The output of “conda env list --json” has no list of environments."),
                          QStringLiteral("conda env list --json: no \"envs\" array; starts with \"%1\"")
                              .arg(condaoutput::excerpt(text.trimmed())));
    const QJsonArray array = o.value(u"envs").toArray();
    QStringList prefixes;
    for (const QJsonValue &v : array) {
        if (!v.isString() || !v.toString().startsWith(u'/'))
            return unexpected(
                CondaTr::tr("The output of “conda env list --json” lists something that is not an "
                            "environment path."),
                QStringLiteral("conda env list --json: envs entry %1")
                    .arg(condaoutput::excerpt(
                        QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact)))));
        prefixes << withoutTrailingSlash(v.toString());
    }

    // The root prefix: given, or in the 25.x object, or the entry other entries live under
    // (ROOT/envs/NAME), or the first entry (conda lists it first when nothing is sorted before it).
    QString root = withoutTrailingSlash(rootPrefix);
    if (root.isEmpty())
        root = withoutTrailingSlash(jsonString(o.value(u"root_prefix")));
    if (root.isEmpty()) {
        for (const QString &candidate : prefixes) {
            for (const QString &other : prefixes) {
                if (other.startsWith(candidate + QStringLiteral("/envs/")))
                    root = candidate;
            }
            if (!root.isEmpty())
                break;
        }
    }
    if (root.isEmpty() && !prefixes.isEmpty())
        root = prefixes.first();

    QStringList dirs = strings(o.value(u"envs_dirs"));
    if (dirs.isEmpty())
        dirs = envsDirs;
    if (dirs.isEmpty() && !root.isEmpty())
        dirs << root + QStringLiteral("/envs");
    for (QString &d : dirs)
        d = withoutTrailingSlash(d);
    const QString active = withoutTrailingSlash(jsonString(o.value(u"active_prefix")));

    QList<CondaEnvironment> envs;
    for (const QString &prefix : prefixes) {
        CondaEnvironment env;
        env.prefix = prefix;
        env.base = prefix == root;
        if (env.base)
            env.name = QStringLiteral("base");
        else if (dirs.contains(parentOf(prefix)))
            env.name = prefix.mid(prefix.lastIndexOf(u'/') + 1);
        env.active = !active.isEmpty() && prefix == active;
        envs << env;
    }
    return envs;
}

Result<QList<CondaEnvironment>> parseEnvListText(QStringView text)
{
    QList<CondaEnvironment> envs;
    bool sawHeader = false;
    const QStringList lines = condaoutput::renderLines(text);
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(u'#')) {
            sawHeader = sawHeader || line.contains(u"conda environments");
            continue;
        }
        // NAME? MARKERS? /PREFIX   (a prefix outside envs_dirs has no name)
        static const QRegularExpression re(QStringLiteral(R"(^(\S+)?\s+((?:[*+]\s*)*)(/.*)$)"));
        const auto m = re.match(line);
        if (!m.hasMatch() || m.captured(1).startsWith(u'/')) {
            return unexpected(CondaTr::tr("A line of “conda env list” could not be read."),
                              QStringLiteral("conda env list: line \"%1\"").arg(condaoutput::excerpt(line)));
        }
        CondaEnvironment env;
        env.name = m.captured(1);
        env.prefix = withoutTrailingSlash(m.captured(3).trimmed());
        env.active = m.captured(2).contains(u'*');
        env.base = env.name == u"base";
        envs << env;
    }
    if (envs.isEmpty() && !sawHeader)
        return unexpected(
            CondaTr::tr("The output of “conda env list” has no table of environments."),
            QStringLiteral("conda env list: starts with \"%1\"").arg(condaoutput::excerpt(text.trimmed())));
    return envs;
}

Result<QList<CondaPackage>> parsePackageListJson(QStringView text)
{
    auto doc = condaoutput::parseJson(text, u"conda list --json");
    if (!doc)
        return doc.error();
    if (!doc.value().isArray())
        return unexpected(CondaTr::tr("The output of “conda list --json” is not a list of packages."),
                          QStringLiteral("conda list --json: not an array; starts with \"%1\"")
                              .arg(condaoutput::excerpt(text.trimmed())));
    QList<CondaPackage> packages;
    const QJsonArray array = doc.value().array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        CondaPackage p;
        p.name = jsonString(o.value(u"name"));
        p.version = jsonString(o.value(u"version"));
        p.build = jsonString(o.value(u"build_string"));
        if (p.build.isEmpty())
            p.build = jsonString(o.value(u"build"));
        p.buildNumber = o.value(u"build_number").isDouble() ? o.value(u"build_number").toInt() : -1;
        p.channel
            = condaoutput::recordChannel(jsonString(o.value(u"channel")), jsonString(o.value(u"base_url")));
        p.subdir = jsonString(o.value(u"platform"));
        if (p.subdir.isEmpty())
            p.subdir = jsonString(o.value(u"subdir"));
        if (!v.isObject() || p.name.isEmpty() || p.version.isEmpty())
            return unexpected(
                CondaTr::tr("The output of “conda list --json” has an entry without a package name "
                            "or version."),
                QStringLiteral("conda list --json: entry %1")
                    .arg(condaoutput::excerpt(
                        QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact)))));
        packages << p;
    }
    return packages;
}

Result<QList<CondaPackage>> parsePackageListText(QStringView text)
{
    QList<CondaPackage> packages;
    bool sawHeader = false;
    const QStringList lines = condaoutput::renderLines(text);
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(u'#')) {
            const QStringList columns = line.mid(1).split(u' ', Qt::SkipEmptyParts);
            if (!columns.isEmpty() && columns.first() == u"Name") {
                if (columns
                    != QStringList {QStringLiteral("Name"), QStringLiteral("Version"),
                                    QStringLiteral("Build"), QStringLiteral("Channel")})
                    return unexpected(
                        CondaTr::tr("The table of “conda list” has columns Onramp does not know."),
                        QStringLiteral("conda list: header \"%1\"").arg(condaoutput::excerpt(line)));
            }
            sawHeader = sawHeader || line.startsWith(u"# packages in environment");
            continue;
        }
        const QStringList cells = line.split(u' ', Qt::SkipEmptyParts);
        if (cells.size() < 3 || cells.size() > 4)
            return unexpected(CondaTr::tr("A line of “conda list” could not be read."),
                              QStringLiteral("conda list: line \"%1\"").arg(condaoutput::excerpt(line)));
        CondaPackage p;
        p.name = cells[0];
        p.version = cells[1];
        p.build = cells[2];
        p.channel = cells.size() == 4 ? condaoutput::shortChannel(cells[3]) : QStringLiteral("defaults");
        packages << p;
    }
    if (packages.isEmpty() && !sawHeader)
        return unexpected(
            CondaTr::tr("The output of “conda list” has no table of packages."),
            QStringLiteral("conda list: starts with \"%1\"").arg(condaoutput::excerpt(text.trimmed())));
    return packages;
}

} // namespace cluster
} // namespace onramp
