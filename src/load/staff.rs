//! kit.toml `[staff]`: what staff pieces say that only the facility can say (issue 19).
//! Reporting duties differ by state and by the patient's age (shared facts section 13,
//! unverified per state), so no rule is written into the tool: the badge card and the
//! staff poster print the facility's own instruction, or, with none given, tell staff
//! to follow the facility's policy (`staff-reporting-default` in the catalogs).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::base::diag::Diagnostic;

/// Longest reporting instruction, in characters: it has to fit a badge card.
pub const MAX_REPORTING_CHARS: usize = 160;

/// `[staff]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffSection {
    /// The facility's reporting instruction for staff.
    #[serde(default)]
    pub reporting: Option<toml::Spanned<Reporting>>,
}

/// The reporting instruction: one English text (`reporting = "..."`), or one text per
/// language (`reporting = { en = "...", es = "..." }`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Reporting {
    /// English only.
    English(String),
    /// Locale code to text.
    ByLocale(BTreeMap<String, String>),
}

impl Reporting {
    /// The text for locale `code`, if the kit gives one.
    pub fn get(&self, code: &str) -> Option<&str> {
        match self {
            Reporting::English(t) => (code == "en").then_some(t.as_str()),
            Reporting::ByLocale(m) => m.get(code).map(String::as_str),
        }
    }

    /// The languages it is written in.
    pub fn locales(&self) -> Vec<&str> {
        match self {
            Reporting::English(_) => vec!["en"],
            Reporting::ByLocale(m) => m.keys().map(String::as_str).collect(),
        }
    }

    /// Every text with its locale, for the content hash and the checks.
    pub fn texts(&self) -> Vec<(&str, &str)> {
        match self {
            Reporting::English(t) => vec![("en", t.as_str())],
            Reporting::ByLocale(m) => m.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect(),
        }
    }

    /// Problems of the texts on their own (errors without a location; the kit file
    /// places them): empty, too long for a badge card, or holding characters that are
    /// not text (control characters, bidirectional overrides that would reorder it).
    pub fn problems(&self) -> Vec<Diagnostic> {
        let mut d = Vec::new();
        if let Reporting::ByLocale(m) = self
            && m.is_empty()
        {
            d.push(
                Diagnostic::error("[staff] reporting names no language")
                    .hint("write reporting = { en = \"...\", es = \"...\" }, or leave it out to print \"follow your facility's policy\""),
            );
        }
        for (code, t) in self.texts() {
            let n = t.chars().count();
            if t.trim().is_empty() || n > MAX_REPORTING_CHARS {
                d.push(
                    Diagnostic::error(format!(
                        "[staff] reporting ({code}) must be 1 to {MAX_REPORTING_CHARS} characters (it has {n})"
                    ))
                    .hint("one short instruction staff can follow, e.g. \"Under 18: call social work on call, then Child Protective Services.\""),
                );
            }
            if let Some(c) = t.chars().find(|c| not_text(*c)) {
                d.push(
                    Diagnostic::error(format!(
                        "[staff] reporting ({code}) holds the invisible character U+{:04X}",
                        c as u32
                    ))
                    .hint("retype the text: control and direction-override characters can hide or reorder what staff read"),
                );
            }
        }
        d
    }
}

/// Characters that are not text on a printed card: controls (a newline included) and
/// the bidirectional embedding, override and isolate marks.
fn not_text(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_text_is_english_and_a_table_names_its_languages() {
        let en = Reporting::English("Call social work.".into());
        assert_eq!(en.get("en"), Some("Call social work."));
        assert_eq!(en.get("es"), None);
        let both = Reporting::ByLocale(BTreeMap::from([
            ("en".into(), "Call social work.".into()),
            ("es".into(), "Llame a trabajo social.".into()),
        ]));
        assert_eq!(both.get("es"), Some("Llame a trabajo social."));
        assert_eq!(both.locales(), vec!["en", "es"]);
        assert!(en.problems().is_empty() && both.problems().is_empty());
    }

    #[test]
    fn hostile_or_oversized_texts_are_refused() {
        for bad in [
            "",
            "   ",
            "Call\u{202E}llaw",
            "line\nbreak",
            "\u{2066}x\u{2069}",
            &"a".repeat(MAX_REPORTING_CHARS + 1),
        ] {
            assert!(
                !Reporting::English(bad.into()).problems().is_empty(),
                "{bad:?} should be refused"
            );
        }
        assert!(!Reporting::ByLocale(BTreeMap::new()).problems().is_empty());
    }
}
