//! Two languages on one piece (`en+es`, `en+ar`): the on-request bilingual stall
//! sticker and wallet card build, both languages read back from the PDF in order, the
//! number and the QR code once, Arabic shaped and right to left inside its own blocks,
//! file names and manifest entries name both locales, the review and the content hash
//! cover both catalogs, and a design without `[bilingual]` says how to fix it.

use crate::common;

use hotline_kit::products::kit::{self, Format, Selection};
use hotline_kit::products::piece;
use hotline_kit::scene::{Item, Scene};

fn build(designs: &[&str], locales: &[&str]) -> Vec<kit::OutFile> {
    let p = common::project();
    let sel = Selection {
        designs: designs.iter().map(|s| s.to_string()).collect(),
        locales: locales.iter().map(|s| s.to_string()).collect(),
        formats: vec![Format::Pdf, Format::Png],
        partial: true,
        ..Default::default()
    };
    let (files, _) = kit::make(&p, &sel, &|_| {}).unwrap_or_else(|d| panic!("{d:?}"));
    files
}

fn message(code: &str, id: &str) -> String {
    let p = common::project();
    p.catalog(code).unwrap().messages[id].clone()
}

/// The first `n` characters of a message, for finding it in extracted text (lines wrap).
fn head(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn en_es_sticker_and_card_build_with_both_locales_in_names_and_manifest() {
    let files = build(&["stall-sticker", "wallet-card"], &["en+es"]);
    let paths: Vec<&str> = files.iter().map(|f| f.entry.path.as_str()).collect();
    for want in [
        "stall-sticker/en+es/stall-sticker-en+es.pdf",
        "stall-sticker/en+es/stall-sticker-en+es.png",
        "wallet-card/en+es/wallet-card-en+es.pdf",
        "wallet-card/en+es/wallet-card-en+es-1.png",
        "wallet-card/en+es/wallet-card-en+es-2.png",
    ] {
        assert!(paths.contains(&want), "{want} not in {paths:?}");
    }
    for f in &files {
        assert_eq!(f.entry.locale, "en+es", "{}", f.entry.path);
        assert_eq!(f.entry.locales, ["en", "es"], "{}", f.entry.path);
        assert_eq!(f.entry.qr, "tel:+18883737888");
    }
}

#[test]
fn both_languages_read_back_from_the_pdf_in_order_with_the_number_once() {
    let files = build(&["stall-sticker"], &["en+es"]);
    let pdf = files
        .iter()
        .find(|f| f.entry.path.ends_with(".pdf"))
        .unwrap();
    let text = flat(&common::pdftext::extract(&pdf.bytes));
    let en = head(&message("en", "rf-work-or-sex"), 4);
    let es = head(&message("es", "rf-work-or-sex"), 4);
    let (Some(a), Some(b)) = (text.find(&en), text.find(&es)) else {
        panic!("question in both languages expected in: {text}")
    };
    assert!(a < b, "English before Spanish: {text}");
    let safety_en = head(&message("en", "safety-line"), 4);
    let safety_es = head(&message("es", "safety-line"), 4);
    let (Some(c), Some(d)) = (text.find(&safety_en), text.find(&safety_es)) else {
        panic!("safety line in both languages expected in: {text}")
    };
    assert!(c < d, "{text}");
    assert_eq!(text.matches("1-888-373-7888").count(), 1, "{text}");
    assert_eq!(text.matches("233733").count(), 1, "{text}");
}

#[test]
fn every_bilingual_png_has_one_qr_code_that_decodes() {
    let files = build(&["stall-sticker", "wallet-card"], &["en+es", "en+ar"]);
    let pngs: Vec<_> = files
        .iter()
        .filter(|f| f.entry.path.ends_with(".png"))
        .collect();
    assert_eq!(pngs.len(), 6);
    for f in pngs {
        let (w, h, rgba) = common::decode_png(&f.bytes);
        assert_eq!(
            common::decode_qr_rgba(w, h, &rgba).as_deref(),
            Some("tel:+18883737888"),
            "{}",
            f.entry.path
        );
    }
}

fn scene(design: &str, locale: &str) -> Scene {
    piece::compile(&common::project(), design, locale).unwrap_or_else(|d| panic!("{d:?}"))
}

#[test]
fn en_ar_piece_has_arabic_shaped_right_to_left_in_its_own_blocks() {
    for design in ["stall-sticker", "wallet-card"] {
        let s = scene(design, "en+ar");
        assert_eq!(
            s.languages
                .iter()
                .map(|l| l.locale.as_str())
                .collect::<Vec<_>>(),
            ["en", "ar"]
        );
        let page = s.pages.last().unwrap();
        // The grid reads in English: the QR code stays at the right.
        let qr = page
            .items
            .iter()
            .find_map(|i| {
                if let Item::Qr(q) = i {
                    Some(q.rect)
                } else {
                    None
                }
            })
            .unwrap();
        assert!(qr.x > page.trim.x + page.trim.w / 2.0, "{design}");
        let q1 = page.blocks.iter().find(|b| b.slot == "question").unwrap();
        let q2 = page.blocks.iter().find(|b| b.slot == "question@2").unwrap();
        assert_eq!(s.block_locale(q2), "ar");
        assert_eq!(q2.paragraphs[0], message("ar", question_id(design)));
        // English starts at the left edge, Arabic at the right edge of the same column.
        let (i1, i2) = (q1.ink.unwrap(), q2.ink.unwrap());
        assert!(
            (i1.x - q1.rect.x).abs() < 2.0,
            "{design}: {i1:?} {:?}",
            q1.rect
        );
        assert!(
            (q2.rect.right() - i2.right()).abs() < 2.0,
            "{design}: Arabic ends at the right: {i2:?} {:?}",
            q2.rect
        );
        assert!(i1.y < i2.y, "{design}: English above Arabic");
        // Shaped: right-to-left runs, whose letters take their joining forms (the same
        // letter, lam, drawn with different glyphs at the start, middle and end of words).
        let runs: Vec<_> = page
            .items
            .iter()
            .filter_map(|i| if let Item::Text(r) = i { Some(r) } else { None })
            .filter(|r| {
                r.text
                    .chars()
                    .any(|c| ('\u{0600}'..='\u{06ff}').contains(&c))
            })
            .collect();
        assert!(!runs.is_empty(), "{design}");
        assert!(runs.iter().all(|r| r.rtl), "{design}");
        let mut lam: Vec<u16> = runs
            .iter()
            .flat_map(|r| {
                r.glyphs
                    .iter()
                    .filter(|g| &r.text[g.range.clone()] == "\u{0644}")
                    .map(|g| g.id)
            })
            .collect();
        lam.sort();
        lam.dedup();
        assert!(lam.len() >= 2, "{design}: lam in one form only: {lam:?}");
    }
}

fn question_id(design: &str) -> &'static str {
    match design {
        "stall-sticker" => "rf-work-or-sex",
        _ => "rf-come-go",
    }
}

