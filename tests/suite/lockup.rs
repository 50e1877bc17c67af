//! The contact lockup and reading distance: the text line as strong as the number, every
//! QR code captioned with the verb of what it does, cap heights for the distance each
//! piece is read from, and the two-sided wallet card.

use crate::common;

use hotline_kit::scene::{Item, Scene};

use common::{check_json as check, msg, of};

#[test]
fn the_default_kit_meets_every_lockup_rule_in_every_locale() {
    let t = common::temp_project_all_fonts();
    let (code, j) = check(t.path(), &["--locale", "all"]);
    assert_eq!(code, 0, "{j:#?}");
    for c in [
        "lockup-text-size",
        "lockup-text-bold",
        "lockup-number-leads",
        "qr-caption",
        "viewing-distance",
    ] {
        assert!(of(&j, c).is_empty(), "{c}: {j:#?}");
    }
}

#[test]
fn a_text_line_under_0_7_of_the_number_is_an_error_with_both_sizes() {
    let t = common::temp_project();
    // The text line of the poster as it was: 14-22 pt beside a 60 pt number.
    common::edit(
        t.path().join("designs/poster.toml"),
        "size = [\"42pt\", \"44pt\"]",
        "size = [\"14pt\", \"22pt\"]",
    );
    common::edit(
        t.path().join("designs/poster.toml"),
        "viewing_distance = \"2m\"",
        "viewing_distance = \"0.5m\"",
    );
    let (code, j) = check(t.path(), &["--design", "poster"]);
    assert_eq!(code, 1, "{j:#?}");
    let e = of(&j, "lockup-text-size");
    assert_eq!(e.len(), 2, "en and es: {j:#?}");
    assert!(
        msg(e[0]).contains("slot `text` of `poster`"),
        "{}",
        msg(e[0])
    );
    assert!(msg(e[0]).contains("22.0pt"), "{}", msg(e[0]));
    // "set at 22.0pt, 0.42 of the phone number's 51.8pt": the ratio is the sizes'.
    let m = msg(e[0]);
    let num = |after: &str| -> f32 {
        m.split(after)
            .nth(1)
            .unwrap()
            .trim_start()
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let (ratio, number) = (num("22.0pt,"), num("phone number's"));
    assert!((ratio - 22.0 / number).abs() < 0.01 && ratio < 0.7, "{m}");
    assert_eq!(e[0]["file"], "designs/poster.toml");
}

#[test]
fn a_text_line_larger_than_the_number_is_an_error() {
    let t = common::temp_project();
    // The number held to 40 pt, under the short code's 42-44 pt.
    common::edit(
        t.path().join("designs/poster.toml"),
        "size = [\"44pt\", \"60pt\"]",
        "size = [\"40pt\", \"40pt\"]",
    );
    let (code, j) = check(t.path(), &["--design", "poster"]);
    assert_eq!(code, 1, "{j:#?}");
    let e = of(&j, "lockup-number-leads");
    assert_eq!(e.len(), 2, "{j:#?}");
    assert!(
        msg(e[0]).contains("is set at 44.0pt, larger than the phone number's 40.0pt"),
        "{}",
        msg(e[0])
    );
}

#[test]
fn a_text_line_in_regular_weight_is_an_error() {
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/window-cling.toml"),
        "hotline = \"sms\"\nfont = \"bold\"",
        "hotline = \"sms\"",
    );
    let (code, j) = check(t.path(), &["--design", "window-cling"]);
    assert_eq!(code, 1, "{j:#?}");
    let e = of(&j, "lockup-text-bold");
    assert_eq!(e.len(), 2, "{j:#?}");
    assert!(msg(e[0]).contains("regular weight"), "{}", msg(e[0]));
    // The text line kept in bold but shown in a message slot is held to it too.
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/stall-sticker.toml"),
        "hotline = \"sms\"\nfont = \"bold\"",
        "text = \"text-short\"",
    );
    let (code, j) = check(t.path(), &["--design", "stall-sticker", "--locale", "en"]);
    assert_eq!(code, 1, "{j:#?}");
    assert_eq!(of(&j, "lockup-text-bold").len(), 1, "{j:#?}");
}

