"""``conda shell.<shell> hook|activate|deactivate|reactivate`` and etc/profile.d/conda.sh."""

import glob
import os

from .errors import ArgumentError, EnvironmentNameNotFound, DirectoryNotACondaEnvironmentError
from .prefix import is_conda_env

POSIX_FUNCTIONS = r'''# Copyright (C) 2012 Anaconda, Inc
# SPDX-License-Identifier: BSD-3-Clause
__conda_exe() (
    "$CONDA_EXE" $_CE_M $_CE_CONDA "$@"
)

__conda_hashr() {
    if [ -n "${ZSH_VERSION:+x}" ]; then
        \rehash
    elif [ -n "${POSH_VERSION:+x}" ]; then
        :  # pass
    else
        \hash -r
    fi
}

__conda_activate() {
    if [ -n "${CONDA_PS1_BACKUP:+x}" ]; then
        # Handle transition from shell activated with conda <= 4.3 to a subsequent activation
        # after conda updated to >= 4.4. See issue #6173.
        PS1="$CONDA_PS1_BACKUP"
        \unset CONDA_PS1_BACKUP
    fi
    \local ask_conda
    ask_conda="$(PS1="${PS1:-}" __conda_exe shell.posix "$@")" || \return
    \eval "$ask_conda"
    __conda_hashr
}

__conda_reactivate() {
    \local ask_conda
    ask_conda="$(PS1="${PS1:-}" __conda_exe shell.posix reactivate)" || \return
    \eval "$ask_conda"
    __conda_hashr
}

conda() {
    \local cmd="${1-__missing__}"
    case "$cmd" in
        activate|deactivate)
            __conda_activate "$@"
            ;;
        install|update|upgrade|remove|uninstall)
            __conda_exe "$@" || \return
            __conda_reactivate
            ;;
        *)
            __conda_exe "$@"
            ;;
    esac
}

if [ -z "${CONDA_SHLVL+x}" ]; then
    \export CONDA_SHLVL=0
    # In dev-mode CONDA_EXE is python.exe and on Windows
    # it is in a different relative location to condabin.
    if [ -n "${_CE_CONDA:+x}" ] && [ -n "${WINDIR+x}" ]; then
        PATH="$(\dirname "$CONDA_EXE")/condabin${PATH:+":${PATH}"}"
    else
        PATH="$(\dirname "$(\dirname "$CONDA_EXE")")/condabin${PATH:+":${PATH}"}"
    fi
    \export PATH

    # We're not allowing PS1 to be unbound. It must at least be set.
    # However, we're not exporting it, which can cause problems when starting a second shell
    # via a first shell (i.e. starting zsh from bash).
    if [ -z "${PS1+x}" ]; then
        PS1=
    fi
fi
'''


def exports_header(ctx):
    return ("export CONDA_EXE='%s'\n"
            "export _CE_M=''\n"
            "export _CE_CONDA=''\n"
            "export CONDA_PYTHON_EXE='%s'\n" % (ctx.conda_exe, ctx.python_exe))


def conda_sh(ctx):
    """The content of etc/profile.d/conda.sh (the hook without `conda activate base`)."""
    return exports_header(ctx) + "\n" + POSIX_FUNCTIONS


def hook(ctx):
    text = conda_sh(ctx)
    if ctx.auto_activate_base:
        text += "\nconda activate base\n"
    return text


def _q(value):
    return "'%s'" % str(value).replace("'", "'\"'\"'")


