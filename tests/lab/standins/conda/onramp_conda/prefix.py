"""Environment prefixes on disk: conda-meta records, history, linking, the package cache."""

import glob
import json
import os
import re
import shutil
import stat
import time

from .context import PYDIR, SITE_REL
from .index import channel_for_url

RECORD_KEYS = ("arch", "build", "build_number", "channel", "constrains", "depends", "fn", "license",
               "md5", "name", "noarch", "package_type", "platform", "sha256", "size", "subdir",
               "timestamp", "url", "version")


def is_conda_env(prefix):
    return os.path.isdir(os.path.join(prefix, "conda-meta"))


def dist_name(r):
    return "%s-%s-%s" % (r["name"], r["version"], r["build"])


def clean_record(r):
    return {k: r[k] for k in RECORD_KEYS if k in r}


def read_prefix(prefix):
    """{name: record} of the packages installed in ``prefix`` (from conda-meta/*.json)."""
    out = {}
    for path in sorted(glob.glob(os.path.join(prefix, "conda-meta", "*.json"))):
        try:
            with open(path) as f:
                rec = json.load(f)
        except (OSError, ValueError):
            continue
        if not isinstance(rec, dict) or "name" not in rec:
            continue
        rec["_channel"] = channel_for_url(rec.get("channel", ""))
        rec["_meta_path"] = path
        out[rec["name"]] = rec
    return out


def pip_packages(prefix, conda_names):
    """Python packages installed without conda (``*.dist-info``), shown as ``pypi``."""
    out = []
    for d in sorted(glob.glob(os.path.join(prefix, "lib", "python3*", "site-packages", "*.dist-info"))):
        name = version = None
        try:
            with open(os.path.join(d, "METADATA"), encoding="utf-8", errors="replace") as f:
                for line in f:
                    if line.startswith("Name:"):
                        name = line.split(":", 1)[1].strip()
                    elif line.startswith("Version:"):
                        version = line.split(":", 1)[1].strip()
                    elif not line.strip():
                        break
        except OSError:
            continue
        if not name or not version:
            continue
        norm = re.sub(r"[-_.]+", "-", name).lower()
        if norm in conda_names or name.lower() in conda_names:
            continue
        out.append({"name": norm, "version": version, "build": "pypi_0", "build_number": 0,
                    "channel": "pypi", "subdir": "pypi", "_channel": channel_for_url("pypi"),
                    "base_url": "https://pypi.org/simple"})
    return out


# ------------------------------------------------------------------------------------
# history
# ------------------------------------------------------------------------------------
def write_history(prefix, ctx, argv, unlink=(), link=(), update_specs=(), remove_specs=()):
    meta = os.path.join(prefix, "conda-meta")
    os.makedirs(meta, exist_ok=True)
    lines = ["==> %s <==" % time.strftime("%Y-%m-%d %H:%M:%S"),
             "# cmd: %s %s" % (ctx.conda_exe, " ".join(argv)),
             "# conda version: %s" % ctx.conda_version]
    for r in unlink:
        lines.append("-%s" % dist_str(r))
    for r in link:
        lines.append("+%s" % dist_str(r))
    if update_specs:
        lines.append("# update specs: %s" % [str(s) for s in update_specs])
    if remove_specs:
        lines.append("# remove specs: %s" % [str(s) for s in remove_specs])
    with open(os.path.join(meta, "history"), "a") as f:
        f.write("\n".join(lines) + "\n")


def dist_str(r):
    ch = r["_channel"]
    return "%s/%s::%s" % (ch.canonical, r.get("subdir", "linux-64"), dist_name(r))


def touch_history(prefix):
    meta = os.path.join(prefix, "conda-meta")
    os.makedirs(meta, exist_ok=True)
    open(os.path.join(meta, "history"), "a").close()


# ------------------------------------------------------------------------------------
# environments.txt (what `conda env list` finds outside envs_dirs)
# ------------------------------------------------------------------------------------
def environments_txt(ctx):
    return os.path.join(ctx.home, ".conda", "environments.txt")


def register_env(ctx, prefix):
    path = environments_txt(ctx)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        existing = []
        if os.path.exists(path):
            with open(path) as f:
                existing = [l.strip() for l in f if l.strip()]
        if prefix not in existing:
            with open(path, "a") as f:
                f.write(prefix + "\n")
    except OSError:
        pass


