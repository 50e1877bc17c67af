//! The number leads over the QR code (its size on posters and slides, one QR slide on
//! the TV), the call and text icons beside their verbs, and the word to text from
//! hotline.toml in the text lockup and the sms: QR code.

use crate::common;

use hotline_kit::scene::{Item, Rect, Scene};

use common::{check_json as check, msg, of};

/// The numbers after `after` in a message ("214.0 px square" -> 214.0).
fn num(m: &str, after: &str) -> f32 {
    m.split(after)
        .nth(1)
        .unwrap_or_else(|| panic!("no `{after}` in {m}"))
        .trim_start()
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn the_default_kit_passes_the_qr_size_qr_pages_and_keyword_checks_in_every_locale() {
    let t = common::temp_project_all_fonts();
    let (code, j) = check(t.path(), &["--locale", "all"]);
    assert_eq!(code, 0, "{j:#?}");
    for c in ["qr-size", "qr-pages", "sms-keyword"] {
        assert!(of(&j, c).is_empty(), "{c}: {j:#?}");
    }
}

#[test]
fn a_qr_code_on_every_slide_is_an_error_naming_the_slides() {
    let t = common::temp_project();
    let path = t.path().join("designs/tv-slides.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("hide = [\"qr\", \"caption\"]\n", "")).unwrap();
    let (code, j) = check(t.path(), &["--design", "tv-slides", "--locale", "en"]);
    assert_eq!(code, 1, "{j:#?}");
    let e = of(&j, "qr-pages");
    assert_eq!(e.len(), 1, "{j:#?}");
    assert!(
        msg(e[0]).contains("`tv-slides` (en) shows on 4 slides (1, 2, 3, 4)"),
        "{}",
        msg(e[0])
    );
    assert!(msg(e[0]).contains("allows it on 1"), "{}", msg(e[0]));
    assert_eq!(e[0]["file"], "designs/tv-slides.toml");
}

#[test]
fn a_slide_design_may_hide_its_qr_code_and_the_piece_still_verifies() {
    let p = common::project();
    let d = p.design("tv-slides").unwrap();
    let s = hotline_kit::layout::compile(&p, d, "en", &Default::default()).unwrap();
    let with: Vec<usize> = s
        .pages
        .iter()
        .enumerate()
        .filter(|(_, pg)| pg.items.iter().any(|it| matches!(it, Item::Qr(_))))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(with, vec![3], "the QR code on the help slide only");
    hotline_kit::checks::verify::scene(&p, d, &s, &Default::default())
        .unwrap_or_else(|e| panic!("{e:?}"));
}

#[test]
fn hiding_the_qr_code_on_a_printed_page_is_an_error() {
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/wallet-card.toml"),
        "hide = [\"question\"]",
        "hide = [\"question\", \"qr\"]",
    );
    let (code, j) = check(t.path(), &["--design", "wallet-card", "--locale", "en"]);
    assert_eq!(code, 1, "{j:#?}");
    assert!(
        j.iter()
            .any(|d| msg(d).contains("the hotline number and the QR code are on every page")),
        "{j:#?}"
    );
}

#[test]
fn a_poster_qr_larger_than_the_numbers_block_is_an_error_with_both_sizes() {
    let t = common::temp_project();
    // The QR code's row made twice as tall: the code grows past the call verb and the
    // number beside it.
    common::edit(
        t.path().join("designs/poster.toml"),
        "\"0.9in\", 0.33",
        "\"1.9in\", 0.33",
    );
    let (code, j) = check(t.path(), &["--design", "poster", "--locale", "en"]);
    assert_eq!(code, 1, "{j:#?}");
    let e = of(&j, "qr-size");
    assert_eq!(e.len(), 1, "{j:#?}");
    let m = msg(e[0]);
    assert!(m.contains("the QR code of `poster` (en) is"), "{m}");
    let (qr, block_w) = (num(m, "(en) is"), num(m, "number's block ("));
    let block_h = num(m, &format!("{block_w:.1} x"));
    assert!(qr > block_h && block_h > 10.0, "{m}");
    assert!(m.contains("the number and the call verb over it"), "{m}");
    assert_eq!(e[0]["file"], "designs/poster.toml");
    assert!(
        e[0]["hints"][0].as_str().unwrap().contains("at most"),
        "{:#?}",
        e[0]
    );
}

