#!/usr/bin/env python3
"""Subset Noto Sans CJK JP to what Japanese place names need, for the app's bundled font.

egui's default fonts have no Japanese glyphs. This keeps Latin (ASCII to Latin Extended-B), kana, CJK punctuation, full-width forms, the
2,965 JIS level-1 kanji (derived from the EUC-JP code table, so no list needs downloading), common
symbols (punctuation, arrows, maths, shapes) and every non-ASCII character in data/*.ron and src/**/*.rs,
and writes assets/fonts/NotoSansJP-Subset.otf. Run it again after adding symbols to the UI.

Needs: Debian's fonts-noto-cjk (the source font, OFL-1.1) and fonttools from PyPI.
Run from the repository root:  python3 scripts/subset-cjk-font.py
"""
import glob
import pathlib

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
JP_INDEX = 0  # Noto Sans CJK JP inside the collection
OUT = pathlib.Path("assets/fonts/NotoSansJP-Subset.otf")


def jis_level1_kanji():
    """JIS X 0208 rows 16-47 (level-1 kanji) as Unicode, via the EUC-JP codec."""
    chars = set()
    for row in range(0xB0, 0xD0):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes([row, cell]).decode("euc_jp"))
            except UnicodeDecodeError:
                pass
    return chars


def main():
    # Basic Latin to Latin Extended-B: in the browser this is the only font (egui's default fonts are not
    # shipped there), so it must cover everyday Latin text, the space included.
    codepoints = set(range(0x20, 0x250))
    codepoints |= set(range(0x3000, 0x3040))  # CJK symbols and punctuation
    codepoints |= set(range(0x3040, 0x30A0))  # hiragana
    codepoints |= set(range(0x30A0, 0x3100))  # katakana
    codepoints |= set(range(0xFF00, 0xFFF0))  # half- and full-width forms
    codepoints |= {ord(c) for c in jis_level1_kanji()}
    # Symbols egui's default fonts lack: punctuation, arrows, maths, shapes.
    for lo, hi in [(0x2000, 0x2070), (0x2190, 0x2200), (0x2200, 0x2300), (0x25A0, 0x2600)]:
        codepoints |= set(range(lo, hi))
    # Every non-ASCII character of the shipped data and of the app's own strings.
    for path in glob.glob("data/*.ron") + glob.glob("src/**/*.rs", recursive=True):
        codepoints |= {ord(c) for c in pathlib.Path(path).read_text(encoding="utf-8") if ord(c) > 0x7F}
    font = TTCollection(SOURCE).fonts[JP_INDEX]
    options = subset.Options()
    # Horizontal text only, and only kerning: the other layout features (vertical forms, traditional,
    # simplified and JIS78/83 alternates) pull in 7,000+ glyphs instead of 3,600 and double the file.
    options.layout_features = ["kern"]
    options.drop_tables += ["BASE", "VORG", "vhea", "vmtx"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(OUT)
    print(f"{OUT}: {OUT.stat().st_size} bytes, {len(codepoints)} code points requested")


if __name__ == "__main__":
    main()
