//! The illustration library: complete and licensed, safe to load, never sensational,
//! and reviewable as a contact sheet.

mod common;

use std::collections::BTreeMap;

use hotline_kit::diag::Source;
use hotline_kit::imagery::{self, ImageEntry};

fn entry(id: &str, title: &str) -> ImageEntry {
    let p = common::project();
    let mut e = p.images.values().next().unwrap().clone();
    e.id = id.into();
    e.title = title.into();
    e
}

#[test]
fn every_file_has_an_entry_and_every_entry_a_file_a_licence_and_tags() {
    let p = common::project();
    let audit = hotline_kit::sheet::audit(&p);
    assert!(audit.is_empty(), "{audit:?}");
    assert!(p.images.len() >= 36);
    for e in p.images.values() {
        assert!(
            !e.license.is_empty() && !e.credit.is_empty() && !e.source.is_empty(),
            "{}",
            e.id
        );
        let text = std::fs::read_to_string(
            common::root().join(format!("LICENSES/{}-fluent-emoji.txt", e.license)),
        )
        .unwrap_or_else(|_| panic!("no licence text for {} ({})", e.id, e.license));
        assert!(text.contains("Microsoft"));
    }
    // People across all five skin-tone groups, women and men, three age groups.
    let people: Vec<&ImageEntry> = p.images.values().filter(|e| e.kind == "person").collect();
    for tone in ["1-2", "3", "4", "5", "6"] {
        assert!(
            people.iter().any(|e| e.skin_tone == tone),
            "no skin tone {tone}"
        );
    }
    for g in ["woman", "man", "neutral"] {
        assert!(people.iter().any(|e| e.gender == g), "no {g}");
    }
    for a in ["child", "adult", "older"] {
        assert!(people.iter().any(|e| e.age == a), "no {a}");
    }
}

#[test]
fn credits_md_lists_every_font_and_image_and_is_up_to_date() {
    let p = common::project();
    let made = hotline_kit::sheet::credits(&p).unwrap();
    for e in p.images.values() {
        assert!(made.contains(&format!("| {} |", e.id)));
    }
    assert!(made.contains("NotoSansSC-Bold.ttf") && made.contains("Noto Project Authors"));
    let committed = std::fs::read_to_string(common::root().join("CREDITS.md")).unwrap();
    assert_eq!(
        committed, made,
        "CREDITS.md is out of date: run `hotline-kit credits -o CREDITS.md`"
    );
}

#[test]
fn sensational_entries_and_tags_outside_the_lists_are_refused() {
    let mut entries = BTreeMap::new();
    entries.insert(
        "man-in-chains".to_string(),
        entry("man-in-chains", "Man in chains"),
    );
    let mut bad = entry("person-x", "Person");
    bad.skin_tone = "purple".into();
    bad.sector = String::new();
    entries.insert(bad.id.clone(), bad);
    let src = Source::new(
        "designs/imagery/catalog.toml",
        "id = \"man-in-chains\"\nid = \"person-x\"\n",
    );
    let errs = imagery::validate_catalog(&entries, &src);
    let msgs: Vec<String> = errs
        .iter()
        .map(|d| format!("{} {:?}", d.message, d.hints))
        .collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("mentions `chains`") && m.contains("sensational")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("skin_tone = \"purple\"") && m.contains("sector = \"\"")),
        "{msgs:?}"
    );
    assert_eq!(
        errs[0].location().unwrap(),
        "designs/imagery/catalog.toml:1:1"
    );
}

