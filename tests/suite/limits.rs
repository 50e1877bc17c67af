//! Limits and robustness: pages too large to draw, lengths too large to be a length,
//! glyph ink that leaves its slot, the clock, the font cache, review records without a
//! hash, and one layout failure reported as one cause.

use crate::common;

use hotline_kit::base::diag::{Diagnostics, Severity};
use hotline_kit::products::kit::Selection;
use hotline_kit::scene::{Item, Page, Rect, Scene};

fn errors(d: &Diagnostics) -> Vec<&hotline_kit::base::diag::Diagnostic> {
    d.0.iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

fn json(o: &std::process::Output) -> Vec<serde_json::Value> {
    serde_json::from_slice::<serde_json::Value>(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&o.stdout)))
        .as_array()
        .unwrap()
        .clone()
}

/// The line (1-based) of the first line of `file` that starts with `prefix`.
fn line_of(file: &std::path::Path, prefix: &str) -> u64 {
    let text = std::fs::read_to_string(file).unwrap();
    text.lines().position(|l| l.starts_with(prefix)).unwrap() as u64 + 1
}

#[test]
fn a_page_too_large_to_draw_is_an_error_from_check_with_its_file_line_and_megapixels() {
    let t = common::temp_project();
    let design = t.path().join("designs/wallet-card.toml");
    common::edit(&design, "width = \"3.5in\"", "width = \"200in\"");
    common::edit(&design, "height = \"2in\"", "height = \"200in\"");
    let o = common::hk(t.path(), &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let j = json(&o);
    let big: Vec<_> = j
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("megapixels"))
        .collect();
    assert_eq!(big.len(), 1, "{j:#?}");
    let d = big[0];
    let msg = d["message"].as_str().unwrap();
    // 200.25 in (bleed included) at 300 dpi: 60075 pixels a side, 3609 megapixels.
    assert!(msg.contains("60075 x 60075 pixels"), "{msg}");
    assert!(msg.contains("3609 megapixels"), "{msg}");
    assert!(msg.contains("limit of 100 megapixels"), "{msg}");
    assert!(
        d["file"]
            .as_str()
            .unwrap()
            .ends_with("designs/wallet-card.toml")
    );
    assert_eq!(d["line"].as_u64(), Some(line_of(&design, "width =")));

    // `render` and `build` say the same and write nothing; they never abort.
    let o = common::hk(
        t.path(),
        &["render", "wallet-card", "--locale", "en", "-o", "w.png"],
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("megapixels"));
    assert!(!t.path().join("w.png").exists());
    let o = common::hk(
        t.path(),
        &["build", "--out", "o", "--design", "wallet-card"],
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!t.path().join("o").exists());
}

#[test]
fn a_page_just_within_the_limit_is_accepted_and_one_just_over_is_not() {
    // 24 x 36 in with a 0.125 in bleed: 7275 x 10875 pixels, 79 megapixels.
    let poster = |w: &'static str, h: &'static str, bleed: &'static str| {
        move |s: &str| {
            s.replace("width = \"8.5in\"", &format!("width = \"{w}\""))
                .replace("height = \"11in\"", &format!("height = \"{h}\""))
                .replace("bleed = \"0in\"", &format!("bleed = \"{bleed}\""))
        }
    };
    let (p, _t) =
        common::project_with_edit("designs/poster.toml", poster("24in", "36in", "0.125in"));
    assert!(p.design("poster").is_ok());
    // 34 x 34 in: 10200 x 10200 pixels, 104 megapixels.
    let t = common::temp_project();
    let design = t.path().join("designs/poster.toml");
    let text = std::fs::read_to_string(&design).unwrap();
    std::fs::write(&design, poster("34in", "34in", "0in")(&text)).unwrap();
    let j = json(&common::hk(t.path(), &["check", "--format", "json"]));
    assert!(
        j.iter().any(|d| d["message"]
            .as_str()
            .unwrap()
            .contains("10200 x 10200 pixels (104 megapixels)")),
        "{j:#?}"
    );
}

#[test]
fn drawing_a_page_over_the_limit_is_an_error_not_an_abort() {
    let p = common::project();
    let page = Page {
        width: 14_400.0,
        height: 14_400.0,
        trim: Rect::new(0.0, 0.0, 14_400.0, 14_400.0),
        bleed: Rect::new(0.0, 0.0, 14_400.0, 14_400.0),
        safe: Rect::new(0.0, 0.0, 14_400.0, 14_400.0),
        items: Vec::new(),
        blocks: Vec::new(),
        marks: Vec::new(),
        cut: None,
        white: None,
    };
    let status = hotline_kit::scene::DocStatus::new("test page", 0, 0);
    let scene = Scene::document("huge", "huge".into(), vec![page], p.fonts.clone(), status);
    let e = hotline_kit::export::png::export(&scene).unwrap_err();
    assert!(e.contains("megapixels"), "{e}");
    let e = hotline_kit::export::png::render_at(&scene, &scene.pages[0], f32::MAX).unwrap_err();
    assert!(e.contains("over the limit"), "{e}");
}

