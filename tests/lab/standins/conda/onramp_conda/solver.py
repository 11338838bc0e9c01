"""A small but real dependency solver, plus conda-classic-style failure analysis.

Backtracking search over package names (most-constrained name first). Candidate
order approximates the classic solver's objective: channel priority, then version,
then ``track_features``-like penalties (the CPU mutex of the pytorch channel),
then build number, then the python version a build is for.
"""

import functools
import re
from collections import OrderedDict

from .errors import PackagesNotFoundError, UnsatisfiableError
from .version import VersionOrder, dep_spec, version_cmp


class SolveBudgetExceeded(Exception):
    pass


def _pyver_of(rec):
    for d in rec.get("depends", ()):
        if d.startswith("python ") or d == "python":
            m = re.search(r">=(\d+)\.(\d+)", d)
            if m:
                return (int(m.group(1)), int(m.group(2)))
        m = re.match(r"^python_abi (\d+)\.(\d+)", d)
        if m:
            return (int(m.group(1)), int(m.group(2)))
    m = re.search(r"py(\d)\.?(\d+)", rec.get("build", ""))
    if m:
        return (int(m.group(1)), int(m.group(2)))
    return (0, 0)


def _cmp_records(a, b):
    """Preference order: negative means ``a`` is preferred."""
    pa, ra = a
    pb, rb = b
    if pa != pb:
        return -1 if pa < pb else 1
    c = version_cmp(ra["version"], rb["version"])
    if c:
        return -c
    ea, eb = ra.get("_penalty", 0), rb.get("_penalty", 0)
    if ea != eb:
        return -1 if ea < eb else 1
    if ra["build_number"] != rb["build_number"]:
        return -1 if ra["build_number"] > rb["build_number"] else 1
    ya, yb = _pyver_of(ra), _pyver_of(rb)
    if ya != yb:
        return -1 if ya > yb else 1
    if ra["build"] != rb["build"]:
        return -1 if ra["build"] > rb["build"] else 1
    if ra.get("timestamp", 0) != rb.get("timestamp", 0):
        return -1 if ra.get("timestamp", 0) > rb.get("timestamp", 0) else 1
    return 0


def virtual_record(name, version, build):
    return {"name": name, "version": version, "build": build, "build_number": 0, "depends": [],
            "constrains": [], "subdir": "linux-64", "_virtual": True}


class Index:
    def __init__(self, channels, virtual_pkgs, use_current=False, add_pip=True):
        self.channels = channels
        self.by_name = OrderedDict()
        have_pip = any(r["name"] == "pip" for ch in channels for r in ch.records)
        for prio, ch in enumerate(channels):
            for r in ch.records:
                if use_current and not r.get("_current", True):
                    continue
                if add_pip and have_pip and r["name"] == "python" and "pip" not in r["depends"] \
                        and r["version"].startswith(("2.", "3.")):
                    r["depends"] = list(r["depends"]) + ["pip"]
                self.by_name.setdefault(r["name"], []).append((prio, r))
        for name in self.by_name:
            self.by_name[name].sort(key=functools.cmp_to_key(_cmp_records))
        self.virtual = {}
        for name, ver, build in virtual_pkgs:
            self.virtual[name] = virtual_record(name, ver, build)
            self.by_name[name] = [(-1, self.virtual[name])]
        self._memo = {}

    def records(self, name):
        return [r for _, r in self.by_name.get(name, ())]

    def find(self, spec):
        return [r for r in self.records(spec.name) if spec.match(r)]

    def has_name(self, name):
        return name in self.by_name

    def cands(self, name, specs):
        key = (name, tuple(sorted(id(s) for s in specs)))
        got = self._memo.get(key)
        if got is None:
            got = [r for r in self.records(name) if all(s.match(r) for s in specs)]
            self._memo[key] = got
        return got


def _constrains_ok(rec, chosen):
    for c in rec.get("constrains", ()):
        ms = dep_spec(c)
        other = chosen.get(ms.name)
        if other is not None and not ms.match(other):
            return False
    return True


