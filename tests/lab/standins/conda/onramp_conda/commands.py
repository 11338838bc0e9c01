"""The conda sub-commands."""

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile

from .context import PLATFORM, SITE_REL, SUBDIRS, write_condarc, read_condarc
from .errors import (ArgumentError, CondaEnvironmentError, CondaError, CondaMultiError,
                     CondaValueError, DryRunExit, EnvironmentLocationNotFound,
                     PackagesNotFoundError, UnsatisfiableError)
from .index import ChannelProblem, channel_urls_for, http_error, resolve_channel, channel_base_url
from .prefix import (add_to_cache, cached, clean_record, dist_name, is_conda_env, known_prefixes,
                     link_record, pip_packages, read_prefix, register_env, rm_rf, touch_history,
                     unlink_record, unregister_env, write_history)
from .solver import Index, _merge_str, _same, diagnose, solve, topo_order
from .ui import classify
from .version import MatchSpec, dep_spec

TORCHISH = ("pytorch", "torchvision", "torchaudio", "pytorch-cuda", "pytorch-gpu", "pytorch-cpu",
            "cpuonly", "torch")
FROZEN_RETRY = "unsuccessful initial attempt using frozen solve. Retrying with flexible solve."
CURRENT_RETRY = ("unsuccessful attempt using repodata from current_repodata.json, retrying with "
                 "next repodata source.")


def stdout_json(ui, obj):
    ui.out(json.dumps(obj, indent=2, sort_keys=True, default=str) + "\n")


def dist_fields(r):
    ch = r["_channel"]
    return {"base_url": ch.base_url, "build_number": r.get("build_number", 0),
            "build_string": r["build"], "channel": ch.name, "dist_name": dist_name(r),
            "name": r["name"], "platform": r.get("subdir", "linux-64"), "version": r["version"]}


# ------------------------------------------------------------------------------------------
# prefix resolution
# ------------------------------------------------------------------------------------------
def validate_name(name):
    bad = [c for c in ("/", " ", ":", "#") if c in name]
    if bad:
        raise CondaValueError("Invalid environment name: %r\n  Characters not allowed: %r"
                              % (name, ("/", " ", ":", "#")))


def prefix_from_name(ctx, name, for_create=False):
    if name in ("base", "root"):
        return ctx.root_prefix
    validate_name(name)
    if not for_create:
        for d in ctx.envs_dirs:
            p = os.path.join(d, name)
            if is_conda_env(p):
                return p
    if for_create:
        return os.path.join(ctx.writable_envs_dir(), name)
    return os.path.join(ctx.envs_dirs[0], name)


def target_prefix(ctx, args, for_create=False):
    if getattr(args, "prefix", None):
        return os.path.abspath(os.path.expanduser(args.prefix))
    if getattr(args, "name", None):
        return prefix_from_name(ctx, args.name, for_create)
    return ctx.active_prefix or ctx.root_prefix


def existing_prefix(ctx, args):
    prefix = target_prefix(ctx, args)
    if not is_conda_env(prefix):
        raise EnvironmentLocationNotFound(prefix)
    return prefix


def parse_specs(texts):
    specs = []
    for t in texts:
        specs.append(MatchSpec(t))
    return specs


def specs_from_files(paths):
    out = []
    for p in paths or ():
        with open(p) as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#") or line.startswith("@"):
                    continue
                out.append(line)
    return out


# ------------------------------------------------------------------------------------------
# create / install / update
# ------------------------------------------------------------------------------------------
def channel_list(ctx, given, override, specs):
    texts = list(given or ())
    if not override:
        texts += ctx.channels
    for s in specs:
        if s.channel:
            texts.append(s.channel)
    seen, out = set(), []
    for t in texts:
        if t.lower() not in seen:
            seen.add(t.lower())
            out.append(t)
    return out


def collect_channels(ctx, chan_texts, repodata_fn):
    channels, urls, problem = [], [], None
    for t in chan_texts:
        got = resolve_channel(t, repodata_fn)
        urls.extend(channel_urls_for(t))
        if isinstance(got, ChannelProblem):
            problem = problem or got
            continue
        for ch in got:
            if ch not in channels:
                channels.append(ch)
    return channels, urls, problem


def tqdm_conflict_noise(specs, virtual):
    """What classic conda's conflict search leaves on stderr before UnsatisfiableError."""
    names = ["@/linux-64::%s==%s=%s" % (n, v, b) for n, v, b in virtual] + [str(s) for s in specs]
    n = len(names)
    bar = lambda i: ("\u2588" * int(10 * i / n)).ljust(10)
    parts = ["\rBuilding graph of deps:   0%%|          | 0/%d [00:00<?, ?it/s]" % n]
    for i, name in enumerate(names):
        pct = int(100 * i / n)
        it = "" if i == 0 else ", %d.%02dit/s" % (9000 + 517 * i, 37 * i % 100)
        parts.append("\rExamining %s: %3d%%|%s| %d/%d [00:00<%s]" % (
            name, pct, bar(i), i, n, "?, ?it/s" if i == 0 else "00:00" + it))
    parts.append("\r" + " " * 90 + "\r")
    parts.append("\rDetermining conflicts:   0%%|          | 0/%d [00:00<?, ?it/s]" % n)
    parts.append("\rExamining conflict for %s:   0%%|          | 0/%d [00:00<?, ?it/s]"
                 % (" ".join(s.name for s in specs), n))
    parts.append("\r" + " " * 90 + "\r")
    return "".join(parts)


def forced_unsatisfiable(index, specs, installed):
    """conda.fail=unsatisfiable: a python conflict built from the real candidates."""
    torch = [s for s in specs if s.name in TORCHISH] or specs
    lines, chains = [], []
    for s in torch:
        mss = []
        for r in index.find(s):
            for d in r.get("depends", ()):
                ms = dep_spec(d)
                if ms.name == "python" and str(ms) not in [str(x) for x in mss]:
                    mss.append(ms)
        if mss:
            disp = "%s -> %s" % (s, _merge_str("python", mss))
            lines.append(disp)
            chains.append([str(s), _merge_str("python", mss)])
    py = [s for s in specs if s.name == "python"]
    if py:
        pyline = str(py[0])
    elif "python" in installed:
        pyline = "python=%s" % ".".join(installed["python"]["version"].split(".")[:2])
    else:
        pyline = "python=3.13"
    lines.append(pyline)
    chains.append([pyline])
    msg = ("The following specifications were found to be incompatible with each other:\n\n"
           "Output in format: Requested package -> Available versions\n\n"
           "Package python conflicts for:\n" + "\n".join(lines))
    return UnsatisfiableError(msg, chains)