#[test]
fn unsafe_or_sensational_svg_files_are_refused_with_a_reason() {
    let e = entry("person-test", "Person at work");
    let svg = |body: &str| {
        format!(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">{body}</svg>"#)
            .into_bytes()
    };
    let ok = imagery::load_svg(
        &e,
        svg(r##"<title>A person</title><rect id="a" width="4" height="4"/><use href="#a"/>"##),
        "x.svg",
    );
    assert!(ok.is_ok(), "{:?}", ok.err());
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (svg(r#"<image href="https://example.org/track.png" width="4" height="4"/>"#), "outside the file"),
        (svg(r#"<image href="../../secret.png" width="4" height="4"/>"#), "outside the file"),
        (svg(r#"<rect style="fill:url(http://example.org/x)" width="4" height="4"/>"#), "outside the file"),
        (svg(r#"<script>alert(1)</script>"#), "script"),
        (b"<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&a;</svg>".to_vec(), "entity"),
        (svg(r#"<title>Man in handcuffs</title><rect width="4" height="4"/>"#), "mentions `handcuffs`"),
        (svg(r#"<g id="hand-over-mouth"><rect width="4" height="4"/></g>"#), "mentions `hand over mouth`"),
        (svg(&"<g/>".repeat(imagery::MAX_SVG_NODES + 1)), "elements; the limit"),
        (vec![b' '; imagery::MAX_SVG_BYTES + 1], "bytes; the limit"),
    ];
    for (data, want) in cases {
        let err = imagery::load_svg(&e, data, "x.svg")
            .err()
            .unwrap_or_else(|| panic!("accepted: {want}"));
        assert!(err.message.contains(want), "{want}: {}", err.message);
    }
    // A catalog entry whose file would leave the folder is refused when loaded.
    assert!(hotline_kit::assets::check_relative("designs/imagery/../../hotline.toml").is_err());
}

#[test]
fn the_contact_sheet_renders_every_image_with_its_tags() {
    let p = common::project();
    let s = hotline_kit::sheet::contact_sheet(&p).unwrap();
    assert_eq!(s.pages.len(), p.images.len().div_ceil(20));
    let images: usize = s
        .pages
        .iter()
        .map(|pg| {
            pg.items
                .iter()
                .filter(|i| matches!(i, hotline_kit::scene::Item::Image { .. }))
                .count()
        })
        .sum();
    assert_eq!(images, p.images.len());
    let pdf = hotline_kit::export::pdf::export(&s).unwrap();
    let text = common::pdftext::extract(&pdf);
    for e in p.images.values() {
        assert!(text.contains(&e.id), "{} not on the sheet", e.id);
    }
    let pngs = hotline_kit::export::png::export(&s).unwrap();
    assert_eq!(pngs.len(), s.pages.len());
    let (w, h, _) = common::decode_png(&pngs[0].0);
    assert_eq!((w, h), (2550, 3300));
}

#[test]
fn the_kit_chooses_diverse_images_deterministically() {
    let p = common::project();
    let sel = hotline_kit::kit::Selection::default();
    let (scenes, warnings) = hotline_kit::kit::prepare(&p, &sel).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let cov = hotline_kit::check::image_coverage(&p, &scenes);
    assert!(cov.missing().is_empty(), "{}", cov.table());
    assert!(cov.tones.len() >= 4 && cov.ages.len() >= 3 && cov.sectors.len() >= 4);
    assert!(cov.genders.contains("woman") && cov.genders.contains("man"));
    // Same library, designs and seed: the same pictures; another seed may differ but
    // still meets every rule.
    let a = sel.options_for(&p).image_picks;
    assert_eq!(a, sel.options_for(&p).image_picks);
    let other = hotline_kit::kit::Selection {
        seed: "St. Elsewhere Clinic".into(),
        ..Default::default()
    };
    let (scenes, _) = hotline_kit::kit::prepare(&p, &other).unwrap();
    assert!(
        hotline_kit::check::image_coverage(&p, &scenes)
            .missing()
            .is_empty()
    );
    // The mirrored cling shows the same pictures as the cling.
    let ids = |d: &str| -> Vec<String> {
        let s = hotline_kit::kit::compile_with(&p, d, "en", &sel.options_for(&p)).unwrap();
        s.pages[0]
            .items
            .iter()
            .filter_map(|i| {
                if let hotline_kit::scene::Item::Image { image, .. } = i {
                    Some(image.id.clone())
                } else {
                    None
                }
            })
            .collect()
    };
    assert_eq!(ids("window-cling"), ids("window-cling-reverse"));
}

#[test]
fn a_kit_short_on_diversity_fails_unless_advisory() {
    let t = common::temp_project();
    // Hand-picked images, all adults of one skin tone: the kit cannot meet the rules.
    common::edit(
        t.path().join("designs/poster.toml"),
        "image_pick = { count = 4, kind = \"person\" }",
        "images = [\"woman-farmer-dark\", \"man-mechanic-dark\"]",
    );
    common::edit(
        t.path().join("designs/window-cling.toml"),
        "image_pick = { count = 2, kind = \"person\" }",
        "images = [\"person-cook-dark\"]",
    );
    let run = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("hotline-kit")
            .unwrap()
            .arg("--project")
            .arg(t.path())
            .current_dir(t.path())
            .args(args)
            .output()
            .unwrap()
    };
    let o = run(&["check", "--locale", "en"]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("not diverse enough: 1 of 4 skin-tone groups, 1 of 3 age groups"),
        "{err}"
    );
    assert!(
        err.contains("skin tones      1 of 4  MISSING")
            || err.contains("illustrations are not diverse"),
        "{err}"
    );
    std::fs::write(
        t.path().join("kit.toml"),
        "[imagery]\ndiversity = \"advisory\"\n",
    )
    .unwrap();
    let o = run(&["check", "--locale", "en"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("warning: the kit's illustrations are not diverse enough")
    );
}
