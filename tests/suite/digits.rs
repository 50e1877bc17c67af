//! Native digits (`digits = "arabext"` in locales.toml): ordinary numbers written in a
//! catalog take the locale's digits when the catalog is resolved, while every hotline
//! placeable stays in ASCII digits and reads left to right in right-to-left lines; the
//! number checks still refuse a hotline number or look-alike typed in any digits.

use crate::common;

use hotline_kit::layout::text;
use hotline_kit::load::locale::Direction;
use hotline_kit::load::project::Project;
use hotline_kit::load::spec::FontRole;

use common::overlay::{load as overlay, original, set_message};

/// The fa catalog with `poster-intro = text`.
fn fa_intro(text: &str) -> (&'static str, String) {
    let rel = "locales/fa.ftl";
    (rel, set_message(&original(rel), "poster-intro", text))
}

/// A locales.toml with `line` added to locale `code`'s table.
fn with_setting(index: &str, code: &str, line: &str) -> String {
    let head = format!("[{code}]\n");
    assert!(index.contains(&head), "no [{code}]");
    index.replacen(&head, &format!("{head}{line}\n"), 1)
}

/// A message with ordinary numbers beside every hotline placeable.
const MIXED: &str = "در تمام 24 ساعت با { $phone } تماس بگیرید، به { $sms } پیامک بفرستید، TTY { $tty }، { $hours }، { $web }؛ بیش از 200 زبان، زیر { 18 } سال.";

/// What MIXED resolves to with the hotline's values and the given digits for 24, 200, 18.
fn expected(p: &Project, n24: &str, n200: &str, n18: &str) -> String {
    let v: std::collections::BTreeMap<&str, String> = p.hotline.variables().into_iter().collect();
    format!(
        "در تمام {n24} ساعت با {} تماس بگیرید، به {} پیامک بفرستید، TTY {}، {}، {}؛ بیش از {n200} زبان، زیر {n18} سال.",
        v["phone"], v["sms"], v["tty"], v["hours"], v["web"]
    )
}

#[test]
fn persian_digits_for_ordinary_numbers_and_ascii_for_every_placeable() {
    let edit = |rel| (rel, set_message(&original(rel), "poster-intro", MIXED));
    let (p, _d) = overlay(&[edit("locales/fa.ftl"), edit("locales/ar.ftl")]);
    let p = p.unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(
        p.catalog("fa").unwrap().info.digits,
        hotline_kit::base::digit_style::DigitStyle::Arabext,
        "locales.toml sets fa to Persian digits"
    );
    let fa = p.catalog("fa").unwrap().get("poster-intro").unwrap();
    assert_eq!(fa, expected(&p, "۲۴", "۲۰۰", "۱۸"));
    // The placeables' own values are untouched: ASCII, exactly as in hotline.toml.
    for (k, v) in p.hotline.variables() {
        if MIXED.contains(&format!("${k} ")) {
            assert!(fa.contains(&v), "fa lost ${k} = {v}: {fa}");
        }
    }
    // Arabic keeps the digits as typed unless locales.toml says otherwise.
    let ar = p.catalog("ar").unwrap().get("poster-intro").unwrap();
    assert_eq!(ar, expected(&p, "24", "200", "18"));
}

#[test]
fn every_digit_style_applies_only_to_the_catalog_text() {
    // Arabic-Indic set on ar: the same rule, other digits; a Persian digit typed in a
    // fa catalog is kept, an Arabic-Indic one becomes Persian.
    let index = "locales/locales.toml";
    let (ar, fa) = ("locales/ar.ftl", "locales/fa.ftl");
    let (p, _d) = overlay(&[
        (
            index,
            with_setting(&original(index), "ar", "digits = \"arab\""),
        ),
        (ar, set_message(&original(ar), "poster-intro", MIXED)),
        (
            fa,
            set_message(&original(fa), "poster-intro", "زیر ۱8 سال و ٤5 دقیقه"),
        ),
    ]);
    let p = p.unwrap_or_else(|d| panic!("{d:?}"));
    let ar = p.catalog("ar").unwrap().get("poster-intro").unwrap();
    assert_eq!(ar, expected(&p, "٢٤", "٢٠٠", "١٨"));
    let fa = p.catalog("fa").unwrap().get("poster-intro").unwrap();
    assert_eq!(fa, "زیر ۱۸ سال و ۴۵ دقیقه");
}

