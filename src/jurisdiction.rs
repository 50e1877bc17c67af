//! State posting laws as data: a profile per law (`jurisdictions/us-ca.toml`), the
//! `state-notice-*` designs made from them, and the compliance check of a kit's notice
//! against a profile (`hotline-kit check --jurisdiction us-ca`).
//!
//! A profile's facts come from secondary sources. Points marked `unverified` are never
//! reported as met: the check says "unverified" beside them, whatever it measured.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, Diagnostics, Source};
use crate::hotline::Hotline;
use crate::numbers::digits;
use crate::scene::Scene;
use crate::spec::{Content, Design, Kind};
use crate::units::Length;

/// The template every state notice is made from.
pub const TEMPLATE: &str = "designs/notices/state-notice.toml";

/// Marks a gap in a profile's quoted wording.
pub const GAP: char = '\u{2026}';

/// `[jurisdiction]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// State name.
    pub name: String,
    /// Citation.
    pub law: String,
    /// Facilities the law covers, in words.
    pub facilities: String,
    /// Where the notice goes, in words.
    pub placement: String,
    /// Penalty, in words.
    #[serde(default)]
    pub penalty: String,
    /// Where the facts came from.
    pub sources: Vec<String>,
    /// When the profile was compiled from the sources.
    pub compiled: String,
    /// When someone checked it against the statute (empty: never).
    #[serde(default)]
    pub verified: String,
    /// Who checked it.
    #[serde(default)]
    pub verified_by: String,
}

/// `[size]`: the smallest sign allowed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SizeRule {
    /// Width (either orientation).
    #[serde(default)]
    pub width: Option<Length>,
    /// Height.
    #[serde(default)]
    pub height: Option<Length>,
    /// Not confirmed by the sources.
    #[serde(default)]
    pub unverified: bool,
}

/// `[type_size]`: the smallest type allowed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeRule {
    /// Smallest type size.
    #[serde(default)]
    pub min: Option<Length>,
    /// Not confirmed by the sources.
    #[serde(default)]
    pub unverified: bool,
    /// Why, in words.
    #[serde(default)]
    pub note: String,
}

/// `[languages]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageRule {
    /// Locale codes every notice must be in.
    pub required: Vec<String>,
    /// An extra language the user names (`--county-language`), described in words.
    #[serde(default)]
    pub extra: String,
    /// Not confirmed by the sources.
    #[serde(default)]
    pub unverified: bool,
}

/// `[wording]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordingRule {
    /// The profile holds the law's full wording (not just quoted parts).
    #[serde(default)]
    pub complete: bool,
    /// Not confirmed by the sources.
    #[serde(default)]
    pub unverified: bool,
    /// The national hotline's numbers as the law prints them.
    #[serde(default)]
    pub hotline_numbers: Vec<Spanned<String>>,
    /// Required wording per locale code; `…` marks a gap.
    #[serde(default)]
    pub text: BTreeMap<String, String>,
}

/// `[state_hotline]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateHotline {
    /// Its name.
    pub name: String,
    /// Its number as printed (letters allowed: 1-855-FLA-SAFE).
    pub phone: String,
    /// Not confirmed by the sources.
    #[serde(default)]
    pub unverified: bool,
}

/// One profile file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    jurisdiction: Header,
    #[serde(default)]
    size: SizeRule,
    #[serde(default)]
    type_size: Option<TypeRule>,
    languages: LanguageRule,
    #[serde(default)]
    wording: WordingRule,
    #[serde(default)]
    state_hotline: Option<StateHotline>,
}

/// A state posting law, as data.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Its id: the file name without `.toml` (`us-ca`).
    pub id: String,
    /// `[jurisdiction]`.
    pub header: Header,
    /// `[size]`.
    pub size: SizeRule,
    /// `[type_size]`; `None` when the law sets no type size.
    pub type_size: Option<TypeRule>,
    /// `[languages]`.
    pub languages: LanguageRule,
    /// `[wording]`.
    pub wording: WordingRule,
    /// `[state_hotline]`.
    pub state_hotline: Option<StateHotline>,
    /// The file.
    pub source: Arc<Source>,
}