def run_solve(ctx, ui, prefix, specs, chan_texts, installed, newenv, update_all=False, fns=None):
    """Collect metadata + solve, printing what conda prints. Returns (final, index, channels)."""
    if fns is None:
        fns = ["repodata.json"] if ctx.is25 else ["current_repodata.json", "repodata.json"]
    requested = {s.name for s in specs}
    pins = []
    if "python" in installed and "python" not in requested:
        mm = ".".join(installed["python"]["version"].split(".")[:2])
        pins.append(MatchSpec("python %s.*" % mm))
    meta_s = ctx.knob_float("conda.metadata_seconds", 0.35)
    solve_s = ctx.knob_float("conda.solve_seconds", 0.3)
    virtual = ctx.virtual_packages()
    if ctx.is25 and not ui.silent:
        ui.out("Channels:\n%sPlatform: %s\n" % ("".join(" - %s\n" % c for c in chan_texts), PLATFORM))
    for attempt, fn in enumerate(fns):
        last = attempt == len(fns) - 1
        sp = ui.spinner("Collecting package metadata (%s)" % fn)
        sp.start()
        sp.wait(meta_s)
        channels, urls, problem = collect_channels(ctx, chan_texts, fn)
        if problem is not None:
            sp.finish("failed")
            raise problem.exc
        if ctx.fail == "http":
            sp.wait(meta_s * 3)
            sp.finish("failed")
            raise http_error(channels[0].base_url if channels else channel_base_url(chan_texts[0]), fn)
        sp.finish("done")
        index = Index(channels, virtual, use_current=(fn == "current_repodata.json"),
                      add_pip=ctx.add_pip_as_python_dependency)
        index_extra(index, installed)
        if ctx.knob("conda.plan", "").lower() == "cpu":
            drop_cuda_builds(index, specs)
        force_unsat = ctx.fail == "unsatisfiable" and any(s.name in TORCHISH for s in specs)
        force_pnf = ctx.fail == "packages_not_found"
        sp = ui.spinner("Solving environment")
        sp.start()
        sp.wait(solve_s)
        result = None
        if not (force_unsat or force_pnf):
            if installed and not newenv and not update_all:
                fixed = {n: r for n, r in installed.items() if n not in requested}
                result = solve(index, list(specs) + pins, fixed=fixed)
                if result is None:
                    sp.finish(FROZEN_RETRY)
                    sp = ui.spinner("Solving environment")
                    sp.start()
                    sp.wait(solve_s)
            if result is None:
                roots = list(specs) + pins + [MatchSpec(n) for n in installed if n not in requested]
                prefer = {} if update_all else installed
                result = solve(index, roots, prefer=prefer)
        if result is not None:
            sp.finish("done")
            return result, index, channels, urls
        if not last and not force_pnf:
            sp.finish(CURRENT_RETRY)
            continue
        if force_pnf:
            sp.finish("failed")
            raise PackagesNotFoundError([str(s) for s in specs], urls)
        if force_unsat:
            kind, exc = "conflicts", forced_unsatisfiable(index, specs, installed)
        else:
            kind, exc = diagnose(index, list(specs), urls)
        if kind == "direct":
            sp.finish("failed")
            raise exc
        if not ui.silent:
            ui.out("\nFound conflicts! Looking for incompatible packages.\n"
                   "This can take several minutes.  Press CTRL-C to abort.\n")
            sp.frames = False
            sp.wait(solve_s)
            if isinstance(exc, UnsatisfiableError):
                ui.err(tqdm_conflict_noise([s for s in specs if not s.is_virtual()], virtual))
        sp.finish("failed")
        raise exc
    raise AssertionError("unreachable")


def index_extra(index, installed):
    """Installed records stay candidates even if their channel is not in the list."""
    for name, r in installed.items():
        lst = index.by_name.setdefault(name, [])
        if not any(_same(r, x) for _, x in lst if "_channel" in x):
            lst.append((len(index.channels) + 1, r))
    index._memo.clear()


def drop_cuda_builds(index, specs):
    """conda.plan=cpu: the solver ends up with the CPU build even when __cuda is there."""
    explicit = {s.name for s in specs if s.build and "cu" in s.build}
    for name in ("pytorch", "torchvision", "torchaudio"):
        if name in explicit or name not in index.by_name:
            continue
        index.by_name[name] = [(p, r) for p, r in index.by_name[name]
                               if not re.search(r"cuda|gpu|_cu\d", r["build"])]
    index._memo.clear()


def plan_changes(final, installed, removed_names=()):
    link, unlink, new, updated, downgraded, superseded, removed = [], [], [], [], [], [], []
    for name, r in final.items():
        old = installed.get(name)
        if old is None:
            link.append(r)
            new.append(r)
        elif not _same(old, r):
            link.append(r)
            unlink.append(old)
            kind = classify(old, r)
            {"updated": updated, "downgraded": downgraded, "superseded": superseded}[kind].append((old, r))
    for name in removed_names:
        if name in installed and name not in final:
            unlink.append(installed[name])
            removed.append(installed[name])
    return dict(link=topo_order(link), unlink=unlink, new=new, updated=updated, downgraded=downgraded,
                superseded=superseded, removed=removed)


def actions_json(prefix, fetch, link, unlink):
    actions = {"FETCH": [clean_record(r) for r in fetch], "PREFIX": prefix}
    if link:
        actions["LINK"] = [dist_fields(r) for r in link]
    if unlink:
        actions["UNLINK"] = [dist_fields(r) for r in unlink]
    return actions


def print_activate(ui, ctx, name_or_prefix):
    if ctx.quiet or ctx.json:
        return
    if " " in name_or_prefix:
        name_or_prefix = '"%s"' % name_or_prefix
    ui.out("#\n"
           "# To activate this environment, use\n"
           "#\n"
           "#     $ conda activate %s\n"
           "#\n"
           "# To deactivate an active environment, use\n"
           "#\n"
           "#     $ conda deactivate\n\n" % name_or_prefix)


def download_seconds(ctx, fetch):
    if "conda.download_seconds" in ctx.knobs:
        return ctx.knob_float("conda.download_seconds", 1.0)
    total = sum(r["size"] for r in fetch)
    return 0.3 + 1.4 * min(1.0, total / (3.0 * 1024 ** 3))