#[test]
fn the_phone_number_reads_in_dialling_order_beside_persian_digits() {
    let (p, _d) = overlay(&[fa_intro(MIXED)]);
    let p = p.unwrap_or_else(|d| panic!("{d:?}"));
    let cat = p.catalog("fa").unwrap();
    let msg = cat.get("poster-intro").unwrap();
    let chain = p.chain(cat, FontRole::Regular);
    let para = text::shape(msg, &p.fonts, &chain, Direction::Rtl, "fa").unwrap();
    // One line, read left to right as drawn.
    let drawn = drawn(&para);
    let phone = &p.hotline.phone.display;
    assert!(drawn.contains(phone.as_str()), "{drawn}");
    assert!(drawn.contains(p.hotline.sms.display.as_str()), "{drawn}");
    // The ASCII digits drawn are the placeables' digits, each number in its own order;
    // the Persian ones are the sentence's numbers, right to left by sentence order
    // (the last, 18, leftmost) and each left to right inside.
    let persian: String = drawn
        .chars()
        .filter(|c| ('\u{06F0}'..='\u{06F9}').contains(c))
        .collect();
    assert_eq!(persian, "۱۸۲۰۰۲۴", "{drawn}");
    assert!(!drawn.contains("24 ") && !drawn.contains("200"), "{drawn}");
}

#[test]
fn a_phone_number_printed_with_spaces_and_brackets_keeps_its_groups_in_order() {
    let hotline = "hotline.toml";
    let spaced = original(hotline).replacen(
        "display = \"1-888-373-7888\"",
        "display = \"1 (888) 373 7888\"",
        1,
    );
    assert_ne!(spaced, original(hotline));
    let (p, _d) = overlay(&[(hotline, spaced), fa_intro(MIXED)]);
    let p = p.unwrap_or_else(|d| panic!("{d:?}"));
    for code in ["fa", "ar"] {
        let cat = p.catalog(code).unwrap();
        let chain = p.chain(cat, FontRole::Regular);
        let msg = format!("با {} تماس بگیرید ۲۴", p.hotline.phone.display);
        let para = text::shape(&msg, &p.fonts, &chain, Direction::Rtl, code).unwrap();
        let drawn = drawn(&para);
        assert!(drawn.contains("1 (888) 373 7888"), "{code}: {drawn}");
    }
}

#[test]
fn a_fa_poster_prints_persian_digits_and_extracts_the_exact_ascii_number() {
    // Only channels the poster may show in Persian beside this line: the phone, and the
    // short code, whose languages the poster's text line states (TTY and the web address
    // would need a statement of their own: the channel-language rule).
    let intro = "در تمام 24 ساعت با { $phone } تماس بگیرید، به { $sms } پیامک بفرستید؛ بیش از 200 زبان، زیر { 18 } سال.";
    // The poster shows `confidential` (it has no intro line any more).
    let rel = "locales/fa.ftl";
    let (p, _d) = overlay(&[(rel, set_message(&original(rel), "confidential", intro))]);
    let p = p.unwrap_or_else(|d| panic!("{d:?}"));
    let s = hotline_kit::products::kit::compile(&p, "poster", "fa").unwrap();
    let pdf = hotline_kit::export::pdf::export(&s).unwrap();
    let text = common::pdftext::extract(&pdf);
    assert!(text.contains(p.hotline.phone.display.as_str()), "{text}");
    assert!(text.contains("۲۴") && text.contains("۲۰۰"), "{text}");
    // No ASCII digit in the extracted text is anything but a hotline fact's.
    let facts: Vec<String> = p.hotline.variables().into_iter().map(|v| v.1).collect();
    for run in text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
    {
        assert!(facts.iter().any(|f| f.contains(run)), "`{run}` in {text}");
    }
}

