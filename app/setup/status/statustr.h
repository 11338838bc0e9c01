#pragma once

#include <QCoreApplication>

namespace onramp::setup::status {

// Translation context of the status feature's sentences (jobs, GPUs, allocations).
struct StatusTr {
    Q_DECLARE_TR_FUNCTIONS(onramp::setup::status)
};

} // namespace onramp::setup::status