#[test]
fn a_slide_qr_larger_than_the_numbers_block_is_an_error() {
    let t = common::temp_project();
    // The code spans the text verb's row too, and its caption goes to the foot.
    let tv = t.path().join("designs/tv-slides.toml");
    common::edit(&tv, "padding = \"22px\"", "padding = \"0px\"");
    common::edit(
        &tv,
        "\"textverb text    caption\",",
        "\"textverb text    qr\",",
    );
    common::edit(
        &tv,
        "\".        .       .\",",
        "\".        .       caption\",",
    );
    common::edit(&tv, "0.3, \"4px\"]", "0.3, \"70px\"]");
    let (code, j) = check(t.path(), &["--design", "tv-slides", "--locale", "en"]);
    assert_eq!(code, 1, "{j:#?}");
    let e = of(&j, "qr-size");
    assert_eq!(e.len(), 1, "{j:#?}");
    assert!(msg(e[0]).contains("(en, page 4)"), "{}", msg(e[0]));
    assert!(msg(e[0]).contains(" px square"), "{}", msg(e[0]));
}

/// Every icon on a page: (id, where).
fn icons(s: &Scene, page: usize) -> Vec<(String, Rect)> {
    s.pages[page]
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Image { rect, image } if image.entry.kind == "icon" => {
                Some((image.id.clone(), *rect))
            }
            _ => None,
        })
        .collect()
}

/// The icon with `id` stands before the first line of the block of `slot`: on its
/// reading-start side, level with its first line and close to it.
fn assert_icon_before(s: &Scene, page: usize, slot: &str, id: &str, rtl: bool) {
    let b = s.pages[page]
        .blocks
        .iter()
        .find(|b| b.slot == slot)
        .unwrap_or_else(|| panic!("{} {}: no block `{slot}`", s.design, s.locale));
    let runs: Vec<_> = s.pages[page]
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Text(r) if b.rect.contains(&Rect::new(r.x, r.y - 0.1, r.width(), 0.1)) => Some(r),
            _ => None,
        })
        .collect();
    let base = runs.iter().map(|r| r.y).fold(f32::INFINITY, f32::min);
    let first: Vec<_> = runs.iter().filter(|r| (r.y - base).abs() < 0.01).collect();
    assert!(!first.is_empty(), "{} {} {slot}", s.design, s.locale);
    let left = first.iter().map(|r| r.x).fold(f32::INFINITY, f32::min);
    let right = first
        .iter()
        .map(|r| r.x + r.width())
        .fold(f32::NEG_INFINITY, f32::max);
    let found = icons(s, page);
    let (_, r) = found
        .iter()
        .find(|(i, _)| i == id)
        .unwrap_or_else(|| panic!("{} {}: no {id}: {found:?}", s.design, s.locale));
    let gap = if rtl { r.x - right } else { left - r.right() };
    assert!(
        gap >= 0.0 && gap < b.size,
        "{} {} {slot}: {id} at {r:?}, text {left}..{right}",
        s.design,
        s.locale
    );
    // Level with the first line: its middle between the baseline and the cap height.
    let mid = r.y + r.h / 2.0;
    assert!(
        mid < base && mid > base - b.size * 0.8,
        "{} {} {slot}: {r:?} baseline {base}",
        s.design,
        s.locale
    );
    assert!(r.h > b.size * 0.5 && r.h < b.size * 1.2, "{r:?} {}", b.size);
}

#[test]
fn every_design_has_a_call_icon_and_a_text_icon_beside_their_verbs_in_en_and_ar() {
    let p = common::project();
    // The call icon beside the call verb where the design has one, else the number.
    let designs = [
        ("poster", "call"),
        ("tv-slides", "call"),
        ("stall-sticker", "number"),
        ("window-cling", "number"),
        ("wallet-card", "number"),
    ];
    for (name, call) in designs {
        let d = p.design(name).unwrap();
        for (locale, rtl) in [("en", false), ("ar", true)] {
            let s = hotline_kit::layout::compile(&p, d, locale, &Default::default()).unwrap();
            for page in 0..s.pages.len() {
                assert_icon_before(&s, page, call, "icon-phone", rtl);
                assert_icon_before(&s, page, "textverb", "icon-message", rtl);
            }
        }
    }
}