#[test]
fn a_qr_code_without_its_caption_is_an_error_naming_the_text_beside_it() {
    let t = common::temp_project();
    let poster = t.path().join("designs/poster.toml");
    // The poster as it was: the QR code beside the chat line, no caption.
    common::edit(
        &poster,
        "[slot.caption]\nqr_caption = true",
        "[slot.caption]\ntext = \"call-label\"",
    );
    let (code, j) = check(t.path(), &["--design", "poster"]);
    assert_eq!(code, 1, "{j:#?}");
    let e = of(&j, "qr-caption");
    assert_eq!(e.len(), 2, "{j:#?}");
    assert!(
        msg(e[0]).contains("opens a phone call (tel:) and it has no caption"),
        "{}",
        msg(e[0])
    );
    assert!(msg(e[0]).contains("\"Scan to call\""), "{}", msg(e[0]));
    assert!(
        msg(e[0]).contains("the nearest text is slot `caption`: \"Call free, any time\""),
        "{}",
        msg(e[0])
    );
}

#[test]
fn a_caption_far_from_its_qr_code_is_an_error_with_the_distance() {
    let t = common::temp_project();
    let poster = t.path().join("designs/poster.toml");
    // The caption moved to a row of its own at the foot of the poster.
    common::edit(&poster, "\"call     caption\",", "\"call     call\",");
    common::edit(&poster, "0.3, 0.55]", "0.3, 0.55, \"0.4in\"]");
    common::edit(
        &poster,
        "# only when kit.toml lists local resources\n",
        "# only when kit.toml lists local resources\n  \"caption  caption\",\n",
    );
    let (code, j) = check(t.path(), &["--design", "poster"]);
    assert_eq!(code, 1, "{j:#?}");
    let e = of(&j, "qr-caption");
    assert_eq!(e.len(), 2, "{j:#?}");
    let m = msg(e[0]);
    assert!(m.contains("its caption is") && m.contains("mm away"), "{m}");
    let away: f32 = m
        .split("its caption is ")
        .nth(1)
        .and_then(|r| r.split(" mm").next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(away > 50.0, "{m}");
}

#[test]
fn a_caption_whose_verb_does_not_match_the_qr_code_is_an_error() {
    let t = common::temp_project();
    // A fixed "Scan to text" beside a QR code that dials.
    common::edit(
        t.path().join("designs/stall-sticker.toml"),
        "[slot.caption]\nqr_caption = true",
        "[slot.caption]\ntext = \"scan-to-text\"",
    );
    let (code, j) = check(t.path(), &["--design", "stall-sticker"]);
    assert_eq!(code, 1, "{j:#?}");
    let e = of(&j, "qr-caption");
    assert!(
        e.iter()
            .any(|d| msg(d).contains("says \"Scan to text\", but the QR code opens a phone call")),
        "{j:#?}"
    );
    assert!(
        e.iter().any(|d| msg(d).contains("has no caption")),
        "{j:#?}"
    );
}

#[test]
fn the_caption_follows_what_the_qr_code_does() {
    for (qr, caption) in [
        ("tel", "Scan to call"),
        ("sms", "Scan to text"),
        ("web", "Scan to open the website"),
    ] {
        let (p, _dir) = common::project_with_edit("designs/wallet-card.toml", |s| {
            s.replace("qr = \"tel\"", &format!("qr = \"{qr}\""))
        });
        let d = p.design("wallet-card").unwrap();
        let s = hotline_kit::layout::compile(&p, d, "en", &hotline_kit::layout::Options::default())
            .unwrap();
        let b = s.pages[0]
            .blocks
            .iter()
            .find(|b| b.slot == "caption")
            .unwrap();
        assert_eq!(b.paragraphs, vec![caption.to_string()], "{qr}");
        let lockup = hotline_kit::checks::lockup::piece(&p, d, &s);
        assert!(
            lockup.0.iter().all(|d| d.code != Some("qr-caption")),
            "{qr}: {lockup:?}"
        );
    }
}

#[test]
fn a_line_too_small_for_its_viewing_distance_reports_the_measured_cap_height() {
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/poster.toml"),
        "viewing_distance = \"2m\"",
        "viewing_distance = \"3m\"",
    );
    let (code, j) = check(t.path(), &["--design", "poster"]);
    assert_eq!(code, 1, "{j:#?}");
    let e = of(&j, "viewing-distance");
    // The number, the short code and the question, in English and Spanish.
    for slot in ["number", "text", "headline"] {
        assert_eq!(
            e.iter()
                .filter(|d| msg(d).starts_with(&format!("slot `{slot}`")))
                .count(),
            2,
            "{slot}: {j:#?}"
        );
    }
    let m = msg(e[0]);
    assert!(m.contains("read from 3.0 m"), "{m}");
    assert!(m.contains("needs 15.0 mm"), "{m}");
    // Noto Sans: cap height 714/1000 em; 46 pt is 16.2 mm, its cap 11.6 mm.
    let head = e
        .iter()
        .find(|d| msg(d).starts_with("slot `headline`"))
        .unwrap();
    assert!(
        msg(head).contains("cap height is 11.6 mm (46.0pt type)"),
        "{}",
        msg(head)
    );
}

