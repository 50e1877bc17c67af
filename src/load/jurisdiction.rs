//! State posting laws as data: a profile per law (`jurisdictions/us-ca.toml`), the
//! `state-notice-*` designs made from them. A laid-out notice is checked against its
//! profile by the compliance check (`compliance`).
//!
//! A profile's facts come from secondary sources. Points marked `unverified` are never
//! reported as met: the check says "unverified" beside them, whatever it measured.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::base::numbers::digits;
use crate::base::units::Length;
use crate::load::hotline::Hotline;
use crate::load::spec::{Content, Design, Kind};

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
                if let crate::base::numbers::Problem::LookAlike(of) = &found.problem {
                    let shown = crate::base::numbers::escape_invisible(&text[found.span.clone()]);
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
        let mut out = crate::base::numbers::phone_like(&self.header.law);
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
    assets: &dyn crate::base::assets::Assets,
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
        if !crate::load::spec::is_valid_name(id) {
            diags.push(
                Diagnostic::error(format!("profile file name `{f}` is not a valid id"))
                    .in_file(assets.display_path(&rel))
                    .hint("use lowercase letters, digits and hyphens, e.g. us-ca.toml"),
            );
            continue;
        }
        match crate::base::sources::read_source(assets, &rel) {
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
    part: crate::load::spec::StatutePart,
    code: &str,
) -> Option<String> {
    use crate::load::spec::StatutePart;
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