#[test]
fn lengths_too_large_or_not_numbers_say_so_with_the_line() {
    for (value, says) in [
        ("99999999999999999999in", "too large for a length"),
        ("1e40pt", "too large for a length"),
        ("1e400in", "too large for a length"),
        ("201in", "too large for a length"),
        ("inf", "not a number a length can have"),
        ("NaN", "not a number a length can have"),
        ("-2in", "is negative"),
    ] {
        let t = common::temp_project();
        let design = t.path().join("designs/wallet-card.toml");
        common::edit(
            &design,
            "width = \"3.5in\"",
            &format!("width = \"{value}\""),
        );
        let o = common::hk(t.path(), &["check", "--format", "json"]);
        assert_eq!(o.status.code(), Some(1), "{value}");
        let j = json(&o);
        let d = j
            .iter()
            .find(|d| d["message"].as_str().unwrap().contains(says))
            .unwrap_or_else(|| panic!("{value}: no message saying {says:?}: {j:#?}"));
        assert!(
            !d["message"].as_str().unwrap().contains("unknown unit"),
            "{d}"
        );
        assert_eq!(
            d["line"].as_u64(),
            Some(line_of(&design, "width =")),
            "{value}"
        );
    }
    // TOML's own infinity, not a string.
    let t = common::temp_project();
    let design = t.path().join("designs/wallet-card.toml");
    common::edit(&design, "width = \"3.5in\"", "width = inf");
    let o = common::hk(t.path(), &["check", "--format", "json"]);
    let j = json(&o);
    assert!(
        j.iter().any(|d| d["message"]
            .as_str()
            .unwrap()
            .contains("not a number a length can have")),
        "{j:#?}"
    );
}

/// `a` with `n` combining acute accents.
fn stacked(n: usize) -> String {
    std::iter::once('a')
        .chain(std::iter::repeat_n('\u{301}', n))
        .collect()
}