#[test]
fn the_tv_text_line_as_it_was_fails_at_4_m_on_a_32_inch_screen() {
    let t = common::temp_project();
    let tv = t.path().join("designs/tv-slides.toml");
    // "Or text 233733" at 54 px regular, as before.
    common::edit(
        &tv,
        "hotline = \"sms\"\nfont = \"bold\"\nsize = [\"84px\", \"96px\"]",
        "text = \"text-line\"\nsize = [\"48px\", \"54px\"]",
    );
    let (code, j) = check(t.path(), &["--design", "tv-slides", "--locale", "en"]);
    assert_eq!(code, 1, "{j:#?}");
    let e = of(&j, "viewing-distance");
    assert_eq!(e.len(), 4, "one per slide: {j:#?}");
    let m = msg(e[0]);
    assert!(
        m.starts_with("slot `text`") && m.contains("on a 32 in screen"),
        "{m}"
    );
    assert!(m.contains("needs 20.0 mm"), "{m}");
    assert_eq!(of(&j, "lockup-text-bold").len(), 4, "{j:#?}");
    assert_eq!(of(&j, "lockup-text-size").len(), 4, "{j:#?}");
    // A smaller screen makes the same pixels smaller.
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/tv-slides.toml"),
        "screen = \"32in\"",
        "screen = \"24in\"",
    );
    let (code, j) = check(t.path(), &["--design", "tv-slides", "--locale", "en"]);
    assert_eq!(code, 1, "{j:#?}");
    assert!(
        of(&j, "viewing-distance")
            .iter()
            .any(|d| msg(d).contains("on a 24 in screen")),
        "{j:#?}"
    );
}

#[test]
fn reading_fields_are_checked_when_the_design_is_loaded() {
    for (from, to, says) in [
        (
            "viewing_distance = \"2m\"",
            "viewing_distance = \"50%\"",
            "is not a distance",
        ),
        (
            "viewing_distance = \"2m\"",
            "viewing_distance = \"2m\"\nscreen = \"32in\"",
            "this design is printed",
        ),
        (
            "question = \"headline\"",
            "question = \"headlin\"",
            "names no slot",
        ),
        (
            "question = \"headline\"",
            "question = \"qr\"",
            "does not show a message",
        ),
    ] {
        let t = common::temp_project();
        common::edit(t.path().join("designs/poster.toml"), from, to);
        let (code, j) = check(t.path(), &["--design", "poster"]);
        assert_eq!(code, 1, "{to}: {j:#?}");
        assert!(j.iter().any(|d| msg(d).contains(says)), "{to}: {j:#?}");
        assert!(
            j.iter()
                .any(|d| d["file"] == "designs/poster.toml" && d["line"].as_u64().unwrap() > 1),
            "{j:#?}"
        );
    }
    // A screen design needs its screen size to be measured.
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/tv-slides.toml"),
        "screen = \"32in\"",
        "",
    );
    let (code, j) = check(t.path(), &["--design", "tv-slides", "--locale", "en"]);
    assert_eq!(code, 1, "{j:#?}");
    assert!(
        j.iter()
            .any(|d| msg(d).contains("must say the smallest screen")),
        "{j:#?}"
    );
}

#[test]
fn every_design_declares_how_far_away_it_is_read_and_its_question() {
    let p = common::project();
    for d in p.designs.values().filter(|d| d.notice_of.is_none()) {
        assert!(d.viewing_distance_mm.is_some(), "{}", d.name);
        // A staff piece gives instructions; it asks the reader nothing.
        let staff = d.audience == hotline_kit::load::spec::Audience::Staff;
        assert!(d.question.is_some() || staff, "{}", d.name);
    }
}

