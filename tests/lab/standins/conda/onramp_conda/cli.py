"""``conda`` command line: argparse layout of conda 23.7 and the exception handler."""

import argparse
import os
import sys

from . import commands as C
from .activate import shell_command
from .context import Context
from .errors import CondaError, print_exception
from .ui import UI

TOP_COMMANDS = ("clean", "compare", "config", "create", "info", "init", "install", "list", "notices",
                "package", "remove", "rename", "run", "search", "update", "doctor", "env")

DESCRIPTION = ("conda is a tool for managing and deploying applications, environments and packages.")


class Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))


def _common(p, json=True, yes=True, dry=True, channels=False, prefix=True):
    if prefix:
        g = p.add_argument_group("Target Environment Specification")
        g.add_argument("-n", "--name", default=None)
        g.add_argument("-p", "--prefix", default=None)
    if channels:
        g = p.add_argument_group("Channel Customization")
        g.add_argument("-c", "--channel", action="append", default=[])
        g.add_argument("--use-local", action="store_true")
        g.add_argument("--override-channels", action="store_true")
        g.add_argument("--repodata-fn", action="append")
        g.add_argument("--experimental", action="append")
        g.add_argument("--no-lock", action="store_true")
        g.add_argument("--repodata-use-zst", action="store_true")
        g.add_argument("--no-repodata-use-zst", action="store_true")
    if json:
        p.add_argument("--json", action="store_true")
    p.add_argument("-v", "--verbose", action="count", default=0)
    p.add_argument("-q", "--quiet", action="store_true")
    p.add_argument("--debug", action="store_true")
    if yes:
        p.add_argument("-y", "--yes", action="store_true")
    if dry:
        p.add_argument("-d", "--dry-run", action="store_true")


def _solver_opts(p):
    p.add_argument("--strict-channel-priority", action="store_true")
    p.add_argument("--no-channel-priority", action="store_true")
    p.add_argument("--no-deps", action="store_true")
    p.add_argument("--only-deps", action="store_true")
    p.add_argument("--no-pin", action="store_true")
    p.add_argument("--solver", choices=("classic", "libmamba"))
    p.add_argument("--force-reinstall", action="store_true")
    p.add_argument("--freeze-installed", "--no-update-deps", action="store_true")
    p.add_argument("--update-deps", action="store_true")
    p.add_argument("-S", "--satisfied-skip-solve", action="store_true")
    p.add_argument("--update-all", "--all", dest="all", action="store_true")
    p.add_argument("--update-specs", action="store_true")
    p.add_argument("--copy", action="store_true")
    p.add_argument("--no-shortcuts", action="store_true")
    p.add_argument("-C", "--use-index-cache", action="store_true")
    p.add_argument("-k", "--insecure", action="store_true")
    p.add_argument("--offline", action="store_true")
    p.add_argument("--download-only", action="store_true")
    p.add_argument("--show-channel-urls", action="store_true")
    p.add_argument("--file", action="append", default=[])
    p.add_argument("--dev", action="store_true")
    p.add_argument("--platform", "--subdir", dest="subdir")


