from typing import Optional

from . import _onramp

__all__ = ['__version__', 'debug', 'cuda', 'git_version', 'hip']
__version__ = _onramp.version_string()
debug = False
cuda: Optional[str] = _onramp.BUILD.get("cuda") or None
git_version = _onramp.BUILD.get("git_version") or _onramp.GIT_VERSIONS.get(str(_onramp.BUILD["version"]), "Unknown")
hip: Optional[str] = None