def execute_transaction(ctx, ui, argv, prefix, changes, specs, newenv, remove_specs=()):
    link, unlink = changes["link"], changes["unlink"]
    fetch = [r for r in link if not cached(ctx, r)]
    fail_at = None
    no_space_in_prefix = ctx.fail == "no_space_prefix"
    if ctx.fail == "no_space":
        if fetch:
            torch = [r for r in fetch if r["name"] == "pytorch"]
            fail_at = torch[0] if torch else max(fetch, key=lambda r: r["size"])
        else:
            # nothing left to download: the full disk (a home quota) bites while linking instead
            no_space_in_prefix = True
    failed = ui.download(fetch, len(link), download_seconds(ctx, fetch) if fetch else 0, fail_at)
    if failed is not None:
        target = os.path.join(ctx.writable_pkgs_dir(), failed["fn"])
        raise CondaMultiError([CondaError("Failed to write to %(target_path)s\n  errno: %(errno)d",
                                          target_path=target, errno=28)])
    extracted = {}
    for r in fetch:
        extracted[id(r)] = add_to_cache(ctx, r)
    with ui.spinner("Preparing transaction", 0.1):
        pass
    with ui.spinner("Verifying transaction", 0.25):
        pass
    sp = ui.spinner("Executing transaction")
    sp.start()
    sp.wait(0.3 if link or unlink else 0.1)
    if no_space_in_prefix and link:
        torch = [r for r in link if r["name"] == "pytorch"]
        victim = torch[0] if torch else max(link, key=lambda r: r["size"])
        sp.finish("failed")
        ui.err("ERROR conda.core.link:_execute(938): An error occurred while installing package "
               "'%s::%s'.\n" % (victim["_channel"].canonical, dist_name(victim)))
        with ui.spinner("Rolling back transaction", 0.1):
            pass
        if newenv:
            touch_history(prefix)
        if victim["name"] == "pytorch":
            path = os.path.join(prefix, SITE_REL, "torch", "lib",
                                "libtorch_cuda.so" if "cuda" in victim["build"] else "libtorch_cpu.so")
        else:
            path = os.path.join(prefix, "lib", "lib%s.so" % victim["name"].replace("-", "_"))
        raise CondaMultiError((OSError(28, "No space left on device", path), ()))
    try:
        os.makedirs(prefix, exist_ok=True)
        touch_history(prefix)
        requested = {s.name: s for s in specs}
        for r in reversed(unlink):
            unlink_record(prefix, r)
        for r in link:
            link_record(ctx, prefix, r, requested.get(r["name"]), extracted.get(id(r)) or cached(ctx, r))
        write_history(prefix, ctx, argv, unlink=unlink, link=link, update_specs=specs,
                      remove_specs=remove_specs)
        if newenv and prefix != ctx.root_prefix:
            register_env(ctx, prefix)
    except BaseException:
        sp.finish("failed")
        raise
    sp.finish("done")
    return fetch


def install(ctx, ui, argv, prefix, specs, chan_given, override, newenv, env_label=None,
            update_all=False, show_plan=True):
    installed = {} if newenv else read_prefix(prefix)
    chan_texts = channel_list(ctx, chan_given, override, specs)
    # `conda env create/update` (show_plan=False) go straight to repodata.json
    fns = None if show_plan else ["repodata.json"]
    final, index, channels, urls = run_solve(ctx, ui, prefix, specs, chan_texts, installed, newenv,
                                             update_all=update_all, fns=fns)
    changes = plan_changes(final, installed)
    link, unlink = changes["link"], changes["unlink"]
    fetch = [r for r in link if not cached(ctx, r)]
    if not link and not unlink and not newenv:
        if ctx.json:
            stdout_json(ui, {"message": "All requested packages already installed.", "success": True})
        else:
            ui.out("\n# All requested packages already installed.\n\n")
        return
    if not ctx.json:
        if show_plan:
            ui.out(ui.plan_text(prefix, specs_to_add=[str(s) for s in specs], fetch=fetch, new=changes["new"],
                                updated=changes["updated"], downgraded=changes["downgraded"],
                                superseded=changes["superseded"]))
            ui.confirm_yn()
    elif ctx.dry_run:
        stdout_json(ui, {"actions": actions_json(prefix, fetch, link, unlink), "dry_run": True,
                         "prefix": prefix, "success": True})
        raise DryRunExit()
    execute_transaction(ctx, ui, argv, prefix, changes, specs, newenv)
    if newenv:
        print_activate(ui, ctx, env_label or prefix)
    if ctx.json:
        stdout_json(ui, {"actions": actions_json(prefix, fetch, link, unlink), "prefix": prefix,
                         "success": True})


def cmd_create(ctx, ui, args, argv):
    if not args.name and not args.prefix:
        if not ctx.dry_run:
            raise ArgumentError("one of the arguments -n/--name -p/--prefix is required")
        # conda 23.7: a dry run without a target plans into a throw-away prefix
        args.prefix = os.path.join(tempfile.mktemp(), "unused-env-name")  # not created, as conda
    prefix = target_prefix(ctx, args, for_create=True)
    if os.path.normpath(prefix) == ctx.root_prefix:
        raise CondaValueError("The target prefix is the base prefix. Aborting.")
    specs = parse_specs(list(args.packages) + specs_from_files(args.file))
    if args.clone:
        return clone_env(ctx, ui, args, argv, prefix)
    if is_conda_env(prefix):
        if ctx.dry_run:
            raise CondaValueError("Cannot `create --dry-run` with an existing conda environment")
        if ctx.is25:
            msg = ("WARNING: A conda environment already exists at '%s'\n\n"
                   "Remove existing environment?\nThis will remove ALL directories contained within "
                   "this specified prefix directory, including any other conda environments.\n\n" % prefix)
        else:
            msg = "WARNING: A conda environment already exists at '%s'\nRemove existing environment" % prefix
        ui.confirm_yn(msg, default="no", dry_run=False)
        rm_rf(prefix)
    elif os.path.isdir(prefix) and os.listdir(prefix):
        ui.confirm_yn("WARNING: A directory already exists at the target location '%s'\n"
                      "but it is not a conda environment.\n"
                      "Continue creating environment" % prefix, default="no", dry_run=False)
    install(ctx, ui, argv, prefix, specs, args.channel, args.override_channels, True,
            env_label=args.name or prefix)


