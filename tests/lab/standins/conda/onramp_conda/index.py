"""Channels and package records: the built-in channel data plus local file:// channels."""

import json
import os
import re
from urllib.parse import unquote, urlparse

from .errors import CondaHTTPError, UnavailableInvalidChannel
from .context import SUBDIRS

DATA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "channels.json")
CHANNEL_ALIAS = "https://conda.anaconda.org"
_data = None


def data():
    global _data
    if _data is None:
        with open(DATA_FILE) as f:
            _data = json.load(f)
    return _data


class Channel:
    """One concrete channel (a multichannel such as ``defaults`` expands to several)."""

    def __init__(self, key, base_url, name, canonical, ext=".conda", records=(), given=None):
        self.key = key
        self.base_url = base_url.rstrip("/")
        self.name = name
        self.canonical = canonical
        self.ext = ext
        self.given = given or key
        self.records = []
        for r in records:
            self._enrich(r)
            self.records.append(r)

    def _enrich(self, r):
        r["_channel"] = self
        subdir = r.get("subdir", "linux-64")
        r.setdefault("fn", "%s-%s-%s%s" % (r["name"], r["version"], r["build"], self.ext))
        r["channel"] = "%s/%s" % (self.base_url, subdir)
        r["url"] = "%s/%s" % (r["channel"], r["fn"])
        is_replay = self.base_url.startswith("file://")
        if subdir == "noarch" or is_replay:
            r.setdefault("arch", None)
            r.setdefault("platform", None)
        else:
            r.setdefault("arch", "x86_64")
            r.setdefault("platform", "linux")
        if r.get("noarch"):
            r.setdefault("package_type", "noarch_%s" % r["noarch"])
        r.setdefault("constrains", [])
        r.setdefault("depends", [])
        r.setdefault("license", "")
        r.setdefault("timestamp", 0)
        r.setdefault("build_number", 0)

    @property
    def urls(self):
        return ["%s/%s" % (self.base_url, s) for s in SUBDIRS]

    def matches(self, spec_channel):
        s = spec_channel.rstrip("/")
        low = s.lower()
        if low in (self.key.lower(), self.name.lower(), self.canonical.lower(), self.base_url.lower()):
            return True
        if low.startswith(("http://", "https://", "file://")):
            return self.base_url.lower() == low
        return False

    def __repr__(self):
        return "Channel(%s)" % self.key


_builtin = {}


def builtin_channel(key):
    if key not in _builtin:
        info = data()["channels"][key]
        recs = [dict(r) for r in info["records"]]
        _builtin[key] = Channel(key, info["base_url"], info["name"], info["canonical"], info["ext"], recs)
    return _builtin[key]


def _local_channel(url, path):
    """A real local channel: ``<path>/{linux-64,noarch}/repodata.json``."""
    recs = []
    for subdir in SUBDIRS:
        try:
            with open(os.path.join(path, subdir, "repodata.json")) as f:
                rd = json.load(f)
        except (OSError, ValueError):
            continue
        for key in ("packages", "packages.conda"):
            for fn, rec in (rd.get(key) or {}).items():
                r = dict(rec)
                r["fn"] = fn
                r.setdefault("subdir", subdir)
                r["_current"] = True
                recs.append(r)
    name = os.path.basename(path.rstrip("/"))
    return Channel(url, url, name, url, ".tar.bz2", recs)


def lookup_known(text):
    """Map a user channel spelling to a built-in channel key list, or None."""
    chans = data()["channels"]
    multi = data()["multichannels"]
    t = text.strip().rstrip("/")
    low = t.lower()
    if low in multi:
        return list(multi[low])
    for key, info in chans.items():
        if low == key.lower() or low == info["base_url"].lower():
            return [key]
    if low.startswith(CHANNEL_ALIAS + "/"):
        rest = t[len(CHANNEL_ALIAS) + 1:].split("/")[0]
        if rest.lower() in chans:
            return [rest.lower()]
    if low.startswith("https://repo.anaconda.com/pkgs/"):
        key = "pkgs/" + t.split("/pkgs/", 1)[1].split("/")[0]
        if key in chans:
            return [key]
    return None


