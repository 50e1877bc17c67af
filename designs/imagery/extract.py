#!/usr/bin/env python3
"""Regenerate the illustration library in designs/imagery/ from Fluent Emoji Flat.

Source: the npm package @iconify-json/fluent-emoji-flat at a pinned version
(Fluent Emoji (c) Microsoft Corporation, MIT License).

What it does, deterministically:
  1. `npm pack` the pinned package version into a temporary folder (or use the
     tarball given with --tarball) and check its sha512 integrity;
  2. read package/icons.json from the tarball;
  3. for every entry in SELECTION build a standalone SVG
     (<svg xmlns=... viewBox="0 0 W H" width=W height=H><title>..</title>BODY</svg>),
     with any internal ids prefixed by the image id so several images can be
     inlined into one document without clashes;
  4. refuse anything with <text>, <script>, external hrefs, event handlers or
     XML entities;
  5. write the SVGs and catalog.toml next to this script, and delete *.svg
     files in this folder that are no longer selected.

Usage:
  python3 designs/imagery/extract.py                 # npm pack + regenerate
  python3 designs/imagery/extract.py --tarball X.tgz # use a local tarball

Needs only Python 3.8+ and (without --tarball) the npm client.
"""

import argparse
import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@iconify-json/fluent-emoji-flat"
VERSION = "1.2.6"
INTEGRITY = (
    "sha512-RY47RgPb47fYUiyrA64sIOL0+UU02s29sXpNBbIQRBUlPlfNFTKUmZDERGuxDs/7yNGWqQYvuaSYM1M4fRXlUw=="
)
CREDIT = "Fluent Emoji (c) Microsoft Corporation, MIT License"
LICENSE = "MIT"

HERE = os.path.dirname(os.path.abspath(__file__))

# Emoji skin-tone modifier suffix -> (catalog skin_tone, words for the title)
TONES = {
    "light": ("1-2", "light skin tone"),
    "medium-light": ("3", "medium-light skin tone"),
    "medium": ("4", "medium skin tone"),
    "medium-dark": ("5", "medium-dark skin tone"),
    "dark": ("6", "dark skin tone"),
}


def P(id_, icon, tone, label, gender, sector, age="adult", disability="none", headwear="none",
      framing="bust", gesture="none", carries="none"):
    """A person illustration. `icon` is the base iconify name, `tone` a key of TONES.

    framing: how much of the figure shows (head, bust, full), so a row of pictures
    keeps one scale; gesture: a hand sign (raised-hand); carries: what the figure holds
    (baby). The context rules in rules.toml read these tags."""
    skin, words = TONES[tone]
    return {
        "id": id_,
        "icon": "%s-%s" % (icon, tone),
        "title": "%s, %s" % (label, words),
        "skin_tone": skin,
        "age": age,
        "gender": gender,
        "sector": sector,
        "disability": disability,
        "headwear": headwear,
        "kind": "person",
        "framing": framing,
        "gesture": gesture,
        "carries": carries,
    }


def O(id_, icon, title, sector):
    """An object illustration (no person, no skin tone)."""
    return {
        "id": id_,
        "icon": icon,
        "title": title,
        "skin_tone": "none",
        "age": "none",
        "gender": "none",
        "sector": sector,
        "disability": "none",
        "headwear": "none",
        "kind": "object",
        "framing": "object",
        "gesture": "none",
        "carries": "none",
    }