#[test]
fn icons_are_drawn_in_the_texts_colour_and_pass_the_svg_safety_checks() {
    let p = common::project();
    for id in ["phone", "message"] {
        let icon = p.icons.get(id).unwrap_or_else(|| panic!("no icon {id}"));
        assert_eq!(icon.entry.license, "ISC");
        assert!(icon.entry.source.starts_with("npm:lucide-static@"));
        let white = icon
            .colored(hotline_kit::base::units::Color::WHITE)
            .unwrap();
        let navy = icon
            .colored(hotline_kit::base::units::Color::rgb(0x13, 0x29, 0x4b))
            .unwrap();
        assert_ne!(white.data, navy.data, "the colour is part of what is drawn");
        let published = String::from_utf8(navy.publish_bytes()).unwrap();
        assert!(
            published.to_ascii_lowercase().contains("#13294b"),
            "{published}"
        );
    }
    // A script in an icon file is refused when the project loads.
    let (res, _dir) = {
        let dir = tempfile::tempdir().unwrap();
        let rel = "designs/imagery/icons/phone.svg";
        let text = std::fs::read_to_string(common::root().join(rel)).unwrap();
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            &path,
            text.replace("</svg>", "<script>alert(1)</script></svg>"),
        )
        .unwrap();
        let assets = hotline_kit::base::assets::FsAssets::layered(vec![
            dir.path().to_path_buf(),
            common::root(),
        ]);
        (
            hotline_kit::load::project::Project::load(std::sync::Arc::new(assets)),
            dir,
        )
    };
    let err = res.err().expect("an icon with a script must not load");
    assert!(format!("{err:?}").contains("phone"), "{err:?}");
}

#[test]
fn the_text_verb_shows_hotline_tomls_keyword_in_every_locale() {
    let p = common::project();
    let keyword = p.hotline.sms.keyword.clone().unwrap();
    assert_eq!(keyword, "HELP");
    let d = p.design("poster").unwrap();
    for locale in p.catalogs.keys() {
        let s = hotline_kit::layout::compile(&p, d, locale, &Default::default()).unwrap();
        let b = s.pages[0]
            .blocks
            .iter()
            .find(|b| b.slot == "textverb")
            .unwrap();
        assert!(
            b.paragraphs.join(" ").contains(&keyword),
            "{locale}: {:?}",
            b.paragraphs
        );
    }
}

#[test]
fn a_text_verb_with_another_keyword_is_an_error() {
    let t = common::temp_project();
    common::edit(
        t.path().join("locales/en.ftl"),
        "text-label = Or text { $keyword } to",
        "text-label = Or text BEFREE to",
    );
    let (code, j) = check(t.path(), &["--design", "poster", "--locale", "en"]);
    assert_eq!(code, 1, "{j:#?}");
    let e = of(&j, "sms-keyword");
    assert_eq!(e.len(), 1, "{j:#?}");
    assert!(msg(e[0]).contains("shows \"BEFREE\""), "{}", msg(e[0]));
    assert!(
        msg(e[0]).contains("hotline.toml's keyword to text is \"HELP\""),
        "{}",
        msg(e[0])
    );
}

#[test]
fn an_sms_qr_code_carries_the_keyword_and_decodes_to_it() {
    let p = common::project();
    let payload = p
        .hotline
        .qr_payload(hotline_kit::load::hotline::QrKind::Sms);
    assert_eq!(payload, "sms:233733?body=HELP");
    let d = p.design("wallet-card").unwrap();
    let opts = hotline_kit::layout::Options {
        qr: Some(hotline_kit::load::hotline::QrKind::Sms),
        ..Default::default()
    };
    let s = hotline_kit::layout::compile(&p, d, "en", &opts).unwrap();
    let (w, h, rgba) = common::render_rgba(&s, 0, 4.0);
    assert_eq!(
        common::decode_qr_rgba(w, h, &rgba).as_deref(),
        Some("sms:233733?body=HELP")
    );
}