def cmd_install(ctx, ui, args, argv, update=False):
    prefix = target_prefix(ctx, args)
    if not is_conda_env(prefix):
        raise EnvironmentLocationNotFound(prefix)
    texts = list(args.packages) + specs_from_files(args.file)
    update_all = update and getattr(args, "all", False)
    if update_all:
        texts = sorted(read_prefix(prefix))
    if not texts:
        raise CondaValueError("too few arguments, must supply command line package specs or --file\n\n"
                              "You can specify one or more default packages to install when creating\n"
                              "an environment.  Doing so allows you to call conda create without\n"
                              "explicitly providing any package names.\n\n"
                              "To set the provided packages, call conda config like this:\n\n"
                              "    conda config --add create_default_packages PACKAGE_NAME\n")
    specs = parse_specs(texts)
    install(ctx, ui, argv, prefix, specs, args.channel, args.override_channels, False,
            update_all=update or update_all)


def clone_env(ctx, ui, args, argv, prefix):
    src = args.clone
    src_prefix = src if "/" in src else prefix_from_name(ctx, src)
    if not is_conda_env(src_prefix):
        raise EnvironmentLocationNotFound(src_prefix)
    recs = read_prefix(src_prefix)
    if not ctx.json:
        ui.out("Source:      %s\nDestination: %s\nPackages: %d\nFiles: 0\n\n" % (
            src_prefix, prefix, len(recs)))
    changes = plan_changes(recs, {})
    execute_transaction(ctx, ui, argv, prefix, changes, [], True)
    print_activate(ui, ctx, args.name or prefix)


# ------------------------------------------------------------------------------------------
# remove
# ------------------------------------------------------------------------------------------
def remove_all(ctx, ui, prefix):
    if os.path.normpath(prefix) == ctx.root_prefix:
        raise CondaEnvironmentError("cannot remove root environment,\n"
                                    "       add -n NAME or -p PREFIX option")
    if ctx.active_prefix and os.path.normpath(ctx.active_prefix) == os.path.normpath(prefix):
        raise CondaEnvironmentError("Cannot remove current environment. Deactivate and run conda remove "
                                    "again")
    ui.out("\nRemove all packages in environment %s:\n\n" % prefix)
    if not read_prefix(prefix):
        ui.out("No packages found in %s. Continuing environment removal\n" % prefix)
    if not ctx.dry_run:
        rm_rf(prefix)
        unregister_env(ctx, prefix)


def cmd_remove(ctx, ui, args, argv):
    prefix = existing_prefix(ctx, args)
    if args.all:
        return remove_all(ctx, ui, prefix)
    if not args.package_names:
        raise CondaValueError("no package names supplied,\n"
                              "       try \"conda remove -h\" for more details")
    specs = parse_specs(args.package_names)
    installed = read_prefix(prefix)
    sp = ui.spinner("Collecting package metadata (repodata.json)")
    sp.start()
    sp.wait(ctx.knob_float("conda.metadata_seconds", 0.35))
    sp.finish("done")
    sp = ui.spinner("Solving environment")
    sp.start()
    sp.wait(ctx.knob_float("conda.solve_seconds", 0.3))
    missing = [s for s in specs if not any(s.match(r) for r in installed.values())]
    if missing:
        sp.finish("failed")
        raise PackagesNotFoundError([str(s) for s in missing])
    gone = {r["name"] for s in specs for r in installed.values() if s.match(r)}
    changed = True
    while changed:
        changed = False
        for name, r in installed.items():
            if name in gone:
                continue
            if any(dep_spec(d).name in gone for d in r.get("depends", ())):
                gone.add(name)
                changed = True
    sp.finish("done")
    final = {n: r for n, r in installed.items() if n not in gone}
    changes = plan_changes(final, installed, removed_names=sorted(gone))
    unlink = changes["unlink"]
    if not ctx.json:
        ui.out(ui.plan_text(prefix, specs_to_remove=[str(s) for s in specs], removed=changes["removed"]))
        ui.confirm_yn()
    elif ctx.dry_run:
        stdout_json(ui, {"actions": actions_json(prefix, [], [], unlink), "dry_run": True,
                         "prefix": prefix, "success": True})
        raise DryRunExit()
    execute_transaction(ctx, ui, argv, prefix, changes, [], False, remove_specs=specs)
    if ctx.json:
        stdout_json(ui, {"actions": actions_json(prefix, [], [], unlink), "prefix": prefix,
                         "success": True})


# ------------------------------------------------------------------------------------------
# list / info / env list
# ------------------------------------------------------------------------------------------
def cmd_list(ctx, ui, args, argv):
    prefix = target_prefix(ctx, args)
    if not is_conda_env(prefix):
        raise EnvironmentLocationNotFound(prefix)
    installed = read_prefix(prefix)
    recs = sorted(installed.values(), key=lambda r: r["name"])
    regex = re.compile(args.regex, re.I) if args.regex else None
    if args.explicit:
        lines = ["# This file may be used to create an environment using:",
                 "# $ conda create --name <env> --file <this file>",
                 "# platform: %s" % PLATFORM, "@EXPLICIT"]
        for r in topo_order(list(installed.values())):
            lines.append(r.get("url", "") + ("#%s" % r.get("md5", "") if args.md5 else ""))
        ui.out("\n".join(lines) + "\n")
        return
    recs = recs + pip_packages(prefix, set(installed))
    recs.sort(key=lambda r: r["name"])
    if regex:
        recs = [r for r in recs if regex.search(r["name"])]
    if args.export:
        lines = ["# This file may be used to create an environment using:",
                 "# $ conda create --name <env> --file <this file>",
                 "# platform: %s" % PLATFORM]
        lines += ["%s=%s=%s" % (r["name"], r["version"], r["build"]) for r in recs]
        ui.out("\n".join(lines) + "\n")
        return
    if ctx.json:
        stdout_json(ui, [dist_fields(r) for r in recs])
        return
    lines = ["# packages in environment at %s:" % prefix, "#",
             "# %-23s %-15s %15s  Channel" % ("Name", "Version", "Build")]
    show = True if getattr(args, "show_channel_urls", False) else ctx.show_channel_urls
    for r in recs:
        disp = "%-25s %-15s %15s" % (r["name"], r["version"], r["build"])
        disp += "  "
        sch = r["_channel"].canonical
        if show or (show is not False and sch != "defaults"):
            disp += "  %s" % sch
        lines.append(disp)
    ui.out("\n".join(lines) + "\n")


