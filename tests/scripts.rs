//! Script fixtures: Arabic (right to left, joined letters, the number in dialling
//! order) and Hindi (conjuncts, vowel signs), plus a character no font has.

mod common;

use hotline_kit::kit;
use hotline_kit::layout::text::{self, FontChain};
use hotline_kit::locale::Direction;
use hotline_kit::scene::{Item, Scene};
use hotline_kit::spec::FontRole;

/// The characters of all glyph runs on a page, left to right by position, keeping only
/// those in `keep`.
fn visual_chars(scene: &Scene, keep: impl Fn(char) -> bool) -> Vec<(f32, f32, char)> {
    let mut v = Vec::new();
    for it in &scene.pages[0].items {
        if let Item::Text(r) = it {
            let mut x = r.x;
            for g in &r.glyphs {
                for c in r.text[g.range.clone()].chars().filter(|c| keep(*c)) {
                    v.push((r.y, x, c));
                }
                x += g.advance * r.size;
            }
        }
    }
    v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    v
}

#[test]
fn arabic_number_reads_in_dialling_order_inside_a_sentence() {
    let p = common::project_with("scripts");
    let cat = p.catalog("ar").unwrap();
    let sentence = cat.get("call-sentence").unwrap();
    assert!(sentence.contains("1-888-373-7888"));
    let chain = p.chain(cat, FontRole::Regular);
    let para = text::shape(sentence, &p.fonts, &chain, Direction::Rtl, "ar").unwrap();
    let runs = para.line_runs(0..para.text.len());
    // Left to right on the line: the number's characters must read 1-888-373-7888.
    let mut seen = String::new();
    for (_, glyphs, t, _) in &runs {
        for g in glyphs {
            for c in t[g.range.clone()].chars() {
                if c.is_ascii_digit() || c == '-' {
                    seen.push(c);
                }
            }
        }
    }
    assert_eq!(seen, "1-888-373-7888");
    // The Arabic word after the number in logical order (الآن, "now") is drawn to its left.
    let first_run_text = &runs[0].2;
    assert!(
        first_run_text.contains("الآن"),
        "leftmost run is {first_run_text:?}"
    );
}

#[test]
fn arabic_letters_join_and_the_layout_mirrors() {
    let p = common::project_with("scripts");
    let cat = p.catalog("ar").unwrap();
    let chain = p.chain(cat, FontRole::Regular);
    // Joined: the glyph for ه in the middle of a word differs from the isolated one.
    let word = text::shape("هل", &p.fonts, &chain, Direction::Rtl, "ar").unwrap();
    let alone = text::shape("ه", &p.fonts, &chain, Direction::Rtl, "ar").unwrap();
    let id = |para: &text::Paragraph, c: char| {
        para.line_runs(0..para.text.len())
            .iter()
            .flat_map(|(_, gs, t, _)| {
                gs.iter()
                    .filter(|g| t[g.range.clone()].contains(c))
                    .map(|g| g.id)
                    .collect::<Vec<_>>()
            })
            .next()
            .unwrap()
    };
    assert_ne!(
        id(&word, 'ه'),
        id(&alone, 'ه'),
        "Arabic letters are not joined"
    );

    let s = kit::compile(&p, "stall-sticker", "ar").unwrap();
    assert_eq!(s.direction, Direction::Rtl);
    // The QR sits in the last column in English, so on the left in Arabic.
    let qr_x = |s: &Scene| {
        s.pages[0]
            .items
            .iter()
            .find_map(|i| {
                if let Item::Qr(q) = i {
                    Some(q.rect.x)
                } else {
                    None
                }
            })
            .unwrap()
    };
    let en = kit::compile(&p, "stall-sticker", "en").unwrap();
    assert!(
        qr_x(&s) < 117.0 && qr_x(&en) > 117.0,
        "ar {} en {}",
        qr_x(&s),
        qr_x(&en)
    );
    // The short code stays in order.
    let digits: String = visual_chars(&s, |c| c.is_ascii_digit())
        .iter()
        .map(|t| t.2)
        .collect();
    assert!(
        digits.contains("18883737888") && digits.contains("233733"),
        "{digits}"
    );

    let pdf = hotline_kit::export::pdf::export(&s).unwrap();
    let txt = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(txt.contains("1-888-373-7888"), "{txt}");
    let (w, h, rgba) = common::render_rgba(&s, 0, 2.0);
    common::compare_ref("stall-sticker-ar", w, h, &rgba, 40);
}