def channel_urls_for(text):
    """What ``Current channels:`` lists for a channel the user named (even unknown ones)."""
    known = lookup_known(text)
    if known:
        out = []
        for k in known:
            out.extend("%s/%s" % (data()["channels"][k]["base_url"], s) for s in SUBDIRS)
        return out
    return ["%s/%s" % (channel_base_url(text), s) for s in SUBDIRS]


def channel_base_url(text):
    t = text.strip().rstrip("/")
    if re.match(r"^[a-z]+://", t):
        return t
    if t.startswith("/"):
        return "file://" + t
    return "%s/%s" % (CHANNEL_ALIAS, t)


class ChannelProblem:
    """A channel that fails while collecting metadata (raised after ``failed``)."""

    def __init__(self, exc):
        self.exc = exc


def resolve_channel(text, repodata_fn="current_repodata.json"):
    """Return a list of Channel objects, or a ChannelProblem."""
    known = lookup_known(text)
    if known:
        return [builtin_channel(k) for k in known]
    url = channel_base_url(text)
    parsed = urlparse(url)
    if parsed.scheme == "file":
        path = unquote(parsed.path)
        if os.path.isfile(os.path.join(path, "noarch", "repodata.json")):
            return [_local_channel(url, path)]
        name = os.path.basename(path.rstrip("/"))
        return ChannelProblem(UnavailableInvalidChannel(name, url, 404, None, is_file=True,
                                                        location_for_index=path))
    if parsed.hostname in ("conda.anaconda.org",) and parsed.scheme == "https":
        name = parsed.path.strip("/").split("/")[0]
        return ChannelProblem(UnavailableInvalidChannel(name, url, 404, "NOT FOUND"))
    # any other host: this machine has no network
    return ChannelProblem(http_error(url, repodata_fn))


def http_error(channel_url, repodata_fn="current_repodata.json", subdir="linux-64"):
    sub_url = "%s/%s" % (channel_url.rstrip("/"), subdir)
    full = "%s/%s" % (sub_url, repodata_fn)
    parsed = urlparse(full)
    host = parsed.hostname or "localhost"
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    pool = "HTTPSConnectionPool" if parsed.scheme == "https" else "HTTPConnectionPool"
    conn = "HTTPSConnection" if parsed.scheme == "https" else "HTTPConnection"
    if re.match(r"^[0-9.]+$", host) or host == "localhost":
        why = "[Errno 111] Connection refused"
    else:
        why = "[Errno -3] Temporary failure in name resolution"
    caused = ('ConnectionError(MaxRetryError("%s(host=\'%s\', port=%d): Max retries exceeded with url: '
              '%s (Caused by NewConnectionError(\'<urllib3.connection.%s object at 0x7f3a5c2e1d50>: '
              'Failed to establish a new connection: %s\'))"))' % (pool, host, port, parsed.path, conn, why))
    msg = ("An HTTP error occurred when trying to retrieve this URL.\n"
           "HTTP errors are often intermittent, and a simple retry will get you on your way.\n"
           "%r\n" % sub_url)
    if channel_url.startswith("https://repo.anaconda.com/"):
        msg = ("An HTTP error occurred when trying to retrieve this URL.\n"
               "HTTP errors are often intermittent, and a simple retry will get you on your way.\n"
               "\n"
               "If your current network has https://www.anaconda.com blocked, please file\n"
               "a support request with your network engineering team.\n"
               "\n"
               "%r\n" % sub_url)
    return CondaHTTPError(msg, full, None, None, None, caused_by=_Caused(caused))


class _Caused:
    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


def channel_for_url(url):
    """The Channel a record's ``channel`` URL (``base/subdir``) came from (for display)."""
    base = url.rstrip("/")
    if base.rsplit("/", 1)[-1] in SUBDIRS:
        base = base.rsplit("/", 1)[0]
    for key, info in data()["channels"].items():
        if info["base_url"].rstrip("/") == base:
            return builtin_channel(key)
    if base == "pypi":
        return Channel("pypi", "https://pypi.org/simple", "pypi", "pypi")
    name = base.rsplit("/", 1)[-1] if "/" in base else base
    canonical = name if base.startswith(CHANNEL_ALIAS) else base
    return Channel(base, base, name, canonical)
