#pragma once

#include <QCoreApplication>

// Qt 6.4's lupdate does not parse `namespace a::b {`.
namespace onramp {
namespace python {

// Translation context for the Python runtime's sentences.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(onramp::python)
};

} // namespace python
} // namespace onramp