impl Profile {
    /// Parse a profile and check its numbers against the hotline facts.
    pub fn parse(id: &str, src: &Arc<Source>, hotline: &Hotline) -> Result<Self, Diagnostics> {
        let f: File = toml::from_str(&src.text).map_err(|e| {
            Diagnostics::from(
                Diagnostic::error(format!(
                    "jurisdiction profile is not valid: {}",
                    e.message().trim()
                ))
                .at(src, e.span())
                .hint("see the fields in jurisdictions/README.md"),
            )
        })?;
        let mut d = Diagnostics::default();
        let national = [
            (
                "phone",
                digits(&hotline.phone.display),
                &hotline.phone.display,
            ),
            ("text", digits(&hotline.sms.display), &hotline.sms.display),
        ];
        for n in &f.wording.hotline_numbers {
            let got = digits(n.get_ref());
            if !national.iter().any(|(_, want, _)| *want == got) {
                d.push(
                    Diagnostic::error(format!(
                        "the law's hotline number `{}` is neither the hotline's phone ({}) nor its text number ({}) in hotline.toml",
                        n.get_ref(),
                        national[0].2,
                        national[1].2
                    ))
                    .at(src, Some(n.span()))
                    .hint("a number must never be typed twice: check the statute and hotline.toml, and fix whichever is wrong"),
                );
            }
        }
        // A number one digit away from the hotline's, in the law's wording or as the
        // state's own hotline, would be printed on the notice: refuse it here.
        let rules = hotline.number_rules();
        let line_of = |needle: &str| src.find_line(|l| l.contains(needle));
        if let Some(sh) = &f.state_hotline {
            let num = digits(&sh.phone);
            let ten = num.strip_prefix('1').filter(|x| x.len() == 10);
            if let Some(of) = [Some(num.as_str()), ten]
                .into_iter()
                .flatten()
                .find_map(|x| rules.look_alike(x))
            {
                d.push(
                    Diagnostic::error(format!(
                        "the state hotline `{}` ({}) is a look-alike of the national hotline number {of}: one digit differs",
                        sh.name, sh.phone
                    ))
                    .at(src, line_of(&sh.phone))
                    .hint("check the number against the statute and the state's own site"),
                );
            }
        }
        for (code, text) in &f.wording.text {
            for found in rules.check(text) {
                if let crate::numbers::Problem::LookAlike(of) = &found.problem {
                    let shown = crate::numbers::escape_invisible(&text[found.span.clone()]);
                    d.push(
                        Diagnostic::error(format!(
                            "the {code} wording shows `{shown}`, a look-alike of the hotline number {of}: one digit differs"
                        ))
                        .at(src, line_of(&text[found.span.clone()]))
                        .hint("copy the number from the statute again; it must be the hotline's"),
                    );
                }
            }
        }
        for (code, text) in &f.wording.text {
            for n in &f.wording.hotline_numbers {
                if !text.is_empty() && !normalize(text).contains(&normalize(n.get_ref())) {
                    d.push(
                        Diagnostic::error(format!(
                            "`{}` is listed in hotline_numbers but is not in the {code} wording",
                            n.get_ref()
                        ))
                        .at(src, Some(n.span()))
                        .hint("write the number exactly as the law prints it, in the wording too"),
                    );
                }
            }
        }
        if let Some(t) = &f.type_size
            && let Some(m) = t.min
            && m.to_pt(0.75, 0.0) <= 0.0
        {
            d.push(Diagnostic::error("type_size min must be above 0").at(src, None));
        }
        if d.has_errors() {
            return Err(d);
        }
        Ok(Profile {
            id: id.to_string(),
            header: f.jurisdiction,
            size: f.size,
            type_size: f.type_size,
            languages: f.languages,
            wording: f.wording,
            state_hotline: f.state_hotline,
            source: src.clone(),
        })
    }

    /// The name of the notice design made from this profile.
    pub fn design_name(&self) -> String {
        format!("state-notice-{}", self.id)
    }

    /// The required wording in a locale, if the profile has it.
    pub fn wording_in(&self, code: &str) -> Option<&str> {
        self.wording
            .text
            .get(code)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    }

    /// The line a notice shows for the state's own hotline.
    pub fn state_hotline_line(&self) -> Option<String> {
        self.state_hotline
            .as_ref()
            .map(|s| format!("{}: {}", s.name, s.phone))
    }

    /// Why a notice from this profile cannot be final, if it cannot.
    pub fn draft_notes(&self) -> Vec<String> {
        let mut n = Vec::new();
        if !self.wording.complete {
            n.push("required wording incomplete".to_string());
        }
        if self.header.verified.trim().is_empty() {
            n.push(format!("{} not verified against the law", self.id));
        }
        n
    }

