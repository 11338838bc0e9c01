#include "cluster/conda/condaplan.h"

#include "cluster/conda/condaoutput.h"
#include "cluster/conda/condatr.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

// Classic nested namespace blocks: Qt 6.4's lupdate does not parse `namespace a::b {`.
namespace onramp {
namespace cluster {

namespace {

using condaoutput::jsonString;
using condaoutput::unexpected;

QString majorMinor(const QString &version)
{
    const QStringList parts = version.split(u'.');
    return parts.size() >= 2 ? parts[0] + u'.' + parts[1] : version;
}

// One package record of a JSON plan: a dict (4.3 and later) or a dist string (4.2).
bool readRecord(const QJsonValue &v, CondaPackage *p)
{
    if (v.isString()) {
        condaoutput::Dist d;
        if (!condaoutput::parseDist(v.toString(), &d))
            return false;
        p->name = d.name;
        p->version = d.version;
        p->build = d.build;
        p->channel = condaoutput::shortChannel(d.channel);
        p->subdir = d.subdir;
        return true;
    }
    if (!v.isObject())
        return false;
    const QJsonObject o = v.toObject();
    p->name = jsonString(o.value(u"name"));
    p->version = jsonString(o.value(u"version"));
    p->build = jsonString(o.value(u"build_string"));
    if (p->build.isEmpty())
        p->build = jsonString(o.value(u"build"));
    p->buildNumber = o.value(u"build_number").isDouble() ? o.value(u"build_number").toInt() : -1;
    if (o.contains(u"base_url"))
        p->channel
            = condaoutput::recordChannel(jsonString(o.value(u"channel")), jsonString(o.value(u"base_url")));
    else
        p->channel = condaoutput::shortChannel(jsonString(o.value(u"channel"))); // FETCH: the channel's URL
    p->subdir = jsonString(o.value(u"subdir"));
    if (p->subdir.isEmpty() && jsonString(o.value(u"platform")).contains(u'-'))
        p->subdir = jsonString(o.value(u"platform"));
    if (o.value(u"size").isDouble())
        p->size = qint64(o.value(u"size").toDouble());
    if (p->name.isEmpty() || p->version.isEmpty()) {
        // 4.3 dicts always carry name/version; fall back to dist_name for anything older or odd
        condaoutput::Dist d;
        if (!condaoutput::parseDist(jsonString(o.value(u"dist_name")), &d))
            return false;
        p->name = d.name;
        p->version = d.version;
        if (p->build.isEmpty())
            p->build = d.build;
    }
    return true;
}

CondaChange classify(const CondaPackage &from, const CondaPackage &to)
{
    if (!from.channel.isEmpty() && !to.channel.isEmpty() && from.channel != to.channel)
        return CondaChange::Supersede;
    if (const int c = condaoutput::compareVersions(from.version, to.version); c != 0)
        return c < 0 ? CondaChange::Update : CondaChange::Downgrade;
    if (from.buildNumber >= 0 && to.buildNumber >= 0 && from.buildNumber != to.buildNumber)
        return from.buildNumber < to.buildNumber ? CondaChange::Update : CondaChange::Downgrade;
    if (from.build != to.build)
        return CondaChange::Update;
    return CondaChange::Reinstall;
}

// The parts both parsers share: entries sorted, sizes from the downloads, python, torch.
// requestedSpecs: plan->specs are what was asked for (not "removed specs").
void finishPlan(CondaPlan *plan, bool requestedSpecs)
{
    std::stable_sort(
        plan->entries.begin(), plan->entries.end(),
        [](const CondaPlanEntry &a, const CondaPlanEntry &b) { return a.package.name < b.package.name; });
    for (CondaPlanEntry &e : plan->entries) {
        if (e.change == CondaChange::Remove)
            continue;
        for (const CondaPackage &d : std::as_const(plan->downloads)) {
            if (d.name == e.package.name && d.version == e.package.version
                && (d.build.isEmpty() || e.package.build.isEmpty() || d.build == e.package.build)) {
                if (e.package.size < 0)
                    e.package.size = d.size;
                if (e.package.channel.isEmpty())
                    e.package.channel = d.channel;
                if (e.package.build.isEmpty())
                    e.package.build = d.build;
            }
        }
        // "1.0.0-pyh_0 --> 0.9.0-pyh_0" names no channel: both sides come from the same one
        if (e.change != CondaChange::Supersede && e.previous.channel.isEmpty() && !e.previous.name.isEmpty())
            e.previous.channel = e.package.channel;
    }
    // A text plan cut short (a pasted excerpt) may list downloads but no sections: they count too.
    QList<CondaPackage> packages = plan->linked();
    for (const CondaPackage &d : std::as_const(plan->downloads)) {
        if (!plan->find(d.name))
            packages << d;
    }
    for (const CondaPackage &p : std::as_const(packages)) {
        if (p.name == u"python")
            plan->pythonVersion = p.version;
    }
    plan->torch = detectTorchBuild(packages);
    if (plan->torch.variant == TorchBuild::Variant::Absent && requestedSpecs) {
        // pytorch was asked for, but the plan as read does not show it (an excerpt cut short)
        static const QRegularExpression torchSpec(
            QStringLiteral(R"(^(?:[^:]+::)?(pytorch|pytorch-gpu|torch)(?:$|[=<>!~ ]))"),
            QRegularExpression::CaseInsensitiveOption);
        for (const QString &spec : std::as_const(plan->specs)) {
            if (torchSpec.match(spec).hasMatch()) {
                plan->torch.variant = TorchBuild::Variant::Unknown;
                plan->torch.evidence = spec;
                break;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// JSON

const QStringList &knownActionKeys()
{
    static const QStringList keys {
        QStringLiteral("LINK"),        QStringLiteral("UNLINK"),        QStringLiteral("FETCH"),
        QStringLiteral("EXTRACT"),     QStringLiteral("PREFIX"),        QStringLiteral("SYMLINK_CONDA"),
        QStringLiteral("op_order"),    QStringLiteral("RM_FETCHED"),    QStringLiteral("RM_EXTRACTED"),
        QStringLiteral("CHECK_FETCH"), QStringLiteral("CHECK_EXTRACT"),
    };
    return keys;
}

struct JsonActions {
    bool hasFetch = false; // a FETCH key (empty: everything is cached); 4.3 left it out
    QList<CondaPackage> link;
    QList<CondaPackage> unlink;
    QList<CondaPackage> fetch;
    QString prefix;
};

Result<bool> readActions(const QJsonObject &actions, JsonActions *out)
{
    for (auto it = actions.begin(); it != actions.end(); ++it) {
        if (!knownActionKeys().contains(it.key()))
            return unexpected(
                CondaTr::tr("conda's plan contains an action Onramp does not know (%1), so it cannot "
                            "be shown completely.")
                    .arg(it.key()),
                QStringLiteral("plan JSON: unknown key \"%1\" in actions").arg(it.key()));
    }
    if (out->prefix.isEmpty())
        out->prefix = jsonString(actions.value(u"PREFIX"));
    const std::pair<const char16_t *, QList<CondaPackage> *> lists[]
        = {{u"LINK", &out->link}, {u"UNLINK", &out->unlink}, {u"FETCH", &out->fetch}};
    for (const auto &[key, list] : lists) {
        const QJsonValue v = actions.value(QStringView(key));
        if (v.isUndefined() || v.isNull())
            continue;
        if (list == &out->fetch)
            out->hasFetch = true;
        if (!v.isArray())
            return unexpected(
                CondaTr::tr("conda's plan could not be read: a list of packages has an unexpected "
                            "form."),
                QStringLiteral("plan JSON: actions.%1 is not an array").arg(QStringView(key)));
        const QJsonArray array = v.toArray();
        for (const QJsonValue &item : array) {
            CondaPackage p;
            if (!readRecord(item, &p))
                return unexpected(
                    CondaTr::tr("conda's plan could not be read: a package in it has no name or "
                                "version."),
                    QStringLiteral("plan JSON: actions.%1 entry %2")
                        .arg(QStringView(key),
                             condaoutput::excerpt(QString::fromUtf8(
                                 QJsonDocument(QJsonArray {item}).toJson(QJsonDocument::Compact)))));
            *list << p;
        }
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// text

enum class Section { None, Specs, Download, New, Update, Downgrade, Supersede, Remove, Reinstall };

struct Heading {
    const char16_t *text;
    Section section;
};

// "The following packages will be SUPERCEDED" is conda 4.3-4.5's spelling.
const Heading kHeadings[] = {
    {u"The following packages will be downloaded:", Section::Download},
    {u"The following NEW packages will be INSTALLED:", Section::New},
    {u"The following packages will be UPDATED:", Section::Update},
    {u"The following packages will be DOWNGRADED:", Section::Downgrade},
    {u"The following packages will be SUPERSEDED by a higher-priority channel:", Section::Supersede},
    {u"The following packages will be SUPERCEDED by a higher-priority channel:", Section::Supersede},
    {u"The following packages will be REMOVED:", Section::Remove},
    {u"The following packages will be REINSTALLED:", Section::Reinstall},
};

// "name-version" of the download table -> name, version
bool splitNameVersion(const QString &text, CondaPackage *p)
{
    const qsizetype dash = text.lastIndexOf(u'-');
    if (dash <= 0 || dash == text.size() - 1)
        return false;
    p->name = text.left(dash);
    p->version = text.mid(dash + 1);
    return true;
}

// One side of an UPDATED/DOWNGRADED/SUPERSEDED row: "channel::name-version-build" or
// "version-build" (the name is the row's). conda shortens long left sides with '~'.
bool readChangeSide(const QString &name, QString side, CondaPackage *p)
{
    side.remove(u'~');
    if (side.contains(u"::")) {
        condaoutput::Dist d;
        if (!condaoutput::parseDist(side, &d))
            return false;
        p->name = d.name;
        p->version = d.version;
        p->build = d.build;
        p->channel = condaoutput::shortChannel(d.channel);
        p->subdir = d.subdir;
        return true;
    }
    p->name = name;
    const qsizetype dash = side.lastIndexOf(u'-');
    if (dash <= 0) {
        p->version = side;
        return !side.isEmpty();
    }
    p->version = side.left(dash);
    p->build = side.mid(dash + 1);
    return true;
}

} // namespace

QList<CondaPackage> CondaPlan::linked() const
{
    QList<CondaPackage> out;
    for (const CondaPlanEntry &e : entries) {
        if (e.change != CondaChange::Remove)
            out << e.package;
    }
    return out;
}

QList<CondaPackage> CondaPlan::removed() const
{
    QList<CondaPackage> out;
    for (const CondaPlanEntry &e : entries) {
        if (e.change == CondaChange::Remove)
            out << e.package;
    }
    return out;
}

const CondaPackage *CondaPlan::find(QStringView name) const
{
    for (const CondaPlanEntry &e : entries) {
        if (e.change != CondaChange::Remove && e.package.name == name)
            return &e.package;
    }
    return nullptr;
}

Result<CondaPlan> parsePlanJson(QStringView text)
{
    auto doc = condaoutput::parseJson(text, u"conda plan --json");
    if (!doc)
        return doc.error();
    if (!doc.value().isObject())
        return unexpected(CondaTr::tr("conda's answer is not a package plan."),
                          QStringLiteral("plan JSON: not an object; starts with \"%1\"")
                              .arg(condaoutput::excerpt(text.trimmed())));
    const QJsonObject o = doc.value().object();
    if (o.contains(u"exception_name") || o.contains(u"error")) {
        const QString name = jsonString(o.value(u"exception_name"));
        return unexpected(CondaTr::tr("conda stopped with an error instead of making a plan (%1).")
                              .arg(name.isEmpty() ? QStringLiteral("?") : name),
                          jsonString(o.value(u"error")));
    }

    CondaPlan plan;
    plan.dryRun = o.value(u"dry_run").toBool(false);
    plan.prefix = jsonString(o.value(u"prefix"));
    const QJsonValue actions = o.value(u"actions");
    JsonActions acts;
    if (actions.isObject()) { // 4.2, 4.4 and later
        if (auto r = readActions(actions.toObject(), &acts); !r)
            return r.error();
    } else if (actions.isArray()) { // 4.3: one object per prefix
        const QJsonArray array = actions.toArray();
        for (const QJsonValue &a : array) {
            if (!a.isObject())
                return unexpected(CondaTr::tr("conda's answer is not a package plan."),
                                  QStringLiteral("plan JSON: actions array holds a non-object"));
            if (auto r = readActions(a.toObject(), &acts); !r)
                return r.error();
        }
    } else if (!actions.isUndefined() && !actions.isNull()) {
        return unexpected(CondaTr::tr("conda's answer is not a package plan."),
                          QStringLiteral("plan JSON: \"actions\" is neither an object nor an array"));
    } else if (o.value(u"success").toBool(false)) {
        plan.nothingToDo = true; // {"message": "All requested packages already installed.", "success": true}
        plan.message = jsonString(o.value(u"message"));
    } else {
        return unexpected(CondaTr::tr("conda's answer is not a package plan."),
                          QStringLiteral("plan JSON: no actions, no success; starts with \"%1\"")
                              .arg(condaoutput::excerpt(text.trimmed())));
    }
    if (plan.prefix.isEmpty())
        plan.prefix = acts.prefix;

    QHash<QString, CondaPackage> unlinked;
    for (const CondaPackage &p : std::as_const(acts.unlink))
        unlinked.insert(p.name, p);
    for (const CondaPackage &p : std::as_const(acts.link)) {
        CondaPlanEntry e;
        e.package = p;
        if (const auto it = unlinked.constFind(p.name); it != unlinked.constEnd()) {
            e.previous = *it;
            e.change = classify(*it, p);
            unlinked.erase(it);
        }
        plan.entries << e;
    }
    for (const CondaPackage &p : std::as_const(acts.unlink)) {
        if (unlinked.contains(p.name))
            plan.entries << CondaPlanEntry {CondaChange::Remove, p, {}};
    }
    plan.downloads = acts.fetch;
    if (!plan.downloads.isEmpty()) {
        qint64 total = 0;
        bool exact = true;
        bool any = false;
        for (const CondaPackage &p : std::as_const(plan.downloads)) {
            if (p.size >= 0) {
                total += p.size;
                any = true;
            } else {
                exact = false;
            }
        }
        plan.downloadBytes = any ? total : -1; // conda 4.2 listed downloads without sizes
        plan.downloadBytesExact = any && exact;
    } else if (acts.hasFetch) {
        plan.downloadBytes = 0; // everything is in the package cache already
        plan.downloadBytesExact = true;
    }
    finishPlan(&plan, false);
    return plan;
}

Result<CondaPlan> parsePlanText(QStringView text)
{
    static const QRegularExpression downloadRow(
        QStringLiteral(R"(^\s+(\S+)\s*\|\s*(\S+)\s+(\d+(?:\.\d+)? (?:B|KB|MB|GB|TB))(?:\s+(\S+))?$)"));
    static const QRegularExpression totalRow(
        QStringLiteral(R"(^\s+Total:\s+(\d+(?:\.\d+)? (?:B|KB|MB|GB|TB))$)"));
    static const QRegularExpression newRow(QStringLiteral(R"(^\s+(\S+)\s+(\S+::\S+)$)"));
    // conda <= 4.5: "    pytorch:  0.3.0-py27_cuda9.0.176_cudnn7.0.3hdbbd62b_4 pytorch [cuda90]",
    // "(soft-link)"
    static const QRegularExpression oldStyleRow(
        QStringLiteral(R"(^\s+(\S+):\s+(\S+)(?:\s+([^\s\[(]\S*))?(?:\s+[\[(][^\])]*[\])])*$)"));
    static const QRegularExpression oldPlanHeading(
        QStringLiteral(R"(^Package plan for (?:installation in|package removal in) environment (.+):$)"));
    static const QRegularExpression changeRow(QStringLiteral(
        R"(^\s+(\S+?):?\s+(\S+)\s+-->\s+(\S+)(?:\s+([^\s\[(]\S*))?(?:\s+[\[(][^\])]*[\])])*$)"));
    static const QRegularExpression errorLine(QStringLiteral(R"(^(\w+(?:Error|Exception|NotFound)\w*):)"));

    CondaPlan plan;
    bool sawPlan = false;
    bool requestedSpecs = false;
    Section section = Section::None;
    bool inRows = false; // a section's rows have started (a blank line ends them)
    QString errorName;
    const QStringList lines = condaoutput::renderLines(text);
    auto sectionError = [](const QString &line) {
        return unexpected(CondaTr::tr("A line of conda's package plan could not be read."),
                          QStringLiteral("plan text: line \"%1\"").arg(condaoutput::excerpt(line)));
    };

    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty()) {
            if (inRows)
                section = Section::None;
            inRows = false;
            continue;
        }
        if (trimmed == u"## Package Plan ##") {
            sawPlan = true;
            section = Section::None;
            continue;
        }
        if (const auto m = oldPlanHeading.match(trimmed); m.hasMatch()) { // conda <= 4.3
            sawPlan = true;
            section = Section::None;
            plan.prefix = m.captured(1);
            continue;
        }
        if (trimmed == u"# All requested packages already installed.") {
            plan.nothingToDo = true;
            plan.message = trimmed.mid(2);
            sawPlan = true;
            continue;
        }
        if (trimmed.startsWith(u"The following ") && trimmed.endsWith(u':')) {
            section = Section::None;
            for (const Heading &h : kHeadings) {
                if (trimmed == QStringView(h.text))
                    section = h.section;
            }
            if (section == Section::None)
                return unexpected(
                    CondaTr::tr("conda's package plan has a section Onramp does not know (“%1”), so "
                                "it cannot be shown completely.")
                        .arg(trimmed),
                    QStringLiteral("plan text: unknown heading \"%1\"").arg(trimmed));
            sawPlan = true;
            inRows = false;
            continue;
        }
        if (sawPlan && section == Section::None) {
            if (trimmed.startsWith(u"environment location:")) {
                plan.prefix = trimmed.mid(int(sizeof("environment location:")) - 1).trimmed();
                continue;
            }
            if (trimmed == u"added / updated specs:" || trimmed == u"removed specs:") {
                requestedSpecs = trimmed.startsWith(u"added");
                section = Section::Specs;
                inRows = false;
                continue;
            }
        }
        if (section == Section::None) {
            if (trimmed.startsWith(u"DryRunExit:"))
                plan.dryRun = true;
            else if (const auto m = errorLine.match(line); m.hasMatch() && errorName.isEmpty())
                errorName = m.captured(1);
            continue; // progress, prompts, banners: not part of the plan
        }

        inRows = true;
        switch (section) {
        case Section::None:
            break;
        case Section::Specs:
            if (!trimmed.startsWith(u"- "))
                return sectionError(line);
            plan.specs << trimmed.mid(2).trimmed();
            break;
        case Section::Download: {
            if (trimmed.startsWith(u"package ") || trimmed.startsWith(u"---"))
                break;
            if (const auto t = totalRow.match(line); t.hasMatch()) {
                plan.downloadBytes = condaoutput::parseHumanSize(t.captured(1));
                break;
            }
            const auto m = downloadRow.match(line);
            CondaPackage p;
            if (!m.hasMatch() || !splitNameVersion(m.captured(1), &p))
                return sectionError(line);
            p.build = m.captured(2);
            p.size = condaoutput::parseHumanSize(m.captured(3));
            // conda leaves the channel out for defaults' packages
            p.channel = m.capturedLength(4) > 0 ? condaoutput::shortChannel(m.captured(4))
                                                : QStringLiteral("defaults");
            plan.downloads << p;
            break;
        }
        case Section::New:
        case Section::Reinstall: {
            CondaPlanEntry e;
            e.change = section == Section::New ? CondaChange::Install : CondaChange::Reinstall;
            if (const auto m = newRow.match(line); m.hasMatch()) {
                condaoutput::Dist d;
                if (!condaoutput::parseDist(m.captured(2), &d))
                    return sectionError(line);
                e.package = CondaPackage {
                    d.name, d.version, d.build, -1, condaoutput::shortChannel(d.channel), d.subdir, -1};
            } else if (const auto o = oldStyleRow.match(line); o.hasMatch()) {
                // conda <= 4.5: "    name:  version-build  channel"
                if (!readChangeSide(o.captured(1), o.captured(2), &e.package))
                    return sectionError(line);
                e.package.channel = condaoutput::shortChannel(o.captured(3));
            } else {
                return sectionError(line);
            }
            plan.entries << e;
            break;
        }
        case Section::Update:
        case Section::Downgrade:
        case Section::Supersede: {
            const auto m = changeRow.match(line);
            CondaPlanEntry e;
            e.change = section == Section::Update ? CondaChange::Update
                : section == Section::Downgrade   ? CondaChange::Downgrade
                                                  : CondaChange::Supersede;
            if (!m.hasMatch() || !readChangeSide(m.captured(1), m.captured(2), &e.previous)
                || !readChangeSide(m.captured(1), m.captured(3), &e.package))
                return sectionError(line);
            e.previous.name = e.package.name = m.captured(1);
            if (e.package.channel.isEmpty()
                && m.capturedLength(4) > 0) // conda <= 4.5: "... --> 1.15.0-py36_0 conda-forge"
                e.package.channel = condaoutput::shortChannel(m.captured(4));
            plan.entries << e;
            break;
        }
        case Section::Remove: {
            const QStringList cells = trimmed.split(u' ', Qt::SkipEmptyParts);
            condaoutput::Dist d;
            if (cells.size() > 2 || !condaoutput::parseDist(cells.last(), &d))
                return sectionError(line);
            plan.entries << CondaPlanEntry {CondaChange::Remove,
                                            CondaPackage {d.name, d.version, d.build, -1,
                                                          condaoutput::shortChannel(d.channel), d.subdir, -1},
                                            {}};
            break;
        }
        }
    }

    if (!sawPlan) {
        if (!errorName.isEmpty())
            return unexpected(
                CondaTr::tr("conda stopped with an error instead of making a plan (%1).").arg(errorName),
                QStringLiteral("plan text: %1").arg(condaoutput::excerpt(text.trimmed(), 400)));
        return unexpected(
            CondaTr::tr("There is no package plan in conda's output."),
            QStringLiteral("plan text: starts with \"%1\"").arg(condaoutput::excerpt(text.trimmed())));
    }
    if (plan.downloadBytes < 0 && !plan.downloads.isEmpty()) {
        qint64 total = 0;
        for (const CondaPackage &p : std::as_const(plan.downloads))
            total += qMax<qint64>(p.size, 0);
        plan.downloadBytes = total;
    }
    finishPlan(&plan, requestedSpecs);
    return plan;
}

Result<CondaPlan> parsePlan(QStringView text)
{
    QStringView record = text;
    if (const qsizetype nul = text.lastIndexOf(QChar(0)); nul >= 0)
        record = text.mid(nul + 1);
    record = record.trimmed();
    if (record.startsWith(u'{') || record.startsWith(u'['))
        return parsePlanJson(text);
    return parsePlanText(text);
}

TorchBuild::Variant classifyTorchBuildString(QStringView build, QString *cudaVersion)
{
    static const QRegularExpression cuda(
        QStringLiteral(R"((?:^|[_.\d])(?:gpu_)?(?:cuda|cu)(\d+)(?:\.(\d+))?)"));
    static const QRegularExpression cudaWord(QStringLiteral(R"((?:^|[_.])(?:gpu|cuda)(?:$|[_.]))"));
    static const QRegularExpression cpu(QStringLiteral(R"((?:^|[_.])cpu(?:$|[_.]))"));
    const QString b = build.toString().toLower();
    if (const auto m = cuda.match(b); m.hasMatch()) {
        QString version;
        const QString digits = m.captured(1);
        if (m.capturedLength(2) > 0)
            version = digits + u'.' + m.captured(2);
        else if (digits.size() >= 3)
            version = digits.left(digits.size() - 1) + u'.' + digits.right(1); // 118 -> 11.8
        else if (digits.size() == 2 && digits.startsWith(u'1'))
            version = digits; // cuda12: the major version only
        else if (digits.size() == 2)
            version = digits.left(1) + u'.' + digits.right(1); // cu92 -> 9.2
        else
            version = digits;
        if (cudaVersion)
            *cudaVersion = version;
        return TorchBuild::Variant::Cuda;
    }
    if (cudaWord.match(b).hasMatch())
        return TorchBuild::Variant::Cuda;
    if (cpu.match(b).hasMatch())
        return TorchBuild::Variant::Cpu;
    return TorchBuild::Variant::Unknown;
}

TorchBuild detectTorchBuild(const QList<CondaPackage> &packages)
{
    auto find = [&](QStringView name) -> const CondaPackage * {
        for (const CondaPackage &p : packages) {
            if (p.name.compare(name, Qt::CaseInsensitive) == 0)
                return &p;
        }
        return nullptr;
    };
    TorchBuild t;
    // the CUDA runtime that comes along, most specific first
    for (const char16_t *name :
         {u"pytorch-cuda", u"cuda-version", u"cudatoolkit", u"cuda-runtime", u"cuda-cudart"}) {
        if (const CondaPackage *p = find(name)) {
            t.cudaRuntimePackage = p->name;
            t.cudaRuntimeVersion = majorMinor(p->version);
            break;
        }
    }
    const CondaPackage *torch = nullptr;
    for (const char16_t *name : {u"pytorch", u"pytorch-gpu", u"pytorch-cpu", u"torch"}) {
        if ((torch = find(name)))
            break;
    }
    if (!torch)
        return t;
    t.version = torch->version;
    t.build = torch->build;
    t.channel = torch->channel;
    t.evidence = torch->name + u' ' + torch->version + u' ' + torch->build;
    t.variant = classifyTorchBuildString(torch->build, &t.cudaVersion);
    if (const qsizetype plus = torch->version.indexOf(u'+');
        t.variant == TorchBuild::Variant::Unknown && plus > 0) {
        // pip's wheels carry the variant in the local version: 2.2.2+cu121, 2.2.2+cpu
        t.variant = classifyTorchBuildString(torch->version.mid(plus + 1), &t.cudaVersion);
    }
    if (t.variant == TorchBuild::Variant::Unknown) {
        if (torch->name == u"pytorch-gpu") {
            t.variant = TorchBuild::Variant::Cuda;
        } else if (torch->name == u"pytorch-cpu") {
            t.variant = TorchBuild::Variant::Cpu;
        } else if (const CondaPackage *p = find(u"pytorch-cuda")) {
            t.variant = TorchBuild::Variant::Cuda;
            t.evidence = p->name + u' ' + p->version;
        } else if (const CondaPackage *c = find(u"cpuonly")) {
            t.variant = TorchBuild::Variant::Cpu;
            t.evidence = c->name + u' ' + c->version;
        } else if (const CondaPackage *m = find(u"pytorch-mutex");
                   m && (m->build == u"cpu" || m->build == u"cuda")) {
            t.variant = m->build == u"cpu" ? TorchBuild::Variant::Cpu : TorchBuild::Variant::Cuda;
            t.evidence = m->name + u' ' + m->version + u' ' + m->build;
        }
    }
    if (t.variant == TorchBuild::Variant::Cuda && t.cudaVersion.isEmpty())
        t.cudaVersion = t.cudaRuntimeVersion;
    return t;
}

} // namespace cluster
} // namespace onramp