def build_parser(version, only=None):
    """The argparse tree. ``only``: fill in the options of that sub-command alone (the others are
    registered by name, so the invalid-choice message still lists them all)."""
    p = Parser(prog="conda", description=DESCRIPTION)
    p.add_argument("--no-plugins", action="store_true")
    p.add_argument("-V", "--version", action="version", version="conda %s" % version)
    sub = p.add_subparsers(dest="cmd", metavar="COMMAND", title="commands", parser_class=Parser)
    real_add = sub.add_parser

    class _Skip(Parser):
        def add_argument(self, *a, **k):
            return None

        def add_argument_group(self, *a, **k):
            return self

        def add_subparsers(self, *a, **k):
            return _SkipSub()

        def set_defaults(self, **k):
            return None

    class _SkipSub:
        def add_parser(self, *a, **k):
            return _Skip(prog="conda")

    def add_parser(name, **kw):
        if only is None or name == only or only in kw.get("aliases", ()):
            return real_add(name, **kw)
        sub._parser_class = _Skip
        try:
            return real_add(name, **kw)
        finally:
            sub._parser_class = Parser

    sub.add_parser = add_parser

    sp = sub.add_parser("clean", help="Remove unused packages and caches.")
    sp.add_argument("-a", "--all", action="store_true")
    sp.add_argument("-i", "--index-cache", action="store_true")
    sp.add_argument("-p", "--packages", action="store_true")
    sp.add_argument("-t", "--tarballs", action="store_true")
    sp.add_argument("-f", "--force-pkgs-dirs", action="store_true")
    sp.add_argument("-c", "--tempfiles", nargs="*")
    sp.add_argument("-l", "--logfiles", action="store_true")
    _common(sp, prefix=False)

    sub.add_parser("compare", help="Compare packages between conda environments.")

    sp = sub.add_parser("config", help="Modify configuration values in .condarc.")
    sp.add_argument("--system", action="store_true")
    sp.add_argument("--env", action="store_true")
    sp.add_argument("--file")
    sp.add_argument("--show", nargs="*", default=None)
    sp.add_argument("--show-sources", action="store_true")
    sp.add_argument("--validate", action="store_true")
    sp.add_argument("--describe", nargs="*")
    sp.add_argument("--write-default", action="store_true")
    sp.add_argument("--get", nargs="*")
    sp.add_argument("--append", nargs=2, action="append")
    sp.add_argument("--prepend", "--add", dest="add", nargs=2, action="append")
    sp.add_argument("--set", nargs=2, action="append")
    sp.add_argument("--remove", nargs=2, action="append")
    sp.add_argument("--remove-key", action="append")
    sp.add_argument("--stdin", action="store_true")
    _common(sp, prefix=False, dry=False)
    sp.set_defaults(prepend=None)

    sp = sub.add_parser("create", help="Create a new conda environment from a list of specified packages.")
    sp.add_argument("--clone")
    sp.add_argument("--no-default-packages", action="store_true")
    sp.add_argument("packages", nargs="*", metavar="package_spec")
    _common(sp, channels=True)
    _solver_opts(sp)

    sp = sub.add_parser("info", help="Display information about current conda install.")
    sp.add_argument("-a", "--all", action="store_true")
    sp.add_argument("--base", action="store_true")
    sp.add_argument("-e", "--envs", action="store_true")
    sp.add_argument("-s", "--system", action="store_true")
    sp.add_argument("--unsafe-channels", action="store_true")
    _common(sp, prefix=False, yes=False, dry=False)

    sp = sub.add_parser("init", help="Initialize conda for shell interaction.")
    sp.add_argument("--all", action="store_true")
    sp.add_argument("--user", action="store_true", default=True)
    sp.add_argument("--system", action="store_true")
    sp.add_argument("--reverse", action="store_true")
    sp.add_argument("shells", nargs="*")
    _common(sp, prefix=False, yes=False)

    for name, aliases in (("install", []),):
        sp = sub.add_parser(name, aliases=aliases, help="Installs a list of packages into a specified "
                                                        "conda environment.")
        sp.add_argument("--revision")
        sp.add_argument("packages", nargs="*", metavar="package_spec")
        _common(sp, channels=True)
        _solver_opts(sp)

    sp = sub.add_parser("list", help="List installed packages in a conda environment.")
    sp.add_argument("--show-channel-urls", action="store_true")
    sp.add_argument("-c", "--canonical", action="store_true")
    sp.add_argument("-f", "--full-name", action="store_true")
    sp.add_argument("--explicit", action="store_true")
    sp.add_argument("--md5", action="store_true")
    sp.add_argument("-e", "--export", action="store_true")
    sp.add_argument("-r", "--revisions", action="store_true")
    sp.add_argument("--no-pip", action="store_true")
    sp.add_argument("regex", nargs="?")
    _common(sp, yes=False, dry=False)

    sp = sub.add_parser("notices", help="Retrieves latest channel notifications.")
    _common(sp, prefix=False, yes=False, dry=False, channels=True)

    sub.add_parser("package", help="Low-level conda package utility. (EXPERIMENTAL)")

    sp = sub.add_parser("remove", aliases=["uninstall"], help="Remove a list of packages from a "
                                                              "specified conda environment.")
    sp.add_argument("--all", action="store_true")
    sp.add_argument("--keep-env", action="store_true")
    sp.add_argument("--features", action="store_true")
    sp.add_argument("--force-remove", "--force", action="store_true")
    sp.add_argument("--no-pin", action="store_true")
    sp.add_argument("package_names", nargs="*")
    _common(sp, channels=True)
    sp.add_argument("--solver")

    sub.add_parser("rename", help="Renames an existing environment.")

    sp = sub.add_parser("run", help="Run an executable in a conda environment.")
    sp.add_argument("--live-stream", action="store_true")
    sp.add_argument("--no-capture-output", "--no-capture-outputs", action="store_true")
    sp.add_argument("--cwd")
    sp.add_argument("--dev", action="store_true")
    sp.add_argument("executable_call", nargs=argparse.REMAINDER)
    _common(sp, json=False, yes=False, dry=False)

    sp = sub.add_parser("search", help="Search for packages and display associated information.")
    sp.add_argument("-i", "--info", action="store_true")
    sp.add_argument("--subdir", "--platform")
    sp.add_argument("-e", "--envs", action="store_true")
    sp.add_argument("-k", "--insecure", action="store_true")
    sp.add_argument("--offline", action="store_true")
    sp.add_argument("match_spec", nargs="?")
    _common(sp, channels=True, prefix=False, yes=False, dry=False)

    sp = sub.add_parser("update", aliases=["upgrade"], help="Updates conda packages to the latest "
                                                            "compatible version.")
    sp.add_argument("packages", nargs="*", metavar="package_spec")
    _common(sp, channels=True)
    _solver_opts(sp)

    sub.add_parser("doctor", help="A tool that displays diagnostics for the current environment.")

    sp = sub.add_parser("env", help="See `conda env --help`.")
    esub = sp.add_subparsers(dest="env_cmd", metavar="command", parser_class=Parser)
    e = esub.add_parser("create", help="Create an environment based on an environment definition file.")
    e.add_argument("-f", "--file")
    e.add_argument("remote_definition", nargs="?")
    e.add_argument("--force", action="store_true")
    _common(e, channels=False)
    e = esub.add_parser("export", help="Export a given environment")
    e.add_argument("-f", "--file")
    e.add_argument("--no-builds", action="store_true")
    e.add_argument("--ignore-channels", action="store_true")
    e.add_argument("--from-history", action="store_true")
    e.add_argument("-c", "--channel", action="append")
    e.add_argument("--override-channels", action="store_true")
    _common(e, yes=False, dry=False)
    e = esub.add_parser("list", help="List the Conda environments")
    _common(e, prefix=False, yes=False, dry=False)
    e = esub.add_parser("remove", help="Remove an environment")
    _common(e)
    e = esub.add_parser("update", help="Update the current environment based on environment file")
    e.add_argument("-f", "--file")
    e.add_argument("--prune", action="store_true")
    _common(e, yes=False)
    esub.add_parser("config", help="Configure a conda environment")
    return p