class PosixActivator:
    def __init__(self, ctx):
        self.ctx = ctx
        self.env = ctx.environ

    def _locate(self, name_or_prefix):
        ctx = self.ctx
        if name_or_prefix in (None, "", "base", "root"):
            return ctx.root_prefix
        if "/" in name_or_prefix:
            prefix = os.path.abspath(os.path.expanduser(name_or_prefix))
            if not is_conda_env(prefix):
                raise DirectoryNotACondaEnvironmentError(prefix)
            return prefix
        for d in ctx.envs_dirs:
            p = os.path.join(d, name_or_prefix)
            if is_conda_env(p):
                return p
        raise EnvironmentNameNotFound(name_or_prefix)

    def _path_without(self, path, prefix):
        if not prefix:
            return path
        bindir = os.path.join(prefix, "bin")
        parts = path.split(":") if path else []
        return ":".join(p for p in parts if p != bindir)

    def _prompt(self, new_modifier):
        ps1 = self.env.get("PS1", "")
        old = self.env.get("CONDA_PROMPT_MODIFIER", "")
        if old and ps1.startswith(old):
            ps1 = ps1[len(old):]
        return new_modifier + ps1

    def _scripts(self, prefix, kind):
        return sorted(glob.glob(os.path.join(prefix, "etc", "conda", "%s.d" % kind, "*.sh")))

    def activate(self, target, stack=False):
        ctx = self.ctx
        prefix = self._locate(target)
        old_shlvl = int(self.env.get("CONDA_SHLVL", "0") or 0)
        old_prefix = self.env.get("CONDA_PREFIX")
        name = ctx.prefix_name(prefix)
        if name == prefix:
            name = prefix
        modifier = "(%s) " % (name if name != prefix else prefix)
        path = self.env.get("PATH", "")
        lines = []
        if old_prefix and os.path.normpath(old_prefix) == os.path.normpath(prefix):
            # re-activating the active environment
            return self.reactivate()
        for s in self._scripts(old_prefix, "deactivate") if old_prefix else ():
            lines.append(". %s" % _q(s))
        if old_shlvl > 0 and old_prefix and not stack:
            path = self._path_without(path, old_prefix)
        new_path = os.path.join(prefix, "bin") + (":" + path if path else "")
        new_shlvl = old_shlvl + 1
        if ctx.changeps1:
            lines.append("PS1=%s" % _q(self._prompt(modifier)))
        lines.append("export PATH=%s" % _q(new_path))
        lines.append("export CONDA_PREFIX=%s" % _q(prefix))
        lines.append("export CONDA_SHLVL=%s" % _q(new_shlvl))
        lines.append("export CONDA_DEFAULT_ENV=%s" % _q(name))
        lines.append("export CONDA_PROMPT_MODIFIER=%s" % _q(modifier))
        if old_prefix and old_shlvl > 0:
            lines.append("export CONDA_PREFIX_%d=%s" % (old_shlvl, _q(old_prefix)))
        lines.append("export CONDA_EXE=%s" % _q(ctx.conda_exe))
        lines.append("export _CE_M=''")
        lines.append("export _CE_CONDA=''")
        lines.append("export CONDA_PYTHON_EXE=%s" % _q(ctx.python_exe))
        for s in self._scripts(prefix, "activate"):
            lines.append(". %s" % _q(s))
        return "\n".join(lines) + "\n"

    def deactivate(self):
        ctx = self.ctx
        old_shlvl = int(self.env.get("CONDA_SHLVL", "0") or 0)
        old_prefix = self.env.get("CONDA_PREFIX")
        if old_shlvl <= 0 or not old_prefix:
            return ""
        lines = []
        for s in self._scripts(old_prefix, "deactivate"):
            lines.append(". %s" % _q(s))
        path = self._path_without(self.env.get("PATH", ""), old_prefix)
        new_shlvl = old_shlvl - 1
        if new_shlvl == 0:
            if ctx.changeps1:
                lines.append("PS1=%s" % _q(self._prompt("")))
            lines.append("export PATH=%s" % _q(path))
            lines.append("unset CONDA_PREFIX")
            lines.append("unset CONDA_DEFAULT_ENV")
            lines.append("unset CONDA_PROMPT_MODIFIER")
            lines.append("export CONDA_SHLVL='0'")
        else:
            back = self.env.get("CONDA_PREFIX_%d" % new_shlvl, ctx.root_prefix)
            name = ctx.prefix_name(back)
            modifier = "(%s) " % name
            path = os.path.join(back, "bin") + (":" + path if path else "")
            if ctx.changeps1:
                lines.append("PS1=%s" % _q(self._prompt(modifier)))
            lines.append("export PATH=%s" % _q(path))
            lines.append("unset CONDA_PREFIX_%d" % new_shlvl)
            lines.append("export CONDA_PREFIX=%s" % _q(back))
            lines.append("export CONDA_SHLVL=%s" % _q(new_shlvl))
            lines.append("export CONDA_DEFAULT_ENV=%s" % _q(name))
            lines.append("export CONDA_PROMPT_MODIFIER=%s" % _q(modifier))
            lines.append("export CONDA_EXE=%s" % _q(ctx.conda_exe))
            lines.append("export _CE_M=''")
            lines.append("export _CE_CONDA=''")
            lines.append("export CONDA_PYTHON_EXE=%s" % _q(ctx.python_exe))
            for s in self._scripts(back, "activate"):
                lines.append(". %s" % _q(s))
        return "\n".join(lines) + "\n"

    def reactivate(self):
        prefix = self.env.get("CONDA_PREFIX")
        lines = []
        if prefix:
            for s in self._scripts(prefix, "deactivate"):
                lines.append(". %s" % _q(s))
            for s in self._scripts(prefix, "activate"):
                lines.append(". %s" % _q(s))
        lines.append("export CONDA_EXE=%s" % _q(self.ctx.conda_exe))
        lines.append("export _CE_M=''")
        lines.append("export _CE_CONDA=''")
        lines.append("export CONDA_PYTHON_EXE=%s" % _q(self.ctx.python_exe))
        return "\n".join(lines) + "\n"


def shell_command(ctx, shell, args):
    """Handle ``conda shell.<shell> <cmd> ...``; returns the text for stdout."""
    if not args:
        raise ArgumentError("'activate', 'deactivate', 'hook', 'commands', or 'reactivate' "
                            "command must be given")
    cmd, rest = args[0], args[1:]
    if cmd == "hook":
        return hook(ctx)
    act = PosixActivator(ctx)
    if cmd == "activate":
        stack = "--stack" in rest
        names = [a for a in rest if not a.startswith("-")]
        return act.activate(names[0] if names else None, stack=stack)
    if cmd == "deactivate":
        return act.deactivate()
    if cmd == "reactivate":
        return act.reactivate()
    if cmd == "commands":
        return "\n".join(["activate", "deactivate"]) + "\n"
    raise ArgumentError("'activate', 'deactivate', 'hook', 'commands', or 'reactivate' "
                        "command must be given")
