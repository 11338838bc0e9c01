#!/usr/bin/python3
"""Builds a clean root for installing a .deb without a mirror or a container.

The root holds exactly the packages a minimal Debian system always has (Essential: yes) plus the
dependency closure of the .deb's Depends and Pre-Depends, taken file by file from this machine's own
installed packages (their dpkg file lists), with a dpkg database that lists only those packages. So
`dpkg --root ROOT -i the.deb` checks the Depends against them, and a program run in `chroot ROOT` can
load nothing else: a library or plugin the package forgot to depend on is missing there.
Recommends are not followed, as `apt-get install --no-install-recommends` would not.

Usage: make-root.py DEB ROOT     (ROOT must not exist; prints the packages it put in)
"""
import os
import re
import subprocess
import sys

STATUS = "/var/lib/dpkg/status"
INFO = "/var/lib/dpkg/info"


def stanzas(text):
    for block in text.split("\n\n"):
        fields, key = {}, None
        for line in block.splitlines():
            if line[:1] in (" ", "\t") and key:
                fields[key] += "\n" + line
            elif ":" in line:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        if fields.get("Package"):
            yield block.strip("\n"), fields


def alternatives(field):
    """'a (>= 1) | b:any, c' -> [['a', 'b'], ['c']]"""
    groups = []
    for group in filter(None, (g.strip() for g in field.split(","))):
        names = []
        for alt in group.split("|"):
            name = re.sub(r"\(.*?\)|\[.*?\]|<.*?>", "", alt).strip()
            names.append(name.split(":")[0])
        groups.append(names)
    return groups


def main(deb, root):
    arch = subprocess.check_output(["dpkg", "--print-architecture"], text=True).strip()
    installed, provides = {}, {}
    with open(STATUS, encoding="utf-8") as f:
        for block, fields in stanzas(f.read()):
            if fields.get("Status") != "install ok installed":
                continue
            if fields.get("Architecture") not in (arch, "all"):
                continue
            installed[fields["Package"]] = (block, fields)
            for names in alternatives(fields.get("Provides", "")):
                provides.setdefault(names[0], []).append(fields["Package"])

    def resolve(names):
        for name in names:
            if name in installed:
                return name
            for provider in provides.get(name, []):
                return provider
        return None

    info = subprocess.check_output(["dpkg-deb", "-f", deb, "Depends", "Pre-Depends"], text=True)
    wanted = []
    for line in info.splitlines():
        _, _, value = line.partition(":")
        wanted += alternatives(value)
    wanted += [[p] for p, (_, f) in installed.items() if f.get("Essential") == "yes"]

    chosen, queue = set(), list(wanted)
    while queue:
        names = queue.pop()
        package = resolve(names)
        if package is None:
            sys.exit(f"make-root: no installed package satisfies {' | '.join(names)}; "
                     "install it on this machine first (scripts/install-deps)")
        if package in chosen:
            continue
        chosen.add(package)
        fields = installed[package][1]
        queue += alternatives(fields.get("Depends", "")) + alternatives(fields.get("Pre-Depends", ""))

    # Debian 12 is merged-/usr: the top-level folders are links, as base-files makes them.
    os.makedirs(root)
    for d in ("usr/bin", "usr/sbin", "usr/lib", "usr/lib64", "var/lib/dpkg/info", "var/lib/dpkg/updates",
              "var/lib/dpkg/triggers", "etc", "tmp", "root", "proc", "dev", "run"):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    for link in ("bin", "sbin", "lib", "lib64"):
        os.symlink("usr/" + link, os.path.join(root, link))
    os.chmod(os.path.join(root, "tmp"), 0o1777)

    paths, lists = set(), []
    for package in sorted(chosen):
        for name in (f"{package}:{arch}.list", f"{package}.list"):
            if os.path.exists(os.path.join(INFO, name)):
                lists.append(name)
                with open(os.path.join(INFO, name), encoding="utf-8") as f:
                    paths.update(line.rstrip("\n") for line in f)
                break
    top_links = {"/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32", "/."}
    # Paths a dpkg path-exclude dropped (docs, man pages) are not on disk: skip them.
    keep = sorted(p.lstrip("/") for p in paths
                  if p not in top_links and p and os.path.lexists(p))
    file_list = os.path.join(root, "tmp", ".files")
    with open(file_list, "w", encoding="utf-8") as f:
        f.write("\n".join(keep + ["etc/alternatives"]) + "\n")
    subprocess.run(f"tar -C / --no-recursion -cf - -T {file_list} "
                   f"| tar -C {root} --keep-directory-symlink -xf -", shell=True, check=True)
    subprocess.run(["cp", "-a", "/etc/alternatives/.", os.path.join(root, "etc/alternatives")], check=True)
    os.remove(file_list)

    dpkg = os.path.join(root, "var/lib/dpkg")
    with open(os.path.join(dpkg, "status"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(installed[p][0] for p in sorted(chosen)) + "\n")
    for name in lists:
        subprocess.run(["cp", os.path.join(INFO, name), os.path.join(dpkg, "info", name)], check=True)
    for name in ("available", "diversions", "statoverride", "lock", "lock-frontend", "triggers/Unincorp"):
        open(os.path.join(dpkg, name), "a").close()
    # What base-passwd's and base-files' maintainer scripts would have written.
    with open(os.path.join(root, "etc/passwd"), "w") as f:
        f.write("root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n")
    with open(os.path.join(root, "etc/group"), "w") as f:
        f.write("root:x:0:\nnogroup:x:65534:\n")
    print(" ".join(sorted(chosen)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
