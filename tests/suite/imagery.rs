//! The illustration library: complete and licensed, safe to load, never sensational,
//! and reviewable as a contact sheet.

use crate::common;

use std::collections::BTreeMap;

use hotline_kit::base::diag::Source;
use hotline_kit::load::imagery::{self, ImageEntry};

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
    let audit = hotline_kit::products::sheet::audit(&p);
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
    let made = hotline_kit::products::sheet::credits(&p).unwrap();
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
    assert!(
        hotline_kit::base::assets::check_relative("designs/imagery/../../hotline.toml").is_err()
    );
}

#[test]
fn the_contact_sheet_renders_every_image_with_its_tags() {
    let p = common::project();
    let s = hotline_kit::products::sheet::contact_sheet(&p).unwrap();
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
    let sel = hotline_kit::products::kit::Selection::default();
    let (scenes, warnings) = hotline_kit::products::kit::prepare(&p, &sel).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let cov = hotline_kit::checks::check::image_coverage(&p, &scenes);
    assert!(cov.missing().is_empty(), "{}", cov.table());
    assert!(cov.tones.len() >= 4 && cov.ages.len() >= 3 && cov.sectors.len() >= 4);
    assert!(cov.genders.contains("woman") && cov.genders.contains("man"));
    // Same library, designs and seed: the same pictures; another seed may differ but
    // still meets every rule.
    let a = sel.options_for(&p).image_picks;
    assert_eq!(a, sel.options_for(&p).image_picks);
    let other = hotline_kit::products::kit::Selection {
        seed: "St. Elsewhere Clinic".into(),
        ..Default::default()
    };
    let (scenes, _) = hotline_kit::products::kit::prepare(&p, &other).unwrap();
    assert!(
        hotline_kit::checks::check::image_coverage(&p, &scenes)
            .missing()
            .is_empty()
    );
    // The mirrored cling shows the same pictures as the cling.
    let ids = |d: &str| -> Vec<String> {
        let s =
            hotline_kit::products::kit::compile_with(&p, d, "en", &sel.options_for(&p)).unwrap();
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
    common::edit(
        t.path().join("designs/tv-slides.toml"),
        "image_pick = { count = 3, kind = \"person\" }",
        "images = [\"person-cook-dark\"]",
    );
    let run = |args: &[&str]| common::hk(t.path(), args);
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

const SIDECAR: &str = r#"title = "Clinic staff member at the front desk"
license = "LicenseRef-facility-owned"
source = "Photo by the facility, 2026"
credit = "Example Clinic"
skin_tone = "5"
age = "adult"
gender = "woman"
sector = "health"
disability = "none"
headwear = "none"
kind = "person"
"#;

fn red_png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_pixel(w, h, image::Rgba([220, 20, 20, 255]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xffff_ffffu32;
    for &b in bytes {
        c ^= b as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xedb8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// A PNG whose header claims `w` x `h` pixels, with no real image data behind it.
fn huge_png_header(w: u32, h: u32) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 0]);
    v.extend(13u32.to_be_bytes());
    v.extend(&ihdr);
    v.extend(crc32(&ihdr).to_be_bytes());
    // A few bytes of image data that would never decode to that size, then the end.
    for (name, data) in [(&b"IDAT"[..], &[0u8; 8][..]), (&b"IEND"[..], &[][..])] {
        let mut chunk = name.to_vec();
        chunk.extend(data);
        v.extend((data.len() as u32).to_be_bytes());
        v.extend(&chunk);
        v.extend(crc32(&chunk).to_be_bytes());
    }
    v
}

fn run(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    common::hotline_kit()
        .arg("--project")
        .arg(dir)
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_facility_can_add_its_own_png_with_a_sidecar() {
    let t = common::temp_project_all_fonts();
    std::fs::create_dir_all(t.path().join("images")).unwrap();
    std::fs::write(t.path().join("images/clinic-staff.png"), red_png(60, 80)).unwrap();
    std::fs::write(t.path().join("images/clinic-staff.toml"), SIDECAR).unwrap();
    common::edit(
        t.path().join("designs/window-cling.toml"),
        "image_pick = { count = 2, kind = \"person\" }",
        "images = [\"clinic-staff\", \"woman-headscarf-medium\"]",
    );
    let o = run(
        t.path(),
        &[
            "build",
            "--design",
            "window-cling",
            "--locale",
            "en",
            "--format",
            "png",
            "--format",
            "pdf",
            "--format",
            "svg",
            "--out",
            "o",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (w, h, rgba) = common::decode_png(
        &std::fs::read(t.path().join("o/window-cling/en/window-cling-en.png")).unwrap(),
    );
    let red = rgba
        .chunks(4)
        .filter(|p| p[0] > 200 && p[1] < 40 && p[2] < 40)
        .count();
    assert!(
        red > 10_000,
        "the photo is not in the PNG ({red} red pixels of {})",
        w * h
    );
    let svg =
        std::fs::read_to_string(t.path().join("o/window-cling/en/window-cling-en.svg")).unwrap();
    assert!(svg.contains("data:image/png;base64,"));
    let credits = run(t.path(), &["credits", "-o", "CREDITS.md"]);
    assert!(credits.status.success());
    assert!(
        std::fs::read_to_string(t.path().join("CREDITS.md"))
            .unwrap()
            .contains("| clinic-staff | `images/clinic-staff.png` | LicenseRef-facility-owned")
    );
}

#[test]
fn a_facility_image_without_tags_or_too_large_is_refused() {
    let t = common::temp_project();
    std::fs::create_dir_all(t.path().join("images")).unwrap();
    std::fs::write(t.path().join("images/photo.png"), red_png(4, 4)).unwrap();
    let o = run(t.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("images/photo.png has no sidecar file images/photo.toml")
    );
    std::fs::write(
        t.path().join("images/photo.toml"),
        "title = \"A photo\"\nlicense = \"CC0-1.0\"\n",
    )
    .unwrap();
    let o = run(t.path(), &["check"]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1));
    assert!(err.contains("image `photo.png` is missing tags: source, credit, skin_tone, age, gender, sector, disability, headwear, kind"), "{err}");
    // A header claiming 10,000 x 10,000 pixels is refused before anything is decoded.
    let e = entry("big-photo", "A photo");
    let err = imagery::load_raster(&e, huge_png_header(10_000, 10_000), "images/big-photo.png")
        .err()
        .unwrap();
    assert!(
        err.message
            .contains("10000 x 10000 pixels; the limit is 40000000"),
        "{}",
        err.message
    );
    assert!(imagery::load_raster(&e, red_png(30, 20), "images/ok.png").is_ok());
    let err = imagery::load_raster(
        &entry("man-in-handcuffs", "Man in handcuffs"),
        red_png(3, 3),
        "images/x.png",
    )
    .err()
    .unwrap();
    assert!(err.message.contains("mentions `handcuffs`"));
}

/// The catalog entries of the pictures on one page of a piece.
fn page_images(
    p: &hotline_kit::load::project::Project,
    s: &hotline_kit::scene::Scene,
    page: usize,
) -> Vec<hotline_kit::load::imagery::ImageEntry> {
    s.pages[page]
        .items
        .iter()
        .filter_map(|i| match i {
            hotline_kit::scene::Item::Image { image, .. } => p.images.get(&image.id).cloned(),
            _ => None,
        })
        .collect()
}

/// A copy of the project whose poster has three audience variants, each asking for its
/// own pictures (`images = { image = { ... } }`), built only on request.
fn with_audience_variants() -> (tempfile::TempDir, hotline_kit::load::project::Project) {
    let t = common::temp_project();
    let path = t.path().join("designs/poster.toml");
    let mut s = std::fs::read_to_string(&path).unwrap();
    for (name, gender) in [
        ("men", "man"),
        ("women", "woman"),
        ("all-gender", "neutral"),
    ] {
        s.push_str(&format!(
            "\n[[variant]]\nname = \"poster-{name}\"\ntitle = \"Poster, {name}\"\nimages = {{ image = {{ count = 4, kind = \"person\", gender = [\"{gender}\"], sector = [\"farm\", \"restaurant\", \"construction\", \"factory\", \"car-repair\", \"health\", \"office\"] }} }}\non_request = true\n"
        ));
    }
    std::fs::write(&path, s).unwrap();
    let p = hotline_kit::load::project::Project::load(std::sync::Arc::new(
        hotline_kit::base::assets::FsAssets::new(t.path().to_path_buf()),
    ))
    .unwrap_or_else(|d| panic!("{d:?}"));
    (t, p)
}

#[test]
fn audience_variants_show_their_audience() {
    let (_t, p) = with_audience_variants();
    let sel = hotline_kit::products::kit::Selection {
        designs: vec![
            "poster-men".into(),
            "poster-women".into(),
            "poster-all-gender".into(),
        ],
        ..Default::default()
    };
    let opts = sel.options_for(&p);
    let scene = |d: &str| hotline_kit::products::kit::compile_with(&p, d, "en", &opts).unwrap();
    let men = page_images(&p, &scene("poster-men"), 0);
    let women = page_images(&p, &scene("poster-women"), 0);
    let all = page_images(&p, &scene("poster-all-gender"), 0);
    for (imgs, gender) in [(&men, "man"), (&women, "woman"), (&all, "neutral")] {
        assert_eq!(imgs.len(), 4, "{gender}: {imgs:?}");
        assert!(
            imgs.iter().all(|e| e.gender == gender),
            "{gender}: {imgs:?}"
        );
        assert!(imgs.iter().all(|e| e.age != "child"), "{imgs:?}");
        // Different people within one piece, and more than one skin tone.
        let tones: std::collections::BTreeSet<_> = imgs.iter().map(|e| &e.skin_tone).collect();
        assert!(tones.len() >= 2, "{gender}: {imgs:?}");
    }
    // Men appear as workers: people who may be trafficked for labor.
    assert!(
        men.iter()
            .all(
                |e| hotline_kit::layout::diversity::LABOR_SECTORS.contains(&e.sector.as_str())
                    || e.sector == "health"
                    || e.sector == "office"
            ),
        "{men:?}"
    );
}

#[test]
fn restroom_sticker_variants_ask_about_work_and_sex_and_show_no_figures() {
    let p = common::project();
    let sel = hotline_kit::products::kit::Selection {
        designs: vec![
            "stall-sticker-men".into(),
            "stall-sticker-women".into(),
            "stall-sticker-all-gender".into(),
        ],
        ..Default::default()
    };
    let opts = sel.options_for(&p);
    for d in [
        "stall-sticker-men",
        "stall-sticker-women",
        "stall-sticker-all-gender",
    ] {
        let s = hotline_kit::products::kit::compile_with(&p, d, "en", &opts).unwrap();
        // Too small for pictures: a figure on a 3 in sticker is under 0.4 in tall.
        assert!(page_images(&p, &s, 0).is_empty(), "{d}");
        let named: Vec<_> = s
            .messages
            .iter()
            .filter_map(|m| p.flags.iter().find(|f| &f.id == m))
            .flat_map(|f| f.names.iter().copied())
            .collect();
        assert!(
            named.contains(&hotline_kit::load::content::Tag::Labor)
                && named.contains(&hotline_kit::load::content::Tag::Sex),
            "{d}: {:?}",
            s.messages
        );
    }
}

#[test]
fn asking_for_an_audience_variant_does_not_change_the_kit_pictures() {
    let (_t, p) = with_audience_variants();
    let base = hotline_kit::products::kit::Selection::default()
        .options_for(&p)
        .image_picks;
    let more = hotline_kit::products::kit::Selection {
        designs: vec!["poster-men".into()],
        ..Default::default()
    }
    .options_for(&p)
    .image_picks;
    for (k, v) in &base {
        assert_eq!(more.get(k), Some(v), "{k}");
    }
    assert!(more.contains_key("poster-men/image"), "{more:?}");
    // Rendering the variant alone gives the same pictures as building it with the kit.
    let alone = hotline_kit::products::kit::compile_with(
        &p,
        "poster-men",
        "en",
        &hotline_kit::layout::Options::default(),
    )
    .unwrap();
    let ids: Vec<String> = page_images(&p, &alone, 0)
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(&ids, &more["poster-men/image"]);
}

#[test]
fn one_slide_loop_is_diverse_on_its_own() {
    let p = common::project();
    let s = hotline_kit::products::kit::compile_with(
        &p,
        "tv-slides",
        "en",
        &hotline_kit::products::kit::Selection::default().options_for(&p),
    )
    .unwrap();
    assert!(s.pages.len() >= 4);
    let mut seen = std::collections::BTreeSet::new();
    for page in 0..s.pages.len() {
        let imgs = page_images(&p, &s, page);
        assert!(!imgs.is_empty(), "slide {} has no people", page + 1);
        for e in imgs {
            // Each slide shows other people.
            assert!(seen.insert(e.id.clone()), "{} on two slides", e.id);
        }
    }
    let cov = hotline_kit::checks::check::image_coverage(&p, std::slice::from_ref(&s));
    assert!(cov.missing().is_empty(), "{}", cov.table());
    // `check` prints the loop's own table after the kit's.
    let o = common::hotline_kit()
        .arg("--project")
        .arg(common::root())
        .args(["check", "--locale", "en"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    let table = err
        .split("imagery coverage across the tv-slides loop (4 slides):\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no loop table: {err}"));
    assert!(table.contains("age groups      3 of 3  ok"), "{err}");
}

#[test]
fn a_loop_short_on_diversity_fails_on_its_own() {
    let t = common::temp_project();
    // Heads only on the slides: they show no work, so the loop shows no labor sector;
    // the kit's other pieces still do.
    common::edit(
        t.path().join("designs/tv-slides.toml"),
        "image_pick = { count = 3, kind = \"person\" }",
        "image_pick = { count = 2, kind = \"person\", framing = [\"head\"] }",
    );
    let o = common::hk(t.path(), &["check", "--locale", "en"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("the tv-slides loop's illustrations are not diverse enough on their own: 0 of 4 labor sectors"),
        "{err}"
    );
    assert!(err.contains("designs/tv-slides.toml"), "{err}");
    assert!(
        !err.contains("the kit's illustrations are not diverse"),
        "{err}"
    );
}

#[test]
fn a_variant_image_query_must_name_an_image_slot() {
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/stall-sticker.toml"),
        "title = \"Bathroom stall sticker, 3 x 3 in, women's restrooms\"",
        "title = \"Bathroom stall sticker, 3 x 3 in, women's restrooms\"\nimages = { question = { count = 3, kind = \"person\", gender = [\"woman\"] } }",
    );
    let o = common::hk(t.path(), &["check", "--locale", "en"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("variant `stall-sticker-women` asks for images in `question`, which is not an image slot"),
        "{err}"
    );
    assert!(err.contains("designs/stall-sticker.toml"), "{err}");
}