COMMANDS = {
    "create": C.cmd_create,
    "install": C.cmd_install,
    "update": lambda ctx, ui, args, argv: C.cmd_install(ctx, ui, args, argv, update=True),
    "remove": C.cmd_remove,
    "list": C.cmd_list,
    "info": C.cmd_info,
    "run": C.cmd_run,
    "config": C.cmd_config,
    "search": C.cmd_search,
    "init": C.cmd_init,
    "clean": C.cmd_clean,
    "notices": C.cmd_notices,
    ("env", "list"): C.cmd_env_list,
    ("env", "remove"): C.cmd_env_remove,
    ("env", "create"): C.cmd_env_create,
    ("env", "export"): C.cmd_env_export,
    ("env", "update"): C.cmd_env_update,
}
ALIASES = {"upgrade": "update", "uninstall": "remove"}


def dispatch(ctx, ui, argv):
    if argv and argv[0].startswith("shell."):
        text = shell_command(ctx, argv[0].split(".", 1)[1], argv[1:])
        ui.out(text)
        return 0
    if argv and argv[0] in ("activate", "deactivate") and ctx.is25:
        raise CondaError("Run 'conda init' before 'conda %s'" % argv[0])
    first = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(ctx.conda_version, first if first in TOP_COMMANDS + tuple(ALIASES) else None)
    if not argv:
        parser.print_help()
        return 0
    args = parser.parse_args(argv)
    ctx.json = bool(getattr(args, "json", False))
    ctx.quiet = bool(getattr(args, "quiet", False))
    ctx.always_yes = ctx.always_yes or bool(getattr(args, "yes", False))
    ctx.dry_run = bool(getattr(args, "dry_run", False))
    ctx.verbosity = getattr(args, "verbose", 0) or 0
    cmd = ALIASES.get(args.cmd, args.cmd)
    if cmd == "env":
        if not args.env_cmd:
            parser.parse_args(["env", "--help"])
        cmd = ("env", args.env_cmd)
    handler = COMMANDS.get(cmd)
    if handler is not None:
        return handler(ctx, ui, args, argv)
    raise CondaError("'conda %s' is not available in the Onramp lab stand-in for conda."
                     % " ".join(cmd if isinstance(cmd, tuple) else (cmd,)))


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    ctx = Context()
    ui = UI(ctx)
    try:
        rc = dispatch(ctx, ui, argv)
        return rc or 0
    except CondaError as e:
        # --json + a plain OSError inside CondaMultiError: real conda crashes in dump_map
        # (the traceback of capture 57); let that AttributeError escape the same way.
        print_exception(e, ctx.json)
        return e.return_code
    except KeyboardInterrupt:
        ui.err("\n")
        return 1
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 1


if __name__ == "__main__":
    sys.exit(main())
