//! Channel languages (issue 14): no piece shows a channel in a language it is not
//! answered in without saying so, no promise of the reader's language beside such a
//! channel, stated languages in step with hotline.toml, and restroom pieces that ask
//! about both work and sex. Both directions of each rule.
//!
//! The tests use French (`fr`), which texts and chat are not answered in, with small
//! overlays (a fixture design, a French line) so they do not depend on translations.

use crate::common;

use std::sync::Arc;

use hotline_kit::base::assets::FsAssets;
use hotline_kit::base::diag::{Diagnostics, Severity};
use hotline_kit::load::project::Project;

/// The bundled project with files replaced or added (path, text).
fn overlay(files: &[(&str, String)]) -> (Result<Project, Diagnostics>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let assets = FsAssets::layered(vec![dir.path().to_path_buf(), common::root()]);
    (Project::load(Arc::new(assets)), dir)
}

fn loaded(files: &[(&str, String)]) -> (Project, tempfile::TempDir) {
    let (p, d) = overlay(files);
    (
        p.unwrap_or_else(|e| panic!("project does not load: {e:?}")),
        d,
    )
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(common::root().join(rel)).unwrap()
}

/// A shipped file with `from` replaced by `to` (which must be there).
fn edited(rel: &str, from: &str, to: &str) -> (&'static str, String) {
    let s = read(rel);
    assert!(s.contains(from), "{rel} has no {from:?}");
    (
        Box::leak(rel.to_string().into_boxed_str()),
        s.replace(from, to),
    )
}

/// A wallet-sized fixture design: a message slot, the number, a text slot, the QR.
fn card(message: &str, text_slot: &str) -> (&'static str, String) {
    (
        "designs/text-card.toml",
        format!(
            r##"[design]
title = "Test card"
kind = "card"
medium = "print"
width = "3.5in"
height = "3in"
safe = "0.125in"
qr = "tel"

[layout]
columns = [2, 1]
rows = [1, 1, 1]
areas = ["message qr", "number qr", "text text"]

[slot.message]
text = "{message}"
size = ["8pt", "14pt"]

[slot.number]
hotline = "phone"
size = ["10pt", "20pt"]

[slot.text]
{text_slot}
size = ["8pt", "14pt"]

[slot.qr]
qr = true
"##
        ),
    )
}

/// French with a translation of the short limited text line (not shipped yet).
fn french_limited() -> (&'static str, String) {
    let fr = read("locales/fr.ftl");
    let line = "text-short-limited = SMS au { $sms } (anglais ou espagnol)\n";
    let has = fr.lines().any(|l| l.starts_with("text-short-limited ="));
    ("locales/fr.ftl", if has { fr } else { fr + line })
}

fn errors(d: &Diagnostics) -> Vec<String> {
    d.0.iter()
        .filter(|x| x.severity == Severity::Error)
        .map(|x| x.message.clone())
        .collect()
}

fn check(p: &Project, design: &str, locale: &str) -> Diagnostics {
    let d = p.design(design).unwrap();
    hotline_kit::checks::channel_rule::check_piece(p, d, p.catalog(locale).unwrap(), d.qr)
}

#[test]
fn sms_where_it_does_not_answer_without_a_languages_line_is_an_error() {
    let (p, _t) = loaded(&[card("rf-come-go", "text = \"text-short\"")]);
    let e = errors(&check(&p, "text-card", "fr"));
    assert_eq!(e.len(), 1, "{e:#?}");
    for part in ["`text-card` (fr)", "sms", "message `text-short`", "en, es"] {
        assert!(e[0].contains(part), "{part:?} not in {:?}", e[0]);
    }
    // Layout (and so build and check) refuses it too, with the same words and a hint.
    let err = hotline_kit::products::kit::compile(&p, "text-card", "fr").unwrap_err();
    let d = err
        .0
        .iter()
        .find(|d| d.message == e[0])
        .expect("layout reports it");
    assert!(
        d.hints
            .iter()
            .any(|h| h.contains("unserved = \"text-short-limited\"")),
        "{:?}",
        d.hints
    );
    assert!(d.file.as_ref().unwrap().ends_with("designs/text-card.toml"));
    // Where texts are answered in the reader's language, nothing to say.
    assert!(errors(&check(&p, "text-card", "es")).is_empty());
    assert!(hotline_kit::products::kit::compile(&p, "text-card", "en").is_ok());
}

