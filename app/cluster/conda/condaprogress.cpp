#include "cluster/conda/condaprogress.h"

#include "cluster/conda/condaoutput.h"
#include "cluster/conda/condatr.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

// Classic nested namespace blocks: Qt 6.4's lupdate does not parse `namespace a::b {`.
namespace onramp {
namespace cluster {

namespace {

struct PhaseLabel {
    const char16_t *text;
    CondaPhase phase;
};

const PhaseLabel kPhaseLabels[] = {
    {u"Collecting package metadata", CondaPhase::CollectingMetadata},
    {u"Solving environment", CondaPhase::Solving},
    {u"Proceed ([y]/n)?", CondaPhase::Confirming},
    {u"Downloading and Extracting Packages", CondaPhase::Downloading},
    {u"Preparing transaction", CondaPhase::Preparing},
    {u"Verifying transaction", CondaPhase::Verifying},
    {u"Executing transaction", CondaPhase::Executing},
    {u"Rolling back transaction", CondaPhase::RollingBack},
};

bool isAfterDownloads(CondaPhase phase)
{
    return phase == CondaPhase::Preparing || phase == CondaPhase::Verifying || phase == CondaPhase::Executing
        || phase == CondaPhase::RollingBack;
}

} // namespace

QString condaPhaseName(CondaPhase phase)
{
    switch (phase) {
    case CondaPhase::Starting:
        return CondaTr::tr("Starting conda");
    case CondaPhase::CollectingMetadata:
        return CondaTr::tr("Collecting package metadata");
    case CondaPhase::Solving:
        return CondaTr::tr("Solving the environment");
    case CondaPhase::Confirming:
        return CondaTr::tr("Waiting for confirmation");
    case CondaPhase::Downloading:
        return CondaTr::tr("Downloading and extracting packages");
    case CondaPhase::Preparing:
        return CondaTr::tr("Preparing the transaction");
    case CondaPhase::Verifying:
        return CondaTr::tr("Verifying the transaction");
    case CondaPhase::Executing:
        return CondaTr::tr("Installing the packages");
    case CondaPhase::RollingBack:
        return CondaTr::tr("Rolling back the transaction");
    }
    return {};
}

int CondaProgress::percent() const
{
    if (bytesTotal > 0)
        return int(qBound<qint64>(0, bytesDone * 100 / bytesTotal, qint64(100)));
    if (downloadsComplete)
        return 100;
    if (bytesTotal == 0)
        return 0;
    if (downloads.isEmpty())
        return -1;
    int sum = 0;
    for (const CondaDownload &d : downloads)
        sum += d.percent;
    return sum / int(downloads.size());
}

const CondaDownload *CondaProgress::download(QStringView labelOrName) const
{
    for (const CondaDownload &d : downloads) {
        if (d.label == labelOrName || (!d.name.isEmpty() && d.name == labelOrName))
            return &d;
    }
    return nullptr;
}

CondaProgressTracker::CondaProgressTracker(const CondaPlan &plan) : m_plan(plan)
{
    recomputeBytes();
}

void CondaProgressTracker::feed(QStringView chunk)
{
    for (QChar c : chunk) {
        if (m_escape == Escape::Start) {
            m_escape = c == u'[' ? Escape::Csi : Escape::None;
            continue;
        }
        if (m_escape == Escape::Csi) {
            if (c.unicode() >= 0x40 && c.unicode() <= 0x7e)
                m_escape = Escape::None;
            continue;
        }
        switch (c.unicode()) {
        case u'\n':
        case 0:
            processSegment(m_segment);
            m_segment.clear();
            m_column = 0;
            break;
        case u'\r':
            processSegment(m_segment);
            m_segment.clear();
            m_column = 0;
            break;
        case u'\b':
            if (m_column > 0)
                --m_column;
            break;
        case 0x1b:
            m_escape = Escape::Start;
            break;
        default:
            if (c.unicode() < 0x20 && c != u'\t')
                break;
            if (m_column < m_segment.size())
                m_segment[m_column] = c;
            else
                m_segment += c;
            ++m_column;
            if (m_segment.size() > 4096) { // a line without end: keep memory bounded
                processSegment(m_segment);
                m_segment.clear();
                m_column = 0;
            }
        }
    }
    peekPhase();
}

void CondaProgressTracker::finish()
{
    processSegment(m_segment);
    m_segment.clear();
    m_column = 0;
    m_escape = Escape::None;
}

// The unfinished line may already name the next phase ("Solving environment: - "): show it now.
// The same line is read again when it ends, so the final state does not depend on chunking.
void CondaProgressTracker::peekPhase()
{
    applyPhaseLine(m_segment.trimmed());
}

void CondaProgressTracker::processSegment(const QString &segment)
{
    const QString text = segment.trimmed();
    if (text.isEmpty())
        return;

    // --json progress: {"fetch":"bigblob-1.0          | 2.0 MB    |
    // ","finished":false,"maxval":1,"progress":1.0}
    if (text.startsWith(u"{\"fetch\"")) {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        const QStringList parts = o.value(u"fetch").toString().split(u'|');
        if (parts.size() >= 2) {
            const double progress = o.value(u"progress").toDouble(0);
            const int percent = o.value(u"finished").toBool(false)
                ? 100
                : int(qBound(0.0, std::floor(progress * 100 + 0.5), 100.0));
            if (m_progress.phase < CondaPhase::Downloading)
                m_progress.phase = CondaPhase::Downloading;
            updateDownload(parts[0].trimmed(), parts[1].trimmed(), percent);
        }
        return;
    }

    // 23.x tqdm bar: "pytorch-2.1.2        | 1.40 GB   | ####2      |  43% "
    static const QRegularExpression bar(
        QStringLiteral(R"(^(.*?)\s*\|\s*(\d+(?:\.\d+)?\s*(?:B|KB|MB|GB|TB))\s*\|[^|]*\|\s*(\d{1,3})%$)"));
    if (const auto m = bar.match(text); m.hasMatch() && !m.captured(1).isEmpty()) {
        if (m_progress.phase < CondaPhase::Downloading)
            m_progress.phase = CondaPhase::Downloading;
        updateDownload(m.captured(1), m.captured(2), qMin(100, m.captured(3).toInt()));
        return;
    }

    if (applyPhaseLine(text))
        return;

    if (text == u"failed") { // 23.x: "Solving environment: ...working... \nFound conflicts! ...\nfailed"
        m_progress.failed = true;
        m_progress.failedPhase = m_progress.phase;
        m_progress.phaseDone = false;
        return;
    }
    if (text == u"# All requested packages already installed.") {
        m_progress.finished = true;
        m_progress.downloadsComplete = true;
        recomputeBytes();
    }
}

bool CondaProgressTracker::applyPhaseLine(const QString &text)
{
    for (const PhaseLabel &label : kPhaseLabels) {
        const QStringView name(label.text);
        if (!text.startsWith(name))
            continue;
        QString rest = text.mid(name.size()).trimmed();
        if (rest.startsWith(u'(')) // "(current_repodata.json)"
            rest = rest.mid(rest.indexOf(u')') + 1).trimmed();
        if (rest.startsWith(u':'))
            rest = rest.mid(1).trimmed();
        rest.remove(QStringLiteral("...working..."));
        rest = rest.trimmed();
        while (!rest.isEmpty() && QStringView(u"-\\|/").contains(rest.back())) // a spinner frame
            rest = rest.chopped(1).trimmed();

        if (label.phase == CondaPhase::CollectingMetadata || label.phase == CondaPhase::Solving)
            m_progress.failed = false; // a retry (next repodata source, flexible solve) starts over
        m_progress.phase = label.phase;
        m_progress.phaseDone = rest.endsWith(u"done");
        if (rest.endsWith(u"failed")) {
            m_progress.failed = true;
            m_progress.failedPhase = label.phase;
        }
        if (isAfterDownloads(label.phase) || (label.phase == CondaPhase::Downloading && m_progress.phaseDone))
            completeDownloads();
        if (label.phase == CondaPhase::Executing && m_progress.phaseDone)
            m_progress.finished = true;
        return true;
    }
    return false;
}

void CondaProgressTracker::updateDownload(const QString &label, const QString &sizeText, int percent)
{
    for (CondaDownload &d : m_progress.downloads) {
        if (d.label == label) {
            d.percent = qMax(d.percent, percent);
            recomputeBytes();
            return;
        }
    }
    CondaDownload d;
    d.label = label;
    d.percent = percent;
    d.bytes = condaoutput::parseHumanSize(sizeText);
    // conda's label is "name-version" cut to 20 characters
    for (const CondaPackage &p : std::as_const(m_plan.downloads)) {
        const QString full = p.name + u'-' + p.version;
        if (full.left(20).trimmed() == label) {
            d.name = p.name;
            if (p.size >= 0)
                d.bytes = p.size;
            break;
        }
    }
    m_progress.downloads << d;
    recomputeBytes();
}

void CondaProgressTracker::completeDownloads()
{
    if (m_progress.downloadsComplete)
        return;
    m_progress.downloadsComplete = true;
    for (CondaDownload &d : m_progress.downloads)
        d.percent = 100;
    recomputeBytes();
}

void CondaProgressTracker::recomputeBytes()
{
    qint64 barsTotal = 0;
    qint64 done = 0;
    bool anySize = false;
    for (const CondaDownload &d : std::as_const(m_progress.downloads)) {
        if (d.bytes < 0)
            continue;
        anySize = true;
        barsTotal += d.bytes;
        done += d.percent >= 100 ? d.bytes : qint64(double(d.bytes) * d.percent / 100.0);
    }
    if (m_plan.downloadBytes >= 0)
        m_progress.bytesTotal = m_plan.downloadBytes;
    else
        m_progress.bytesTotal = anySize ? barsTotal : -1;
    if (m_progress.downloadsComplete && m_progress.bytesTotal >= 0)
        done = m_progress.bytesTotal;
    m_progress.bytesDone = m_progress.bytesTotal >= 0 ? qMin(done, m_progress.bytesTotal) : done;
}

} // namespace cluster
} // namespace onramp