def envs_list_text(ctx):
    active = ctx.active_prefix
    lines = []
    if ctx.is25:
        lines += ["", "# conda environments:", "#", "# * -> active", "# + -> frozen"]
    else:
        lines += ["# conda environments:", "#"]
    for p in known_prefixes(ctx):
        if p == ctx.root_prefix:
            name = "base"
        elif any(os.path.normpath(os.path.dirname(p)) == os.path.normpath(d) for d in ctx.envs_dirs):
            name = os.path.basename(p)
        else:
            name = ""
        star = "*" if active and os.path.normpath(active) == p else " "
        if ctx.is25:
            frozen = "+" if os.path.exists(os.path.join(p, "conda-meta", "frozen")) else " "
            lines.append("%-20s %s %s %s" % (name, star, frozen, p))
        else:
            lines.append("%-20s  %s  %s" % (name, star, p))
    return "\n".join(lines) + "\n\n"


def info_dict(ctx):
    env_keys = {"CIO_TEST", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "LD_PRELOAD"}
    env_keys.update(k for k in ctx.environ if k.upper().startswith(("CONDA", "PYTHON")))
    env_keys.update(k for k in ctx.environ if k.upper().endswith("PATH"))
    env_keys.update(k for k in ctx.environ if k.upper().startswith("SUDO"))
    env_vars = {k: ctx.environ.get(k, ctx.environ.get(k.lower(), "<not set>")) for k in env_keys}
    env_vars.setdefault("CONDA_ROOT", ctx.root_prefix)
    env_vars.update({k: "<set>" for k in ctx.environ if k.upper().endswith("PROXY")})
    channels = []
    for t in ctx.channels:
        channels.extend(channel_urls_for(t))
    active = ctx.active_prefix
    vi = sys.version_info
    here = os.path.dirname(os.path.abspath(__file__))
    return {
        "GID": os.getegid(),
        "UID": os.geteuid(),
        "active_prefix": active,
        "active_prefix_name": ctx.prefix_name(active) if active else None,
        "av_data_dir": os.path.join(ctx.root_prefix, "etc", "conda"),
        "av_metadata_url_base": None,
        "channels": channels,
        "conda_build_version": "not installed",
        "conda_env_version": ctx.conda_version,
        "conda_location": here,
        "conda_prefix": ctx.root_prefix,
        "conda_shlvl": ctx.shlvl,
        "conda_version": ctx.conda_version,
        "config_files": list(ctx.config_files),
        "default_prefix": active or ctx.root_prefix,
        "env_vars": env_vars,
        "envs": known_prefixes(ctx),
        "envs_dirs": ctx.envs_dirs,
        "netrc_file": None,
        "offline": False,
        "pkgs_dirs": ctx.pkgs_dirs,
        "platform": PLATFORM,
        "python_version": "%d.%d.%d.%s.%d" % (vi.major, vi.minor, vi.micro, vi.releaselevel, vi.serial),
        "rc_path": ctx.user_rc_path,
        "requests_version": "2.28.1",
        "root_prefix": ctx.root_prefix,
        "root_writable": ctx.root_writable,
        "site_dirs": [],
        "sys.executable": ctx.python_exe,
        "sys.prefix": ctx.root_prefix,
        "sys.version": sys.version,
        "sys_rc_path": ctx.sys_rc_path,
        "user_agent": ctx.user_agent(),
        "user_rc_path": ctx.user_rc_path,
        "virtual_pkgs": [list(v) for v in ctx.virtual_packages()],
    }


def info_text(ctx, d):
    sep = "\n" + 26 * " "
    fp = lambda nm, val: "%23s : %s" % (nm, val)
    b = [""]
    if d["active_prefix_name"]:
        b.append(fp("active environment", d["active_prefix_name"]))
        b.append(fp("active env location", d["active_prefix"]))
    else:
        b.append(fp("active environment", d["active_prefix"]))
    if d["conda_shlvl"] >= 0:
        b.append(fp("shell level", d["conda_shlvl"]))
    b += [
        fp("user config file", d["user_rc_path"]),
        fp("populated config files", sep.join(d["config_files"])),
        fp("conda version", d["conda_version"]),
        fp("conda-build version", d["conda_build_version"]),
        fp("python version", d["python_version"]),
        fp("virtual packages", sep.join("%s=%s=%s" % tuple(v) for v in d["virtual_pkgs"])),
        fp("base environment", "%s  (%s)" % (d["root_prefix"],
                                             "writable" if d["root_writable"] else "read only")),
        fp("conda av data dir", d["av_data_dir"]),
        fp("conda av metadata url", d["av_metadata_url_base"]),
        fp("channel URLs", sep.join(d["channels"])),
        fp("package cache", sep.join(d["pkgs_dirs"])),
        fp("envs directories", sep.join(d["envs_dirs"])),
        fp("platform", d["platform"]),
        fp("user-agent", d["user_agent"]),
        fp("UID:GID", "%s:%s" % (d["UID"], d["GID"])),
        fp("netrc file", d["netrc_file"]),
        fp("offline mode", d["offline"]),
    ]
    b.append("")
    return "\n".join(b) + "\n\n"


def cmd_info(ctx, ui, args, argv):
    if args.base:
        if ctx.json:
            stdout_json(ui, {"root_prefix": ctx.root_prefix})
        else:
            ui.out(ctx.root_prefix + "\n")
        return
    if ctx.json:
        stdout_json(ui, info_dict(ctx))
        return
    if args.envs:
        ui.out(envs_list_text(ctx))
        return
    ui.out(info_text(ctx, info_dict(ctx)))


def cmd_env_list(ctx, ui, args, argv):
    if ctx.json:
        if ctx.is25:
            stdout_json(ui, info_dict(ctx))
        else:
            stdout_json(ui, {"envs": known_prefixes(ctx)})
        return
    ui.out(envs_list_text(ctx))


def cmd_env_remove(ctx, ui, args, argv):
    prefix = existing_prefix(ctx, args)
    remove_all(ctx, ui, prefix)


