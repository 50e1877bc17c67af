#!/usr/bin/env python3
"""Rebuild the fonts in this directory from the pinned npm packages.

    pip install fonttools==4.68.0
    python3 fonts/subset.py            # writes fonts/*.ttf
    python3 fonts/subset.py --out DIR  # writes somewhere else (e.g. to compare)

What it does, end to end:
  1. `npm pack` each pinned @expo-google-fonts package into a temp dir and
     checks the tarball against the pinned sha512 integrity.
  2. Takes the static 400 Regular and 700 Bold TTFs out of each tarball.
  3. Noto Sans, Noto Sans Arabic and Noto Sans Devanagari: copied byte for byte.
  4. Noto Sans SC/TC/KR/JP: subset with fontTools.subset to a legacy national
     character set plus common Latin / punctuation ranges (see CHARSETS).
     Layout features are all kept, hinting and glyph names are dropped, the
     whole 'name' table and OS/2 are kept, fonts are not renamed. head.modified
     is left as in the source font, so the output is byte-identical on re-runs
     (with the same fontTools version).

Needs: python3, npm (reaching the npm registry), fontTools.
"""
import argparse
import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

FONTTOOLS_VERSION = "4.68.0"

# npm package -> (version, dist.integrity, family file prefix in the tarball,
#                 output family name, subset charset or None for a verbatim copy)
PACKAGES = [
    ("@expo-google-fonts/noto-sans", "0.4.2",
     "sha512-zYD8G2ijWLxqmquoQgghNh/x9p0yxWwArD0oxO1oXY1qx5vOd4t0Kbhnu/Cx8RTy08OgA8RtxuULZFaXwVPnPw==",
     "NotoSans", "NotoSans", None),
    ("@expo-google-fonts/noto-sans-arabic", "0.4.3",
     "sha512-YvtxyuegxPegu2g5urXJ+gQxRp8i798nQswTmEjwXOWR/fqy0Gvey6h5IoNRBrc43SxRxPezqCiR9ivpfPAXSg==",
     "NotoSansArabic", "NotoSansArabic", None),
    ("@expo-google-fonts/noto-sans-devanagari", "0.4.1",
     "sha512-26boYPNKGP1r4R5MxsMAY/zCQOwiXLOJzX8sh1a2oEWyQurQsyniaCv4992c+9jjwshEEt2NNVv5GcnyzaL7QQ==",
     "NotoSansDevanagari", "NotoSansDevanagari", None),
    ("@expo-google-fonts/noto-sans-sc", "0.4.3",
     "sha512-9rAwdFTFHbO/u6Cs0gj2jZbW74TGIiaFNQnXYH2s5wA1bzVkwbaviL4t8YUV642eGYjg86eH6DkAEQmfNHDncQ==",
     "NotoSansSC", "NotoSansSC", "SC"),
    ("@expo-google-fonts/noto-sans-tc", "0.4.3",
     "sha512-69XAOTLPz0WlAxL6qJEKlDMxHsBd4J1M39HjV0gPF2o1xWVALOsVWvDgistnecVockA9wbU/tH5C/gyS2PdnHg==",
     "NotoSansTC", "NotoSansTC", "TC"),
    ("@expo-google-fonts/noto-sans-kr", "0.4.3",
     "sha512-EVS/uJPcf1TgJtjmQmrFr0oGdcl7ml09CSu0E/AyGzR0UfzdR2pBbzWWPsnuzZiGUl643ODYwYiXK5+B+fLjhQ==",
     "NotoSansKR", "NotoSansKR", "KR"),
    ("@expo-google-fonts/noto-sans-jp", "0.4.3",
     "sha512-Fl+Z6vtD24HFAYsvzB0S9Nery1ly16B9PesdY0wBd+wEHAvkNglnkTUspU0HqGOubkmoa8zusJrKv6vDx1o70A==",
     "NotoSansJP", "NotoSansJP", "JP"),
]

# tarball weight directory -> output style name
WEIGHTS = [("400Regular", "Regular"), ("700Bold", "Bold")]

MAX_BYTES = 12 * 1024 * 1024

# KS X 1001 hanja (4,888 CJK ideographs) in the KR subset. Off: modern Korean
# text is written in Hangul, and the hanja take the KR files from about 3.1 MB
# to about 4.6 MB each. Set to True to include them.
KR_HANJA = False


# ---------------------------------------------------------------- charsets --

def _is_pua(cp):
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


def decode_double_byte(codec, lead_range, trail_ranges, lo=None, hi=None):
    """Every code point that `codec` decodes from a valid 2-byte code."""
    out = set()
    for b1 in lead_range:
        for lo_t, hi_t in trail_ranges:
            for b2 in range(lo_t, hi_t + 1):
                code = (b1 << 8) | b2
                if lo is not None and not (lo <= code <= hi):
                    continue
                try:
                    s = bytes([b1, b2]).decode(codec)
                except UnicodeDecodeError:
                    continue
                for ch in s:
                    cp = ord(ch)
                    if cp >= 0x80 and not _is_pua(cp):
                        out.add(cp)
    return out