def solve(index, root_specs, fixed=None, prefer=None, budget=6000):
    """Return {name: record} satisfying ``root_specs`` (MatchSpecs) or None.

    ``fixed``: {name: record} that must stay as they are (frozen solve).
    ``prefer``: {name: record} tried first when allowed (installed packages).
    """
    prefer = prefer or {}
    chosen = dict(fixed or {})
    chosen.update({n: r for n, r in index.virtual.items()})
    open_specs = OrderedDict()
    for ms in root_specs:
        if ms.name in chosen:
            if not ms.match(chosen[ms.name]):
                return None
            continue
        open_specs.setdefault(ms.name, []).append(ms)
    steps = [0]

    def search(chosen, open_specs):
        steps[0] += 1
        if steps[0] > budget:
            raise SolveBudgetExceeded()
        if not open_specs:
            return chosen
        cons = {}
        for r2 in chosen.values():
            for c in r2.get("constrains", ()):
                ms = dep_spec(c)
                cons.setdefault(ms.name, []).append(ms)
        best = None
        for name, specs in open_specs.items():
            extra = cons.get(name, ())
            cands = [r for r in index.cands(name, specs)
                     if _constrains_ok(r, chosen) and all(c.match(r) for c in extra)]
            if not cands:
                return None
            if best is None or len(cands) < len(best[1]):
                best = (name, cands)
                if len(cands) == 1:
                    break
        name, cands = best
        pref = prefer.get(name)
        if pref is not None and any(r is pref or _same(r, pref) for r in cands):
            cands = [r for r in cands if _same(r, pref)] + [r for r in cands if not _same(r, pref)]
        for r in cands:
            new_chosen = dict(chosen)
            new_chosen[name] = r
            new_open = OrderedDict((k, v) for k, v in open_specs.items() if k != name)
            ok = True
            for d in r.get("depends", ()):
                ms = dep_spec(d)
                if ms.name in new_chosen:
                    if not ms.match(new_chosen[ms.name]):
                        ok = False
                        break
                else:
                    lst = new_open.get(ms.name)
                    new_open[ms.name] = (lst + [ms]) if lst else [ms]
            if not ok:
                continue
            res = search(new_chosen, new_open)
            if res is not None:
                return res
        return None

    try:
        result = search(chosen, open_specs)
    except SolveBudgetExceeded:
        return None
    if result is None:
        return None
    return {n: r for n, r in result.items() if not r.get("_virtual")}


def _same(a, b):
    return (a["name"] == b["name"] and a["version"] == b["version"] and a["build"] == b["build"]
            and a.get("channel") == b.get("channel"))


# ----------------------------------------------------------------------------------
# failure analysis (what conda classic reports)
# ----------------------------------------------------------------------------------
def missing_specs(index, specs):
    """Requested specs with no matching record at all."""
    return [s for s in specs if not index.find(s)]


def _fmt_dep(ms):
    return str(ms)


def find_missing_deps(index, spec, depth=4):
    """For a single requested spec: the deps that make every candidate uninstallable
    because nothing matches them (conda reports these as PackagesNotFoundError)."""
    seen = set()

    def walk(spec, depth):
        cands = index.find(spec)
        if not cands or depth == 0:
            return None
        missing_all = []
        for r in cands:
            miss = []
            for d in r.get("depends", ()):
                ms = dep_spec(d)
                if not index.find(ms):
                    miss.append(ms)
            if not miss:
                # maybe a single-candidate chain deeper down is missing something
                deeper = []
                for d in r.get("depends", ()):
                    ms = dep_spec(d)
                    key = str(ms)
                    if key in seen:
                        continue
                    seen.add(key)
                    sub = index.find(ms)
                    if len(sub) == 1:
                        got = walk(ms, depth - 1)
                        if got:
                            deeper.extend(got)
                if not deeper:
                    return None
                miss = deeper
            missing_all.extend(m for m in miss if str(m) not in [str(x) for x in missing_all])
        return missing_all

    return walk(spec, depth) or []


def _reach(index, spec, max_depth=3):
    """name -> list of (chain_prefix, [dep MatchSpecs]) reachable from a requested spec."""
    out = OrderedDict()
    frontier = [((str(spec),), index.find(spec))]
    seen = {spec.name}
    for depth in range(max_depth):
        nxt = []
        for chain, recs in frontier:
            grouped = OrderedDict()
            for r in recs:
                for d in r.get("depends", ()):
                    ms = dep_spec(d)
                    grouped.setdefault(ms.name, [])
                    if str(ms) not in [str(x) for x in grouped[ms.name]]:
                        grouped[ms.name].append(ms)
            for name, mss in grouped.items():
                if name in out:
                    continue
                out[name] = (chain, mss)
                if name not in seen:
                    seen.add(name)
                    sub = [r for ms in mss for r in index.find(ms)]
                    if sub:
                        nxt.append((chain + (_merge_str(name, mss),), sub))
        frontier = nxt
    return out


def _merge_str(name, mss):
    """``python[version='>=3.10,<3.11.0a0|>=3.11,<3.12.0a0']`` like conda's merged display."""
    versions = sorted({ms.version for ms in mss if ms.version and ms.version != "*"})
    builds = sorted({ms.build for ms in mss if ms.build and ms.build != "*"})
    if not versions and not builds:
        return name
    if len(mss) == 1:
        return str(mss[0])
    parts = []
    if versions:
        parts.append("version='%s'" % "|".join(versions))
    if builds:
        parts.append("build='%s'" % "|".join(builds))
    return "%s[%s]" % (name, ",".join(parts))