def cmd_env_export(ctx, ui, args, argv):
    prefix = existing_prefix(ctx, args)
    recs = sorted(read_prefix(prefix).values(), key=lambda r: r["name"])
    chans = []
    for r in recs:
        c = r["_channel"].canonical
        if c not in chans and c != "pypi":
            chans.append(c)
    if "defaults" in chans:
        chans.remove("defaults")
        chans.append("defaults")
    name = ctx.prefix_name(prefix)
    if args.json:
        stdout_json(ui, {"name": name, "channels": chans,
                         "dependencies": ["%s=%s=%s" % (r["name"], r["version"], r["build"]) for r in recs],
                         "prefix": prefix})
        return
    lines = ["name: %s" % name, "channels:"] + ["  - %s" % c for c in chans] + ["dependencies:"]
    for r in recs:
        if args.no_builds:
            lines.append("  - %s=%s" % (r["name"], r["version"]))
        else:
            lines.append("  - %s=%s=%s" % (r["name"], r["version"], r["build"]))
    lines.append("prefix: %s" % prefix)
    ui.out("\n".join(lines) + "\n")


def read_env_yml(path):
    data = {"name": None, "channels": [], "dependencies": [], "prefix": None}
    key = None
    with open(path) as f:
        for raw in f:
            line = raw.split(" #", 1)[0].rstrip()
            if not line.strip() or line.strip().startswith("#"):
                continue
            m = re.match(r"^(\w+)\s*:\s*(.*)$", line)
            if m and not raw.startswith((" ", "\t")):
                key, val = m.group(1), m.group(2).strip().strip("'\"")
                if val:
                    data[key] = val
                continue
            m = re.match(r"^(\s*)-\s*(.*)$", line)
            if m and key in ("channels", "dependencies"):
                item = m.group(2).strip().strip("'\"")
                if len(m.group(1)) > 2 and key == "dependencies" and data.get("_pip"):
                    data.setdefault("pip", []).append(item)
                    continue
                if item.startswith("pip:"):
                    data["_pip"] = True
                    continue
                data["_pip"] = False
                data[key].append(item)
    return data


def cmd_env_create(ctx, ui, args, argv):
    path = args.file or "environment.yml"
    if not os.path.exists(path):
        raise CondaError("\nEnvironmentFileNotFound: '%s' file not found" % os.path.abspath(path))
    yml = read_env_yml(path)
    name = args.name or yml.get("name")
    if args.prefix:
        prefix = os.path.abspath(os.path.expanduser(args.prefix))
    elif name:
        prefix = prefix_from_name(ctx, name, for_create=True)
    else:
        raise ArgumentError("one of the arguments -n/--name -p/--prefix is required")
    if is_conda_env(prefix):
        if ctx.json or not ctx.always_yes:
            raise CondaValueError("prefix already exists: %s" % prefix, caused_by=True)
        rm_rf(prefix)
    chans = [c for c in yml["channels"] if c != "nodefaults"]
    override = "nodefaults" in yml["channels"]
    specs = parse_specs([d.replace(" ", "") if re.match(r"^[\w.-]+\s*[=<>]", d) else d
                         for d in yml["dependencies"]])
    install(ctx, ui, argv, prefix, specs, chans, override, True, env_label=name or prefix,
            show_plan=False)


def cmd_env_update(ctx, ui, args, argv):
    path = args.file or "environment.yml"
    yml = read_env_yml(path)
    name = args.name or yml.get("name")
    args.name = name
    prefix = target_prefix(ctx, args)
    specs = parse_specs(yml["dependencies"])
    chans = [c for c in yml["channels"] if c != "nodefaults"]
    newenv = not is_conda_env(prefix)
    install(ctx, ui, argv, prefix, specs, chans, "nodefaults" in yml["channels"], newenv,
            env_label=name or prefix, show_plan=False)


# ------------------------------------------------------------------------------------------
# run
# ------------------------------------------------------------------------------------------
def cmd_run(ctx, ui, args, argv):
    prefix = target_prefix(ctx, args)
    if not is_conda_env(prefix):
        raise EnvironmentLocationNotFound(prefix)
    call = list(args.executable_call)
    if not call:
        raise ArgumentError("No command specified. Please specify a command to run.")
    name = ctx.prefix_name(prefix)
    env = dict(ctx.environ)
    path = env.get("PATH", "")
    old = env.get("CONDA_PREFIX")
    if old:
        path = ":".join(p for p in path.split(":") if p != os.path.join(old, "bin"))
    env_lines = [
        "export PATH=%s" % shlex.quote(os.path.join(prefix, "bin") + (":" + path if path else "")),
        "export CONDA_PREFIX=%s CONDA_DEFAULT_ENV=%s CONDA_SHLVL=%s CONDA_PROMPT_MODIFIER=%s "
        "CONDA_EXE=%s CONDA_PYTHON_EXE=%s" % (
            shlex.quote(prefix), shlex.quote(name), max(1, ctx.shlvl + 1 if ctx.shlvl >= 0 else 1),
            shlex.quote("(%s) " % name), shlex.quote(ctx.conda_exe), shlex.quote(ctx.python_exe)),
        " ".join(shlex.quote(a) for a in call),
    ]
    fd, script = tempfile.mkstemp()
    with os.fdopen(fd, "w") as f:
        f.write("\n".join(env_lines) + "\n")
    capture = not (args.no_capture_output or args.live_stream)
    cwd = args.cwd or None
    try:
        if capture:
            p = subprocess.Popen(["/bin/bash", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 cwd=cwd)
        else:
            p = subprocess.Popen(["/bin/bash", script], cwd=cwd)

        def forward(sig, frame):
            try:
                p.send_signal(sig)
            except OSError:
                pass

        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, forward)
        out, err = p.communicate()
        rc = p.returncode
    finally:
        try:
            os.unlink(script)
        except OSError:
            pass
    if capture:
        if out:
            sys.stdout.buffer.write(out + b"\n")
            sys.stdout.flush()
        if err:
            sys.stderr.buffer.write(err + b"\n")
            sys.stderr.flush()
    if rc != 0:
        ui.err("ERROR conda.cli.main_run:execute(49): `conda run %s` failed. (See above for error)\n"
               % " ".join(call))
    return rc if rc >= 0 else 128 - rc