# Rules for this list: calm, dignified figures only. Never add anything
# sensational (chains, handcuffs, locks, bars, ropes, injuries, blood,
# crying/fearful/screaming faces, weapons, knives, police, prison) or
# sexualised content.
SELECTION = [
    # --- workers in sectors where labour trafficking happens ---
    P("woman-farmer-dark", "woman-farmer", "dark", "Woman farmer", "woman", "farm"),
    P("man-farmer-medium", "man-farmer", "medium", "Man farmer", "man", "farm"),
    P("person-farmer-medium-light", "farmer", "medium-light", "Farmer", "neutral", "farm"),
    P("woman-cook-medium", "woman-cook", "medium", "Woman cook", "woman", "restaurant"),
    P("man-cook-medium-light", "man-cook", "medium-light", "Man cook", "man", "restaurant"),
    P("person-cook-dark", "cook", "dark", "Cook", "neutral", "restaurant"),
    P("woman-construction-worker-medium-dark", "woman-construction-worker", "medium-dark",
      "Woman construction worker", "woman", "construction"),
    P("man-construction-worker-dark", "man-construction-worker", "dark",
      "Man construction worker", "man", "construction"),
    P("person-construction-worker-light", "construction-worker", "light",
      "Construction worker", "neutral", "construction"),
    P("woman-factory-worker-light", "woman-factory-worker", "light",
      "Woman factory worker", "woman", "factory"),
    P("man-factory-worker-medium-dark", "man-factory-worker", "medium-dark",
      "Man factory worker", "man", "factory"),
    P("person-factory-worker-medium", "factory-worker", "medium",
      "Factory worker", "neutral", "factory"),
    P("woman-mechanic-medium-light", "woman-mechanic", "medium-light",
      "Woman mechanic", "woman", "car-repair"),
    P("man-mechanic-dark", "man-mechanic", "dark", "Man mechanic", "man", "car-repair"),
    P("person-mechanic-medium-dark", "mechanic", "medium-dark", "Mechanic", "neutral", "car-repair"),
    P("woman-office-worker-dark", "woman-office-worker", "dark",
      "Woman office worker", "woman", "office"),
    P("man-office-worker-medium", "man-office-worker", "medium",
      "Man office worker", "man", "office"),
    P("person-office-worker-light", "office-worker", "light", "Office worker", "neutral", "office"),
    P("woman-health-worker-medium-dark", "woman-health-worker", "medium-dark",
      "Woman health worker", "woman", "health"),
    P("man-health-worker-light", "man-health-worker", "light",
      "Man health worker", "man", "health"),
    P("person-health-worker-medium", "health-worker", "medium",
      "Health worker", "neutral", "health"),
    P("woman-feeding-baby-medium-light", "woman-feeding-baby", "medium-light",
      "Woman feeding a baby with a bottle", "woman", "childcare", carries="baby"),
    P("man-feeding-baby-dark", "man-feeding-baby", "dark",
      "Man feeding a baby with a bottle", "man", "childcare", carries="baby"),
    P("person-feeding-baby-medium-dark", "person-feeding-baby", "medium-dark",
      "Person feeding a baby with a bottle", "neutral", "childcare", carries="baby"),
    # --- headwear ---
    P("woman-headscarf-medium", "woman-with-headscarf", "medium",
      "Woman wearing a headscarf", "woman", "general", headwear="headscarf"),
    P("woman-headscarf-dark", "woman-with-headscarf", "dark",
      "Woman wearing a headscarf", "woman", "general", headwear="headscarf"),
    P("man-turban-medium-dark", "man-wearing-turban", "medium-dark",
      "Man wearing a turban", "man", "general", headwear="turban", framing="head"),
    P("woman-turban-light", "woman-wearing-turban", "light",
      "Woman wearing a turban", "woman", "general", headwear="turban", framing="head"),
    # --- disability ---
    P("person-wheelchair-medium", "person-in-manual-wheelchair", "medium",
      "Person in a manual wheelchair", "neutral", "general", disability="wheelchair", framing="full"),
    P("woman-motorized-wheelchair-dark", "woman-in-motorized-wheelchair", "dark",
      "Woman in a motorized wheelchair", "woman", "general", disability="wheelchair", framing="full"),
    P("man-wheelchair-medium-light", "man-in-manual-wheelchair", "medium-light",
      "Man in a manual wheelchair", "man", "general", disability="wheelchair", framing="full"),
    # --- older people ---
    P("older-woman-dark", "old-woman", "dark", "Older woman", "woman", "general", age="older", framing="head"),
    P("older-man-light", "old-man", "light", "Older man", "man", "general", age="older", framing="head"),
    P("older-person-medium-dark", "older-person", "medium-dark",
      "Older person", "neutral", "general", age="older", framing="head"),
    # --- general figures ---
    P("woman-standing-medium-light", "woman-standing", "medium-light",
      "Woman standing", "woman", "general", framing="full"),
    P("man-standing-medium-light", "man-standing", "medium-light", "Man standing", "man", "general", framing="full"),
    P("person-standing-medium", "person-standing", "medium", "Person standing", "neutral", "general", framing="full"),
    P("person-raising-hand-light", "person-raising-hand", "light",
      "Person raising a hand", "neutral", "general", gesture="raised-hand"),
    # --- children (kept to two) ---
    P("girl-medium-dark", "girl", "medium-dark", "Girl", "woman", "general", age="child", framing="head"),
    P("boy-medium", "boy", "medium", "Boy", "man", "general", age="child", framing="head"),
    # --- objects to pair with a person, by sector ---
    O("object-broom", "broom", "Broom", "cleaning"),
    O("object-sponge", "sponge", "Sponge", "cleaning"),
    O("object-bucket", "bucket", "Bucket", "cleaning"),
    O("object-house", "house", "House", "domestic"),
    O("object-bed", "bed", "Bed", "hotel"),
    O("object-bellhop-bell", "bellhop-bell", "Bellhop bell", "hotel"),
    O("object-hotel", "hotel", "Hotel building", "hotel"),
    O("object-nail-polish", "nail-polish", "Bottle of nail polish", "nail-salon"),
    O("object-baby-bottle", "baby-bottle", "Baby bottle", "childcare"),
    O("object-tractor", "tractor", "Tractor", "farm"),
    O("object-sheaf-of-rice", "sheaf-of-rice", "Sheaf of rice", "farm"),
    O("object-cooking-pot", "pot-of-food", "Cooking pot with food", "restaurant"),
    O("object-building-construction", "building-construction",
      "Building under construction with a crane", "construction"),
    O("object-factory", "factory", "Factory building", "factory"),
    O("object-wrench", "wrench", "Wrench", "car-repair"),
    O("object-briefcase", "briefcase", "Briefcase", "office"),
    O("object-stethoscope", "stethoscope", "Stethoscope", "health"),
    # --- calm, neutral objects for contact information ---
    O("object-mobile-phone", "mobile-phone", "Mobile phone", "general"),
    O("object-telephone-receiver", "telephone-receiver", "Telephone receiver", "general"),
    O("object-speech-balloon", "speech-balloon", "Speech balloon", "general"),
    O("object-handshake", "handshake", "Handshake", "general"),
]

