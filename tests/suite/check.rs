//! `hotline-kit check`: each check fires on bad input and stays quiet on good input.

use crate::common;

use std::path::Path;

fn check(project: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let (code, diags) = common::check_json(project, args);
    (code, serde_json::Value::Array(diags))
}

/// The diagnostics whose message contains `needle`.
fn with<'a>(j: &'a serde_json::Value, needle: &str) -> Vec<&'a serde_json::Value> {
    j.as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains(needle))
        .collect()
}

#[test]
fn the_default_kit_passes_with_no_errors_or_warnings() {
    let t = common::temp_project();
    let (code, j) = check(t.path(), &[]);
    assert_eq!(code, 0, "{j:#}");
    assert_eq!(j.as_array().unwrap().len(), 0, "{j:#}");
}

#[test]
fn words_to_avoid_are_flagged_with_the_line_and_a_replacement() {
    let t = common::temp_project();
    common::edit(
        t.path().join("locales/en.ftl"),
        "cling-body = You can get help today.",
        "cling-body = We rescue victims today.",
    );
    common::edit(
        t.path().join("locales/es.ftl"),
        "cling-body = Puede recibir ayuda hoy.",
        "cling-body = Ayudamos a cada víctima hoy.",
    );
    let (code, j) = check(t.path(), &[]);
    assert_eq!(code, 1, "{j:#}");
    let rescue = with(&j, "says \"rescue\"");
    assert_eq!(rescue.len(), 1, "{j:#}");
    assert_eq!(rescue[0]["severity"], "error");
    assert!(
        rescue[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("locales/en.ftl")
    );
    assert!(rescue[0]["line"].as_u64().unwrap() > 1);
    assert!(rescue[0]["hints"][0].as_str().unwrap().contains("get help"));
    assert_eq!(with(&j, "says \"victims\"")[0]["severity"], "warning");
    assert_eq!(with(&j, "says \"víctima\"")[0]["severity"], "warning");
}

#[test]
fn hard_english_and_long_sentences_get_warnings_only() {
    let t = common::temp_project();
    common::edit(
        t.path().join("locales/en.ftl"),
        "cling-body = You can get help today. It is free and private.",
        "cling-body = Individuals experiencing exploitative employment circumstances can obtain confidential assistance from organizations that specialize in supporting people in difficult situations today.",
    );
    let (code, j) = check(t.path(), &["--locale", "en"]);
    assert_eq!(code, 0, "warnings only must exit 0: {j:#}");
    assert_eq!(with(&j, "reads at grade").len(), 1, "{j:#}");
    assert_eq!(with(&j, "has a sentence of").len(), 1, "{j:#}");
}

#[test]
fn low_contrast_is_an_error_measured_against_the_colour_behind() {
    let t = common::temp_project();
    // White text on the light background of the card.
    common::edit(
        t.path().join("designs/wallet-card.toml"),
        "color = { rgb = \"#13294b\", cmyk = [0, 0, 0, 100] }",
        "color = \"#bbbbbb\"",
    );
    let (code, j) = check(t.path(), &["--design", "wallet-card"]);
    assert_eq!(code, 1);
    let c = with(&j, "has contrast");
    assert!(
        !c.is_empty()
            && c[0]["message"]
                .as_str()
                .unwrap()
                .contains("#bbbbbb on #ffffff"),
        "{j:#}"
    );
    // The stall sticker's white number sits on a dark fill: fine.
    let (code, j) = check(t.path(), &["--design", "stall-sticker"]);
    assert_eq!(code, 0, "{j:#}");
}

#[test]
fn text_below_the_smallest_size_is_an_error() {
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/poster.toml"),
        "min_text = \"14pt\"",
        "min_text = \"18pt\"",
    );
    let (code, j) = check(t.path(), &["--design", "poster"]);
    assert_eq!(code, 1);
    assert!(
        !with(&j, "below the smallest size for this piece (18.0pt)").is_empty(),
        "{j:#}"
    );
}

#[test]
fn a_kit_without_sex_trafficking_red_flags_is_an_error() {
    let t = common::temp_project();
    // The poster must ask about both; without its sex red flag it fails its own rule.
    common::edit(
        t.path().join("designs/poster.toml"),
        ", \"rf-sex-made\"]",
        ", \"rf-pay\"]",
    );
    let (code, j) = check(t.path(), &["--design", "poster", "--locale", "en"]);
    assert_eq!(code, 1);
    assert!(
        !with(&j, "must ask about both labor and sex trafficking").is_empty(),
        "{j:#}"
    );
    // The whole kit still covers both kinds (the window cling asks rf-sex-made), so only
    // the poster's own rule fails.
    let (code, j) = check(t.path(), &["--locale", "en"]);
    assert_eq!(code, 1, "the poster's own rule still fails: {j:#}");
    assert!(with(&j, "the kit does not ask").is_empty(), "{j:#}");
    // Without the cling's sex question too, the whole kit fails the kit rule.
    common::edit(
        t.path().join("designs/window-cling.toml"),
        "\"rf-sex-made\"]",
        "\"rf-pay\"]",
    );
    let (_, j) = check(t.path(), &["--locale", "en"]);
    let k = with(&j, "the kit does not ask about sex trafficking");
    assert_eq!(k.len(), 1, "{j:#}");
    assert_eq!(k[0]["severity"], "error");
    // Building part of a kit makes it a warning: the wallet card asks one question that
    // fits both kinds, which names neither.
    let (code, j) = check(t.path(), &["--design", "wallet-card", "--locale", "en"]);
    assert_eq!(code, 0, "{j:#}");
    let w = with(
        &j,
        "the selected designs do not ask about labor or sex trafficking",
    );
    assert_eq!(w[0]["severity"], "warning", "{j:#}");
}