#[test]
fn hindi_forms_conjuncts_and_reorders_vowel_signs() {
    let p = common::project_with("scripts");
    let cat = p.catalog("hi").unwrap();
    let chain = p.chain(cat, FontRole::Regular);
    // क्या: क + virama + य + ा -> a half-form conjunct: fewer glyphs than characters.
    let para = text::shape("क्या", &p.fonts, &chain, Direction::Ltr, "hi").unwrap();
    let glyphs: usize = para
        .line_runs(0..para.text.len())
        .iter()
        .map(|r| r.1.len())
        .sum();
    assert!(glyphs < 4, "क्या shaped into {glyphs} glyphs: no conjunct");
    // कि: the i-matra is drawn before (left of) the consonant it follows in memory.
    let para = text::shape("कि", &p.fonts, &chain, Direction::Ltr, "hi").unwrap();
    let runs = para.line_runs(0..para.text.len());
    let order: Vec<&str> = runs[0]
        .1
        .iter()
        .map(|g| &runs[0].2[g.range.clone()])
        .collect();
    assert_eq!(runs[0].1.len(), 2);
    // Both glyphs belong to one cluster (कि), and the first drawn is not the bare क glyph.
    let ka = text::shape("क", &p.fonts, &chain, Direction::Ltr, "hi").unwrap();
    let ka_id = ka.line_runs(0..ka.text.len())[0].1[0].id;
    assert_ne!(
        runs[0].1[0].id, ka_id,
        "vowel sign i not reordered before क: {order:?}"
    );

    let s = kit::compile(&p, "stall-sticker", "hi").unwrap();
    let pdf = hotline_kit::export::pdf::export(&s).unwrap();
    let txt = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(txt.contains("1-888-373-7888"), "{txt}");
    let (w, h, rgba) = common::render_rgba(&s, 0, 2.0);
    common::compare_ref("stall-sticker-hi", w, h, &rgba, 40);
}

#[test]
fn a_character_without_a_glyph_is_an_error_naming_it() {
    let p = common::project_with("scripts");
    let err = kit::compile(&p, "stall-sticker", "zz").unwrap_err();
    let msg = format!("{:?}", err.0);
    assert!(msg.contains("U+1F9FF"), "{msg}");
    assert!(msg.contains("zz"), "{msg}");
    assert!(
        msg.contains("zz.ftl"),
        "error should point at the catalog: {msg}"
    );
}

#[test]
fn a_phone_number_is_never_broken_across_lines() {
    let p = common::project();
    let chain = FontChain(vec![p.fonts.id("latin", FontRole::Regular).unwrap()]);
    let para = text::shape(
        "Call 1-888-373-7888 now",
        &p.fonts,
        &chain,
        Direction::Ltr,
        "en",
    )
    .unwrap();
    let number_w = text::shape("1-888-373-7888", &p.fonts, &chain, Direction::Ltr, "en")
        .unwrap()
        .natural_width();
    // Room for the number but not for "Call 1-888-": breaks before the number, not inside it.
    let lines = para.break_lines(number_w + 0.01).unwrap();
    let texts: Vec<String> = lines
        .iter()
        .map(|r| {
            para.text[r.clone()]
                .chars()
                .filter(|c| !text::is_bidi_control(*c))
                .collect()
        })
        .collect();
    assert_eq!(texts, vec!["Call", "1-888-373-7888", "now"]);
    assert!(
        para.break_lines(number_w * 0.9).is_none(),
        "narrower than the number must fail, not split it"
    );
}
