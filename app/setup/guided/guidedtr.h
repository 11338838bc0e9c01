#pragma once

#include <QCoreApplication>

// Classic nested namespace blocks: Qt 6.4's lupdate does not parse `namespace a::b {`.
namespace onramp {
namespace setup {
namespace guided {

// Translation context of the guided setup's sentences (steps, checks, questions, explanations).
struct GuidedTr {
    Q_DECLARE_TR_FUNCTIONS(onramp::setup::guided)
};

} // namespace guided
} // namespace setup
} // namespace onramp
