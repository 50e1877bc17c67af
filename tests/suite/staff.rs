//! Pieces for staff (issue 19): the badge card, the staff posters and the safety card
//! every patient gets. They build and scan, the badge card's back meets its front when
//! the sheet is turned over, keep-out areas stay empty, staff text stays off patient
//! pieces and patient places, and the facility's own reporting instruction is printed.

use crate::common;

use hotline_kit::scene::{Item, Rect, Scene};

const STAFF_DESIGNS: [&str; 3] = ["staff-badge-card", "staff-poster", "staff-poster-letter"];

fn prepare(designs: &[&str], locales: &[&str]) -> Vec<Scene> {
    let p = common::project();
    let sel = hotline_kit::products::kit::Selection {
        designs: designs.iter().map(|d| d.to_string()).collect(),
        locales: locales.iter().map(|l| l.to_string()).collect(),
        partial: true,
        ..Default::default()
    };
    let (scenes, _) = hotline_kit::products::kit::prepare(&p, &sel)
        .unwrap_or_else(|d| panic!("{designs:?} in {locales:?} do not build: {d:?}"));
    scenes
}

fn texts(scene: &Scene, page: usize) -> String {
    scene.pages[page]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn qrs(scene: &Scene, page: usize) -> Vec<Rect> {
    scene.pages[page]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Qr(q) => Some(q.rect),
            _ => None,
        })
        .collect()
}

/// Every page that carries a QR code reads back as a call to the hotline.
fn assert_scans(scene: &Scene) {
    let mut scanned = 0;
    for (i, _) in scene.pages.iter().enumerate() {
        if qrs(scene, i).is_empty() {
            continue;
        }
        let (w, h, rgba) = common::render_rgba(scene, i, 200.0 / 72.0);
        let got = common::decode_qr_rgba(w, h, &rgba);
        assert_eq!(
            got.as_deref(),
            Some("tel:+18883737888"),
            "{} ({}) page {}",
            scene.design,
            scene.locale,
            i + 1
        );
        scanned += 1;
    }
    assert!(
        scanned > 0,
        "{} ({}) has no QR code",
        scene.design,
        scene.locale
    );
}

#[test]
fn staff_pieces_build_in_english_and_spanish_and_scan() {
    let scenes = prepare(&STAFF_DESIGNS, &["en", "es"]);
    assert_eq!(scenes.len(), 6);
    for s in &scenes {
        assert_scans(s);
        // Drafts until the board approves them, like every patient piece.
        assert!(
            s.draft.is_some(),
            "{} ({}) is not marked draft",
            s.design,
            s.locale
        );
        let all: String = (0..s.pages.len()).map(|i| texts(s, i)).collect();
        assert!(all.contains("1-888-373-7888"), "{}: {all}", s.design);
        assert!(
            all.contains("911"),
            "{} ({}) has no 911 line",
            s.design,
            s.locale
        );
    }
    // The badge card's front holds the four SOAR steps; its back the calls.
    let badge = scenes
        .iter()
        .find(|s| s.design == "staff-badge-card" && s.locale == "en")
        .unwrap();
    assert_eq!(badge.pages.len(), 2);
    let front = texts(badge, 0);
    for step in ["Stop", "Observe", "Ask", "Respond"] {
        assert!(front.contains(step), "front lacks {step}: {front}");
    }
    // The number and its code are on both sides: whichever side shows, the hotline does.
    assert!(!qrs(badge, 0).is_empty() && !qrs(badge, 1).is_empty());
    // With no [staff] reporting in the kit, the card says to follow the facility's policy.
    assert!(
        texts(badge, 1).contains("policy"),
        "back: {}",
        texts(badge, 1)
    );
}

