#pragma once

#include "cluster/conda/condaplan.h"

#include <QList>
#include <QString>

namespace onramp::cluster {

// The steps of a conda create/install/remove as conda prints them.
enum class CondaPhase {
    Starting, // nothing recognised yet
    CollectingMetadata, // "Collecting package metadata (repodata.json)"
    Solving, // "Solving environment"
    Confirming, // "Proceed ([y]/n)?"
    Downloading, // "Downloading and Extracting Packages"
    Preparing, // "Preparing transaction"
    Verifying, // "Verifying transaction"
    Executing, // "Executing transaction"
    RollingBack, // "Rolling back transaction" (after a failure)
};

// The phase's name for people ("Solving the environment").
QString condaPhaseName(CondaPhase phase);

// One package's download bar.
struct CondaDownload {
    QString label; // conda's bar label: "name-version", cut to 20 characters
    QString name; // the package, when the plan is known (else empty)
    qint64 bytes = -1; // its size: from the plan, else from the bar ("1.40 GB"); -1: unknown
    int percent = 0; // 0..100

    bool operator==(const CondaDownload &) const = default;
};

// Everything the tracker knows; equal for the same output however it was chunked.
struct CondaProgress {
    CondaPhase phase = CondaPhase::Starting;
    bool phaseDone = false; // the current phase printed "done"
    bool failed = false; // a phase printed "failed" (see failedPhase)
    CondaPhase failedPhase = CondaPhase::Starting;
    bool finished = false; // "Executing transaction: done", or nothing to do
    bool downloadsComplete = false; // conda moved past the downloads (or said "done" for them)
    QList<CondaDownload> downloads; // in the order the bars appeared
    qint64 bytesTotal = -1; // the plan's download size, else the sum of the bars' sizes; -1: unknown
    qint64 bytesDone = 0;

    // Overall download progress 0..100 from bytes (or from the bars when sizes are unknown);
    // -1 before anything is known.
    int percent() const;
    // The bar of that package (label or name), or nullptr.
    const CondaDownload *download(QStringView labelOrName) const;

    bool operator==(const CondaProgress &) const = default;
};

// Follows the output of a running `conda create/install/remove` (stdout and stderr as decoded
// text, in chunks that may split anywhere, even inside an escape sequence) and keeps the phase,
// each package's download percentage and the bytes done. Understands conda 23.x tqdm bars (one line
// per package, redrawn with "\r" and cursor-up escapes), 25.x spinners ("- \ | /" with backspaces) and
// "Downloading and Extracting Packages: ...working... done", `...working... done` lines, and the
// NUL-separated {"fetch": ...} records of --json. Give it the plan (parsePlan) to get exact bytes.
class CondaProgressTracker {
public:
    explicit CondaProgressTracker(const CondaPlan &plan = {});

    void feed(QStringView chunk);
    // The stream ended: whatever is left of the last line is read.
    void finish();

    const CondaProgress &progress() const { return m_progress; }

private:
    void processSegment(const QString &segment);
    void peekPhase();
    bool applyPhaseLine(const QString &segment);
    void updateDownload(const QString &label, const QString &sizeText, int percent);
    void completeDownloads();
    void recomputeBytes();

    CondaPlan m_plan;
    CondaProgress m_progress;
    QString m_segment; // text since the last \r, \n or NUL, with backspaces applied
    qsizetype m_column = 0; // where the next character goes in m_segment
    enum class Escape { None, Start, Csi } m_escape = Escape::None;
};

} // namespace onramp::cluster
