//! Margins a printer keeps: pieces printed on an office printer keep all content
//! (text, the status line, QR codes, pictures) 0.25 in inside the paper; pieces a print
//! shop trims keep the design's safe margin from the trim. The kit's `[print] method`
//! overrides the design's `printing`.

use crate::common;

use std::collections::BTreeMap;

use hotline_kit::checks::margins;
use hotline_kit::load::project::Project;
use hotline_kit::load::spec::Printing;
use hotline_kit::scene::{Item, Scene};

const IN: f32 = 72.0;

fn piece(p: &Project, design: &str) -> Scene {
    let sel = hotline_kit::products::kit::Selection {
        designs: vec![design.into()],
        locales: vec!["en".into()],
        partial: true,
        ..Default::default()
    };
    let (s, _) = hotline_kit::products::kit::prepare(p, &sel).unwrap();
    s.into_iter().next().unwrap()
}

fn messages(p: &Project, s: &Scene, kit: &BTreeMap<String, Printing>) -> Vec<String> {
    margins::pieces(p, std::slice::from_ref(s), kit)
        .0
        .iter()
        .map(|d| {
            assert!(d.is_error(), "{d:?}");
            assert_eq!(d.code, Some("print-margin"));
            d.message.clone()
        })
        .collect()
}

/// The piece with its QR code moved so that its modules end `d` points from the right
/// edge of the page.
fn qr_at_right(s: &Scene, d: f32) -> Scene {
    let mut s = s.clone();
    let w = s.pages[0].width;
    for it in &mut s.pages[0].items {
        if let Item::Qr(q) = it {
            let quiet = q.quiet as f32 * q.module();
            q.rect.x = w - d + quiet - q.rect.w;
        }
    }
    s
}

fn status_ink(p: &Project, s: &Scene) -> hotline_kit::scene::Rect {
    let note = s.draft.as_deref().expect("the shipped pieces are drafts");
    s.pages[0]
        .items
        .iter()
        .find_map(|it| match it {
            Item::Text(r) if note.contains(r.text.trim()) && r.text.contains("DRAFT") => {
                margins::run_ink(&p.fonts, r)
            }
            _ => None,
        })
        .expect("a status line")
}

#[test]
fn the_posters_are_printed_in_the_office_and_the_cards_stickers_and_clings_by_a_shop() {
    let p = common::project();
    for d in [
        "poster",
        "staff-poster-letter",
        "staff-poster",
        "state-notice-us-ca",
    ] {
        assert_eq!(p.design(d).unwrap().printing, Printing::Office, "{d}");
    }
    for d in [
        "wallet-card",
        "safety-card",
        "staff-badge-card",
        "stall-sticker",
        "window-cling",
    ] {
        assert_eq!(p.design(d).unwrap().printing, Printing::Shop, "{d}");
    }
}

#[test]
fn the_poster_keeps_everything_a_quarter_inch_inside_the_paper_the_status_line_too() {
    let p = common::project();
    for design in ["poster", "staff-poster-letter", "staff-poster"] {
        let s = piece(&p, design);
        assert_eq!(messages(&p, &s, &BTreeMap::new()), Vec::<String>::new());
        // The status line (the draft line near the bottom edge) was 0.17 in from the
        // edge; it now keeps 0.25 in, and stays below the content (outside the safe area).
        let ink = status_ink(&p, &s);
        let page = &s.pages[0];
        let from_edge = page.height - ink.bottom();
        eprintln!(
            "{design}: status line {:.3} in from the bottom edge",
            from_edge / IN
        );
        assert!(from_edge >= 0.25 * IN, "{design}: {} in", from_edge / IN);
        assert!(
            ink.y >= page.safe.bottom(),
            "{design}: {ink:?} {:?}",
            page.safe
        );
        // Moved back to where it was, it is an error that says so.
        let mut low = s.clone();
        for it in &mut low.pages[0].items {
            if let Item::Text(r) = it
                && r.text.contains("DRAFT")
            {
                r.y += from_edge - 0.17 * IN;
            }
        }
        let m = messages(&p, &low, &BTreeMap::new());
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].starts_with(&format!("`{design}` (en, page 1): the status line \"DRAFT")),
            "{m:?}"
        );
        assert!(
            m[0].ends_with(
                "is 0.17 in from the bottom edge of the paper; a piece printed on an office printer keeps all content at least 0.25 in inside the paper"
            ),
            "{m:?}"
        );
    }
}

