#pragma once

#include <QString>

namespace onramp::cli {

// One line per component a bug report needs: Onramp, Qt (build and run time), libssh, Python.
QString versionReport();

} // namespace onramp::cli