    /// Numbers a notice may show besides the hotline's: the state hotline (10 and 11
    /// digit forms) and the digits of the citation (`787.29`).
    pub fn allowed_numbers(&self) -> Vec<String> {
        let mut out = crate::verify::phone_like(&self.header.law);
        if let Some(s) = &self.state_hotline {
            let d = digits(&s.phone);
            if let Some(ten) = d.strip_prefix('1').filter(|x| x.len() == 10) {
                out.push(ten.to_string());
            }
            out.push(d);
        }
        out
    }
}

/// Text for comparing wording: lower case, one kind of quote, dash and space.
pub fn normalize(s: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{00a0}' | '\u{202f}' | '\n' | '\t' => ' ',
            c => c,
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The parts of a wording between gaps, each as it must appear.
pub fn parts(wording: &str) -> Vec<String> {
    wording
        .split(GAP)
        .map(|p| p.trim().trim_end_matches([',', ';']).trim())
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Load every profile in `jurisdictions/` (none if the folder is missing).
pub fn load(
    assets: &dyn crate::assets::Assets,
    hotline: &Hotline,
) -> Result<BTreeMap<String, Profile>, Diagnostics> {
    let mut out = BTreeMap::new();
    let mut diags = Diagnostics::default();
    let Ok(files) = assets.list("jurisdictions") else {
        return Ok(out);
    };
    for f in files.iter().filter(|f| f.ends_with(".toml")) {
        let id = f.trim_end_matches(".toml");
        let rel = format!("jurisdictions/{f}");
        if !crate::spec::is_valid_name(id) {
            diags.push(
                Diagnostic::error(format!("profile file name `{f}` is not a valid id"))
                    .in_file(assets.display_path(&rel))
                    .hint("use lowercase letters, digits and hyphens, e.g. us-ca.toml"),
            );
            continue;
        }
        match crate::project::read_source(assets, &rel) {
            Ok(src) => match Profile::parse(id, &src, hotline) {
                Ok(p) => {
                    out.insert(id.to_string(), p);
                }
                Err(e) => diags.extend(e.0),
            },
            Err(e) => diags.push(e),
        }
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(out)
    }
}

/// The notice design for a profile, made from the template: the law's sign size, its
/// smallest type size as every text slot's floor, its placement, built on request.
pub fn notice_design(template: &Design, p: &Profile) -> Design {
    let mut d = template.clone();
    d.name = p.design_name();
    d.picks_as = d.name.clone();
    d.variant_of = None;
    d.kind = Kind::Notice;
    d.on_request = true;
    d.notice_of = Some(p.id.clone());
    if let (Some(w), Some(h)) = (p.size.width, p.size.height) {
        d.width = w;
        d.height = h;
    }
    if let Some(min) = p.type_size.as_ref().and_then(|t| t.min) {
        d.min_text = min;
        let px = d.px_pt();
        let floor = min.to_pt(px, 0.0);
        for s in &mut d.slots {
            if let Some(r) = &mut s.size {
                if r.min.to_pt(px, 0.0) < floor {
                    r.min = min;
                }
                if r.max.to_pt(px, 0.0) < floor {
                    r.max = min;
                }
            }
        }
    }
    d.placement = p.header.placement.clone();
    d.title = format!(
        "{} notice ({}), {}",
        p.header.name,
        p.header.law,
        d.size_text()
    );
    d
}

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
                    .filter(move |x| !crate::numbers::shows(&shown, &digits(x)))
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

/// Whether a design slot shows nothing for this locale (a notice's missing wording or
/// state hotline), so its row can collapse.
pub fn slot_is_empty(p: Option<&Profile>, content: &Content, code: &str) -> bool {
    match content {
        Content::Statute(part) => statute_text(p, *part, code).is_none(),
        _ => false,
    }
}

/// What a statute slot shows in a locale.
pub fn statute_text(
    p: Option<&Profile>,
    part: crate::spec::StatutePart,
    code: &str,
) -> Option<String> {
    use crate::spec::StatutePart;
    let p = p?;
    match part {
        StatutePart::Wording => p.wording_in(code).map(str::to_string),
        StatutePart::StateHotline => p.state_hotline_line(),
        StatutePart::Law => Some(p.header.law.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_ignores_case_quotes_dashes_and_spacing() {
        assert_eq!(
            normalize("If  you\u{2019}re\n forced \u{2013} CALL"),
            "if you're forced - call"
        );
    }

    #[test]
    fn gaps_split_the_quoted_parts() {
        assert_eq!(
            parts("A b … text 233-733 (Be Free) or call … 1-888, …"),
            ["A b", "text 233-733 (Be Free) or call", "1-888"]
        );
    }
}
