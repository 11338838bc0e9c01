"""Terminal output: spinners, the package plan, tqdm download bars, prompts.

Everything is written unbuffered, in the order and to the stream real conda uses,
so a client that streams stdout sees the lines arrive while the stand-in waits.
"""

import json
import os
import sys
import time

from .errors import CondaSystemExit, DryRunExit
from .version import VersionOrder


def human_bytes(n):
    if n < 1024:
        return "%d B" % n
    k = n / 1024
    if k < 1024:
        return "%d KB" % round(k)
    m = k / 1024
    if m < 1024:
        return "%.1f MB" % m
    g = m / 1024
    return "%.2f GB" % g


class UI:
    def __init__(self, ctx, out=None, err=None):
        self.ctx = ctx
        self.outs = out or sys.stdout
        self.errs = err or sys.stderr

    # -- basic output ---------------------------------------------------------------------
    def out(self, text):
        self.outs.write(text)
        self.outs.flush()

    def err(self, text):
        self.errs.write(text)
        self.errs.flush()

    def sleep(self, seconds):
        seconds *= self.ctx.time_scale
        if seconds > 0:
            time.sleep(seconds)

    @property
    def silent(self):
        return self.ctx.json or self.ctx.quiet

    def _spin_frames(self):
        """25.x draws spinners even when stdout is not a TTY; 23.x only on a TTY."""
        if self.ctx.is25:
            return True
        try:
            return os.isatty(self.outs.fileno())
        except (AttributeError, ValueError, OSError):
            return False

    def spinner(self, label, seconds=0.0):
        return Spinner(self, label, seconds)

    # -- the package plan -------------------------------------------------------------------
    def plan_text(self, prefix, specs_to_add=(), specs_to_remove=(), fetch=(), new=(), updated=(),
                  downgraded=(), superseded=(), removed=()):
        b = ["", "## Package Plan ##\n", "  environment location: %s" % prefix, ""]
        if specs_to_remove:
            b.append("  removed specs:%s" % "".join("\n    - %s" % s for s in sorted(specs_to_remove)))
            b.append("")
        if specs_to_add:
            b.append("  added / updated specs:%s" % "".join("\n    - %s" % s for s in sorted(specs_to_add)))
            b.append("")
        show = self.ctx.show_channel_urls
        if fetch:
            b.append("\nThe following packages will be downloaded:\n")
            fmt = "    %-27s|%17s"
            b.append(fmt % ("package", "build"))
            b.append(fmt % ("-" * 27, "-" * 17))
            total = 0
            for r in sorted(fetch, key=lambda r: r["name"]):
                extra = "%15s" % human_bytes(r["size"])
                total += r["size"]
                sch = r["_channel"].canonical
                if show is not False and (show or sch != "defaults"):
                    extra += "  " + sch
                b.append(fmt % ("%s-%s" % (r["name"], r["version"]), r["build"]) + extra)
            b.append(" " * 4 + "-" * 60)
            b.append(" " * 43 + "Total: %14s" % human_bytes(total))

        def key(s):
            return s[:15] + "~" if len(s) > 18 else s

        if new:
            b.append("\nThe following NEW packages will be INSTALLED:\n")
            for r in sorted(new, key=lambda r: r["name"]):
                b.append("  %-18s %s " % (key(r["name"]), record_id(r)))
        if removed:
            b.append("\nThe following packages will be REMOVED:\n")
            for r in sorted(removed, key=lambda r: r["name"]):
                b.append("  %s-%s-%s" % (r["name"], r["version"], r["build"]))
        for title, pairs in (("UPDATED", updated), ("SUPERSEDED by a higher-priority channel", superseded),
                             ("DOWNGRADED", downgraded)):
            if pairs:
                b.append("\nThe following packages will be %s:\n" % title)
                for old, newr in sorted(pairs, key=lambda p: p[0]["name"]):
                    left, right = diff_strs(old, newr)
                    if len(left) > 38:
                        left = left[:35] + "~"
                    b.append("  %-18s %38s --> %s " % (key(old["name"]), left, right))
        b.append("")
        b.append("")
        return "\n".join(b) + "\n"

    # -- prompts ----------------------------------------------------------------------------
    def confirm(self, message, default="yes"):
        """conda.cli.common.confirm: reads one line from stdin (EOF = default)."""
        options = []
        for option in ("yes", "no"):
            options.append("[%s]" % option[0] if option == default else option[0])
        prompt = "%s (%s)? " % (message, "/".join(options))
        choices = {"yes": "yes", "y": "yes", "no": "no", "n": "no", "": default}
        while True:
            self.out(prompt)
            line = sys.stdin.readline() if sys.stdin is not None else ""
            choice = line.strip().lower()
            if choice not in choices:
                self.out("Invalid choice: %s\n" % choice)
                if not line:
                    choice = ""
                else:
                    continue
            self.out("\n")
            return choices[choice]

    def confirm_yn(self, message="Proceed", default="yes", dry_run=None):
        if (dry_run is None and self.ctx.dry_run) or dry_run:
            raise DryRunExit()
        if self.ctx.always_yes or self.ctx.json:
            return True
        if self.confirm(message, default) == "no":
            raise CondaSystemExit("Exiting.")
        return True

    # -- download progress --------------------------------------------------------------
    def download(self, fetch, link_count, seconds, fail_at=None):
        """Show the download of ``fetch`` records over ``seconds`` (simulated).

        ``fail_at``: a record whose write fails half-way (no-space knob); the
        bars stop and the record is returned so the caller can raise.
        """
        if not link_count:
            return None
        if self.ctx.json:
            return self._download_json(fetch, seconds, fail_at)
        if self.ctx.quiet:
            self.sleep(seconds)
            return fail_at if fail_at is not None else None
        if self.ctx.is25:
            sp = self.spinner("\nDownloading and Extracting Packages", 0)
            sp.start(working=True)
            failed = None
            if fetch:
                self.sleep(seconds)
                failed = fail_at
            sp.finish("failed" if failed is not None else "done")
            return failed
        self.out("\nDownloading and Extracting Packages\n")
        failed = None
        if fetch:
            failed = self._bars(fetch, seconds, fail_at)
        self.out("\r\n")
        return failed

    def _schedule(self, fetch, seconds, fail_at):
        """Yield lists of (index, fraction) updates per tick; 5 parallel fetch threads."""
        sizes = [max(1, r["size"]) for r in fetch]
        total = float(sum(sizes))
        seconds = max(0.0, seconds)
        ticks = max(1, min(40, int(seconds / 0.12) or 1))
        dt = seconds / ticks if ticks else 0
        bandwidth = total / max(1, ticks)
        done = [0.0] * len(fetch)
        order = sorted(range(len(fetch)), key=lambda i: sizes[i])
        stop_at = None
        if fail_at is not None:
            stop_at = fetch.index(fail_at)
        for _ in range(ticks * 4):
            active = [i for i in order if done[i] < sizes[i]][:5]
            if not active:
                break
            share = bandwidth / len(active)
            updates = []
            for i in active:
                done[i] = min(sizes[i], done[i] + share)
                frac = done[i] / sizes[i]
                if stop_at == i and frac >= 0.5:
                    updates.append((i, 0.5))
                    yield updates, dt, i
                    return
                updates.append((i, frac))
            yield updates, dt, None
        while any(d < s for d, s in zip(done, sizes)):
            updates = []
            for i in range(len(fetch)):
                if done[i] < sizes[i]:
                    done[i] = sizes[i]
                    updates.append((i, 1.0))
            yield updates, 0, None

    def _bars(self, fetch, seconds, fail_at):
        descs = ["%-20s | %-9s | " % (("%s-%s" % (r["name"], r["version"]))[:20], human_bytes(r["size"]))
                 for r in fetch]

        def line(i, frac):
            filled = frac * 10
            full = int(filled)
            bar = "#" * full
            if full < 10:
                part = int((filled - full) * 10)
                bar += str(part) if part else ""
            return descs[i] + "%-10s | %3.0f%% " % (bar, frac * 100)

        def draw(i, text):
            self.out("\n" * i + "\r" + text + "\x1b[A" * i)

        shown = [None] * len(fetch)
        for i in range(len(fetch)):
            draw(i, line(i, 0.0))
            shown[i] = 0
        failed = None
        for updates, dt, stopped in self._schedule(fetch, seconds, fail_at):
            if dt:
                self.sleep(dt)
            for i, frac in updates:
                pct = int(frac * 100)
                if pct != shown[i]:
                    shown[i] = pct
                    draw(i, line(i, frac))
            if stopped is not None:
                failed = fetch[stopped]
                break
        width = len(line(0, 0.0))
        for i in range(len(fetch)):
            if i == 0:
                self.out("\r" + " " * width + "\r")
            else:
                draw(i, " " * width)
        return failed

    def _download_json(self, fetch, seconds, fail_at):
        descs = {id(r): "%-20s | %-9s | " % (("%s-%s" % (r["name"], r["version"]))[:20],
                                            human_bytes(r["size"])) for r in fetch}
        finished = set()
        failed = None
        for updates, dt, stopped in self._schedule(fetch, seconds, fail_at):
            if dt:
                self.sleep(dt)
            for i, frac in updates:
                r = fetch[i]
                self.out('{"fetch":%s,"finished":false,"maxval":1,"progress":%.6f}\n\0'
                         % (json.dumps(descs[id(r)]), frac))
                if frac >= 1.0 and i not in finished:
                    finished.add(i)
                    self.out('{"fetch":%s,"finished":true,"maxval":1,"progress":1}\n\0'
                             % json.dumps(descs[id(r)]))
            if stopped is not None:
                failed = fetch[stopped]
                break
        return failed