#[test]
fn arabic_half_gets_the_limited_text_wording_english_half_the_plain_one() {
    // Texts are answered in English and Spanish only: the Arabic half says so.
    let s = scene("stall-sticker", "en+ar");
    let page = &s.pages[0];
    let verb = |slot: &str| {
        page.blocks
            .iter()
            .find(|b| b.slot == slot)
            .map(|b| b.paragraphs.join(" "))
            .unwrap()
    };
    assert_eq!(verb("textverb"), message("en", "text-label"));
    assert_eq!(verb("textverb@2"), message("ar", "text-label-limited"));
    assert!(
        s.languages[1]
            .messages
            .contains(&"text-label-limited".to_string())
    );
}

#[test]
fn a_design_without_bilingual_is_a_clear_error() {
    let err = piece::compile(&common::project(), "poster", "en+es").unwrap_err();
    let text = format!("{err:?}");
    assert!(
        text.contains("design `poster` has no [bilingual] table"),
        "{text}"
    );
    assert!(text.contains("designs/poster.toml"), "{text}");
}

/// `locales/review/es.toml` with every message translator-reviewed (with the hash of
/// the text reviewed) except `except`.
fn es_reviewed(except: &str) -> impl Fn(&str) -> String {
    let es = common::project().catalog("es").unwrap().messages.clone();
    let except = except.to_string();
    move |t: &str| {
        let mut out = String::new();
        let mut id = String::new();
        for line in t.lines() {
            if let Some(h) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                id = h.to_string();
            }
            if line.trim() == "status = \"draft\"" && id != except && es.contains_key(&id) {
                out.push_str("status = \"translator-reviewed\"\n");
                out.push_str(&format!(
                    "hash = \"{}\"\n",
                    hotline_kit::load::locale::text_hash(&es[&id])
                ));
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }
}

#[test]
fn the_draft_reason_covers_the_second_languages_review() {
    let (p, _dir) = common::project_with_edit("locales/review/es.toml", es_reviewed(""));
    let s = piece::compile(&p, "stall-sticker", "en+es").unwrap();
    let draft = s.draft.clone().unwrap();
    assert!(!draft.contains("(es)"), "Spanish all reviewed: {draft}");
    let (p, _dir) =
        common::project_with_edit("locales/review/es.toml", es_reviewed("rf-work-or-sex"));
    let s = piece::compile(&p, "stall-sticker", "en+es").unwrap();
    let draft = s.draft.clone().unwrap();
    assert!(draft.contains("draft translation (es)"), "{draft}");
}

#[test]
fn the_content_hash_covers_the_second_catalog() {
    let a = scene("stall-sticker", "en+es");
    assert!(a.inputs.0.contains_key("message rf-work-or-sex"));
    assert!(a.inputs.0.contains_key("message rf-work-or-sex (es)"));
    // The same words in the second language, changed: another hash, naming the input.
    let (p, _dir) = common::project_with_edit("locales/review/es.toml", |t| t.to_string());
    let same = piece::compile(&p, "stall-sticker", "en+es").unwrap();
    assert_eq!(same.hash, a.hash);
    let (p, _dir) = common::project_with_edit("locales/es.ftl", |t| {
        t.replace(
            "safety-line = Puede borrar",
            "safety-line = Usted puede borrar",
        )
    });
    let b = piece::compile(&p, "stall-sticker", "en+es").unwrap();
    assert_ne!(a.hash, b.hash);
    assert_ne!(
        a.inputs.0["message safety-line (es)"],
        b.inputs.0["message safety-line (es)"]
    );
    assert_eq!(
        a.inputs.0["message safety-line"],
        b.inputs.0["message safety-line"]
    );
}

fn load_with(design: &str, edit: impl Fn(&str) -> String) -> String {
    let rel = format!("designs/{design}.toml");
    let text = edit(&common::overlay::original(&rel));
    let (r, _dir) = common::overlay::load(&[(rel.as_str(), text)]);
    match r {
        Ok(p) => match piece::compile(&p, design, "en+es") {
            Ok(_) => String::new(),
            Err(d) => common::overlay::text(&d),
        },
        Err(d) => common::overlay::text(&d),
    }
}

/// The `[bilingual]` part of a design file, edited.
fn bilingual_edit(t: &str, from: &str, to: &str) -> String {
    let i = t.find("[bilingual]").unwrap();
    assert!(t[i..].contains(from), "{from}");
    format!("{}{}", &t[..i], t[i..].replacen(from, to, 1))
}

#[test]
fn the_number_and_the_qr_code_are_placed_once() {
    let e = load_with("stall-sticker", |t| {
        bilingual_edit(t, "\"number     qr\"", "\"number@2   qr\"")
    });
    assert!(e.contains("area `number@2`"), "{e}");
    assert!(e.contains("appears once"), "{e}");
}

#[test]
fn the_first_language_reads_first() {
    let e = load_with("stall-sticker", |t| {
        let t = bilingual_edit(t, "\"question   question\"", "\"questionX   questionX\"");
        let t = bilingual_edit(&t, "\"question@2 question@2\"", "\"question   question\"");
        bilingual_edit(&t, "\"questionX   questionX\"", "\"question@2 question@2\"")
    });
    assert!(e.contains("slot `question` reads in es before en"), "{e}");
}

#[test]
fn the_two_languages_must_look_different() {
    let e = load_with("stall-sticker", |t| {
        bilingual_edit(
            t,
            "[bilingual.slot.\"question@2\"]\nfont = \"regular\"\nsize = [\"12pt\", \"13pt\"]\ncolor = { rgb = \"#3a4a68\", cmyk = [75, 55, 20, 35] }\n",
            "",
        )
    });
    assert!(
        e.contains("slot `question` looks the same in both languages"),
        "{e}"
    );
}

#[test]
fn every_slot_is_placed_in_the_bilingual_grid() {
    let e = load_with("stall-sticker", |t| {
        bilingual_edit(t, "\"safety     safety\"", "\"safety@2   safety@2\"")
    });
    assert!(
        e.contains("[bilingual] does not place slot `safety`"),
        "{e}"
    );
}

#[test]
fn english_then_arabic_read_back_from_the_pdf_in_reading_order() {
    let files = build(&["stall-sticker"], &["en+ar"]);
    let pdf = files
        .iter()
        .find(|f| f.entry.path == "stall-sticker/en+ar/stall-sticker-en+ar.pdf")
        .unwrap();
    let text = flat(&common::pdftext::extract(&pdf.bytes));
    let en = head(&message("en", "rf-work-or-sex"), 4);
    // The first Arabic words, as read (right to left), not as drawn.
    let ar = head(&message("ar", "rf-work-or-sex"), 3);
    let (Some(a), Some(b)) = (text.find(&en), text.find(&ar)) else {
        panic!("{en:?} and {ar:?} expected in: {text}")
    };
    assert!(a < b, "English before Arabic: {text}");
    assert_eq!(text.matches("1-888-373-7888").count(), 1, "{text}");
}