#[test]
fn old_hotline_facts_get_a_warning() {
    let t = common::temp_project();
    common::edit(
        t.path().join("hotline.toml"),
        "checked = \"2026-11-28\"\nnote = \"Live",
        "checked = \"2020-01-01\"\nnote = \"Live",
    );
    let (code, j) = check(t.path(), &["--locale", "en"]);
    assert_eq!(code, 0);
    let w = with(&j, "hotline fact `phone` was last checked on 2020-01-01");
    assert_eq!(w.len(), 1, "{j:#}");
    assert_eq!(w[0]["severity"], "warning");
}

#[test]
fn build_refuses_to_write_when_a_check_fails() {
    let t = common::temp_project();
    common::edit(
        t.path().join("locales/en.ftl"),
        "cling-body = You can get help today.",
        "cling-body = We rescue people today.",
    );
    let o = common::hotline_kit()
        .arg("--project")
        .arg(t.path())
        .current_dir(t.path())
        .args(["build", "--out", "o"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("says \"rescue\""));
    assert!(!t.path().join("o/manifest.json").exists());
}

#[test]
fn flags_by_tag_and_count_cover_labor_and_sex() {
    let p = common::project();
    let pick = |count, tags: Vec<hotline_kit::load::content::Tag>| {
        p.pick_flags(&hotline_kit::load::spec::FlagPick { count, tags })
    };
    use hotline_kit::load::content::Tag;
    let two = pick(2, vec![]);
    assert_eq!(two.len(), 2);
    assert_eq!(p.flag_tag(&two[0]), Some(Tag::Labor));
    assert_eq!(p.flag_tag(&two[1]), Some(Tag::Sex));
    assert_eq!(pick(2, vec![]), two, "picks are deterministic");
    let sex = pick(3, vec![Tag::Sex]);
    assert!(sex.iter().all(|id| p.flag_tag(id) == Some(Tag::Sex)) && sex.len() == 3);
    assert!(p.flags.len() >= 24);
    for f in &p.flags {
        for code in p.catalogs.keys() {
            assert!(
                p.catalog(code).unwrap().messages.contains_key(&f.id),
                "{} missing in {code}",
                f.id
            );
        }
    }
}

#[test]
fn a_locale_missing_messages_gets_a_warning_naming_them() {
    let t = common::temp_project();
    common::remove_message(t.path(), "vi", "rf-sex-debt");
    // Only the Latin fonts are in the temporary project: Vietnamese needs no other.
    let (code, j) = check(t.path(), &["--locale", "vi"]);
    assert_eq!(code, 0, "unused by the designs, so a warning: {j:#}");
    let w = with(&j, "locale `vi` lacks 1 messages: rf-sex-debt");
    assert_eq!(w.len(), 1, "{j:#}");
    assert_eq!(w[0]["check"], "locale-missing");
}

#[test]
fn only_window_clings_may_be_mirrored() {
    // The cling's mirrored variant is fine as shipped (the default kit passes above).
    // A mirrored poster is refused, naming the file and the line.
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/poster.toml"),
        "bleed = \"0in\"",
        "bleed = \"0in\"\nmirror = true",
    );
    let (code, j) = check(t.path(), &[]);
    assert_eq!(code, 1, "{j:#}");
    let d = with(&j, "only window clings are printed mirrored");
    assert_eq!(d.len(), 1, "{j:#}");
    let file = d[0]["file"].as_str().unwrap();
    assert!(file.ends_with("designs/poster.toml"), "{j:#}");
    assert!(d[0]["line"].as_u64().unwrap() > 1, "{j:#}");
    assert!(
        d[0]["message"].as_str().unwrap().contains("poster"),
        "{j:#}"
    );

    // A mirrored variant of a sticker is refused too.
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/stall-sticker.toml"),
        "per = \"men_stalls\"",
        "per = \"men_stalls\"\nmirror = true",
    );
    let (code, j) = check(t.path(), &[]);
    assert_eq!(code, 1, "{j:#}");
    let d = with(&j, "variant `stall-sticker-men` is mirrored");
    assert_eq!(d.len(), 1, "{j:#}");

    // Calling the poster a cling makes the same mirror legal.
    let t = common::temp_project();
    common::edit(
        t.path().join("designs/poster.toml"),
        "kind = \"poster\"",
        "kind = \"cling\"\nmirror = true",
    );
    let (code, j) = check(t.path(), &[]);
    assert_eq!(code, 0, "{j:#}");
}
