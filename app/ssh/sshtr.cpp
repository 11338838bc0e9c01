#include "ssh/sshtr.h"

namespace onramp::ssh {

Q_LOGGING_CATEGORY(lcSsh, "onramp.ssh", QtInfoMsg)

} // namespace onramp::ssh