def unregister_env(ctx, prefix):
    path = environments_txt(ctx)
    try:
        with open(path) as f:
            lines = [l.strip() for l in f if l.strip()]
        with open(path, "w") as f:
            f.write("".join(l + "\n" for l in lines if os.path.normpath(l) != os.path.normpath(prefix)))
    except OSError:
        pass


def known_prefixes(ctx):
    found = set()
    try:
        with open(environments_txt(ctx)) as f:
            for line in f:
                p = line.strip()
                if p and is_conda_env(p):
                    found.add(os.path.normpath(p))
    except OSError:
        pass
    for d in ctx.envs_dirs:
        try:
            for entry in os.scandir(d):
                if entry.is_dir() and is_conda_env(entry.path):
                    found.add(os.path.normpath(entry.path))
        except OSError:
            continue
    found.add(ctx.root_prefix)
    return sorted(found)


# ------------------------------------------------------------------------------------
# package cache
# ------------------------------------------------------------------------------------
def cached(ctx, r):
    for d in ctx.pkgs_dirs:
        if os.path.exists(os.path.join(d, dist_name(r), "info", "repodata_record.json")):
            return os.path.join(d, dist_name(r))
    return None


def add_to_cache(ctx, r):
    d = ctx.writable_pkgs_dir()
    extracted = os.path.join(d, dist_name(r))
    try:
        os.makedirs(os.path.join(extracted, "info"), exist_ok=True)
        with open(os.path.join(extracted, "info", "repodata_record.json"), "w") as f:
            json.dump(clean_record(r), f, indent=2, sort_keys=True)
        with open(os.path.join(extracted, "info", "index.json"), "w") as f:
            idx = {k: r[k] for k in ("arch", "build", "build_number", "depends", "constrains", "license",
                                      "name", "noarch", "platform", "subdir", "timestamp", "version")
                   if k in r}
            json.dump(idx, f, indent=2, sort_keys=True)
        with open(os.path.join(d, "urls.txt"), "a") as f:
            f.write(r["url"] + "\n")
    except OSError:
        pass
    return extracted


# ------------------------------------------------------------------------------------
# linking
# ------------------------------------------------------------------------------------
def site_packages(prefix):
    return os.path.join(prefix, SITE_REL)