#[test]
fn office_content_at_0_2_in_from_the_edge_fails_and_at_0_3_in_passes() {
    let p = common::project();
    let s = piece(&p, "poster");
    let none = BTreeMap::new();
    // The QR code.
    assert_eq!(
        messages(&p, &qr_at_right(&s, 0.2 * IN), &none),
        [
            "`poster` (en, page 1): the QR code is 0.2 in from the right edge of the paper; a piece printed on an office printer keeps all content at least 0.25 in inside the paper"
        ]
    );
    assert!(messages(&p, &qr_at_right(&s, 0.3 * IN), &none).is_empty());
    // A picture, 0.2 in and 0.3 in from the top.
    let picture = |d: f32| {
        let mut s = s.clone();
        let it = s.pages[0]
            .items
            .iter_mut()
            .find(|i| matches!(i, Item::Image { image, .. } if !image.id.starts_with("icon-")))
            .unwrap();
        let id = match it {
            Item::Image { rect, image } => {
                rect.y = d;
                image.id.clone()
            }
            _ => unreachable!(),
        };
        (s, id)
    };
    let (near, id) = picture(0.2 * IN);
    assert_eq!(
        messages(&p, &near, &none),
        [format!(
            "`poster` (en, page 1): the picture `{id}` is 0.2 in from the top edge of the paper; a piece printed on an office printer keeps all content at least 0.25 in inside the paper"
        )]
    );
    assert!(messages(&p, &picture(0.3 * IN).0, &none).is_empty());
    // Text, measured on its ink.
    let text = |d: f32| {
        let mut s = s.clone();
        for it in &mut s.pages[0].items {
            if let Item::Text(r) = it
                && r.text == "Scan to call"
            {
                let ink = margins::run_ink(&p.fonts, r).unwrap();
                r.x += d - ink.x;
            }
        }
        s
    };
    let m = messages(&p, &text(0.2 * IN), &none);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with("`poster` (en, page 1): the text "),
        "{m:?}"
    );
    assert!(
        m[0].contains("is 0.2 in from the left edge of the paper"),
        "{m:?}"
    );
    assert!(messages(&p, &text(0.3 * IN), &none).is_empty());
}

#[test]
fn the_kit_method_switches_the_rule() {
    let p = common::project();
    let s = piece(&p, "poster");
    let shop: BTreeMap<String, Printing> = [("poster".to_string(), Printing::Shop)].into();
    // 0.3 in is enough for an office printer, but a print shop keeps the poster's safe
    // margin of 0.5 in from the trim.
    let at = qr_at_right(&s, 0.3 * IN);
    assert!(messages(&p, &at, &BTreeMap::new()).is_empty());
    assert_eq!(
        messages(&p, &at, &shop),
        [
            "`poster` (en, page 1): the QR code is 0.3 in from the right edge of the trim; a piece a print shop trims (kit.toml [print] method) keeps content inside its safe margin of 0.5 in"
        ]
    );
    // And the other way: the sticker's status line sits in the band between its safe
    // area and the trim, fine for a print shop, too close for an office printer.
    let sticker = piece(&p, "stall-sticker");
    assert!(messages(&p, &sticker, &BTreeMap::new()).is_empty());
    let office: BTreeMap<String, Printing> =
        [("stall-sticker".to_string(), Printing::Office)].into();
    let m = messages(&p, &sticker, &office);
    assert!(
        m.iter().any(|m| m.contains("the status line")
            && m.contains("on an office printer (kit.toml [print] method) keeps all content at least 0.25 in inside the paper")),
        "{m:?}"
    );
}

