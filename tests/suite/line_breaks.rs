//! Line breaking over the whole kit: stranded last words in every design and every
//! language written with spaces, whole words in Chinese, Japanese and Korean, the
//! balanced poster headline, and `check`'s warning.

use crate::common;

use hotline_kit::base::diag::Severity;
use hotline_kit::load::project::Project;
use hotline_kit::products::kit;
use hotline_kit::scene::{Scene, SetParagraph};

/// Scripts written without spaces between words.
const UNSPACED: &[&str] = &["Hans", "Hant", "Jpan"];

/// Every design laid out in every locale `keep` accepts (pieces that cannot be made in a
/// locale, such as a state notice without that language, are left out).
fn scenes(p: &Project, keep: impl Fn(&str) -> bool) -> Vec<Scene> {
    let mut out = Vec::new();
    for (code, cat) in &p.catalogs {
        if !keep(&cat.info.script) {
            continue;
        }
        for d in p.designs.keys() {
            if let Ok(s) = kit::compile(p, d, code) {
                out.push(s);
            }
        }
    }
    out
}

/// Each paragraph of every text block: (design, locale, slot, paragraph).
fn paragraphs(scenes: &[Scene]) -> Vec<(String, String, String, SetParagraph)> {
    let mut out = Vec::new();
    for s in scenes {
        for page in &s.pages {
            for b in &page.blocks {
                for para in &b.set {
                    out.push((
                        s.design.clone(),
                        s.locale.clone(),
                        b.slot.clone(),
                        para.clone(),
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn under_three_percent_of_wrapped_paragraphs_end_in_a_stranded_word() {
    let p = common::project();
    let all = scenes(&p, |script| !UNSPACED.contains(&script));
    let locales: std::collections::BTreeSet<&str> = all.iter().map(|s| s.locale.as_str()).collect();
    assert_eq!(
        locales.len(),
        13,
        "the 13 space-separated locales: {locales:?}"
    );
    let paras = paragraphs(&all);
    let wrapped: Vec<_> = paras.iter().filter(|x| x.3.lines.len() >= 2).collect();
    let stranded: Vec<_> = wrapped
        .iter()
        .filter(|x| x.3.stranded().is_some())
        .collect();
    for (d, l, slot, para) in &stranded {
        let lines: Vec<&str> = para.lines.iter().map(|x| x.0.as_str()).collect();
        println!("stranded: {d} {l} {slot}: {}", lines.join(" / "));
    }
    println!(
        "{} of {} wrapped paragraphs end in a stranded word ({} pieces)",
        stranded.len(),
        wrapped.len(),
        all.len()
    );
    assert!(wrapped.len() > 100, "too few wrapped paragraphs to judge");
    assert!(
        stranded.len() * 100 < wrapped.len() * 3,
        "{} of {} wrapped paragraphs end in a stranded word",
        stranded.len(),
        wrapped.len()
    );
}

#[test]
fn no_chinese_japanese_or_korean_word_is_split_across_lines() {
    use hotline_kit::base::stranded::is_cjk;
    let p = common::project();
    let all = scenes(&p, |script| UNSPACED.contains(&script) || script == "Kore");
    let seg = icu_segmenter::WordSegmenter::new_dictionary(Default::default());
    let mut joins = 0;
    for (d, l, slot, para) in paragraphs(&all) {
        let whole: String = para.lines.iter().map(|x| x.0.as_str()).collect();
        let bounds: Vec<usize> = seg.segment_str(&whole).collect();
        let mut at = 0;
        for pair in para.lines.windows(2) {
            let (a, b) = (&pair[0].0, &pair[1].0);
            at += a.len();
            let (end, start) = (a.chars().next_back(), b.chars().next());
            let (Some(end), Some(start)) = (end, start) else {
                continue;
            };
            joins += 1;
            let lines: Vec<&str> = para.lines.iter().map(|x| x.0.as_str()).collect();
            if is_cjk(end) && is_cjk(start) {
                assert!(
                    bounds.contains(&at),
                    "{d} {l} {slot}: a word is split: {}",
                    lines.join(" / ")
                );
            }
            if l == "ko" {
                // Korean: lines end at spaces only.
                let original = whole.replace(' ', "");
                let spaced: String = para.lines.iter().map(|x| x.0.replace(' ', "")).collect();
                assert_eq!(original, spaced);
                assert!(
                    !["수", "것", "적이", "데", "줄", "때문에"]
                        .contains(&b.split(' ').next().unwrap_or("")),
                    "{d} {l} {slot}: a dependent noun starts a line: {}",
                    lines.join(" / ")
                );
            }
        }
    }
    assert!(joins > 20, "too few line ends to judge: {joins}");
}

#[test]
fn the_english_poster_headline_breaks_at_its_phrase_or_is_balanced() {
    // Criterion: "Are you safe at work / and at home?", or two lines the shorter of
    // which is at least 3/4 of the longer, neither ending in a stranded word.
    let p = common::project();
    let s = kit::compile(&p, "poster", "en").unwrap();
    let head = s.pages[0]
        .blocks
        .iter()
        .find(|b| b.slot == "headline")
        .unwrap();
    let lines: Vec<(&str, f32)> = head.set[0]
        .lines
        .iter()
        .map(|(t, w)| (t.as_str(), *w))
        .collect();
    let texts: Vec<&str> = lines.iter().map(|x| x.0).collect();
    let phrase = texts == ["Are you safe at work", "and at home?"];
    let balanced = lines.len() == 2 && {
        let (a, b) = (lines[0].1, lines[1].1);
        a.min(b) >= 0.75 * a.max(b) && head.set[0].stranded().is_none()
    };
    assert!(phrase || balanced, "{texts:?}");
}

#[test]
fn check_warns_on_a_stranded_word_naming_design_slot_and_locale() {
    let p = common::project();
    let mut s = kit::compile(&p, "poster", "en").unwrap();
    let quiet = hotline_kit::checks::check::pieces(&p, std::slice::from_ref(&s), &[], true);
    assert!(
        !quiet.0.iter().any(|d| d.code == Some("stranded-word")),
        "{:?}",
        quiet.0
    );
    // The headline as first-fit broke it.
    let head = s.pages[0]
        .blocks
        .iter_mut()
        .find(|b| b.slot == "headline")
        .unwrap();
    let measure = head.set[0].measure;
    head.set[0].lines = vec![
        ("Are you safe at work and at".into(), measure * 0.95),
        ("home?".into(), measure * 0.2),
    ];
    let d = hotline_kit::checks::check::pieces(&p, std::slice::from_ref(&s), &[], true);
    let w: Vec<_> =
        d.0.iter()
            .filter(|x| x.code == Some("stranded-word"))
            .collect();
    assert_eq!(w.len(), 1, "{:?}", d.0);
    assert_eq!(w[0].severity, Severity::Warning);
    for part in ["`headline`", "`poster`", "(en", "\"home?\""] {
        assert!(w[0].message.contains(part), "{part}: {}", w[0].message);
    }
}

/// Articles and possessives that bind to the word after them (a sample of
/// src/layout/line_breaks.toml's list, in the Latin-script locales).
const BOUND: &[&str] = &[
    "the", "your", "my", "their", "su", "sus", "los", "las", "el", "votre", "vos", "les", "le",
    "seu", "sua", "os", "ang", "mga",
];

#[test]
fn lines_seldom_end_on_an_article_or_possessive() {
    let p = common::project();
    let all = scenes(&p, |script| script == "Latn");
    let mut wrapped_lines = 0;
    let mut bad = Vec::new();
    for (d, l, slot, para) in paragraphs(&all) {
        let n = para.lines.len();
        for (text, _) in para.lines.iter().take(n.saturating_sub(1)) {
            wrapped_lines += 1;
            let last = text.split_whitespace().last().unwrap_or("").to_lowercase();
            if BOUND.contains(&last.as_str()) {
                bad.push(format!("{d} {l} {slot}: \"{text}\""));
            }
        }
    }
    assert!(wrapped_lines > 300, "only {wrapped_lines} wrapped lines");
    // A penalty, not a ban: a line may still end so where nothing else fits.
    assert!(
        bad.len() * 100 <= wrapped_lines,
        "{} of {wrapped_lines} lines end on an article or possessive:\n{}",
        bad.len(),
        bad.join("\n")
    );
    // The window cling's headline keeps "your money" together.
    let s = kit::compile(&p, "window-cling", "en").unwrap();
    let head = s.pages[0]
        .blocks
        .iter()
        .find(|b| b.slot == "headline")
        .unwrap();
    let lines: Vec<&str> = head.set[0].lines.iter().map(|(t, _)| t.trim()).collect();
    assert_eq!(
        lines,
        [
            "Is someone controlling",
            "your work, your money",
            "or your papers?"
        ]
    );
}
