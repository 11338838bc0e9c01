"""Conda version ordering, version specs and match specs (a faithful subset).

Follows conda's ``conda.models.version`` / ``conda.models.match_spec`` rules
closely enough for the lab channel: component-wise ordering with
``dev < letters < numbers < post``, ``a0`` pre-releases, ``1.2.*`` /
``=1.2`` prefix matches, ``,`` (and) and ``|`` (or), ``~=``, and the
``name=ver=build`` / ``channel::name`` / ``name[version='..']`` spellings.
"""

import fnmatch
import functools
import re

from .errors import InvalidMatchSpec, InvalidVersionSpec

SUBDIRS = ("linux-64", "noarch", "linux-aarch64", "linux-ppc64le", "osx-64",
           "osx-arm64", "win-64")

_DEV = (0,)
_POST = (3,)


def _component(text):
    toks = re.findall(r"\d+|[a-z]+|\*", text)
    out = []
    for t in toks:
        if t.isdigit():
            out.append((2, int(t)))
        elif t == "post":
            out.append(_POST)
        elif t == "dev":
            out.append(_DEV)
        else:
            out.append((1, t))
    if not out:
        out.append((2, 0))
    elif out[0][0] != 2:
        out.insert(0, (2, 0))
    return out


_ZERO = (2, 0)
_cache = {}


class VersionOrder:
    __slots__ = ("text", "epoch", "main", "local")

    def __init__(self, text):
        self.text = text
        v = text.strip().lower()
        epoch = 0
        if "!" in v:
            e, v = v.split("!", 1)
            epoch = int(e) if e.isdigit() else 0
        local = ""
        if "+" in v:
            v, local = v.split("+", 1)
        if "-" not in v:
            v = v.replace("_", ".")
        v = v.replace("-", ".")
        self.epoch = epoch
        self.main = [_component(p) for p in v.split(".")] if v else [[_ZERO]]
        self.local = [_component(p) for p in local.split(".")] if local else []

    @staticmethod
    def get(text):
        vo = _cache.get(text)
        if vo is None:
            vo = _cache[text] = VersionOrder(text)
        return vo

    def _cmp_lists(self, a, b):
        n = max(len(a), len(b))
        for i in range(n):
            ca = a[i] if i < len(a) else [_ZERO]
            cb = b[i] if i < len(b) else [_ZERO]
            m = max(len(ca), len(cb))
            for j in range(m):
                x = ca[j] if j < len(ca) else _ZERO
                y = cb[j] if j < len(cb) else _ZERO
                if x != y:
                    return -1 if x < y else 1
        return 0

    def cmp(self, other):
        if self.epoch != other.epoch:
            return -1 if self.epoch < other.epoch else 1
        c = self._cmp_lists(self.main, other.main)
        if c:
            return c
        return self._cmp_lists(self.local, other.local)

    def startswith(self, prefix):
        """True if ``prefix`` (a VersionOrder) is a component-wise prefix."""
        if self.epoch != prefix.epoch:
            return False
        pm = prefix.main
        for i, pc in enumerate(pm):
            vc = self.main[i] if i < len(self.main) else [_ZERO]
            if i < len(pm) - 1:
                if self._cmp_lists([vc], [pc]) != 0:
                    return False
            else:
                # last component: the prefix's tokens must lead the version's
                for j, tok in enumerate(pc):
                    vt = vc[j] if j < len(vc) else _ZERO
                    if vt != tok:
                        return False
        return True

    def __lt__(self, other):
        return self.cmp(other) < 0

    def __eq__(self, other):
        return isinstance(other, VersionOrder) and self.cmp(other) == 0

    def __hash__(self):
        return hash(self.text)


def version_cmp(a, b):
    return VersionOrder.get(a).cmp(VersionOrder.get(b))


version_key = functools.cmp_to_key(version_cmp)

_OP_RE = re.compile(r"^(==|!=|<=|>=|<|>|~=|=)(?![=<>!~])(\S+)$")
_VALID_VERSION = re.compile(r"^[a-z0-9_.+!*-]+$", re.I)