#[test]
fn the_unserved_line_replaces_the_text_line_where_texts_are_not_answered() {
    let (p, _t) = loaded(&[
        card(
            "rf-come-go",
            "text = \"text-short\"\nunserved = \"text-short-limited\"",
        ),
        french_limited(),
    ]);
    assert!(errors(&check(&p, "text-card", "fr")).is_empty());
    let fr = hotline_kit::products::kit::compile(&p, "text-card", "fr").unwrap();
    assert!(
        fr.messages.contains(&"text-short-limited".to_string()),
        "{:?}",
        fr.messages
    );
    assert!(!fr.messages.contains(&"text-short".to_string()));
    // English keeps the plain line.
    let en = hotline_kit::products::kit::compile(&p, "text-card", "en").unwrap();
    assert!(en.messages.contains(&"text-short".to_string()));
    assert!(!en.messages.contains(&"text-short-limited".to_string()));
}

#[test]
fn unserved_drop_leaves_the_channel_out() {
    let (p, _t) = loaded(&[card(
        "rf-come-go",
        "text = \"text-short\"\nunserved = \"drop\"",
    )]);
    assert!(errors(&check(&p, "text-card", "fr")).is_empty());
    let fr = hotline_kit::products::kit::compile(&p, "text-card", "fr").unwrap();
    assert!(
        !fr.messages.iter().any(|m| m.starts_with("text-")),
        "{:?}",
        fr.messages
    );
    let en = hotline_kit::products::kit::compile(&p, "text-card", "en").unwrap();
    assert!(en.messages.contains(&"text-short".to_string()));
}

#[test]
fn a_replacement_that_does_not_state_the_languages_is_still_an_error() {
    // `text-line` also shows sms, and says nothing about languages.
    let (p, _t) = loaded(&[card(
        "rf-come-go",
        "text = \"text-short\"\nunserved = \"text-line\"",
    )]);
    let e = errors(&check(&p, "text-card", "fr"));
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(e[0].contains("message `text-line`"), "{e:?}");
}

#[test]
fn a_promise_of_the_readers_language_beside_an_unserved_channel_is_an_error() {
    let design = card(
        "poster-intro",
        "text = \"text-short\"\nunserved = \"text-short-limited\"",
    );
    // As shipped, the intro promises the reader's language for calls only: fine.
    let (p, _t) = loaded(&[design.clone(), french_limited()]);
    assert!(errors(&check(&p, "text-card", "fr")).is_empty());
    // An unscoped promise covers the text line shown beside it.
    let claims = edited(
        "content/claims.toml",
        "id = \"poster-intro\"\nnames = [\"phone\"]\npromise = [\"phone\"]",
        "id = \"poster-intro\"\nnames = [\"phone\"]\npromise = \"all\"",
    );
    let (p, _t2) = loaded(&[design.clone(), french_limited(), claims.clone()]);
    let e = errors(&check(&p, "text-card", "fr"));
    assert_eq!(e.len(), 1, "{e:#?}");
    for part in [
        "message `poster-intro`",
        "`text-card` (fr)",
        "promises help in the reader's language",
        "sms",
    ] {
        assert!(e[0].contains(part), "{part:?} not in {:?}", e[0]);
    }
    assert!(hotline_kit::products::kit::compile(&p, "text-card", "fr").is_err());
    // A promise about texts, where texts are answered in the reader's language: fine.
    assert!(errors(&check(&p, "text-card", "es")).is_empty());
    // Dropping the text line keeps the promise true.
    let dropped = card("poster-intro", "text = \"text-short\"\nunserved = \"drop\"");
    let (p, _t3) = loaded(&[dropped, claims]);
    assert!(errors(&check(&p, "text-card", "fr")).is_empty());
}