#[test]
fn the_safety_card_builds_in_every_locale_with_a_neutral_cover() {
    let p = common::project();
    let codes: Vec<&str> = p.catalogs.keys().map(String::as_str).collect();
    assert!(codes.len() >= 16, "{codes:?}");
    let scenes = prepare(&["safety-card"], &codes);
    assert_eq!(scenes.len(), codes.len());
    for s in &scenes {
        assert_eq!(s.pages.len(), 2, "{}", s.locale);
        assert_scans(s);
        // The front cover (the top half of the outside, above the fold) carries no
        // word about trafficking, and no number: nothing that reveals what it is.
        let fold = s.pages[0].trim.y + 1.9 * 72.0;
        let cover: Vec<&str> = s.pages[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) if t.y < fold && !t.text.contains("DRAFT") => Some(t.text.as_str()),
                _ => None,
            })
            .collect();
        assert!(!cover.is_empty(), "{}: no title on the cover", s.locale);
        for t in cover {
            assert!(
                !t.contains("888") && !t.to_lowercase().contains("traffick"),
                "{}: the cover shows {t:?}",
                s.locale
            );
        }
    }
    let en = scenes.iter().find(|s| s.locale == "en").unwrap();
    assert!(texts(en, 1).contains("passport"), "{}", texts(en, 1));
}

#[test]
fn badge_backs_sit_behind_their_fronts_when_the_sheet_turns_on_its_long_edge() {
    let p = common::project();
    let scenes = prepare(&["staff-badge-card"], &["en", "es"]);
    let t = hotline_kit::products::labels::templates(&p).unwrap();
    let tpl = &t["cr80-letter-8up"];
    let sheet =
        hotline_kit::products::labels::impose(&p, "cr80-letter-8up", tpl, &scenes, (0.0, 0.0), 1)
            .unwrap();
    assert_eq!(sheet.pages.len(), 2, "fronts, then backs");
    let cells = hotline_kit::products::labels::positions(tpl, (0.0, 0.0));
    assert_eq!(cells.len(), 8);
    let sheet_w = sheet.pages[1].width;
    // Where a card's back QR code lies on the card itself, from its trim edge (the
    // cards take turns: English, Spanish).
    let on_card = |i: usize| {
        let s = &scenes[i % 2];
        let q = qrs(s, 1)[0];
        (q.x - s.pages[1].trim.x, q.y - s.pages[1].trim.y)
    };
    let backs = qrs(&sheet, 1);
    assert_eq!(backs.len(), 8, "one back per card");
    for (i, c) in cells.iter().enumerate() {
        let (qx, qy) = on_card(i);
        // Turned over on the long (vertical) edge of a portrait sheet, the cell at
        // x..x+w lies behind sheet_w-(x+w)..sheet_w-x, at the same height.
        let behind = Rect::new(sheet_w - c.right(), c.y, c.w, c.h);
        let b = backs
            .iter()
            .find(|b| {
                b.x >= behind.x
                    && b.right() <= behind.right()
                    && b.y >= behind.y
                    && b.bottom() <= behind.bottom()
            })
            .unwrap_or_else(|| panic!("no back behind the card at {c:?}: {backs:?}"));
        assert!(
            (b.x - behind.x - qx).abs() < 0.01 && (b.y - behind.y - qy).abs() < 0.01,
            "the back is {:?} off in the cell behind {c:?}",
            (b.x - behind.x - qx, b.y - behind.y - qy)
        );
    }
    // The cut cells are 3.375 x 2.125 in, and the hole punch is centred on the card, so
    // it is in one place on both sides (turned about the card's short edge).
    assert!((cells[0].w - 3.375 * 72.0).abs() < 0.01 && (cells[0].h - 2.125 * 72.0).abs() < 0.01);
    let design = p.design("staff-badge-card").unwrap();
    let hole = &design.keep_out[0];
    let [x, _, w, _] = hole.rect;
    assert!((x + w / 2.0 - 3.375 * 72.0 / 2.0).abs() < 0.01, "{hole:?}");
    // Nothing is drawn in the hole on either side.
    for (i, page) in scenes[0].pages.iter().enumerate() {
        let r = Rect::new(
            page.trim.x + hole.rect[0],
            page.trim.y + hole.rect[1],
            hole.rect[2],
            hole.rect[3],
        );
        for it in &page.items {
            if let Item::Text(t) = it {
                let inside = t.x < r.right()
                    && t.x + t.width() > r.x
                    && t.y > r.y
                    && t.y - t.size < r.bottom();
                assert!(
                    !inside || t.text.contains("DRAFT"),
                    "page {}: {:?} in the hole",
                    i + 1,
                    t.text
                );
            }
        }
    }
}