#[test]
fn a_shop_piece_keeps_its_safe_margin_and_marks_outside_the_trim_are_not_content() {
    let p = common::project();
    let s = piece(&p, "stall-sticker");
    let d = p.design("stall-sticker").unwrap();
    assert_eq!(d.printing, Printing::Shop);
    let none = BTreeMap::new();
    // The sticker: 3 in trim, 0.125 in bleed, safe 0.125 in. QR modules 0.1 in inside
    // the trim (0.225 in from the edge of the page) are in the safe margin.
    let trim_right = s.pages[0].trim.right();
    let w = s.pages[0].width;
    let m = messages(&p, &qr_at_right(&s, w - trim_right + 0.1 * IN), &none);
    assert_eq!(
        m,
        [
            "`stall-sticker` (en, page 1): the QR code is 0.1 in from the right edge of the trim; a piece a print shop trims keeps content inside its safe margin of 0.125 in"
        ]
    );
    assert!(messages(&p, &qr_at_right(&s, w - trim_right + 0.15 * IN), &none).is_empty());
    // The status line past the trim would be cut off.
    let mut cut = s.clone();
    for it in &mut cut.pages[0].items {
        if let Item::Text(r) = it
            && r.text.contains("DRAFT")
        {
            r.y += 8.0;
        }
    }
    let m = messages(&p, &cut, &none);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("the status line"), "{m:?}");
    assert!(m[0].contains("past the bottom edge of the trim"), "{m:?}");
    // Crop marks and the slug line lie outside the trim: not content.
    let marked = hotline_kit::products::marks::add(&p, &s, "3in x 3in").unwrap();
    assert!(
        marked.pages[0]
            .marks
            .iter()
            .any(|i| matches!(i, Item::Text(_))),
        "a slug line"
    );
    assert!(margins::too_close(&p.fonts, &marked, Printing::Shop).is_empty());
}

#[test]
fn check_names_the_design_page_distance_and_fix() {
    let t = common::temp_project();
    // The poster with a 0.2 in margin: its text comes 0.2 in from the paper's edge.
    common::edit(
        t.path().join("designs/poster.toml"),
        "safe = \"0.5in\"",
        "safe = \"0.2in\"",
    );
    let (code, j) = common::check_json(t.path(), &["--design", "poster", "--locale", "en"]);
    assert_eq!(code, 1, "{j:?}");
    let errs = common::of(&j, "print-margin");
    assert!(!errs.is_empty(), "{j:?}");
    let slot = errs
        .iter()
        .find(|e| common::msg(e).contains("the text of slot"))
        .unwrap_or_else(|| panic!("{j:?}"));
    let m = common::msg(slot);
    assert!(
        m.starts_with("`poster` (en, page 1): the text of slot `"),
        "{m}"
    );
    assert!(
        m.contains(" is 0.2")
            && m.ends_with("edge of the paper; a piece printed on an office printer keeps all content at least 0.25 in inside the paper"),
        "{m}"
    );
    assert_eq!(slot["severity"], "error");
    assert!(slot["file"].as_str().unwrap().ends_with("poster.toml"));
    assert!(
        slot["hints"][0]
            .as_str()
            .unwrap()
            .starts_with("office laser and inkjet printers cannot print that close to the edge"),
        "{slot}"
    );
    // The same poster printed by a shop (kit.toml): its own safe margin applies, and
    // the check passes.
    std::fs::write(
        t.path().join("kit.toml"),
        "[facility]\nname = \"X\"\n\n[print]\nmethod = { poster = \"shop\" }\n",
    )
    .unwrap();
    let (code, j) = common::check_json(t.path(), &["--design", "poster", "--locale", "en"]);
    assert_eq!(code, 0, "{j:?}");
    assert!(common::of(&j, "print-margin").is_empty(), "{j:?}");

    // At 0.3 in the poster's text, pictures and QR code pass; the 0.3 in band under
    // the safe area leaves no room for the status line 0.25 in from the edge.
    std::fs::remove_file(t.path().join("kit.toml")).unwrap();
    common::edit(
        t.path().join("designs/poster.toml"),
        "safe = \"0.2in\"",
        "safe = \"0.3in\"",
    );
    let (_, j) = common::check_json(t.path(), &["--design", "poster", "--locale", "en"]);
    let errs = common::of(&j, "print-margin");
    assert_eq!(errs.len(), 1, "{j:?}");
    assert!(common::msg(errs[0]).contains("the status line"), "{j:?}");

    // A kit method naming no design is an error.
    std::fs::write(
        t.path().join("kit.toml"),
        "[facility]\nname = \"X\"\n\n[print]\nmethod = { postr = \"office\" }\n",
    )
    .unwrap();
    let (code, j) = common::check_json(t.path(), &["--design", "poster", "--locale", "en"]);
    assert_eq!(code, 1, "{j:?}");
    assert!(
        j.iter().any(|d| common::msg(d)
            .contains("kit.toml [print] method names `postr`, which is not a design")),
        "{j:?}"
    );
}

#[test]
fn the_default_kit_passes_check() {
    let t = common::temp_project();
    let (code, j) = common::check_json(t.path(), &[]);
    assert_eq!(code, 0, "{j:?}");
    assert!(common::of(&j, "print-margin").is_empty(), "{j:?}");
}