# ------------------------------------------------------------------------------------------
# search
# ------------------------------------------------------------------------------------------
def cmd_search(ctx, ui, args, argv):
    spec = MatchSpec(args.match_spec or "*")
    chan_texts = channel_list(ctx, args.channel, args.override_channels, [spec])
    sp = ui.spinner("Loading channels")
    sp.start()
    sp.wait(ctx.knob_float("conda.metadata_seconds", 0.35))
    channels, urls, problem = collect_channels(ctx, chan_texts, "repodata.json")
    if problem is not None:
        sp.finish("failed")
        raise problem.exc
    sp.finish("done")
    index = Index(channels, [], add_pip=False)
    if spec.name == "*":
        matches = [r for n in index.by_name for r in index.records(n) if spec.match(r)]
    else:
        matches = index.find(spec)
    if not matches:
        raise PackagesNotFoundError([str(spec)], urls)
    from .version import version_key
    matches.sort(key=lambda r: (r["name"], version_key(r["version"]), r["build_number"], r["build"]))
    if ctx.json:
        out = {}
        for r in matches:
            out.setdefault(r["name"], []).append(clean_record(r))
        stdout_json(ui, out)
        return
    lines = ["# %-18s %15s %15s  %-20s" % ("Name", "Version", "Build", "Channel")]
    for r in matches:
        lines.append("%-20s %15s %15s  %-20s" % (r["name"], r["version"], r["build"], r["_channel"].name))
    ui.out("\n".join(lines) + "\n")


# ------------------------------------------------------------------------------------------
# config
# ------------------------------------------------------------------------------------------
def _chan_obj(location, name, scheme="https"):
    return {"auth": None, "location": location, "name": name, "package_filename": None,
            "platform": None, "scheme": scheme, "token": None}


def config_dict(ctx):
    main = _chan_obj("repo.anaconda.com", "pkgs/main")
    r = _chan_obj("repo.anaconda.com", "pkgs/r")
    rc = ctx.rc
    return {
        "add_anaconda_token": True,
        "add_pip_as_python_dependency": ctx.add_pip_as_python_dependency,
        "aggressive_update_packages": ["ca-certificates", "certifi", "openssl"],
        "allow_conda_downgrades": False,
        "allow_cycles": True,
        "allow_non_channel_urls": False,
        "allow_softlinks": False,
        "allowlist_channels": [],
        "always_copy": False,
        "always_softlink": False,
        "always_yes": rc.get("always_yes"),
        "anaconda_upload": None,
        "auto_activate_base": ctx.auto_activate_base,
        "auto_stack": 0,
        "auto_update_conda": True,
        "bld_path": "",
        "changeps1": ctx.changeps1,
        "channel_alias": _chan_obj("conda.anaconda.org", ""),
        "channel_priority": rc.get("channel_priority") or "flexible",
        "channel_settings": [],
        "channels": ctx.channels,
        "client_ssl_cert": None,
        "client_ssl_cert_key": None,
        "clobber": False,
        "conda_build": {},
        "create_default_packages": rc.get("create_default_packages") or [],
        "croot": os.path.join(ctx.root_prefix, "conda-bld"),
        "custom_channels": {"pkgs/main": main, "pkgs/pro": _chan_obj("repo.anaconda.com", "pkgs/pro"),
                            "pkgs/r": r},
        "custom_multichannels": {"defaults": [main, r], "local": []},
        "debug": False,
        "default_channels": [main, r],
        "default_python": "%d.%d" % sys.version_info[:2],
        "default_threads": None,
        "deps_modifier": "not_set",
        "dev": False,
        "disallowed_packages": [],
        "download_only": False,
        "dry_run": False,
        "enable_private_envs": False,
        "env_prompt": "({default_env}) ",
        "envs_dirs": ctx.envs_dirs,
        "error_upload_url": "https://conda.io/conda-post/unexpected-error",
        "execute_threads": 1,
        "experimental": [],
        "extra_safety_checks": False,
        "fetch_threads": 5,
        "force": False,
        "force_32bit": False,
        "force_reinstall": False,
        "force_remove": False,
        "ignore_pinned": False,
        "json": ctx.json,
        "local_repodata_ttl": 1,
        "migrated_channel_aliases": [],
        "migrated_custom_channels": {},
        "no_plugins": False,
        "non_admin_enabled": True,
        "notify_outdated_conda": True,
        "number_channel_notices": 5,
        "offline": False,
        "override_channels_enabled": True,
        "path_conflict": "clobber",
        "pinned_packages": [],
        "pip_interop_enabled": False,
        "pkgs_dirs": ctx.pkgs_dirs,
        "proxy_servers": {},
        "quiet": False,
        "remote_backoff_factor": 1,
        "remote_connect_timeout_secs": 9.15,
        "remote_max_retries": 3,
        "remote_read_timeout_secs": 60.0,
        "repodata_fns": ["repodata.json"] if ctx.is25 else ["current_repodata.json", "repodata.json"],
        "repodata_threads": None,
        "report_errors": None,
        "restore_free_channel": False,
        "rollback_enabled": True,
        "root_prefix": ctx.root_prefix,
        "safety_checks": "warn",
        "sat_solver": "pycosat",
        "separate_format_cache": False,
        "shortcuts": True,
        "show_channel_urls": ctx.show_channel_urls,
        "signing_metadata_url_base": None,
        "solver": "classic",
        "solver_ignore_timestamps": False,
        "ssl_verify": True,
        "subdir": PLATFORM,
        "subdirs": list(SUBDIRS),
        "target_prefix_override": "",
        "track_features": [],
        "unsatisfiable_hints": True,
        "unsatisfiable_hints_check_depth": 2,
        "update_modifier": "update_specs",
        "use_index_cache": False,
        "use_local": False,
        "use_only_tar_bz2": False,
        "verbosity": 0,
        "verify_threads": 1,
    }


def _yaml_lines(key, val):
    if isinstance(val, list):
        if not val:
            return ["%s: []" % key]
        return ["%s:" % key] + ["  - %s" % x for x in val]
    if isinstance(val, dict):
        if not val:
            return ["%s: {}" % key]
        return ["%s:" % key] + ["  %s: %s" % (k, v) for k, v in val.items()]
    if isinstance(val, bool):
        return ["%s: %s" % (key, "True" if val else "False")]
    if val is None:
        return ["%s: None" % key]
    return ["%s: %s" % (key, val)]