class Spinner:
    """``label: ...working... done`` (23.x, not a TTY) or ``label: - \\ | / done``."""

    FRAMES = "-\\|/"

    def __init__(self, ui, label, seconds):
        self.ui = ui
        self.label = label
        self.seconds = seconds
        self.frames = False
        self.n = 0
        self.started = False

    def start(self, working=False):
        if self.ui.silent:
            return self
        self.started = True
        self.frames = self.ui._spin_frames() and not working
        if self.frames:
            self.ui.out("%s: %s " % (self.label, self.FRAMES[0]))
            self.n = 1
        else:
            self.ui.out("%s: ...working... " % self.label)
        return self

    def wait(self, seconds=None):
        seconds = (self.seconds if seconds is None else seconds) * self.ui.ctx.time_scale
        if not self.started or not self.frames:
            if seconds > 0:
                time.sleep(seconds)
            return
        end = time.time() + seconds
        while True:
            left = end - time.time()
            if left <= 0:
                break
            time.sleep(min(0.1, left))
            self.ui.out("\b\b%s " % self.FRAMES[self.n % 4])
            self.n += 1

    def finish(self, word="done"):
        if not self.started:
            return
        if self.frames:
            self.ui.out("\b\b%s\n" % word)
        else:
            self.ui.out("%s\n" % word)
        self.started = False

    def __enter__(self):
        self.start()
        self.wait()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.finish("failed" if exc_type is not None else "done")
        return False


def record_id(r):
    """``channel/subdir::name-version-build`` as in the NEW packages list."""
    return "%s/%s::%s-%s-%s" % (r["_channel"].name, r.get("subdir", "linux-64"), r["name"], r["version"],
                                r["build"])


def diff_strs(old, new):
    if old["_channel"].name != new["_channel"].name:
        return ("%s::%s-%s-%s" % (old["_channel"].canonical, old["name"], old["version"], old["build"]),
                "%s::%s-%s-%s" % (new["_channel"].canonical, new["name"], new["version"], new["build"]))
    return ("%s-%s" % (old["version"], old["build"]), "%s-%s" % (new["version"], new["build"]))


def classify(old, new):
    if old["_channel"].canonical != new["_channel"].canonical:
        return "superseded"
    c = VersionOrder.get(new["version"]).cmp(VersionOrder.get(old["version"]))
    if c > 0 or (c == 0 and new["build_number"] >= old["build_number"]):
        return "updated"
    return "downgraded"