#[test]
fn a_promise_scoped_to_calls_is_broken_when_calls_stop_answering_the_language() {
    // Were the phone line answered only in English and Spanish, "call for help in your
    // language" would be false in French; the languages line would state it wrongly too.
    let hotline = edited(
        "hotline.toml",
        "languages = \"all\"                 # English and Spanish, more than 200 others through interpreters\ninterpreters = true",
        "languages = [\"en\", \"es\"]",
    );
    let (p, _) = overlay(std::slice::from_ref(&hotline));
    let e = errors(&p.err().expect("the languages line is out of step"));
    assert!(e.iter().any(|m| m.contains("message `languages-line` says phone is answered in all languages, but hotline.toml says en, es")), "{e:#?}");
    let claims = edited("content/claims.toml", "states = { phone = \"all\" }\n", "");
    let (p, _t) = loaded(&[
        hotline,
        claims,
        card("poster-intro", "text = \"confidential\""),
    ]);
    let e = errors(&check(&p, "text-card", "fr"));
    assert!(
        e.iter().any(|m| m.contains("message `poster-intro` in `text-card` (fr) promises help in the reader's language, but Phone 1-888-373-7888 [phone]")),
        "{e:#?}"
    );
}

#[test]
fn hotline_toml_listing_the_locale_for_sms_lets_the_plain_text_line_stand() {
    // Texts answered in French too: the statements say so as well (else they would be
    // out of step, see below).
    let hotline = edited(
        "hotline.toml",
        "display = \"233733\"                # short code (\"BeFree\")\nsource = \"https://humantraffickinghotline.org (DHS Blue Campaign listing)\"\nchecked = \"2026-11-28\"\nnote = \"Text, chat and email are answered in English and Spanish.\"\nlanguages = [\"en\", \"es\"]",
        "display = \"233733\"                # short code (\"BeFree\")\nsource = \"https://humantraffickinghotline.org (DHS Blue Campaign listing)\"\nchecked = \"2026-11-28\"\nnote = \"Text, chat and email are answered in English and Spanish.\"\nlanguages = [\"en\", \"es\", \"fr\"]",
    );
    let claims = (
        "content/claims.toml",
        read("content/claims.toml")
            .replace("sms = [\"en\", \"es\"]", "sms = [\"en\", \"es\", \"fr\"]"),
    );
    let (p, _t) = loaded(&[hotline, claims, card("rf-come-go", "text = \"text-short\"")]);
    assert!(errors(&check(&p, "text-card", "fr")).is_empty());
    assert!(hotline_kit::products::kit::compile(&p, "text-card", "fr").is_ok());
    // A language still not listed is still refused.
    let e = errors(&check(&p, "text-card", "ko"));
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(e[0].contains("`text-card` (ko)"));
}

#[test]
fn stated_languages_out_of_step_with_hotline_toml_are_an_error() {
    let hotline = edited(
        "hotline.toml",
        "note = \"Text, chat and email are answered in English and Spanish.\"\nlanguages = [\"en\", \"es\"]",
        "note = \"Text, chat and email are answered in English and Spanish.\"\nlanguages = [\"en\", \"es\", \"fr\"]",
    );
    let (p, _t) = overlay(&[hotline]);
    let e = errors(&p.err().expect("refused"));
    for id in [
        "text-line-limited",
        "text-short-limited",
        "text-chat-languages",
    ] {
        assert!(
            e.iter().any(|m| m.contains(&format!(
                "message `{id}` says sms is answered in en, es, but hotline.toml says en, es, fr"
            ))),
            "{id}: {e:#?}"
        );
    }
    // The message about chat alone is still true.
    assert!(
        !e.iter().any(|m| m.contains("`chat-line-limited`")),
        "{e:#?}"
    );
}

