"""The person's own checks: *.py files in a folder, listed with a title (nothing is run here)."""
from __future__ import annotations

import ast
import os
from typing import List


def title_of(source: str, fallback: str) -> str:
    """The docstring's first line, else the first comment line, else the fallback."""
    try:
        doc = ast.get_docstring(ast.parse(source))
    except (SyntaxError, ValueError):  # a snippet being edited may not parse yet
        doc = None
    if doc and doc.strip():
        return doc.strip().splitlines()[0].strip()
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("#!") or stripped.startswith("# -*-") or not stripped:
            continue
        if stripped.startswith("#"):
            title = stripped.lstrip("#").strip()
            if title:
                return title
            continue
        break
    return fallback


def discover(folder: str) -> List[dict]:
    """[{name, path, title}] for each *.py in `folder` (not below it), by name; [] when it does not exist."""
    try:
        names = sorted(os.listdir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = []
    for name in names:
        path = os.path.join(folder, name)
        if not name.endswith(".py") or name.startswith((".", "_")) or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            source = f.read()
        stem = name[:-3]
        found.append({"name": stem, "path": os.path.abspath(path), "title": title_of(source, stem)})
    return found