/// Load the project with fa's `poster-intro` set to `text`; the error messages.
fn refused(text: &str) -> String {
    let (p, _d) = overlay(&[fa_intro(text)]);
    match p {
        Ok(_) => panic!("fa poster-intro = {text:?} was accepted"),
        Err(d) => common::overlay::text(&d),
    }
}

#[test]
fn a_hotline_number_or_look_alike_in_persian_or_arabic_digits_is_refused() {
    for (typed, what) in [
        ("۱-۸۸۸-۳۷۳-۷۸۸۸", "types the hotline number"),
        ("٢٣٣٧٣٣", "types the hotline number"),
        ("۱-۸۸۸-۳۷۳-۷۷۸۸", "look-alike"),
        ("١ ٨٨٨ ٣٧٣ ٧٨٨٩", "look-alike"),
        ("۲۳۳۷۷۳", "look-alike"),
        // Typed in ASCII, it would be drawn in Persian digits: refused all the same.
        ("1-888-373-7788", "look-alike"),
    ] {
        let e = refused(&format!("با {typed} تماس بگیرید"));
        assert!(e.contains(what), "{typed}: {e}");
        assert!(
            e.contains("fa.ftl") && e.contains("poster-intro"),
            "{typed}: {e}"
        );
    }
    // A digit typed against a placeable joins its number, whatever digits it becomes.
    for text in ["{ $phone }8", "۱{ $phone }", "{ $sms }{ 3 }"] {
        let e = refused(text);
        assert!(e.contains("poster-intro"), "{text}: {e}");
    }
}

#[test]
fn digits_in_a_string_literal_are_flagged_where_they_would_not_convert() {
    let (p, _d) = overlay(&[fa_intro("در تمام { \"24\" } ساعت")]);
    let p = p.unwrap_or_else(|d| panic!("{d:?}"));
    let w: Vec<String> = p
        .warnings
        .0
        .iter()
        .map(|d| d.to_string())
        .filter(|d| d.contains("string literal"))
        .collect();
    assert_eq!(w.len(), 1, "{:?}", p.warnings);
    assert!(
        w[0].contains("poster-intro") && w[0].contains("fa"),
        "{w:?}"
    );
}

#[test]
fn the_last_check_before_export_reads_persian_digits_too() {
    let p = common::project();
    let design = p.design("wallet-card").unwrap();
    let opts = hotline_kit::layout::Options::default();
    let good = hotline_kit::products::kit::compile(&p, "wallet-card", "fa").unwrap();
    assert!(hotline_kit::checks::verify::scene(&p, design, &good, &opts).is_ok());
    for (typed, what) in [
        ("۱-۸۸۸-۳۷۳-۷۷۸۸", "look-alike of the hotline number"),
        ("۱-۸۸۸-۳۷۳-۷۸۸۸", "typed in another script's digits"),
        ("۵۵۵-۰۱۰۰", "which is not a hotline number"),
    ] {
        let mut bad = good.clone();
        let b = bad.pages[0]
            .blocks
            .iter_mut()
            .find(|b| !b.paragraphs.is_empty())
            .unwrap();
        b.paragraphs[0].push_str(&format!(" {typed}"));
        let e = hotline_kit::checks::verify::scene(&p, design, &bad, &opts).unwrap_err();
        let e = common::overlay::text(&e);
        assert!(e.contains(what) && e.contains(typed), "{typed}: {e}");
    }
}

/// The text of a shaped paragraph's one line, glyph by glyph as drawn (left to right).
fn drawn(para: &text::Paragraph) -> String {
    para.line_runs(0..para.text.len())
        .iter()
        .flat_map(|r| {
            r.glyphs
                .iter()
                .map(|g| r.text[g.range.clone()].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}