def _write(path, content, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".onramp-tmp"
    with open(tmp, "w") as f:
        f.write(content)
    os.chmod(tmp, mode)
    os.replace(tmp, path)


def _make_python(prefix):
    """A venv of the system interpreter: ENV/bin/python works, site-packages is private."""
    import venv
    builder = venv.EnvBuilder(system_site_packages=False, clear=False, symlinks=True, with_pip=False)
    builder.create(prefix)
    files = []
    for name in ("activate", "activate.csh", "activate.fish", "Activate.ps1"):
        p = os.path.join(prefix, "bin", name)
        if os.path.lexists(p):
            os.unlink(p)
    for name in ("python", "python3", PYDIR):
        if os.path.lexists(os.path.join(prefix, "bin", name)):
            files.append("bin/" + name)
    files.append("pyvenv.cfg")
    os.makedirs(site_packages(prefix), exist_ok=True)
    return files


PIP_WRAPPER = """#!/bin/sh
# Onramp lab stand-in: pip from the system's ensurepip wheel, bootstrapped on first use.
d=$(cd "$(dirname "$0")" && pwd)
"$d/python" -c "import pip" >/dev/null 2>&1 || "$d/python" -m ensurepip --default-pip >/dev/null 2>&1
exec "$d/python" -m pip "$@"
"""


def cuda_of_build(build):
    m = re.search(r"cuda(\d+)\.(\d+)", build)
    if m:
        return "%s.%s" % (m.group(1), m.group(2))
    m = re.search(r"cuda(\d\d)(\d)", build)
    if m:
        return "%s.%s" % (m.group(1), m.group(2))
    m = re.search(r"_cu(\d\d)(\d)", build)
    if m:
        return "%s.%s" % (m.group(1), m.group(2))
    return None


TORCH_FALLBACK = '''"""Minimal torch placeholder written by the Onramp conda stand-in.

The real lab stand-in (tests/lab/standins/gpu/torch) was not installed into the
conda base; this only reports what conda linked (see _onramp_build.json).
"""
import json as _json
import os as _os

with open(_os.path.join(_os.path.dirname(__file__), "_onramp_build.json")) as _f:
    _build = _json.load(_f)

__version__ = _build["version"]


class version:
    cuda = _build["cuda"]


class cuda:
    @staticmethod
    def is_available():
        return False

    @staticmethod
    def device_count():
        return 0
'''


def _install_torch(ctx, prefix, r):
    site = site_packages(prefix)
    dest = os.path.join(site, "torch")
    src = os.path.join(ctx.root_prefix, "share", "onramp-standins", "torch")
    files = []
    if os.path.isdir(src):
        shutil.copytree(src, dest, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    os.makedirs(dest, exist_ok=True)
    if not os.path.exists(os.path.join(dest, "__init__.py")):
        _write(os.path.join(dest, "__init__.py"), TORCH_FALLBACK)
    marker = {"version": r["version"], "cuda": cuda_of_build(r["build"]), "build": r["build"]}
    _write(os.path.join(dest, "_onramp_build.json"), json.dumps(marker, indent=2) + "\n")
    for root, dirs, fnames in os.walk(dest):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for fn in fnames:
            files.append(os.path.relpath(os.path.join(root, fn), prefix))
    return files


STUB_MODULES = {"torchvision": "torchvision", "torchaudio": "torchaudio", "torchtriton": "triton"}


def link_record(ctx, prefix, r, requested_spec=None, extracted=None):
    files = []
    if r["name"] == "python":
        files.extend(_make_python(prefix))
    for rel, content, mode in r.get("_payload") or ():
        rel = rel.replace("{site}", SITE_REL)
        content = content.replace("@PREFIX@", prefix)
        _write(os.path.join(prefix, rel), content, mode)
        files.append(rel)
    if r["name"] == "pytorch":
        files.extend(_install_torch(ctx, prefix, r))
    elif r["name"] in STUB_MODULES and not r.get("_payload"):
        rel = "%s/%s/__init__.py" % (SITE_REL, STUB_MODULES[r["name"]])
        _write(os.path.join(prefix, rel),
               '"""Onramp lab stand-in for the conda package; only __version__ is real."""\n'
               "__version__ = %r\n" % r["version"])
        files.append(rel)
    elif r["name"] == "pip":
        _write(os.path.join(prefix, "bin", "pip"), PIP_WRAPPER, 0o755)
        files.append("bin/pip")
    meta = clean_record(r)
    meta["files"] = files
    meta["paths_data"] = {"paths": [{"_path": f, "path_type": "hardlink"} for f in files],
                          "paths_version": 1}
    pkgs = extracted or os.path.join(ctx.pkgs_dirs[0], dist_name(r))
    meta["extracted_package_dir"] = pkgs
    meta["package_tarball_full_path"] = pkgs + r["fn"][len(dist_name(r)):]
    meta["link"] = {"source": pkgs, "type": 1}
    meta["requested_spec"] = str(requested_spec) if requested_spec is not None else "None"
    os.makedirs(os.path.join(prefix, "conda-meta"), exist_ok=True)
    _write(os.path.join(prefix, "conda-meta", dist_name(r) + ".json"),
           json.dumps(meta, indent=2, sort_keys=True) + "\n")


def unlink_record(prefix, r):
    dirs = set()
    for rel in r.get("files", ()):
        p = os.path.join(prefix, rel)
        try:
            if os.path.islink(p) or os.path.isfile(p):
                os.unlink(p)
            dirs.add(os.path.dirname(p))
        except OSError:
            pass
    if r.get("name") == "python":
        for extra in ("lib64", "include"):
            p = os.path.join(prefix, extra)
            if os.path.islink(p):
                os.unlink(p)
            elif os.path.isdir(p) and not os.listdir(p):
                os.rmdir(p)
    # prune now-empty directories (deepest first), never the prefix itself
    for d in sorted(dirs, key=len, reverse=True):
        while d.startswith(prefix + os.sep) and d != prefix:
            try:
                if os.listdir(d):
                    break
                os.rmdir(d)
            except OSError:
                break
            d = os.path.dirname(d)
    meta = r.get("_meta_path") or os.path.join(prefix, "conda-meta", dist_name(r) + ".json")
    try:
        os.unlink(meta)
    except OSError:
        pass


def rm_rf(path):
    if os.path.islink(path) or os.path.isfile(path):
        os.unlink(path)
        return

    def onerror(func, p, exc):
        try:
            os.chmod(p, stat.S_IRWXU)
            func(p)
        except OSError:
            pass

    shutil.rmtree(path, onerror=onerror)