class VersionSpec:
    """A parsed version constraint: an or-of-ands of atoms."""

    def __init__(self, text):
        self.text = text.strip()
        self.groups = []  # list of lists of (op, VersionOrder|str)
        if not self.text:
            raise InvalidVersionSpec(text, "empty version spec")
        for alt in self.text.split("|"):
            atoms = []
            for atom in alt.split(","):
                atom = atom.strip()
                if not atom:
                    raise InvalidVersionSpec(text, "empty version spec")
                atoms.append(self._atom(atom))
            self.groups.append(atoms)

    def _atom(self, atom):
        if atom in ("*", "*.*"):
            return ("any", None)
        if atom[0] in "=<>!~":
            m = _OP_RE.match(atom)
            if not m:
                raise InvalidVersionSpec(self.text, "invalid operator")
            op, ver = m.group(1), m.group(2)
            if not _VALID_VERSION.match(ver):
                raise InvalidVersionSpec(self.text, "invalid character(s)")
            if op in ("=",):
                return ("startswith", VersionOrder.get(ver.rstrip("*").rstrip(".")))
            if op == "==" and ver.endswith("*"):
                return ("startswith", VersionOrder.get(ver.rstrip("*").rstrip(".")))
            if op == "!=" and ver.endswith("*"):
                return ("notstartswith", VersionOrder.get(ver.rstrip("*").rstrip(".")))
            if "*" in ver:
                raise InvalidVersionSpec(self.text, "invalid version with operator")
            return (op, VersionOrder.get(ver))
        if not _VALID_VERSION.match(atom):
            raise InvalidVersionSpec(self.text, "invalid character(s)")
        if atom.endswith("*"):
            return ("startswith", VersionOrder.get(atom.rstrip("*").rstrip(".")))
        return ("==", VersionOrder.get(atom))

    def match(self, version):
        vo = VersionOrder.get(version)
        for atoms in self.groups:
            if all(self._match_atom(a, vo) for a in atoms):
                return True
        return False

    @staticmethod
    def _match_atom(atom, vo):
        op, ref = atom
        if op == "any":
            return True
        if op == "startswith":
            return vo.startswith(ref)
        if op == "notstartswith":
            return not vo.startswith(ref)
        c = vo.cmp(ref)
        if op == "==":
            return c == 0
        if op == "!=":
            return c != 0
        if op == ">=":
            return c >= 0
        if op == "<=":
            return c <= 0
        if op == ">":
            return c > 0
        if op == "<":
            return c < 0
        if op == "~=":
            if c < 0:
                return False
            parts = ref.text.split(".")
            return vo.startswith(VersionOrder.get(".".join(parts[:-1]) or parts[0]))
        return False

    def __str__(self):
        return self.text


def _split_brackets(text):
    """``name[version='>=2',build=x]`` -> (name, {'version': '>=2', ...})."""
    m = re.search(r"\[(.*)\]\s*$", text)
    if not m:
        return text, {}
    inner = m.group(1)
    out = {}
    for key, val in re.findall(r"""(\w+)\s*=\s*("[^"]*"|'[^']*'|[^,]*)""", inner):
        out[key] = val.strip().strip("'\"")
    return text[: m.start()], out


