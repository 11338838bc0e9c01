#pragma once

#include <QCoreApplication>

namespace onramp::setup::runs {

// Translation context of the remote runs' sentences (starting, following, cancelling a run).
struct RunsTr {
    Q_DECLARE_TR_FUNCTIONS(onramp::setup::runs)
};

} // namespace onramp::setup::runs