ALLOWED = {
    "skin_tone": {"1-2", "3", "4", "5", "6", "none"},
    "age": {"child", "adult", "older", "none"},
    "gender": {"woman", "man", "neutral", "none"},
    "sector": {"farm", "restaurant", "construction", "factory", "domestic", "childcare",
               "hotel", "cleaning", "nail-salon", "car-repair", "office", "health",
               "general", "none"},
    "disability": {"wheelchair", "none"},
    "headwear": {"headscarf", "turban", "none"},
    "kind": {"person", "object"},
    "framing": {"head", "bust", "full", "object"},
    "gesture": {"raised-hand", "waving", "none"},
    "carries": {"baby", "none"},
}

# Words that must never appear in an icon name we take (defence in depth).
FORBIDDEN_WORDS = ("chain", "handcuff", "lock", "police", "prison", "knife", "gun", "pistol",
                   "blood", "bandage", "crying", "fear", "scream", "bomb", "dagger", "sword",
                   "syringe", "zombie", "vampire", "kiss", "lips", "guard")


def npm_pack(dest):
    spec = "%s@%s" % (PACKAGE, VERSION)
    out = subprocess.run(["npm", "pack", spec, "--json", "--silent"], cwd=dest,
                         check=True, stdout=subprocess.PIPE).stdout
    info = json.loads(out.decode("utf-8"))
    return os.path.join(dest, info[0]["filename"])


def check_integrity(path):
    algo, want = INTEGRITY.split("-", 1)
    h = hashlib.new(algo)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    got = base64.b64encode(h.digest()).decode("ascii")
    if got != want:
        sys.exit("integrity mismatch for %s: got %s-%s" % (path, algo, got))


def load_icon_set(tarball):
    with tarfile.open(tarball, "r:gz") as tf:
        pkg = json.load(tf.extractfile("package/package.json"))
        if pkg["name"] != PACKAGE or pkg["version"] != VERSION:
            sys.exit("unexpected package %s@%s" % (pkg["name"], pkg["version"]))
        return json.load(tf.extractfile("package/icons.json"))


def resolve(icon_set, name):
    icons, aliases = icon_set["icons"], icon_set.get("aliases", {})
    if name in icons:
        icon = icons[name]
    elif name in aliases:
        alias = aliases[name]
        if set(alias) - {"parent"}:
            sys.exit("alias %s has transforms; not supported" % name)
        return resolve(icon_set, alias["parent"])
    else:
        sys.exit("icon %s not in %s@%s" % (name, PACKAGE, VERSION))
    if icon.get("hidden"):
        sys.exit("icon %s is hidden (deprecated) in the icon set" % name)
    if any(k in icon for k in ("left", "top", "rotate", "hFlip", "vFlip")):
        sys.exit("icon %s has transforms; not supported" % name)
    w = icon.get("width", icon_set.get("width", 16))
    h = icon.get("height", icon_set.get("height", 16))
    return icon["body"], w, h


