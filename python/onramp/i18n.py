"""Text in both of Onramp's languages: every sentence is written whole in English and Chinese."""
from __future__ import annotations

from typing import NamedTuple, Union

LANGS = ("en", "zh")


class T(NamedTuple):
    en: str
    zh: str

    def format(self, *args, **kwargs) -> "T":
        return T(self.en.format(*args, **kwargs), self.zh.format(*args, **kwargs))

    def __add__(self, other: "T") -> "T":  # joins sentences, rather than concatenating tuples
        return T(self.en + other.en, self.zh + other.zh)

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


Text = Union[T, str]


def tr(text: Text, lang: str) -> str:
    """A T in `lang`; plain strings (paths, versions, commands) are the same in both languages."""
    return text(lang) if isinstance(text, T) else ("" if text is None else str(text))


def check_lang(lang: str) -> str:
    # "zh_CN" is what the C++ side's --lang accepts; the report only needs the language.
    lang = (lang or "en").split("_")[0].split("-")[0]
    if lang not in LANGS:
        raise ValueError("lang must be 'en' or 'zh', not %r" % lang)
    return lang
