//! The compliance check of a laid-out state notice against its posting-law profile
//! (`hotline-kit check --jurisdiction us-ca`). Profiles are loaded by
//! [`crate::load::jurisdiction`].
//!
//! Points a profile marks `unverified` are never reported as met: the check says
//! "unverified" beside them, whatever it measured.

use crate::base::numbers::digits;
use crate::base::units::Length;
use crate::load::jurisdiction::{Profile, normalize, parts};
use crate::load::spec::Design;
use crate::scene::Scene;

/// What one rule of a profile came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Measured and met.
    Met,
    /// Measured and not met.
    NotMet,
    /// The law's point is unverified: never reported as met.
    Unverified,
    /// Cannot be measured on a file: staff check it where the notice is posted.
    ByHand,
}

impl Outcome {
    /// As printed.
    pub fn word(self) -> &'static str {
        match self {
            Outcome::Met => "met",
            Outcome::NotMet => "NOT MET",
            Outcome::Unverified => "unverified",
            Outcome::ByHand => "by hand",
        }
    }
}

/// One rule's result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RuleResult {
    /// Which rule ("size", "type-size", "languages", "wording (en)" ...).
    pub rule: String,
    /// What the law asks, in words.
    pub required: String,
    /// What was measured on the notice, in words.
    pub measured: String,
    /// The outcome.
    pub outcome: Outcome,
}

/// The notice as laid out in each language checked.
pub struct Notice<'a> {
    /// The design checked.
    pub design: &'a Design,
    /// Its scenes, one per locale; a locale that could not be made is in `missing` instead.
    pub scenes: Vec<&'a Scene>,
    /// Locales asked for that could not be laid out, with why.
    pub missing: Vec<(String, String)>,
}

fn in_words(l: Length) -> String {
    let pt = l.to_pt(0.75, 0.0);
    let inches = pt / 72.0;
    format!("{}", (inches * 1000.0).round() / 1000.0)
}

/// Every text on a scene's pages, joined, for wording checks.
fn scene_text(s: &Scene) -> String {
    let mut t = String::new();
    for p in &s.pages {
        for b in &p.blocks {
            for para in &b.paragraphs {
                t.push_str(para);
                t.push('\n'); // never joins two numbers
            }
        }
    }
    t
}

