//! Content rules as data: the red-flag library (`content/red-flags.toml`) and the words
//! to avoid per locale (`content/words/<locale>.toml`).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diag::{Diagnostic, Source};

/// Whether a red flag is about labor trafficking, sex trafficking or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    /// Forced labor.
    Labor,
    /// Sex trafficking.
    Sex,
    /// Both.
    Both,
}

impl Tag {
    /// Whether a flag with this tag covers `need` (labor or sex). A question that fits
    /// both kinds names neither, so coverage needs a labor and a sex question.
    pub fn covers(self, need: Tag) -> bool {
        self == need
    }
}

/// One entry of the red-flag library.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    /// Message id (the text is in every catalog).
    pub id: String,
    /// labor, sex or both.
    pub tag: Tag,
    /// Where the idea comes from.
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlagFile {
    flag: Vec<RedFlag>,
}

/// Parse the red-flag library.
pub fn parse_flags(src: &Arc<Source>) -> Result<Vec<RedFlag>, Diagnostic> {
    let f: FlagFile = toml::from_str(&src.text).map_err(|e| {
        Diagnostic::error(format!(
            "red-flag library is not valid: {}",
            e.message().trim()
        ))
        .at(src, e.span())
        .hint("each [[flag]] needs id, tag (labor, sex or both) and source")
    })?;
    Ok(f.flag)
}

/// Error or warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Refuses the build.
    Error,
    /// Printed, does not stop anything.
    Warning,
}

/// A word or phrase to avoid.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The word or phrase (whole words, any case).
    #[serde(rename = "match")]
    pub term: String,
    /// Error or warning.
    pub severity: Level,
    /// What to say instead.
    #[serde(rename = "use")]
    pub instead: String,
    /// Why.
    pub reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermFile {
    term: Vec<Term>,
}

/// Parse one word list.
pub fn parse_terms(src: &Arc<Source>) -> Result<Vec<Term>, Diagnostic> {
    let f: TermFile = toml::from_str(&src.text).map_err(|e| {
        Diagnostic::error(format!("word list is not valid: {}", e.message().trim()))
            .at(src, e.span())
            .hint("each [[term]] needs match, severity (error or warning), use and reason")
    })?;
    Ok(f.term)
}

/// Byte offsets where `term` occurs in `text` as whole words, ignoring case.
pub fn find_term(text: &str, term: &str) -> Vec<usize> {
    // Offsets are into the lowercased text (equal to the original's for nearly all text).
    let lower = text.to_lowercase();
    let t = term.to_lowercase();
    lower
        .match_indices(&t)
        .filter(|(i, _)| boundary(&lower, *i, t.len()))
        .map(|(i, _)| i)
        .collect()
}

fn boundary(s: &str, i: usize, len: usize) -> bool {
    let before = s[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let after = s[i + len..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    before && after
}

/// Word lists by locale code.
pub type WordLists = BTreeMap<String, (Arc<Source>, Vec<Term>)>;

#[cfg(test)]
mod tests {
    use super::find_term;

    #[test]
    fn terms_match_whole_words_in_any_case() {
        assert_eq!(find_term("We RESCUE people", "rescue"), vec![3]);
        assert!(find_term("rescued", "rescue").is_empty());
        assert_eq!(find_term("una víctima.", "víctima"), vec![4]);
        assert_eq!(find_term("not a sex slave here", "sex slave"), vec![6]);
    }
}
