#pragma once

#include <QCoreApplication>

// Classic nested namespace blocks: Qt 6.4's lupdate does not parse `namespace a::b {`.
namespace onramp {
namespace cluster {

// Translation context for the conda sentences (non-QObject code translates through it).
struct CondaTr {
    Q_DECLARE_TR_FUNCTIONS(onramp::cluster)
};

} // namespace cluster
} // namespace onramp