#[test]
fn channel_languages_in_hotline_toml_are_checked() {
    let base = read("hotline.toml");
    let sms = "note = \"Text, chat and email are answered in English and Spanish.\"\nlanguages = [\"en\", \"es\"]";
    assert!(base.contains(sms));
    let with = |langs: &str| base.replace(sms, &format!("note = \"x\"\n{langs}"));
    for (bad, says) in [
        ("languages = []", "`languages` is empty"),
        ("languages = [\"EN\", \"es\"]", "lowercase"),
        ("languages = [\"english\"]", "2- or 3-letter"),
        ("languages = [\"en_US\"]", "hyphen"),
        ("languages = [\"en\", \"en\"]", "listed twice"),
        (
            "languages = \"en\"",
            "is not a list of languages or \"all\"",
        ),
        ("languages = [\"all\"]", "`all` inside a list"),
        ("languages = \"all\"", "`interpreters` is not true"),
        ("languages = [\"en\", \"es-\"]", "is not a subtag"),
        ("", "sms does not say which languages it is answered in"),
    ] {
        let src = hotline_kit::base::diag::Source::new("hotline.toml", with(bad));
        let e = hotline_kit::load::hotline::Hotline::parse(&src).expect_err(bad);
        assert!(e.iter().any(|d| d.message.contains(says)), "{bad}: {e:#?}");
        // Each points at the file, at the sms table or its languages line.
        let d = e.iter().find(|d| d.message.contains(says)).unwrap();
        let (line, _) = src.line_col(d.span.clone().expect("a line").start);
        let text = src.text.lines().nth(line - 1).unwrap();
        assert!(
            text.starts_with("languages") || text == "[sms]",
            "{bad}: line {text:?}"
        );
    }
    let src = hotline_kit::base::diag::Source::new(
        "hotline.toml",
        with("languages = [\"en\", \"es\", \"zh-Hant\"]"),
    );
    let h = hotline_kit::load::hotline::Hotline::parse(&src).unwrap();
    use hotline_kit::load::hotline::HotlineField::{Phone, Sms, Tty};
    assert!(h.serves(Sms, "zh-Hant") && h.serves(Sms, "es") && !h.serves(Sms, "zh-Hans"));
    assert!(!h.serves(Sms, "e") && !h.serves(Sms, "ko") && h.serves(Phone, "ko"));
    assert!(!h.channel_languages(Tty).unwrap().verified);
}

#[test]
fn placeables_are_read_from_the_fluent_source_through_terms_and_variants() {
    use hotline_kit::load::hotline::HotlineField::{Chat, Sms, Tty};
    let res = fluent_bundle::FluentResource::try_new(
        "-txt = text { $sms }\n\
         a = Or { -txt }\n\
         b = { $n ->\n    [one] Chat { $chat }\n   *[other] Hi\n}\n\
         c = { b }\n\
         d = { e.tip }\n\
         e = plain\n    .tip = TTY { $tty }\n\
         f = Call { $hours }\n"
            .to_string(),
    )
    .unwrap();
    let v = hotline_kit::load::catalog_lint::variables(&res);
    let has = |id: &str, var: &str| v[id].contains(var);
    assert!(has("a", "sms") && has("b", "chat") && has("c", "chat") && has("d", "tty"));
    assert!(v["e"].is_empty(), "{:?}", v["e"]);
    assert!(!v.contains_key("-txt"));
    let _ = (Chat, Sms, Tty);
    // In a loaded catalog, by channel: `$hours` is not a channel.
    let p = common::project();
    let en = p.catalog("en").unwrap();
    assert_eq!(
        en.channels["chat-line-limited"].iter().collect::<Vec<_>>(),
        vec![&Chat]
    );
    assert_eq!(
        en.channels["text-line"].iter().collect::<Vec<_>>(),
        vec![&Sms]
    );
    assert!(en.channels["confidential"].is_empty());
}

#[test]
fn unverified_channel_languages_are_said_when_shown() {
    let (p, _t) = loaded(&[card("rf-come-go", "text = \"tty-line\"")]);
    let d = check(&p, "text-card", "en");
    let w: Vec<_> =
        d.0.iter()
            .filter(|x| x.severity == Severity::Warning)
            .collect();
    assert_eq!(w.len(), 1, "{d:?}");
    assert!(
        w[0].message
            .contains("TTY / relay 711 [tty], whose languages (en, es) are unverified")
    );
    assert!(errors(&d).is_empty());
    // Unverified languages are never taken as answering other languages.
    assert!(!errors(&check(&p, "text-card", "fr")).is_empty());
}

fn sticker_with(variant_question: &str, variant: &str) -> (&'static str, String) {
    let rel = "designs/stall-sticker.toml";
    let s = read(rel);
    let at = format!("name = \"{variant}\"\n");
    assert!(s.contains(&at));
    (
        "designs/stall-sticker.toml",
        s.replace(
            &at,
            &format!("{at}content = {{ question = \"{variant_question}\" }}\n"),
        ),
    )
}

