#!/usr/bin/env python3
"""Check that the fonts in this directory have cmap entries for sample strings.

    python3 fonts/check_coverage.py

Exits non-zero if a required character is missing. Characters that a script
font (Arabic, Devanagari) lacks but Noto Sans has are reported as falling back
to Noto Sans, which is what the renderer does. The bidi isolates U+2066-2069
are only reported: the renderer strips them before shaping. So is U+25CF
BLACK CIRCLE, which Noto Sans, Arabic and Devanagari lack (the CJK subsets
have it).
"""
import os
import sys

from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))

PHONE = ["1-888-373-7888", "Text 233733"]
LATIN = [
    "¿Le han quitado su pasaporte?",
    "Bạn có thể rời khỏi công việc không?",
    "Можете ли вы уйти?",
]
CJK_PUNCT = "\u2013\u2014\u2019\u201c\u201d\u2022\u25cf\u3001\u3002\uff1f\uff01\uff08\uff09\uff1a"

# file family -> (required samples, code point ranges required, fall back to Noto Sans?)
CHECKS = {
    "NotoSans": (PHONE + LATIN + ["\u2013\u2014\u2019\u201c\u201d\u2022"],
                 [(0x1EA0, 0x1EF9), (0x0400, 0x04FF)], False),
    "NotoSansArabic": (["هل يمكنك مغادرة عملك؟"] + PHONE, [], True),
    "NotoSansDevanagari": (["क्या आप अपनी नौकरी छोड़ सकते हैं?"] + PHONE, [], True),
    "NotoSansSC": (["你可以离开你的工作吗？"] + PHONE + [CJK_PUNCT], [(0x0020, 0x007E)], False),
    "NotoSansTC": (["你可以離開你的工作嗎？"] + PHONE + [CJK_PUNCT], [(0x0020, 0x007E)], False),
    "NotoSansKR": (["직장을 그만둘 수 있습니까?"] + PHONE + [CJK_PUNCT],
                   [(0x0020, 0x007E), (0xAC00, 0xD7A3)], False),
    "NotoSansJP": (["仕事を辞めることができますか？"] + PHONE + [CJK_PUNCT], [(0x0020, 0x007E)], False),
}
BIDI_ISOLATES = [0x2066, 0x2067, 0x2068, 0x2069]
BLACK_CIRCLE = 0x25CF  # reported only: Noto Sans lacks it, the CJK subsets have it


def fmt(cps):
    return " ".join(f"U+{c:04X}" for c in cps)


def main():
    fail = 0
    base = {}
    for style in ("Regular", "Bold"):
        base[style] = set(TTFont(os.path.join(HERE, f"NotoSans-{style}.ttf")).getBestCmap())
    for family, (samples, ranges, fallback) in CHECKS.items():
        for style in ("Regular", "Bold"):
            name = f"{family}-{style}.ttf"
            cmap = set(TTFont(os.path.join(HERE, name)).getBestCmap())
            print(f"{name}: {len(cmap)} code points in cmap")
            for s in samples:
                missing = sorted({ord(c) for c in s} - cmap)
                fb = [c for c in missing if fallback and c in base[style]]
                hard = [c for c in missing if c not in fb]
                status = "FAIL" if hard else "ok"
                extra = ""
                if fb:
                    extra += f" (falls back to Noto Sans: {fmt(fb)})"
                if hard:
                    extra += f" missing: {fmt(hard)}"
                    fail += 1
                print(f"  {status:4} {s!r}{extra}")
            for a, b in ranges:
                missing = [c for c in range(a, b + 1) if c not in cmap]
                if missing:
                    fail += 1
                    print(f"  FAIL U+{a:04X}-{b:04X}: {len(missing)} missing: {fmt(missing[:20])}")
                else:
                    print(f"  ok   U+{a:04X}-{b:04X}: all {b - a + 1} present")
            have = [c for c in BIDI_ISOLATES if c in cmap]
            note = "all present" if len(have) == 4 else (
                f"missing {fmt([c for c in BIDI_ISOLATES if c not in cmap])} (info only)")
            print(f"  info U+2066-2069 bidi isolates: {note}")
            print(f"  info U+25CF black circle: {'present' if BLACK_CIRCLE in cmap else 'missing (info only)'}")
    print()
    print("FAILED" if fail else "ALL PASS", f"({fail} failing checks)")
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main())