/// Pixels of the top, left and right margins (outside the safe area, bleed included)
/// that differ from the background: ink where no text may go. The bottom margin holds
/// the draft mark.
fn ink_in_margins(scene: &Scene, background: [u8; 3]) -> usize {
    let s = 2.0;
    let page = &scene.pages[0];
    let (w, h, px) = common::render_rgba(scene, 0, s);
    let safe = page.safe;
    let mut n = 0;
    for y in 0..h {
        for x in 0..w {
            let (fx, fy) = (x as f32 / s, y as f32 / s);
            let outside = fy + 1.0 / s < safe.y
                || (fy < safe.bottom() && (fx + 1.0 / s < safe.x || fx > safe.right()));
            let i = ((y * w + x) * 4) as usize;
            if outside && px[i..i + 3] != background {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn stacked_combining_marks_stay_inside_the_slot_or_are_an_error_naming_it() {
    // A question in the top row of the sticker, long enough to fill its slot, whose first
    // line carries a few stacked accents: it is moved or shrunk so its ink stays inside.
    let few = format!(
        "{} Can you leave your job whenever you want to, and keep the money you earn?",
        stacked(6)
    );
    let (p, _t) = common::project_with_edit("locales/en.ftl", |s| {
        s.lines()
            .map(|l| {
                if l.starts_with("rf-work-or-sex =") {
                    format!("rf-work-or-sex = {few}")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    let opts = Selection::default().options_for(&p);
    let scene = hotline_kit::products::kit::compile_with(&p, "stall-sticker", "en", &opts)
        .unwrap_or_else(|d| panic!("{d:?}"));
    let page = &scene.pages[0];
    let block = page.blocks.iter().find(|b| b.slot == "question").unwrap();
    let ink = block.ink.unwrap();
    assert!(page.safe.contains(&ink), "{ink:?} leaves {:?}", page.safe);
    // The accents reach well above the line: the ink is taller than the lines' boxes.
    assert!(ink.y < block.rect.y || ink.h > block.lines as f32 * block.size * 1.25);
    assert_eq!(ink_in_margins(&scene, [255, 255, 255]), 0);

    // Thirty stacked accents cannot fit at any size: an error naming slot and locale.
    let zalgo = format!("Can you {} leave your job?", stacked(30));
    let (p, _t) = common::project_with_edit("locales/en.ftl", |s| {
        s.lines()
            .map(|l| {
                if l.starts_with("rf-work-or-sex =") {
                    format!("rf-work-or-sex = {zalgo}")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    let opts = Selection::default().options_for(&p);
    let e = hotline_kit::products::kit::compile_with(&p, "stall-sticker", "en", &opts).unwrap_err();
    let msg = &errors(&e)[0].message;
    assert!(
        msg.contains("slot `question`") && msg.contains("locale `en`") && msg.contains("ink"),
        "{msg}"
    );
}

#[test]
fn the_fact_age_check_uses_the_date_it_is_given_not_the_clock() {
    let p = common::project();
    let checked = hotline_kit::checks::check::parse_date(&p.hotline.phone.checked).unwrap();
    let fact_age = |today: Option<i64>| {
        let sel = Selection {
            locales: vec!["en".into()],
            today,
            ..Default::default()
        };
        let (_, warnings) = hotline_kit::products::kit::prepare(&p, &sel).unwrap();
        warnings
            .0
            .iter()
            .filter(|d| d.code == Some("fact-age"))
            .count()
    };
    assert!(fact_age(Some(checked + 400)) > 0);
    assert_eq!(fact_age(Some(checked + 10)), 0);
    assert_eq!(fact_age(None), 0);
}

#[test]
fn two_projects_with_different_fonts_at_the_same_path_do_not_share_a_face() {
    use hotline_kit::load::spec::FontRole;
    let root = common::root();
    let regular = std::fs::read(root.join("fonts/NotoSans-Regular.ttf")).unwrap();
    let bold = std::fs::read(root.join("fonts/NotoSans-Bold.ttf")).unwrap();
    assert_ne!(regular, bold);
    // Two project folders, each with its own fonts/NotoSans-Regular.ttf.
    let a = common::temp_project();
    let b = common::temp_project();
    std::fs::write(b.path().join("fonts/NotoSans-Regular.ttf"), &bold).unwrap();
    let digest = |dir: &std::path::Path| {
        let assets = hotline_kit::base::assets::FsAssets::new(dir);
        let p = hotline_kit::load::project::Project::load(std::sync::Arc::new(assets)).unwrap();
        let id = p.fonts.id("latin", FontRole::Regular).unwrap();
        p.fonts.face(id).unwrap().digest().to_string()
    };
    assert_eq!(digest(a.path()), hotline_kit::review::digest(&regular));
    assert_eq!(digest(b.path()), hotline_kit::review::digest(&bold));
}

#[test]
fn a_translator_review_without_a_text_hash_counts_as_a_draft() {
    let set = |hash: Option<String>| {
        common::project_with_edit("locales/review/es.toml", move |s| {
            let h = hash
                .as_ref()
                .map(|h| format!("\nhash = \"{h}\""))
                .unwrap_or_default();
            s.replacen(
                "[call-label]\nstatus = \"draft\"",
                &format!("[call-label]{h}\nstatus = \"translator-reviewed\""),
                1,
            )
        })
    };
    let (p, _t) = set(None);
    let es = p.catalog("es").unwrap();
    assert_eq!(
        es.status("call-label"),
        hotline_kit::load::locale::Review::Draft
    );
    assert!(
        p.warnings
            .0
            .iter()
            .any(|d| d.message.contains("call-label") && d.message.contains("without the hash")),
        "{:?}",
        p.warnings
    );
    // With the hash of the text as it is, the review counts.
    let text = common::project().catalog("es").unwrap().messages["call-label"].clone();
    let (p, _t) = set(Some(hotline_kit::load::locale::text_hash(&text)));
    assert_eq!(
        p.catalog("es").unwrap().status("call-label"),
        hotline_kit::load::locale::Review::TranslatorReviewed
    );
}

/// An edit of a file's text.
type Edit<'a> = &'a dyn Fn(&str) -> String;

/// The bundled project with files replaced: (path, edit of its text).
fn project_with_edits(
    edits: &[(&str, Edit)],
) -> (hotline_kit::load::project::Project, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    for (rel, edit) in edits {
        let text = std::fs::read_to_string(common::root().join(rel)).unwrap();
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, edit(&text)).unwrap();
    }
    let assets = hotline_kit::base::assets::FsAssets::layered(vec![
        dir.path().to_path_buf(),
        common::root(),
    ]);
    let p = hotline_kit::load::project::Project::load(std::sync::Arc::new(assets)).unwrap();
    (p, dir)
}

#[test]
fn a_piece_that_does_not_fit_is_one_error_not_a_cascade_of_kit_errors() {
    // A kit without the window cling, in Spanish: the poster is its only piece with a
    // sex-trafficking red flag, and holds four of its illustrations.
    let sel = Selection {
        designs: ["poster", "wallet-card", "stall-sticker", "tv-slides"]
            .map(String::from)
            .to_vec(),
        locales: vec!["es".into()],
        ..Default::default()
    };
    let p = common::project();
    if let Err(d) = hotline_kit::products::kit::prepare(&p, &sel) {
        panic!("{:#?}", errors(&d));
    }
    let overflow = |s: &str| {
        s.lines()
            .map(|l| {
                if l.starts_with("poster-headline =") {
                    format!("poster-headline = {}", "Help is here. ".repeat(60))
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (p, _t) = project_with_edits(&[("locales/es.ftl", &overflow)]);
    let d = hotline_kit::products::kit::prepare(&p, &sel).unwrap_err();
    let errs = errors(&d);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].message.contains("does not fit"),
        "{}",
        errs[0].message
    );

    // A kit that really lacks a sex red flag still says so beside the layout error.
    let no_sex = |s: &str| s.replace(", \"rf-sex-made\"]", "]");
    let (p, _t) = project_with_edits(&[
        ("locales/es.ftl", &overflow),
        ("designs/poster.toml", &no_sex),
    ]);
    let d = hotline_kit::products::kit::prepare(&p, &sel).unwrap_err();
    let msgs: Vec<&str> = errors(&d).iter().map(|d| d.message.as_str()).collect();
    // The poster hangs in restrooms too: without a sex question it says so as well.
    assert_eq!(msgs.len(), 3, "{msgs:#?}");
    assert!(msgs.iter().any(|m| m.contains("does not fit")), "{msgs:#?}");
    assert!(
        msgs.iter()
            .any(|m| m.contains("restroom piece `poster`") && m.contains("never names sex")),
        "{msgs:#?}"
    );
    assert!(
        msgs.iter().any(|m| m.contains("not ask about sex")),
        "{msgs:#?}"
    );
}

#[test]
fn the_zalgo_piece_renders_with_no_ink_in_the_margins() {
    // Vietnamese-style stacked diacritics and combining marks below as well as above.
    // Long enough to fill its slot, so nothing but the ink fitting keeps the marks out of
    // the margins.
    let text = "Ậ̂̂ ḁ̥̥̥ ở̃ Bạn có thể nghỉ việc khi muốn không? Có ai giữ giấy tờ của bạn không? Ẫ̀̀ g̥̥̥ ḁ̥̥̥";
    let (p, _t) = common::project_with_edit("locales/en.ftl", |s| {
        s.lines()
            .map(|l| {
                if l.starts_with("rf-work-or-sex =") {
                    format!("rf-work-or-sex = {text}")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    let opts = Selection::default().options_for(&p);
    let scene = hotline_kit::products::kit::compile_with(&p, "stall-sticker", "en", &opts)
        .unwrap_or_else(|d| panic!("{d:?}"));
    let page = &scene.pages[0];
    for b in &page.blocks {
        let ink = b.ink.unwrap();
        assert!(page.safe.contains(&ink), "{}: {ink:?}", b.slot);
    }
    assert_eq!(ink_in_margins(&scene, [255, 255, 255]), 0);
    // Nor on its neighbours: the pictures above and the number's fill below.
    let ink = page
        .blocks
        .iter()
        .find(|b| b.slot == "question")
        .unwrap()
        .ink
        .unwrap();
    let meets = |r: &Rect| {
        ink.x < r.right() && r.x < ink.right() && ink.y < r.bottom() && r.y < ink.bottom()
    };
    for it in &page.items {
        match it {
            Item::Image { rect, image } => assert!(!meets(rect), "ink {ink:?} on {}", image.id),
            Item::Rect { rect, color } if *color != hotline_kit::base::units::Color::WHITE => {
                assert!(!meets(rect), "ink {ink:?} on the fill {rect:?}")
            }
            _ => {}
        }
    }
    let files = hotline_kit::products::kit::export(
        &scene,
        hotline_kit::products::kit::Format::Png,
        "zalgo",
    )
    .unwrap();
    if let Some(dir) = std::env::var_os("HOTLINE_KIT_SAVE_ZALGO") {
        std::fs::write(
            std::path::Path::new(&dir).join("zalgo.png"),
            &files[0].bytes,
        )
        .unwrap();
    }
}