class MatchSpec:
    __slots__ = ("name", "version", "build", "channel", "subdir", "original",
                 "_vspec", "optional")

    def __init__(self, spec, _dep=False):
        self.original = spec
        self.optional = False
        text = spec.strip()
        if not text:
            raise InvalidMatchSpec(spec, "empty spec")
        channel = subdir = None
        text, brackets = _split_brackets(text)
        if "::" in text:
            chan, text = text.rsplit("::", 1)
            if "/" in chan and chan.rsplit("/", 1)[1] in SUBDIRS:
                chan, subdir = chan.rsplit("/", 1)
            channel = chan or None
        text = text.strip()
        version = build = None
        if " " in text.strip():
            parts = text.split()
            name = parts[0]
            if len(parts) > 1:
                version = parts[1]
            if len(parts) > 2:
                build = parts[2]
        else:
            m = re.match(r"^([^=<>!~\s]+)(.*)$", text)
            if not m:
                raise InvalidMatchSpec(spec, "no package name found")
            name, rest = m.group(1), m.group(2)
            if rest:
                if rest.startswith("=") and not rest.startswith("=="):
                    rest = rest[1:]
                    if "=" in rest:
                        version, build = rest.split("=", 1)
                    else:
                        version = rest if rest.endswith("*") else rest + ".*"
                        if rest.startswith(("<", ">", "!", "~", "=")):
                            version = "=" + rest
                elif rest.startswith("=="):
                    # conda's _parse_spec_str drops a leading "==" when no build follows, so
                    # "pkg==>1" quietly becomes "pkg >1" (capture 46-invalid-matchspec)
                    v = rest[2:]
                    if not v:
                        raise InvalidMatchSpec(spec, "invalid version")
                    if "=" in v and not any(c in v for c in "<>!~,|"):
                        version, build = v.split("=", 1)
                    else:
                        version = v
                else:
                    version = rest
        if "version" in brackets:
            version = brackets["version"]
        if "build" in brackets:
            build = brackets["build"]
        if "channel" in brackets:
            channel = brackets["channel"]
        if "subdir" in brackets:
            subdir = brackets["subdir"]
        if not re.match(r"^[A-Za-z0-9_.*+-]+$", name):
            raise InvalidMatchSpec(spec, "invalid package name")
        self.name = name.lower()
        if version in ("*", ""):
            version = None if build is None else "*"
        self.version = version
        self._vspec = VersionSpec(version) if version and version != "*" else None
        self.build = build
        self.channel = channel
        self.subdir = subdir

    # -- matching -----------------------------------------------------------
    def match(self, rec):
        if self.name != "*" and rec["name"] != self.name:
            return False
        if self._vspec is not None and not self._vspec.match(rec["version"]):
            return False
        if self.build and self.build != "*":
            if not fnmatch.fnmatchcase(rec["build"], self.build):
                return False
        if self.channel:
            ch = rec.get("_channel")
            if ch is None or not ch.matches(self.channel):
                return False
        if self.subdir and rec.get("subdir") != self.subdir:
            return False
        return True

    # -- display, following conda's MatchSpec.__str__ -------------------------
    def __str__(self):
        builder = []
        brackets = []
        if self.channel:
            builder.append(self.channel)
            if self.subdir:
                builder.append("/" + self.subdir)
        elif self.subdir:
            brackets.append("subdir=%s" % self.subdir)
        builder.append(("::%s" if builder else "%s") % self.name)
        version_exact = False
        version = self.version
        if version and version != "*":
            if any(s in version for s in "><$^|,"):
                brackets.append("version='%s'" % version)
            elif version[:2] in ("!=", "~="):
                if self.build:
                    brackets.append("version='%s'" % version)
                else:
                    builder.append(version)
            elif version[-2:] == ".*":
                builder.append("=" + version[:-2])
            elif version[-1] == "*":
                builder.append("=" + version[:-1])
            elif version.startswith("=="):
                builder.append(version)
                version_exact = True
            elif version.startswith("="):
                builder.append(version)
            else:
                builder.append("==" + version)
                version_exact = True
        if self.build and self.build != "*":
            b = self.build
            if any(s in b for s in "><$^|,"):
                brackets.append("build='%s'" % b)
            elif "*" in b:
                brackets.append("build=%s" % b)
            elif version_exact:
                builder.append("=" + b)
            else:
                brackets.append("build=%s" % b)
        if brackets:
            builder.append("[%s]" % ",".join(brackets))
        return "".join(builder)

    def __repr__(self):
        return "MatchSpec(%r)" % str(self)

    def is_virtual(self):
        return self.name.startswith("__")


_dep_cache = {}


def dep_spec(text):
    """Parse (and cache) a dependency string from a record's ``depends``."""
    ms = _dep_cache.get(text)
    if ms is None:
        ms = _dep_cache[text] = MatchSpec(text)
    return ms