/// The text of every block on a page.
fn texts(s: &Scene, page: usize) -> String {
    s.pages[page]
        .blocks
        .iter()
        .flat_map(|b| b.paragraphs.iter().cloned())
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn the_wallet_card_front_is_neutral_and_the_question_is_on_the_back() {
    let p = common::project();
    let d = p.design("wallet-card").unwrap();
    for locale in ["en", "es", "ar", "zh-Hans"] {
        let s = hotline_kit::layout::compile(&p, d, locale, &Default::default()).unwrap();
        assert_eq!(s.pages.len(), 2, "{locale}");
        let cat = p.catalog(locale).unwrap();
        let question = cat.get("rf-come-go").unwrap().to_string();
        let (front, back) = (texts(&s, 0), texts(&s, 1));
        assert!(!front.contains(&question), "{locale}: {front}");
        assert!(back.contains(&question), "{locale}: {back}");
        let free = cat.get("free-private").unwrap().to_string();
        assert!(front.contains(&free), "{locale}: {front}");
        // No red-flag question at all on the front.
        for f in &p.flags {
            if let Ok(q) = cat.get(&f.id) {
                assert!(!front.contains(q), "{locale}: {front}");
            }
        }
        // Both sides carry the number and a QR code.
        for i in 0..2 {
            assert!(texts(&s, i).contains("1-888-373-7888"), "{locale} {i}");
            assert!(s.pages[i].items.iter().any(|it| matches!(it, Item::Qr(_))));
        }
    }
}

#[test]
fn two_sided_cards_print_their_backs_in_the_mirrored_cells() {
    let p = common::project();
    let sel = hotline_kit::products::kit::Selection {
        designs: vec!["wallet-card".into()],
        locales: vec!["en".into(), "es".into()],
        partial: true,
        ..Default::default()
    };
    let (pieces, _) = hotline_kit::products::kit::prepare(&p, &sel).unwrap();
    let templates = hotline_kit::products::labels::templates(&p).unwrap();
    let t = &templates["avery-5163"];
    let sheet =
        hotline_kit::products::labels::impose(&p, "avery-5163", t, &pieces, (0.0, 0.0), 1).unwrap();
    assert_eq!(sheet.pages.len(), 2, "front and back");
    let width = sheet.pages[0].width;
    let qrs = |i: usize| -> Vec<hotline_kit::scene::Rect> {
        sheet.pages[i]
            .items
            .iter()
            .filter_map(|it| {
                if let Item::Qr(q) = it {
                    Some(q.rect)
                } else {
                    None
                }
            })
            .collect()
    };
    let cells = hotline_kit::products::labels::positions(t, (0.0, 0.0));
    assert_eq!(qrs(0).len(), cells.len());
    assert_eq!(qrs(1).len(), cells.len());
    // The back of the card in cell i sits in the cell mirrored across the sheet, in the
    // same row: a long-edge flip puts it behind its front.
    let question = |l: &str| p.catalog(l).unwrap().get("rf-come-go").unwrap().to_string();
    for (i, c) in cells.iter().enumerate() {
        let locale = ["en", "es"][i % 2];
        let mirrored = hotline_kit::scene::Rect::new(width - c.right(), c.y, c.w, c.h);
        let back_text: String = sheet.pages[1]
            .items
            .iter()
            .filter_map(|it| match it {
                Item::Text(r)
                    if mirrored.contains(&hotline_kit::scene::Rect::new(
                        r.x,
                        r.y - 1.0,
                        0.5,
                        0.5,
                    )) =>
                {
                    Some(r.text.clone())
                }
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ");
        let q = question(locale);
        for w in q.split_whitespace().take(2) {
            assert!(
                back_text.contains(w.trim_matches('¿')),
                "cell {i} ({locale}): {back_text}"
            );
        }
    }
    // A piece of three pages is refused.
    let mut three = pieces[0].clone();
    three.pages.push(three.pages[0].clone());
    let e = hotline_kit::products::labels::impose(&p, "avery-5163", t, &[three], (0.0, 0.0), 1)
        .unwrap_err();
    assert!(
        format!("{e:?}").contains("two printed on both sides"),
        "{e:?}"
    );
}

#[test]
fn a_page_cannot_hide_the_number_or_the_qr_code() {
    for slot in ["number", "qr"] {
        let t = common::temp_project();
        common::edit(
            t.path().join("designs/wallet-card.toml"),
            "hide = [\"question\"]",
            &format!("hide = [\"question\", \"{slot}\"]"),
        );
        let (code, j) = check(t.path(), &["--design", "wallet-card"]);
        assert_eq!(code, 1, "{j:#?}");
        assert!(
            j.iter().any(|d| msg(d).contains(&format!("`hide` names slot `{slot}`, but the hotline number and the QR code are on every page"))),
            "{j:#?}"
        );
    }
}