#[test]
fn a_restroom_variant_that_does_not_ask_about_sex_is_an_error() {
    let (p, _t) = loaded(&[sticker_with("rf-unpaid", "stall-sticker-men")]);
    let all: Vec<String> = p.designs.keys().cloned().collect();
    let e = errors(&hotline_kit::checks::channel_rule::restroom(&p, &all));
    assert_eq!(e.len(), 1, "{e:#?}");
    for part in [
        "`stall-sticker-men` (variant of `stall-sticker`)",
        "`rf-unpaid`",
        "never names sex",
    ] {
        assert!(e[0].contains(part), "{part:?} not in {:?}", e[0]);
    }
    // `check` says so too, pointing at the variant.
    let t = common::temp_project();
    let (rel, text) = sticker_with("rf-unpaid", "stall-sticker-men");
    std::fs::write(t.path().join(rel), text).unwrap();
    let o = common::hotline_kit()
        .arg("--project")
        .arg(t.path())
        .args([
            "check",
            "--design",
            "stall-sticker-men",
            "--locale",
            "en",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = j
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("restroom piece `stall-sticker-men`")
        })
        .unwrap_or_else(|| panic!("{j:#}"));
    assert_eq!(d["severity"], "error");
}

#[test]
fn a_restroom_variant_that_does_not_ask_about_work_is_an_error() {
    let (p, _t) = loaded(&[sticker_with("rf-sex-made", "stall-sticker-women")]);
    let all: Vec<String> = p.designs.keys().cloned().collect();
    let e = errors(&hotline_kit::checks::channel_rule::restroom(&p, &all));
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(
        e[0].contains("`stall-sticker-women`") && e[0].contains("never names labor"),
        "{e:?}"
    );
    // A mild question that names neither fails on both counts.
    let (p, _t) = loaded(&[sticker_with("rf-come-go", "stall-sticker-all-gender")]);
    let e = errors(&hotline_kit::checks::channel_rule::restroom(&p, &all));
    assert!(
        e.len() == 1 && e[0].contains("never names labor or sex"),
        "{e:?}"
    );
}

#[test]
fn shipped_designs_keep_the_channel_rules_in_every_locale() {
    let p = common::project();
    let designs: Vec<String> = p.designs.keys().cloned().collect();
    assert!(errors(&hotline_kit::checks::channel_rule::restroom(&p, &designs)).is_empty());
    // Every restroom variant of the sticker is a restroom piece.
    for v in [
        "stall-sticker",
        "stall-sticker-men",
        "stall-sticker-women",
        "stall-sticker-all-gender",
    ] {
        assert!(p.designs[v].restroom, "{v}");
    }
    let mut limited = 0;
    for d in p.designs.values() {
        for (code, cat) in &p.catalogs {
            let diags = hotline_kit::checks::channel_rule::check_piece(&p, d, cat, d.qr);
            assert!(
                errors(&diags).is_empty(),
                "{} {code}: {:#?}",
                d.name,
                errors(&diags)
            );
            if !p
                .hotline
                .serves(hotline_kit::load::hotline::HotlineField::Sms, code)
            {
                // The text line says which languages texts are answered in.
                let shown = d.slots.iter().filter_map(|s| {
                    hotline_kit::layout::channels::effective(&p, cat, s, &s.content, d.qr)
                });
                limited += shown
                    .filter(|c| matches!(c, hotline_kit::load::spec::Content::Text(id) if id.ends_with("-limited")))
                    .count();
            }
        }
    }
    assert!(limited > 0);
    // English lays out every design (other locales wait for their translations).
    for d in p.designs.keys() {
        hotline_kit::products::kit::compile(&p, d, "en").unwrap_or_else(|e| panic!("{d}: {e:?}"));
    }
}