def requires(index, spec, vname, depth=3, _memo=None):
    """True if every candidate of ``spec`` needs ``vname`` in a version that is not there."""
    memo = {} if _memo is None else _memo
    key = (str(spec), vname, depth)
    if key in memo:
        return memo[key]
    memo[key] = False
    cands = index.find(spec)
    ok = bool(cands)
    for r in cands:
        hit = False
        for d in r.get("depends", ()):
            ms = dep_spec(d)
            if ms.name == vname and not index.find(ms):
                hit = True
            elif depth > 1 and not ms.name.startswith("__") and requires(index, ms, vname, depth - 1, memo):
                hit = True
            if hit:
                break
        if not hit:
            ok = False
            break
    memo[key] = ok
    return ok


def conflict_error(index, specs, virtual):
    """Build the UnsatisfiableError for a set of requested specs that cannot co-exist."""
    reach = {}
    for s in specs:
        reach[str(s)] = _reach(index, s)
    names = []
    for s in specs:
        names.append(s.name)
        names.extend(reach[str(s)].keys())
    groups = []
    json_chains = []
    system_lines = []
    system_installed = None
    done = set()
    for name in sorted(set(names)):
        if name in done:
            continue
        constraints = []  # (display chain, allowed record ids, chain list)
        for s in specs:
            if s.name == name:
                allowed = {id(r) for r in index.find(s)}
                constraints.append((str(s), allowed, [str(s)]))
            elif name in reach[str(s)]:
                chain, mss = reach[str(s)][name]
                allowed = {id(r) for ms in mss for r in index.find(ms)}
                disp = " -> ".join(chain + (_merge_str(name, mss),))
                constraints.append((disp, allowed, list(chain) + [_merge_str(name, mss)]))
        if name.startswith("__"):
            for (disp, allowed, chain), s in zip(constraints, [s for s in specs if s.name == name
                                                             or name in reach[str(s)]]):
                if not allowed and requires(index, s, name):
                    v = virtual.get(name)
                    if v is not None:
                        system_lines.append("feature:/linux-64::%s==%s=%s" % (name, v["version"], v["build"]))
                        system_lines.append("feature:|@/linux-64::%s==%s=%s" % (name, v["version"], v["build"]))
                    system_lines.append(disp)
                    system_installed = v["version"] if v is not None else "not available"
                    json_chains.append(chain)
            continue
        bad = False
        for i in range(len(constraints)):
            for j in range(i + 1, len(constraints)):
                if not (constraints[i][1] & constraints[j][1]):
                    bad = True
        if bad:
            done.add(name)
            groups.append("Package %s conflicts for:\n%s" % (name, "\n".join(c[0] for c in constraints)))
            json_chains.extend(c[2] for c in constraints)
    msg = ("The following specifications were found to be incompatible with each other:\n\n"
           "Output in format: Requested package -> Available versions")
    if groups:
        msg += "\n\n" + "\n\n".join(groups)
    if system_lines:
        seen = []
        for line in system_lines:
            if line not in seen:
                seen.append(line)
        if groups:
            msg += "\n\n"
        else:
            msg = ""
        msg += ("The following specifications were found to be incompatible with your system:\n\n"
                + "\n".join("  - " + x for x in seen) + "\n\nYour installed version is: %s"
                % system_installed)
    return UnsatisfiableError(msg, json_chains)


def diagnose(index, specs, channel_urls):
    """Raise the error conda classic would raise for a failed solve.

    Returns "direct" if the failure is reported without conflict analysis
    (``Solving environment: ...failed``), else "conflicts" (the caller prints
    ``Found conflicts!`` first). The exception is returned alongside.
    """
    real = [s for s in specs if not s.name.startswith("__")]
    missing = missing_specs(index, real)
    if missing:
        return "direct", PackagesNotFoundError([str(s) for s in missing], channel_urls)
    if len(real) == 1:
        deps = find_missing_deps(index, real[0])
        if deps:
            return "conflicts", PackagesNotFoundError([_fmt_dep(d) for d in deps], channel_urls)
    return "conflicts", conflict_error(index, real, index.virtual)


def topo_order(records):
    """Dependency order (dependencies first), ties by name: the LINK order."""
    by_name = {r["name"]: r for r in records}
    deps = {}
    for r in records:
        deps[r["name"]] = {dep_spec(d).name for d in r.get("depends", ()) if dep_spec(d).name in by_name}
        deps[r["name"]].discard(r["name"])
    if "python" in deps:
        deps["python"].discard("pip")
    out = []
    remaining = dict(deps)
    while remaining:
        ready = sorted(n for n, d in remaining.items() if not (d & set(remaining)))
        if not ready:
            ready = [sorted(remaining)[0]]
        for n in ready:
            out.append(by_name[n])
            del remaining[n]
    return out


__all__ = ["Index", "solve", "diagnose", "topo_order"]
