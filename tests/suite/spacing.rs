//! Spacing that holds in every script (issue 18): the gaps between stacked blocks of
//! text, measured between their inked boxes, are the same in every locale as in
//! English, for every design.

use crate::common;

use hotline_kit::checks::spacing::{design_gaps, scene_gaps};
use hotline_kit::products::kit::{Selection, compile_with};

/// Within 10% of the English gap, or within 3 pt (about 1 mm, below what the eye tells
/// apart at reading distance): the rule `check` applies.
fn close(a: f32, b: f32) -> bool {
    hotline_kit::checks::spacing::keeps(a, b)
}

#[test]
fn gaps_between_blocks_are_the_same_in_every_locale() {
    let p = common::project();
    let opts = Selection::default().options_for(&p);
    let mut bad = Vec::new();
    let mut compared = 0;
    for d in p.designs.values().filter(|d| !d.on_request) {
        // A keep-out area (a fold) parts the blocks on its two sides, as in `check`.
        let en = design_gaps(&compile_with(&p, &d.name, "en", &opts).unwrap(), d);
        assert!(!en.is_empty(), "{}: no gaps measured", d.name);
        // A staff piece is made only in the languages it is written in.
        for l in p.catalogs.keys().filter(|l| *l != "en" && d.written_in(l)) {
            let s = compile_with(&p, &d.name, l, &opts).unwrap();
            for (k, g) in design_gaps(&s, d) {
                let Some(want) = en.get(&k) else { continue };
                compared += 1;
                if !close(g, *want) {
                    bad.push(format!("{} {l} {k:?}: {g:.1} (en {want:.1})", d.name));
                }
            }
        }
    }
    assert!(compared > 50, "only {compared} gaps compared");
    assert!(
        bad.is_empty(),
        "{} gaps differ:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn closed_rows_stand_exactly_ink_gap_apart() {
    let p = common::project();
    let opts = Selection::default().options_for(&p);
    let d = p.designs.get("poster").unwrap();
    let want = d.ink_gap.unwrap().to_pt(d.px_pt(), 0.0);
    for l in ["en", "ar", "hi", "zh-Hans", "vi"] {
        let g = scene_gaps(&compile_with(&p, "poster", l, &opts).unwrap());
        let key = (0, "headline".to_string(), "flags".to_string());
        let got = g.get(&key).copied().unwrap_or_else(|| panic!("{l}: {g:?}"));
        assert!(
            (got - want).abs() < 0.05,
            "{l}: headline to questions {got} pt, want {want}"
        );
    }
}

#[test]
fn without_ink_gap_the_gaps_follow_the_text() {
    // The same poster on its fixed grid (no `ink_gap`): the Arabic gap under the
    // headline is not the English one. This is what the rule fixes.
    let t = common::temp_project_all_fonts();
    common::edit(
        t.path().join("designs/poster.toml"),
        "ink_gap = \"0.18in\"",
        "",
    );
    let p = hotline_kit::load::project::Project::load(std::sync::Arc::new(
        hotline_kit::base::assets::FsAssets::new(t.path().to_path_buf()),
    ))
    .unwrap_or_else(|d| panic!("{d:?}"));
    let opts = Selection::default().options_for(&p);
    let key = (0, "headline".to_string(), "flags".to_string());
    let en = scene_gaps(&compile_with(&p, "poster", "en", &opts).unwrap())[&key];
    let ar = scene_gaps(&compile_with(&p, "poster", "ar", &opts).unwrap())[&key];
    assert!(!close(ar, en), "en {en}, ar {ar}");
}

#[test]
fn check_warns_when_a_language_spaces_its_blocks_unlike_english() {
    // The poster without `ink_gap`: `check` names the Arabic gap under the headline.
    let t = common::temp_project_all_fonts();
    common::edit(
        t.path().join("designs/poster.toml"),
        "ink_gap = \"0.18in\"",
        "",
    );
    let o = common::hk(
        t.path(),
        &[
            "check", "--design", "poster", "--locale", "en", "--locale", "ar",
        ],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("[spacing]"), "{err}");
    assert!(
        err.contains("`poster` (ar) leaves") && err.contains("slot `headline` and slot `flags`"),
        "{err}"
    );
    // With it, the shipped poster has no such warning.
    let o = common::hk(
        &common::root(),
        &[
            "check", "--design", "poster", "--locale", "en", "--locale", "ar",
        ],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("[spacing]"), "{err}");
}

/// The ink of a page's text blocks and QR codes: its top and bottom edges.
fn ink_extent(page: &hotline_kit::scene::Page) -> (f32, f32) {
    use hotline_kit::scene::Item;
    let mut top = f32::MAX;
    let mut bottom = f32::MIN;
    let qrs = page.items.iter().filter_map(|i| match i {
        Item::Qr(q) => Some(q.rect),
        _ => None,
    });
    for r in page.blocks.iter().filter_map(|b| b.ink).chain(qrs) {
        top = top.min(r.y);
        bottom = bottom.max(r.bottom());
    }
    (top, bottom)
}

#[test]
fn a_page_with_its_own_rows_closes_up_and_stays_centred() {
    // The wallet card's front gives its own rows: the last one (the QR code's caption,
    // and the local resources when the kit has any) is a share there, so it closes up
    // and the lockup stays centred in the safe area whether or not there are resources.
    let p = common::project();
    let mut opts = Selection::default().options_for(&p);
    let d = p.designs.get("wallet-card").unwrap();
    assert!(
        d.page_rows[0].is_some(),
        "the card's front has rows of its own"
    );
    for with_resource in [false, true] {
        if with_resource {
            opts.resources = vec![hotline_kit::load::resource::Resource {
                name: "Example County Anti-Trafficking Program".into(),
                phone: "510-555-0100".into(),
                hours: Some("Mon-Fri 9-5".into()),
                languages: vec!["en".into()],
            }];
        }
        for l in ["en", "ar", "hi", "vi", "zh-Hans"] {
            let s = compile_with(&p, "wallet-card", l, &opts).unwrap();
            let page = &s.pages[0];
            let (top, bottom) = ink_extent(page);
            let above = top - page.safe.y;
            let below = page.safe.bottom() - bottom;
            assert!(
                (above - below).abs() < 6.0,
                "{l} (resource: {with_resource}): {above:.1} pt above the front's ink, {below:.1} pt below"
            );
        }
    }
}
