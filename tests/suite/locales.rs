//! All sixteen locales: complete catalogs and review files, text that extracts from the
//! PDF in reading order, reference renders, and the locale commands.

use crate::common;

use hotline_kit::load::locale::Review;
use hotline_kit::products::kit;

const LOCALES: [&str; 16] = [
    "en", "es", "zh-Hans", "zh-Hant", "vi", "ko", "tl", "ar", "ru", "ht", "pt", "fr", "hi", "fa",
    "ja", "uk",
];

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_locale_has_every_message_with_a_review_record() {
    let p = common::project();
    let en = p.catalog("en").unwrap();
    assert_eq!(p.catalogs.len(), 16);
    for code in LOCALES {
        let c = p.catalog(code).unwrap_or_else(|d| panic!("{code}: {d}"));
        for id in en.messages.keys() {
            // Messages only the designs written in some languages show (the staff
            // pieces, in English and Spanish) are in those languages only.
            let shown_in_code = p
                .designs
                .values()
                .any(|d| d.written_in(code) && d.named_messages().contains(&id.as_str()));
            let anywhere = p
                .designs
                .values()
                .any(|d| d.named_messages().contains(&id.as_str()));
            if anywhere && !shown_in_code && !c.messages.contains_key(id) {
                continue;
            }
            assert!(c.messages.contains_key(id), "{code} lacks {id}");
            let r = c
                .review
                .get(id)
                .unwrap_or_else(|| panic!("{code}: no review record for {id}"));
            // Our own translations: nobody has checked them, so none may claim more.
            assert!(r.status <= Review::Draft, "{code} {id}: {:?}", r.status);
            if !c.info.source {
                assert!(
                    r.gloss.as_deref().is_some_and(|g| !g.trim().is_empty()),
                    "{code} {id}: no gloss"
                );
            }
        }
        let extra: Vec<&String> = c
            .messages
            .keys()
            .filter(|id| !en.messages.contains_key(*id))
            .collect();
        assert!(extra.is_empty(), "{code} has extra messages: {extra:?}");
        assert!(
            !hotline_kit::checks::coverage::check(&p, c).has_errors(),
            "{code}: missing glyphs"
        );
    }
}

#[test]
fn pdf_text_comes_back_in_reading_order_in_every_locale() {
    let p = common::project();
    for code in LOCALES {
        let s = kit::compile(&p, "poster", code).unwrap_or_else(|d| panic!("{code}: {d:?}"));
        let pdf = hotline_kit::export::pdf::export(&s).unwrap();
        let text = squash(&common::pdftext::extract(&pdf));
        let cat = p.catalog(code).unwrap();
        for id in ["poster-headline", "rf-leave-job", "call-label"] {
            let want = squash(cat.get(id).unwrap());
            assert!(
                text.contains(&want),
                "{code}: {id} {want:?} not in extracted text:\n{text}"
            );
        }
        assert!(text.contains("1-888-373-7888"), "{code}: {text}");
        // Every piece not reviewed by a translator says so on the page.
        assert!(
            text.contains("drafttranslation") || text.contains("textnotreviewed"),
            "{code}: {text}"
        );
    }
}

#[test]
fn wallet_card_matches_its_reference_in_every_locale() {
    let p = common::project();
    for code in LOCALES {
        let s = kit::compile(&p, "wallet-card", code).unwrap();
        let (w, h, rgba) = common::render_rgba(&s, 0, 1.5);
        common::compare_ref(&format!("locale-wallet-card-{code}"), w, h, &rgba, 40);
        let digits: String = s.pages[0]
            .blocks
            .iter()
            .flat_map(|b| b.paragraphs.iter())
            .flat_map(|t| t.chars())
            .collect();
        assert!(digits.contains("1-888-373-7888"), "{code}");
    }
}