#[test]
fn claims_name_known_messages_and_channels() {
    let bad = edited(
        "content/claims.toml",
        "id = \"scan-to-call\"\nnames = [\"phone\"]",
        "id = \"scan-to-call\"\nnames = [\"fax\"]",
    );
    let e = errors(&overlay(&[bad]).0.err().expect("refused"));
    assert!(
        e.iter()
            .any(|m| m.contains("`fax` is not a hotline channel")),
        "{e:#?}"
    );
    let unknown = edited(
        "content/claims.toml",
        "id = \"scan-to-call\"",
        "id = \"scan-to-cal\"",
    );
    let (p, _t) = overlay(&[unknown]);
    let e = errors(&p.err().expect("refused"));
    assert!(
        e.iter()
            .any(|m| m
                .contains("claims for `scan-to-cal`, but the source catalog has no such message")),
        "{e:#?}"
    );
    // A message nobody has reviewed is a warning naming it.
    let dropped = edited(
        "content/claims.toml",
        "[[message]]\nid = \"scan-to-call\"\nnames = [\"phone\"]\n",
        "",
    );
    let (p, _t) = loaded(&[dropped]);
    assert!(
        p.warnings.0.iter().any(|d| d
            .message
            .contains("does not say what this message claims: scan-to-call")),
        "{:?}",
        p.warnings
    );
}

#[test]
fn the_reading_level_does_not_count_the_hotline_address_as_a_word() {
    let p = common::project();
    let d = hotline_kit::checks::check::texts(&p, &["en".to_string()], None);
    assert!(
        !d.0.iter().any(|x| x.message.contains("chat-line-limited")),
        "{:#?}",
        d.0.iter().map(|x| &x.message).collect::<Vec<_>>()
    );
    // The address itself would read as one long word.
    let with = hotline_kit::checks::check::readability(
        "Chat online: humantraffickinghotline.org/chat (English or Spanish)",
    );
    assert!(with.grade > 8.0, "{with:?}");
    let without = hotline_kit::checks::check::without_values(
        "Chat online: humantraffickinghotline.org/chat (English or Spanish)",
        &[
            "humantraffickinghotline.org".into(),
            "humantraffickinghotline.org/chat".into(),
        ],
    );
    assert_eq!(
        without.split_whitespace().collect::<Vec<_>>(),
        ["Chat", "online:", "(English", "or", "Spanish)"]
    );
}

#[test]
fn an_unserved_message_that_does_not_exist_is_refused_at_load() {
    let (p, _t) = overlay(&[card(
        "rf-come-go",
        "text = \"text-short\"\nunserved = \"text-short-limted\"",
    )]);
    let e = errors(&p.err().expect("refused"));
    assert!(
        e.iter().any(|m| m.contains("slot `text`: `unserved = \"text-short-limted\"` names a message the source catalog does not have")),
        "{e:#?}"
    );
    // A value that is neither a message id nor "drop".
    let (p, _t) = overlay(&[card(
        "rf-come-go",
        "text = \"text-short\"\nunserved = \"drop it\"",
    )]);
    let e = errors(&p.err().expect("refused"));
    assert!(
        e.iter()
            .any(|m| m.contains("is not \"drop\" or a message id")),
        "{e:#?}"
    );
    // Not on a QR code.
    let qr = card("rf-come-go", "text = \"text-short\"");
    let qr = (
        qr.0,
        qr.1.replace(
            "[slot.qr]\nqr = true\n",
            "[slot.qr]\nqr = true\nunserved = \"drop\"\n",
        ),
    );
    let (p, _t) = overlay(&[qr]);
    let e = errors(&p.err().expect("refused"));
    assert!(
        e.iter()
            .any(|m| m.contains("`unserved` is for slots that show a message or a hotline fact")),
        "{e:#?}"
    );
}

#[test]
fn channel_languages_get_old_like_every_other_fact() {
    let hotline = edited(
        "hotline.toml",
        "languages = [\"en\", \"es\"]\nlanguages_source = \"humantraffickingexperts.com/main/business_details/456 (hotline listing); ACF, 7 Feb 2018\"\nlanguages_checked = \"2026-11-28\"\n# The word to text",
        "languages = [\"en\", \"es\"]\nlanguages_source = \"humantraffickingexperts.com/main/business_details/456 (hotline listing); ACF, 7 Feb 2018\"\nlanguages_checked = \"2020-01-01\"\n# The word to text",
    );
    let (p, _t) = loaded(&[hotline]);
    let today = hotline_kit::checks::check::parse_date("2026-11-30").unwrap();
    let w: Vec<String> = hotline_kit::checks::check::fact_age(&p, today)
        .0
        .into_iter()
        .map(|d| d.message)
        .collect();
    assert_eq!(
        w,
        ["hotline fact `sms languages` was last checked on 2020-01-01, 2525 days ago"],
        "{w:#?}"
    );
}
