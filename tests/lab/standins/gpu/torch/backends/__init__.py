"""torch.backends (stand-in): cudnn and mps only."""

from . import cudnn, mps  # noqa: F401