def cmd_config(ctx, ui, args, argv):
    if args.show is not None:
        d = config_dict(ctx)
        if args.show:
            missing = [k for k in args.show if k not in d]
            if missing:
                raise ArgumentError("Invalid configuration parameters: %s" % ", ".join(missing))
            d = {k: d[k] for k in args.show}
        if ctx.json:
            stdout_json(ui, d)
        else:
            lines = []
            for k in sorted(d):
                lines += _yaml_lines(k, d[k])
            ui.out("\n".join(lines) + "\n")
        return
    if args.show_sources:
        out = []
        for p in ctx.config_files:
            data = read_condarc(p) or {}
            out.append("==> %s <==" % p)
            for k, v in data.items():
                out += _yaml_lines(k, v)
            out.append("")
        ui.out("\n".join(out) + ("\n" if out else ""))
        return
    path = args.file or (ctx.sys_rc_path if args.system else ctx.user_rc_path)
    data = read_condarc(path) or {}
    if args.get is not None:
        keys = args.get or list(data)
        lines = []
        for k in keys:
            v = data.get(k)
            if isinstance(v, list):
                for i, item in enumerate(reversed(v)):
                    note = "   # lowest priority" if i == 0 else ("   # highest priority" if i == len(v) - 1 else "")
                    lines.append("--add %s %r%s" % (k, item, note))
            elif v is not None:
                lines.append("--set %s %s" % (k, v))
        if ctx.json:
            stdout_json(ui, {"get": {k: data[k] for k in keys if k in data}, "rc_path": path,
                             "success": True, "warnings": []})
        elif lines:
            ui.out("\n".join(lines) + "\n")
        return
    changed = False
    for key, value in (args.add or []) + (args.prepend or []):
        lst = data.get(key)
        if not isinstance(lst, list):
            lst = ["defaults"] if key == "channels" else []
        if value in lst:
            lst.remove(value)
            ui.err("Warning: '%s' already in '%s' list, moving to the top\n" % (value, key))
        lst.insert(0, value)
        data[key] = lst
        changed = True
    for key, value in args.append or []:
        lst = data.get(key)
        if not isinstance(lst, list):
            lst = ["defaults"] if key == "channels" else []
        if value in lst:
            lst.remove(value)
            ui.err("Warning: '%s' already in '%s' list, moving to the bottom\n" % (value, key))
        lst.append(value)
        data[key] = lst
        changed = True
    for key, value in args.set or []:
        from .context import _scalar
        data[key] = _scalar(value)
        changed = True
    for key, value in args.remove or []:
        lst = data.get(key)
        if not isinstance(lst, list) or value not in lst:
            raise CondaError("'%s' is not in the '%s' key of the config file" % (value, key))
        lst.remove(value)
        changed = True
    for key in args.remove_key or []:
        if key not in data:
            raise CondaError("key '%s' is not in the config file" % key)
        del data[key]
        changed = True
    if changed:
        write_condarc(path, data)
        if ctx.json:
            stdout_json(ui, {"rc_path": path, "success": True, "warnings": []})


# ------------------------------------------------------------------------------------------
# init / clean / notices
# ------------------------------------------------------------------------------------------
INIT_BLOCK = """# >>> conda initialize >>>
# !! Contents within this block are managed by 'conda init' !!
__conda_setup="$('{conda}' 'shell.bash' 'hook' 2> /dev/null)"
if [ $? -eq 0 ]; then
    eval "$__conda_setup"
else
    if [ -f "{root}/etc/profile.d/conda.sh" ]; then
        . "{root}/etc/profile.d/conda.sh"
    else
        export PATH="{root}/bin:$PATH"
    fi
fi
unset __conda_setup
# <<< conda initialize <<<
"""


def cmd_init(ctx, ui, args, argv):
    shells = args.shells or ["bash"]
    root = ctx.root_prefix
    targets = ["condabin/conda", "bin/conda", "bin/conda-env", "bin/activate", "bin/deactivate",
               "etc/profile.d/conda.sh", "etc/fish/conf.d/conda.fish", "shell/condabin/Conda.psm1",
               "shell/condabin/conda-hook.ps1", "lib/%s/site-packages/xontrib/conda.xsh" % ("python%d.%d"
                                                                                          % sys.version_info[:2]),
               "etc/profile.d/conda.csh"]
    lines = ["no change     %s" % os.path.join(root, t) for t in targets]
    modified = False
    if "bash" in shells:
        rc = os.path.join(ctx.home, ".bashrc")
        try:
            with open(rc) as f:
                content = f.read()
        except OSError:
            content = ""
        block = INIT_BLOCK.format(conda=ctx.conda_exe, root=root)
        if args.reverse:
            new = re.sub(r"\n?# >>> conda initialize >>>.*?# <<< conda initialize <<<\n", "", content,
                         flags=re.S)
        elif "# >>> conda initialize >>>" in content:
            new = re.sub(r"# >>> conda initialize >>>.*?# <<< conda initialize <<<\n", block, content,
                         flags=re.S)
        else:
            new = content + ("\n" if content and not content.endswith("\n") else "") + block
        if new != content:
            if not ctx.dry_run:
                with open(rc, "w") as f:
                    f.write(new)
            modified = True
            lines.append("modified      %s" % rc)
        else:
            lines.append("no change     %s" % rc)
    if modified:
        lines += ["", "==> For changes to take effect, close and re-open your current shell. <=="]
    else:
        lines += ["No action taken."]
    ui.out("\n".join(lines) + "\n\n")


def cmd_clean(ctx, ui, args, argv):
    import shutil
    do_all = args.all
    removed_pkgs = []
    for d in ctx.pkgs_dirs:
        if not os.path.isdir(d):
            continue
        if do_all or args.index_cache:
            cache = os.path.join(d, "cache")
            if os.path.isdir(cache):
                shutil.rmtree(cache, ignore_errors=True)
        if do_all or args.packages or args.tarballs:
            for entry in sorted(os.listdir(d)):
                p = os.path.join(d, entry)
                if os.path.isdir(os.path.join(p, "info")):
                    removed_pkgs.append(p)
    if ctx.json:
        stdout_json(ui, {"success": True})
    if do_all or args.index_cache:
        if not ctx.json:
            ui.out("Will remove 1 index cache(s).\n")
    if removed_pkgs:
        if not ctx.json:
            ui.out("Will remove %d package(s).\n" % len(removed_pkgs))
        ui.confirm_yn()
        for p in removed_pkgs:
            shutil.rmtree(p, ignore_errors=True)
    elif (do_all or args.packages) and not ctx.json:
        ui.out("There are no unused package(s) to remove.\n")
    if (do_all or args.tarballs) and not ctx.json:
        ui.out("There are no unused tarball(s) to remove.\n")


def cmd_notices(ctx, ui, args, argv):
    sp = ui.spinner("Retrieving notices")
    sp.start()
    sp.wait(0.2)
    sp.finish("done")
