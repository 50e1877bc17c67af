//! Scripts: Arabic and Persian (right to left, joined letters, the number in dialling
//! order), Hindi (conjuncts, vowel signs), CJK faces, Korean line breaking, and a
//! character no font has.

use crate::common;

use hotline_kit::layout::text::{self, Paragraph};
use hotline_kit::load::fonts::FontChain;
use hotline_kit::load::locale::Direction;
use hotline_kit::load::spec::FontRole;
use hotline_kit::products::kit;
use hotline_kit::scene::{Item, Scene};

/// Characters of all glyph runs on page 1 in visual order (top to bottom, left to right).
fn visual_chars(scene: &Scene, keep: impl Fn(char) -> bool) -> String {
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
    v.into_iter().map(|t| t.2).collect()
}

fn line_chars(para: &Paragraph) -> Vec<(u16, String)> {
    para.line_runs(0..para.text.len())
        .iter()
        .flat_map(|r| {
            r.glyphs
                .iter()
                .map(|g| (g.id, r.text[g.range.clone()].to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn number_reads_in_dialling_order_inside_arabic_and_persian_sentences() {
    let p = common::project();
    // "Call 1-888-373-7888 now." The number follows right-to-left letters in memory.
    for (code, sentence) in [
        ("ar", "اتصل على 1-888-373-7888 الآن."),
        ("fa", "همین حالا با 1-888-373-7888 تماس بگیرید."),
    ] {
        let cat = p.catalog(code).unwrap();
        let chain = p.chain(cat, FontRole::Regular);
        let para = text::shape(sentence, &p.fonts, &chain, Direction::Rtl, code).unwrap();
        let seen: String = line_chars(&para)
            .into_iter()
            .map(|t| t.1)
            .collect::<String>()
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '-')
            .collect();
        assert_eq!(seen, "1-888-373-7888", "{code}");
        // The sentence's final full stop is at the far left (the end of an RTL line).
        assert_eq!(line_chars(&para).first().unwrap().1, ".", "{code}");
    }
    // And in every piece of both locales, read from the display list.
    for code in ["ar", "fa"] {
        for d in ["stall-sticker", "wallet-card", "poster", "window-cling"] {
            let s = kit::compile(&p, d, code).unwrap();
            let digits = visual_chars(&s, |c| c.is_ascii_digit());
            assert!(digits.contains("18883737888"), "{d} {code}: {digits}");
            assert!(digits.contains("233733"), "{d} {code}: {digits}");
        }
    }
}

#[test]
fn arabic_letters_join_and_the_layout_mirrors() {
    let p = common::project();
    let cat = p.catalog("ar").unwrap();
    let chain = p.chain(cat, FontRole::Regular);
    let glyph_of = |t: &str, c: char| {
        let para = text::shape(t, &p.fonts, &chain, Direction::Rtl, "ar").unwrap();
        line_chars(&para)
            .into_iter()
            .find(|(_, s)| s.contains(c))
            .unwrap()
            .0
    };
    assert_ne!(
        glyph_of("هل", 'ه'),
        glyph_of("ه", 'ه'),
        "Arabic letters are not joined"
    );

    let s = kit::compile(&p, "stall-sticker", "ar").unwrap();
    assert_eq!(s.direction, Direction::Rtl);
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
    // The QR sits in the last column: right in English, left in Arabic.
    assert!(
        qr_x(&s) < 117.0 && qr_x(&en) > 117.0,
        "ar {} en {}",
        qr_x(&s),
        qr_x(&en)
    );
    let (w, h, rgba) = common::render_rgba(&s, 0, 2.0);
    common::compare_ref("stall-sticker-ar", w, h, &rgba, 40);
}

#[test]
fn hindi_forms_conjuncts_and_reorders_vowel_signs() {
    let p = common::project();
    let cat = p.catalog("hi").unwrap();
    let chain = p.chain(cat, FontRole::Regular);
    let shape = |t: &str| text::shape(t, &p.fonts, &chain, Direction::Ltr, "hi").unwrap();
    // क्या = क + virama + य + ा: the half form of क joins य, so fewer glyphs than characters.
    assert!(line_chars(&shape("क्या")).len() < 4, "no conjunct in क्या");
    // कि: the i vowel sign follows क in memory but is drawn first (on the left).
    let ki = line_chars(&shape("कि"));
    let ka = line_chars(&shape("क"))[0].0;
    assert_eq!(ki.len(), 2);
    assert_ne!(ki[0].0, ka, "vowel sign i not reordered before क");
    assert_eq!(ki[1].0, ka);

    let s = kit::compile(&p, "stall-sticker", "hi").unwrap();
    let (w, h, rgba) = common::render_rgba(&s, 0, 2.0);
    common::compare_ref("stall-sticker-hi", w, h, &rgba, 40);
}

#[test]
fn each_cjk_language_uses_its_own_face_only() {
    let p = common::project();
    for (code, family) in [
        ("zh-Hans", "sc"),
        ("zh-Hant", "tc"),
        ("ja", "jp"),
        ("ko", "kr"),
    ] {
        let own = [
            p.fonts.id(family, FontRole::Regular).unwrap(),
            p.fonts.id(family, FontRole::Bold).unwrap(),
        ];
        let latin = [
            p.fonts.id("latin", FontRole::Regular).unwrap(),
            p.fonts.id("latin", FontRole::Bold).unwrap(),
        ];
        let s = kit::compile(&p, "poster", code).unwrap();
        for it in &s.pages[0].items {
            if let Item::Text(r) = it {
                // The English draft mark is the only Latin-face text on the page.
                assert!(
                    own.contains(&r.font) || (latin.contains(&r.font) && r.text.contains("DRAFT")),
                    "{code}: {:?} in {}",
                    r.text,
                    p.fonts.describe(r.font)
                );
            }
        }
    }
}

#[test]
fn korean_breaks_lines_between_words_not_syllables() {
    let p = common::project();
    let cat = p.catalog("ko").unwrap();
    let chain = p.chain(cat, FontRole::Regular);
    let para = text::shape(
        "떠나지 못하고 있습니까?",
        &p.fonts,
        &chain,
        Direction::Ltr,
        "ko",
    )
    .unwrap();
    let lines = para.break_lines(4.5).unwrap();
    for l in &lines {
        let t = &para.text[l.clone()];
        assert!(
            ["떠나지", "못하고", "있습니까?"]
                .iter()
                .any(|w| t.trim().starts_with(w)),
            "line starts mid-word: {t:?}"
        );
    }
    // Chinese may break between ideographs, but never before closing punctuation.
    let cat = p.catalog("zh-Hans").unwrap();
    let chain = p.chain(cat, FontRole::Regular);
    let para = text::shape(
        "您可以离开这份工作吗？",
        &p.fonts,
        &chain,
        Direction::Ltr,
        "zh-Hans",
    )
    .unwrap();
    for max in [2.0, 3.0, 4.0, 5.0] {
        for l in para.break_lines(max).unwrap() {
            assert!(
                !para.text[l].starts_with('？'),
                "line starts with closing punctuation"
            );
        }
    }
}

#[test]
fn a_character_without_a_glyph_is_an_error_naming_it() {
    // U+1F9FF NAZAR AMULET is in no bundled font.
    let (p, _dir) = common::project_with_edit("locales/es.ftl", |t| {
        t.lines()
            .map(|l| {
                if l.starts_with("rf-work-or-sex =") {
                    "rf-work-or-sex = ¿Puede irse cuando quiere? 🧿"
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    let err = kit::compile(&p, "stall-sticker", "es").unwrap_err();
    let msg = format!("{:?}", err.0);
    assert!(msg.contains("U+1F9FF") && msg.contains("`es`"), "{msg}");
    assert!(
        msg.contains("es.ftl"),
        "error should point at the catalog: {msg}"
    );
    let cov = hotline_kit::checks::coverage::check(&p, p.catalog("es").unwrap());
    let msg = format!("{:?}", cov.0);
    assert!(
        cov.has_errors() && msg.contains("rf-work-or-sex") && msg.contains("U+1F9FF"),
        "{msg}"
    );
}

#[test]
fn a_phone_number_is_never_broken_across_lines() {
    let p = common::project();
    let chain = FontChain::one(p.fonts.id("latin", FontRole::Regular).unwrap());
    let shape = |t: &str| text::shape(t, &p.fonts, &chain, Direction::Ltr, "en").unwrap();
    let para = shape("Call 1-888-373-7888 now");
    let number_w = shape("1-888-373-7888").natural_width();
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
