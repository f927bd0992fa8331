"""Time Python-Markdown on the worst write-up bodies the validator still lets through, at the file-size cap.

A benchmark, not a timed test: it prints, for each shape of hostile Markdown, whether the validator refuses it
and how long Markdown (with the site's extensions) takes to convert it. A body the validator accepts must
convert in seconds whatever its content; a shape that is slow must be one the validator refuses.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import _inti
import markdown
import yaml

from katalog.frontmatter import MAX_FILE_BYTES
from katalog.policy import body_problems

DESCRIPTION = """\
Mengukur waktu konversi Markdown untuk isi tulisan terburuk pada batas ukuran berkas
(tanda '[' tanpa pasangan, penekanan bertumpuk, kutipan bertingkat, dan lainnya), serta apakah
validator menolaknya."""
SIZE = MAX_FILE_BYTES - 2_000  # room for the front matter
Shape = Callable[[int], str]


def _paragraphs(unit: str, per_paragraph: int) -> Shape:
    return lambda size: (unit * per_paragraph + "\n\n") * (size // (len(unit) * per_paragraph + 2))


SHAPES: dict[str, Shape] = {
    "'[' tanpa pasangan, satu paragraf": lambda size: "[" * size,
    "200 '[' lalu teks panjang, satu paragraf": lambda size: "[" * 200 + "teks " * (size // 5 - 40),
    "paragraf berisi 200 '['": _paragraphs("[", 200),
    "paragraf berisi 20 '[' lalu teks": _paragraphs("[" * 20 + "teks " * 40, 1),
    "paragraf berisi 4 '[' lalu teks": _paragraphs("[" * 4 + "teks " * 40, 1),
    "tautan dan rujukan biasa": _paragraphs("Teks [tautan](https://contoh.invalid/a) dan rujukan [S1]. ", 10),
    "paragraf berisi 200 '[a](' terbuka": _paragraphs("[a](", 200),
    "'*' dan '_' berselang": lambda size: "*_" * (size // 2),
    "'`' beruntun": lambda size: "`" * size,
    "'<' beruntun": lambda size: "<" * size,
    "'&' entitas terbuka": lambda size: "&#" * (size // 2),
    "kutipan '>' bertingkat": lambda size: ">" * min(size, 5_000) + " teks\n",
    "daftar bertingkat 10 lapis": lambda size: "".join("    " * (i % 10) + "- butir\n" for i in range(size // 30)),
    "daftar bertingkat 200 lapis": lambda size: "".join("    " * i + "- butir\n" for i in range(200)),
    "tabel lebar": lambda size: ("|" * 2000 + "\n") * (size // 2001),
}


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its MkDocs-only tags (!ENV, !!python/name) read as null: only the extensions matter."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _config_extensions(root: Path) -> tuple[list[str], dict[str, dict]]:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names, settings = [], {}
    for entry in config.get("markdown_extensions", []):
        if isinstance(entry, dict):
            (name, options), *_ = entry.items()
            names.append(name)
            settings[name] = options or {}
        else:
            names.append(entry)
    return names, settings


def main(argv: list[str] | None = None) -> int:
    parser = _inti.parser("bench_markdown.py", DESCRIPTION)
    parser.add_argument("--ukuran", type=int, default=SIZE, help=f"ukuran isi dalam bita (bawaan: {SIZE})")
    args = parser.parse_args(argv)
    names, settings = _config_extensions(args.root)
    worst = 0.0
    for label, shape in SHAPES.items():
        body = shape(args.ukuran)[: args.ukuran]
        _, problems = body_problems(body, 1, "x.md", {"S1"}, args.root / "innovations" / "x")
        if problems:  # never converted: the build refuses it before Markdown sees it
            print(f"      -    ditolak validator   {label} ({len(body) // 1000} KB)", flush=True)
            continue
        start = time.perf_counter()
        markdown.markdown(body, extensions=names, extension_configs=settings)
        seconds = time.perf_counter() - start
        worst = max(worst, seconds)
        print(f"{seconds:7.2f} s  lolos validator     {label} ({len(body) // 1000} KB)", flush=True)
    print(f"Terlama di antara isi yang lolos validator: {worst:.2f} s")
    return 0


if __name__ == "__main__":
    sys.setrecursionlimit(10_000)
    _inti.run(main)