/// Check a notice against a profile. `county` is the extra language the user named.
pub fn evaluate(
    p: &Profile,
    n: &Notice,
    county: Option<&str>,
    names: &dyn Fn(&str) -> String,
) -> Vec<RuleResult> {
    let mut out = Vec::new();
    let unv = |u: bool, o: Outcome| if u { Outcome::Unverified } else { o };

    // Sign size, from the design's trim (either orientation).
    let px = n.design.px_pt();
    let (w, h) = (
        n.design.width.to_pt(px, 0.0),
        n.design.height.to_pt(px, 0.0),
    );
    let measured = format!(
        "{} x {} in",
        in_words(Length::Pt(w)),
        in_words(Length::Pt(h))
    );
    match (p.size.width, p.size.height) {
        (Some(rw), Some(rh)) => {
            let (rw, rh) = (rw.to_pt(px, 0.0), rh.to_pt(px, 0.0));
            let fits = |a: f32, b: f32| a + 0.01 >= rw && b + 0.01 >= rh;
            let ok = fits(w, h) || fits(h, w);
            out.push(RuleResult {
                rule: "size".into(),
                required: format!(
                    "at least {} x {} in",
                    in_words(Length::Pt(rw)),
                    in_words(Length::Pt(rh))
                ),
                measured,
                outcome: unv(
                    p.size.unverified,
                    if ok { Outcome::Met } else { Outcome::NotMet },
                ),
            });
        }
        _ => out.push(RuleResult {
            rule: "size".into(),
            required: "not known (the profile gives no size)".into(),
            measured,
            outcome: Outcome::Unverified,
        }),
    }

    // Type size, measured on the laid-out text of every language.
    if let Some(t) = &p.type_size {
        let mut smallest: Option<(f32, String, String)> = None;
        for s in &n.scenes {
            for page in &s.pages {
                for b in &page.blocks {
                    if smallest.as_ref().is_none_or(|(sz, _, _)| b.size < *sz) {
                        smallest = Some((b.size, b.slot.clone(), s.locale.clone()));
                    }
                }
            }
        }
        let measured = match &smallest {
            Some((sz, slot, loc)) => {
                format!("smallest text {sz:.1} pt (slot `{slot}`, {loc})")
            }
            None => "no text measured".into(),
        };
        let (required, outcome) = match t.min {
            Some(m) => {
                let min = m.to_pt(0.75, 0.0);
                let ok = smallest
                    .as_ref()
                    .is_some_and(|(sz, _, _)| *sz + 0.05 >= min);
                (
                    format!("at least {min:.0} pt"),
                    if ok { Outcome::Met } else { Outcome::NotMet },
                )
            }
            None => (
                "not known (the profile gives no type size)".to_string(),
                Outcome::Unverified,
            ),
        };
        let required = if t.note.is_empty() {
            required
        } else {
            format!("{required} ({})", t.note)
        };
        out.push(RuleResult {
            rule: "type size".into(),
            required,
            measured,
            outcome: unv(t.unverified, outcome),
        });
    }

    // Languages.
    let mut want: Vec<String> = p.languages.required.clone();
    let mut required = want.iter().map(|c| names(c)).collect::<Vec<_>>().join(", ");
    let mut outcome = Outcome::Met;
    if !p.languages.extra.is_empty() {
        match county {
            Some(c) => {
                if !want.iter().any(|w| w == c) {
                    want.push(c.to_string());
                }
                required.push_str(&format!(" and {} ({})", p.languages.extra, names(c)));
            }
            None => {
                required.push_str(&format!(
                    " and {} (not given: --county-language CODE)",
                    p.languages.extra
                ));
                outcome = Outcome::Unverified;
            }
        }
    }
    let have: Vec<&str> = n
        .scenes
        .iter()
        .filter(|s| s.fell_back.is_empty())
        .map(|s| s.locale.as_str())
        .collect();
    let lacking: Vec<&String> = want
        .iter()
        .filter(|w| !have.contains(&w.as_str()))
        .collect();
    let mut measured = if have.is_empty() {
        "no language".to_string()
    } else {
        format!(
            "a notice in {}",
            have.iter().map(|c| names(c)).collect::<Vec<_>>().join(", ")
        )
    };
    if !lacking.is_empty() {
        outcome = Outcome::NotMet;
        measured.push_str(&format!(
            "; missing: {}",
            lacking
                .iter()
                .map(|c| {
                    let why = n
                        .missing
                        .iter()
                        .find(|(m, _)| m == *c)
                        .map(|(_, w)| format!(" ({w})"))
                        .unwrap_or_default();
                    format!("{}{why}", names(c))
                })
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out.push(RuleResult {
        rule: "languages".into(),
        required,
        measured,
        outcome: unv(p.languages.unverified, outcome),
    });

    // Required wording, in each language checked.
    for code in &want {
        let Some(s) = n.scenes.iter().find(|s| &s.locale == code) else {
            continue;
        };
        let rule = format!("wording ({code})");
        let Some(w) = p.wording_in(code) else {
            out.push(RuleResult {
                rule,
                required: format!("the law's wording in {}", names(code)),
                measured: format!("the profile has no {} wording to compare with", names(code)),
                outcome: Outcome::Unverified,
            });
            continue;
        };
        let text = normalize(&scene_text(s));
        let ps = parts(w);
        let absent: Vec<&String> = ps
            .iter()
            .filter(|x| !text.contains(&normalize(x)))
            .collect();
        let measured = if absent.is_empty() {
            format!("all {} quoted part(s) present", ps.len())
        } else {
            format!(
                "{} of {} part(s) present; missing \"{}\"",
                ps.len() - absent.len(),
                ps.len(),
                absent[0]
            )
        };
        let outcome = if !absent.is_empty() {
            Outcome::NotMet
        } else if !p.wording.complete || p.wording.unverified {
            Outcome::Unverified
        } else {
            Outcome::Met
        };
        let required = if p.wording.complete {
            "the law's full wording".to_string()
        } else {
            "the law's wording (the profile has only the parts the sources quote)".to_string()
        };
        out.push(RuleResult {
            rule,
            required,
            measured,
            outcome,
        });
    }

    // The state's own hotline.
    if let Some(sh) = &p.state_hotline {
        let want = normalize(&sh.phone);
        let lacking: Vec<&str> = n
            .scenes
            .iter()
            .filter(|s| !normalize(&scene_text(s)).contains(&want))
            .map(|s| s.locale.as_str())
            .collect();
        out.push(RuleResult {
            rule: "state hotline".into(),
            required: format!("{}, {}", sh.name, sh.phone),
            measured: if lacking.is_empty() {
                "shown on every notice".into()
            } else {
                format!("not shown in {}", lacking.join(", "))
            },
            outcome: unv(
                sh.unverified,
                if lacking.is_empty() && !n.scenes.is_empty() {
                    Outcome::Met
                } else {
                    Outcome::NotMet
                },
            ),
        });
    }

    // The national hotline's numbers as the law prints them.
    if !p.wording.hotline_numbers.is_empty() {
        let nums: Vec<&str> = p
            .wording
            .hotline_numbers
            .iter()
            .map(|n| n.get_ref().as_str())
            .collect();
        // By digits: the wording rule holds the law's own formatting.
        let lacking: Vec<String> = n
            .scenes
            .iter()
            .flat_map(|s| {
                let shown = scene_text(s);
                nums.iter()
                    .filter(move |x| !crate::base::numbers::shows(&shown, &digits(x)))
                    .map(move |x| format!("{x} in {}", s.locale))
            })
            .collect();
        out.push(RuleResult {
            rule: "national hotline".into(),
            required: nums.join(" and "),
            measured: if lacking.is_empty() {
                "shown on every notice".into()
            } else {
                format!("not shown: {}", lacking.join(", "))
            },
            outcome: if lacking.is_empty() && !n.scenes.is_empty() {
                Outcome::Met
            } else {
                Outcome::NotMet
            },
        });
    }

    out.push(RuleResult {
        rule: "placement".into(),
        required: p.header.placement.clone(),
        measured: "check where it is posted".into(),
        outcome: Outcome::ByHand,
    });
    out.push(RuleResult {
        rule: "facilities".into(),
        required: p.header.facilities.clone(),
        measured: "check that the law covers this facility".into(),
        outcome: Outcome::ByHand,
    });
    out
}