def prefix_ids(body, prefix):
    ids = sorted(set(re.findall(r'\sid="([^"]+)"', body)), key=len, reverse=True)
    for old in ids:
        new = "%s-%s" % (prefix, old)
        body = body.replace('id="%s"' % old, 'id="%s"' % new)
        body = body.replace("url(#%s)" % old, "url(#%s)" % new)
        body = body.replace('href="#%s"' % old, 'href="#%s"' % new)
    return body


def check_svg(name, svg):
    problems = []
    if re.search(r"<\s*(text|script|foreignObject|image|style)\b", svg, re.I):
        problems.append("forbidden element")
    if re.search(r"\son[a-z]+\s*=", svg, re.I):
        problems.append("event handler attribute")
    for m in re.finditer(r'href\s*=\s*"([^"]*)"', svg):
        if not m.group(1).startswith("#"):
            problems.append("external href %r" % m.group(1))
    if re.search(r"url\((?!#)", svg):
        problems.append("external url()")
    if "&" in svg or "<!" in svg:
        problems.append("XML entity / declaration")
    if problems:
        sys.exit("%s: %s" % (name, ", ".join(problems)))


def toml_str(s):
    if re.search(r'["\\\x00-\x1f]', s):
        raise ValueError("unexpected character in %r" % s)
    return '"%s"' % s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tarball", help="use this npm tarball instead of running npm pack")
    ap.add_argument("--out", default=HERE, help="output folder (default: this script's folder)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="imagery-") as tmp:
        tarball = args.tarball or npm_pack(tmp)
        check_integrity(tarball)
        icon_set = load_icon_set(tarball)

    seen = set()
    catalog = [
        "# Illustration catalog for hotline-kit. Generated by extract.py; do not edit by hand.",
        "# Source: npm:%s@%s. %s." % (PACKAGE, VERSION, CREDIT),
        "# skin_tone: emoji skin-tone modifiers (Fitzpatrick-based): light=1-2,",
        "# medium-light=3, medium=4, medium-dark=5, dark=6; objects = none.",
        "",
    ]
    written = set()
    for item in SELECTION:
        id_ = item["id"]
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", id_) or id_ in seen:
            sys.exit("bad or duplicate id %s" % id_)
        seen.add(id_)
        for key, allowed in ALLOWED.items():
            if item[key] not in allowed:
                sys.exit("%s: %s=%r not allowed" % (id_, key, item[key]))
        if any(w in item["icon"] for w in FORBIDDEN_WORDS):
            sys.exit("%s: icon %s is on the forbidden list" % (id_, item["icon"]))

        body, w, h = resolve(icon_set, item["icon"])
        body = prefix_ids(body, id_)
        svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
               'width="{w}" height="{h}"><title>{t}</title>{b}</svg>\n').format(
                   w=w, h=h, t=item["title"], b=body)
        check_svg(id_, svg)
        fname = id_ + ".svg"
        with open(os.path.join(args.out, fname), "w", encoding="utf-8", newline="\n") as f:
            f.write(svg)
        written.add(fname)

        source = "npm:%s@%s (icon: %s)" % (PACKAGE, VERSION, item["icon"])
        catalog += [
            "[[image]]",
            "id = %s" % toml_str(id_),
            "file = %s" % toml_str(fname),
            "title = %s" % toml_str(item["title"]),
            "license = %s" % toml_str(LICENSE),
            "source = %s" % toml_str(source),
            "credit = %s" % toml_str(CREDIT),
            "skin_tone = %s" % toml_str(item["skin_tone"]),
            "age = %s" % toml_str(item["age"]),
            "gender = %s" % toml_str(item["gender"]),
            "sector = %s" % toml_str(item["sector"]),
            "disability = %s" % toml_str(item["disability"]),
            "headwear = %s" % toml_str(item["headwear"]),
            "kind = %s" % toml_str(item["kind"]),
            "framing = %s" % toml_str(item["framing"]),
            "gesture = %s" % toml_str(item["gesture"]),
            "carries = %s" % toml_str(item["carries"]),
            "",
        ]

    for stale in sorted(os.listdir(args.out)):
        if stale.endswith(".svg") and stale not in written:
            os.remove(os.path.join(args.out, stale))
            print("removed stale %s" % stale)

    with open(os.path.join(args.out, "catalog.toml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(catalog).rstrip("\n") + "\n")
    print("wrote %d SVGs and catalog.toml to %s" % (len(written), args.out))


if __name__ == "__main__":
    main()