def common_ranges():
    s = set()
    for a, b in [
        (0x0020, 0x007E),  # ASCII
        (0x00A0, 0x00FF),  # Latin-1 supplement
        (0x2000, 0x206F),  # General punctuation (incl. 2013/2014/2019/201C/201D, 2066-2069)
        (0x3000, 0x303F),  # CJK symbols and punctuation
        (0xFF00, 0xFFEF),  # Halfwidth and fullwidth forms
    ]:
        s.update(range(a, b + 1))
    s.update([0x25CF, 0x2022])
    return s


EUC_ROWS = range(0xA1, 0xFF)          # 0xA1..0xFE
EUC_TRAIL = [(0xA1, 0xFE)]
BIG5_TRAIL = [(0x40, 0x7E), (0xA1, 0xFE)]


def charset_sc():
    # GB 2312: every valid 2-byte EUC-CN code
    return decode_double_byte("gb2312", EUC_ROWS, EUC_TRAIL)


def charset_tc():
    # Big5 level 1 (0xA440-0xC67E) + Big5 symbols (0xA140-0xA3BF)
    s = decode_double_byte("big5", range(0xA4, 0xC7), BIG5_TRAIL, 0xA440, 0xC67E)
    s |= decode_double_byte("big5", range(0xA1, 0xA4), BIG5_TRAIL, 0xA140, 0xA3BF)
    return s


def charset_kr():
    s = set(range(0xAC00, 0xD7A4))   # all 11,172 precomposed Hangul syllables
    s.update(range(0x1100, 0x1200))  # Hangul Jamo
    s.update(range(0x3130, 0x3190))  # Hangul Compatibility Jamo
    # KS X 1001 (symbols, kana, Greek, Cyrillic, hangul, hanja):
    # every valid 2-byte EUC-KR code
    ks = decode_double_byte("euc_kr", EUC_ROWS, EUC_TRAIL)
    if not KR_HANJA:
        ks = {cp for cp in ks if not (0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF)}
    return s | ks


def charset_jp():
    # JIS X 0208: every valid 2-byte EUC-JP code
    return decode_double_byte("euc_jp", EUC_ROWS, EUC_TRAIL)


CHARSETS = {"SC": charset_sc, "TC": charset_tc, "KR": charset_kr, "JP": charset_jp}


def unicodes_for(key):
    return sorted(CHARSETS[key]() | common_ranges())


# ------------------------------------------------------------------- npm --

def sri_sha512(data):
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def npm_pack(pkg, version, integrity, dest):
    out = subprocess.run(
        ["npm", "pack", f"{pkg}@{version}", "--json", "--pack-destination", dest],
        check=True, capture_output=True, text=True, cwd=dest,
    ).stdout
    info = json.loads(out)[0]
    path = os.path.join(dest, info["filename"])
    with open(path, "rb") as f:
        data = f.read()
    got = sri_sha512(data)
    if got != integrity:
        sys.exit(f"integrity mismatch for {pkg}@{version}: {got} != {integrity}")
    return data


def extract_ttf(tgz_bytes, member):
    with tarfile.open(fileobj=io.BytesIO(tgz_bytes), mode="r:gz") as tar:
        f = tar.extractfile(member)
        if f is None:
            sys.exit(f"{member} not found in tarball")
        return f.read()


# ---------------------------------------------------------------- subset --

def subset_font(src_path, dst_path, unicodes):
    from fontTools import subset

    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.layout_scripts = ["*"]
    opts.glyph_names = False
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_outline = True
    opts.recalc_timestamp = False  # keep head.modified from the source font
    opts.recalc_bounds = True
    opts.canonical_order = True

    font = subset.load_font(src_path, opts, lazy=False)
    modified = font["head"].modified
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    font["head"].modified = modified  # deterministic output
    subset.save_font(font, dst_path, opts)
    font.close()


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=here, help="output directory (default: this directory)")
    ap.add_argument("--only", nargs="*", help="output family names to build, e.g. NotoSansSC")
    args = ap.parse_args()

    import fontTools
    if fontTools.version != FONTTOOLS_VERSION:
        print(f"warning: fontTools {fontTools.version} != pinned {FONTTOOLS_VERSION}; "
              "subset output may differ byte-wise", file=sys.stderr)

    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hotline-fonts-") as work:
        for pkg, ver, integ, prefix, family, charset in PACKAGES:
            if args.only and family not in args.only:
                continue
            print(f"{pkg}@{ver}: npm pack", flush=True)
            tgz = npm_pack(pkg, ver, integ, work)
            unicodes = unicodes_for(charset) if charset else None
            for wdir, style in WEIGHTS:
                member = f"package/{wdir}/{prefix}_{wdir}.ttf"
                data = extract_ttf(tgz, member)
                dst = os.path.join(args.out, f"{family}-{style}.ttf")
                if charset is None:
                    with open(dst, "wb") as f:
                        f.write(data)
                    how = "copied"
                else:
                    src = os.path.join(work, f"{prefix}_{wdir}.ttf")
                    with open(src, "wb") as f:
                        f.write(data)
                    subset_font(src, dst, unicodes)
                    how = f"subset ({charset}, {len(unicodes)} code points requested)"
                size = os.path.getsize(dst)
                print(f"  {os.path.basename(dst)}: {how}, {size} bytes, sha256 {sha256(dst)}",
                      flush=True)
                if size > MAX_BYTES:
                    sys.exit(f"{dst} is {size} bytes, over the {MAX_BYTES} byte limit")


if __name__ == "__main__":
    main()