/// `check --design DESIGN --locale en` on a project copy whose `designs/FILE.toml` has
/// `from` replaced by `to`: it must fail, saying each of `expect`.
fn check_fails(file: &str, from: &str, to: &str, design: &str, expect: &[&str]) {
    let t = common::temp_project();
    common::edit(t.path().join(format!("designs/{file}.toml")), from, to);
    let o = common::hk(t.path(), &["check", "--design", design, "--locale", "en"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{to}: {err}");
    for e in expect {
        assert!(err.contains(e), "{to}: no {e:?} in {err}");
    }
    assert!(!t.path().join("out").exists());
}

#[test]
fn ink_in_a_keep_out_area_is_an_error_naming_it() {
    // The hole punch moved down over the card's title and steps.
    check_fails(
        "staff-badge-card",
        "y = \"0in\", w = \"0.75in\", h = \"0.34in\"",
        "y = \"0.5in\", w = \"0.75in\", h = \"0.6in\"",
        "staff-badge-card",
        &["reaches into the hole punch area", "staff-badge-card"],
    );
}

#[test]
fn staff_text_never_goes_on_a_patient_piece() {
    for (from, to, what) in [
        (
            "text = \"poster-headline\"",
            "text = \"staff-signs-title\"",
            "the staff message `staff-signs-title`",
        ),
        (
            "[slot.local]\nresources = true",
            "[slot.local]\ncontacts = true",
            "staff contacts",
        ),
        (
            "[slot.local]\nresources = true",
            "[slot.local]\nreporting = true",
            "staff reporting instruction",
        ),
    ] {
        check_fails("poster", from, to, "poster", &[what, "designs/poster.toml"]);
    }
}

#[test]
fn staff_pieces_go_by_staff_counts_and_patient_pieces_by_patient_places() {
    // A staff poster posted per restroom: where patients would read what staff look for.
    check_fails(
        "staff-poster",
        "per = \"staff_rooms\"",
        "per = \"restrooms\"",
        "staff-poster",
        &["is for staff (`audience = \"staff\"`) but is posted per `restrooms`"],
    );
    // The other way: a patient poster counted per staff room.
    check_fails(
        "poster",
        "per = \"restrooms\"",
        "per = \"staff_rooms\"",
        "poster",
        &["is for patients but is posted per `staff_rooms`"],
    );
}

#[test]
fn staff_designs_are_made_only_in_their_languages_unless_a_fallback_is_allowed() {
    let t = common::temp_project();
    let build_fr = |extra: &[&str]| {
        let mut args = vec!["build", "--design", "staff-poster", "--locale", "fr"];
        args.extend(extra);
        args.extend(["--format", "pdf", "--out", "out"]);
        let o = common::hk(t.path(), &args);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        (o.status.code(), err)
    };
    // Named on the command line in French: an error, nothing written.
    let (code, err) = build_fr(&[]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("design `staff-poster` is written in en, es only: not made in `fr`"),
        "{err}"
    );
    assert!(!t.path().join("out").exists());
    // With English allowed as the fallback it is made.
    let (code, err) = build_fr(&["--fallback", "en"]);
    assert_eq!(code, Some(0), "{err}");
    let made = t.path().join("out/staff-poster/fr/staff-poster-fr.pdf");
    assert!(made.exists(), "{err}");
    // In a kit's whole set, French leaves the staff pieces out with one warning each.
    std::fs::write(
        t.path().join("kit.toml"),
        "[build]\ndesigns = [\"poster\", \"staff-poster\", \"staff-badge-card\"]\nlocales = [\"en\", \"fr\"]\nformats = [\"pdf\"]\nout = \"kit-out\"\n\n[imagery]\ndiversity = \"advisory\"\n",
    )
    .unwrap();
    let o = common::hk(t.path(), &["build"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(err.matches("[design-language]").count(), 2, "{err}");
    let out = t.path().join("kit-out");
    assert!(out.join("poster/fr/poster-fr.pdf").exists());
    assert!(out.join("staff-poster/en/staff-poster-en.pdf").exists());
    assert!(!out.join("staff-poster/fr").exists());
}

/// The badge card's display list (`scene`) in `locale`: exit code, standard error and
/// its text, line after line joined by spaces.
fn build_badge(t: &std::path::Path, kit: &str, locale: &str) -> (i32, String, String) {
    std::fs::write(t.join("kit.toml"), kit).unwrap();
    let o = common::hk(t, &["scene", "staff-badge-card", "--locale", locale]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    let text = String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter(|l| l.trim_start().starts_with("text "))
        .filter_map(|l| {
            l.split_once(" \"")
                .map(|(_, t)| t.trim_end_matches('"').to_string())
        })
        .collect::<Vec<_>>()
        .join(" ");
    (o.status.code().unwrap(), err, text)
}

#[test]
fn the_badge_card_prints_the_facilitys_own_reporting_instruction() {
    let t = common::temp_project();
    let both = "[staff]\nreporting = { en = \"Under 18: page social work at 4411 first.\", es = \"Menores de 18: llame a trabajo social, 4411.\" }\n\n[[contact]]\nrole = \"Social work\"\nnumber = \"4411\"\n";
    let (code, err, text) = build_badge(t.path(), both, "en");
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("Under 18: page social work at 4411 first."),
        "{text}"
    );
    assert!(
        !text.contains("follow your facility"),
        "the default is replaced"
    );
    let (code, err, text) = build_badge(t.path(), both, "es");
    assert_eq!(code, 0, "{err}");
    assert!(text.contains("Menores de 18"), "{text}");
    // Given in English only, the Spanish card is an error naming the fix...
    let english = "[staff]\nreporting = \"Under 18: page social work first.\"\n";
    let (code, err, _) = build_badge(t.path(), english, "es");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("kit.toml [staff] reporting has no text in `es`"),
        "{err}"
    );
    // ...and hostile text (a bidi override that would reorder the instruction) is
    // refused, with the file named.
    let hostile = "[staff]\nreporting = \"Call \u{202e}1144 first\"\n";
    let (code, err, _) = build_badge(t.path(), hostile, "en");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("kit.toml"), "{err}");
}

#[test]
fn labels_in_staff_instructions_are_errors() {
    for (word, line) in [
        (
            "victim",
            "staff-danger = In danger now? Follow the emergency plan for the victim and call 911.",
        ),
        (
            "rescue",
            "staff-danger = In danger now? Rescue them: follow the emergency plan and call 911.",
        ),
    ] {
        let t = common::temp_project();
        let path = t.path().join("locales/en.ftl");
        let s = std::fs::read_to_string(&path).unwrap();
        let old = s
            .lines()
            .find(|l| l.starts_with("staff-danger ="))
            .unwrap()
            .to_string();
        std::fs::write(&path, s.replace(&old, line)).unwrap();
        let (code, diags) =
            common::check_json(t.path(), &["--design", "staff-poster", "--locale", "en"]);
        assert_eq!(code, 1, "{word}: {diags:#?}");
        let words = common::of(&diags, "words");
        assert!(
            words
                .iter()
                .any(|d| d["severity"] == "error" && common::msg(d).to_lowercase().contains(word)),
            "{word}: {diags:#?}"
        );
    }
}

#[test]
fn the_plan_lists_staff_pieces_as_staff_only_with_their_counts() {
    let t = common::temp_project();
    std::fs::write(
        t.path().join("kit.toml"),
        "[build]\ndesigns = [\"staff-badge-card\", \"staff-poster\", \"safety-card\"]\nlocales = [\"en\", \"es\"]\n\n[counts]\nstaff = 240\nstaff_rooms = 3\nexam_rooms = 10\n",
    )
    .unwrap();
    let o = common::hk(t.path(), &["plan", "--format", "text"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let piece = |name: &str| {
        let start = out
            .find(&format!("({name})"))
            .unwrap_or_else(|| panic!("{name}: {out}"));
        let end = out[start..].find("\n[ ]").map_or(out.len(), |e| start + e);
        out[start..end].to_string()
    };
    let badge = piece("staff-badge-card");
    assert!(
        badge.contains("Staff only: never where patients can see it"),
        "{badge}"
    );
    assert!(badge.contains("240 staff × 1 = 240 to hand out"), "{badge}");
    assert!(badge.contains("cr80-letter-8up"), "{badge}");
    let poster = piece("staff-poster");
    assert!(
        poster.contains("Staff only") && poster.contains("3 staff rooms × 1 = 3 to post"),
        "{poster}"
    );
    let card = piece("safety-card");
    assert!(!card.contains("Staff only"), "{card}");
    assert!(
        card.contains("10 exam rooms × 25 = 250 to hand out"),
        "{card}"
    );
}
