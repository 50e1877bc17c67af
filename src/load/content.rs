//! Content rules as data: the red-flag library (`content/red-flags.toml`) and the words
//! to avoid per locale (`content/words/<locale>.toml`).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::base::diag::{Diagnostic, Source};

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
    /// What the question names in so many words: `labor` (work, a job, a boss, pay),
    /// `sex`, both or neither. Restroom pieces must name both (`restroom = true`).
    pub names: Vec<Tag>,
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
        .hint("each [[flag]] needs id, tag (labor, sex or both), names (what it names: [\"labor\"], [\"sex\"], both or []) and source")
    })?;
    for fl in &f.flag {
        if fl.names.contains(&Tag::Both) {
            return Err(
                Diagnostic::error(format!("red flag `{}`: `names` lists \"both\"", fl.id))
                    .at(
                        src,
                        src.find_line(|l| l.contains(&format!("\"{}\"", fl.id))),
                    )
                    .hint(
                        "write names = [\"labor\", \"sex\"] for a question that names work and sex",
                    ),
            );
        }
    }
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

/// Endings a word to avoid may carry and still be the same word: plurals, verb forms
/// and gender in English and Spanish (accents ignored). Derived words with their own
/// meaning ("slavery" from "slave") are list entries of their own.
const ENDINGS: &[&str] = &[
    // English: plurals, possessive-less verb forms, agent nouns.
    "s", "es", "d", "ed", "ing", "er", "ers", "ies", "ied",
    // Spanish: plurals, gender, participles, common verb forms, attached pronouns.
    "a", "as", "o", "os", "ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "ando",
    "iendo", "ar", "e", "en", "an", "amos", "emos", "lo", "la", "los", "las", "le", "les", "te",
    "nos",
];

/// Text folded for comparing words: lower case, accents and compatibility forms
/// removed (`Víctima` and `ｖｉｃｔｉｍａ` both fold to `victima`), invisible characters
/// dropped.
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    text.nfkd()
        .filter(|c| !is_combining_mark(*c) && !is_invisible(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_invisible(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    c.general_category() == GeneralCategory::Format
}

/// Whether a character belongs to a word (letters, digits, marks, and invisible
/// characters such as a soft hyphen hidden inside one).
fn in_word(c: char) -> bool {
    use unicode_normalization::char::is_combining_mark;
    c.is_alphanumeric() || is_combining_mark(c) || is_invisible(c)
}

/// The words of a text: byte range and folded form.
fn words(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (in_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s..i, fold(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), fold(&text[s..])));
    }
    out
}

/// Whether `word` is `base` or `base` with one of the usual endings (both folded). A
/// base ending in a vowel or `y`, or a Spanish infinitive in -ar or -ir, may drop it first (`rescue` ->
/// `rescuing`, `esclavo` -> `esclavas`, `rescatar` -> `rescatado`).
pub fn inflects(word: &str, base: &str) -> bool {
    if word == base {
        return true;
    }
    let mut stems = vec![base];
    let n = base.chars().count();
    if n >= 4 && base.ends_with(['a', 'e', 'i', 'o', 'u', 'y']) {
        stems.push(&base[..base.len() - 1]);
    }
    if n >= 6 && (base.ends_with("ar") || base.ends_with("ir")) {
        stems.push(&base[..base.len() - 2]);
    }
    stems.iter().any(|stem| {
        word.strip_prefix(stem)
            .is_some_and(|end| ENDINGS.contains(&end))
    })
}

/// Byte ranges where `term` occurs in `text` as whole words, in any case, with or
/// without accents. The words of a phrase may be separated by any spacing or dashes.
pub fn find_term(text: &str, term: &str) -> Vec<std::ops::Range<usize>> {
    find(text, term, |w, t| w == t)
}

/// Like [`find_term`], and also in the term's inflected forms (plural and common
/// endings, see [`inflects`]): what the words-to-avoid check uses.
pub fn find_forms(text: &str, term: &str) -> Vec<std::ops::Range<usize>> {
    find(text, term, inflects)
}

fn find(text: &str, term: &str, same: impl Fn(&str, &str) -> bool) -> Vec<std::ops::Range<usize>> {
    let want: Vec<String> = words(term).into_iter().map(|(_, w)| w).collect();
    let have = words(text);
    if want.is_empty() {
        return Vec::new();
    }
    let joined = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
        text[a.end..b.start].chars().all(|c| {
            use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
            c.is_whitespace() || c.general_category() == GeneralCategory::DashPunctuation
        })
    };
    let mut out = Vec::new();
    for i in 0..have.len() {
        let Some(run) = have.get(i..i + want.len()) else {
            break;
        };
        let words_match = run.iter().zip(&want).all(|((_, w), t)| same(w, t));
        let together = run.windows(2).all(|p| joined(&p[0].0, &p[1].0));
        if words_match && together {
            out.push(run[0].0.start..run[run.len() - 1].0.end);
        }
    }
    out
}

/// Word lists by locale code.
pub type WordLists = BTreeMap<String, (Arc<Source>, Vec<Term>)>;

#[cfg(test)]
mod tests {
    use super::{find_forms, find_term};

    #[test]
    fn terms_match_whole_words_in_any_case() {
        assert_eq!(find_term("We RESCUE people", "rescue"), vec![3..9]);
        assert!(find_term("rescuer", "resc").is_empty());
        assert!(find_term("slavery", "slave").is_empty());
        assert!(find_term("rescued", "rescue").is_empty());
        assert_eq!(find_term("ＲＥＳＣＵＥ", "rescue").len(), 1);
        assert_eq!(find_term("una víctima.", "víctima"), vec![4..12]);
        assert_eq!(find_term("not a sex slave here", "sex slave"), vec![6..15]);
    }

    #[test]
    fn terms_match_inflected_forms() {
        for (text, term) in [
            ("they were rescued", "rescue"),
            ("rescuing people", "rescue"),
            ("many victims", "victim"),
            ("sex slaves", "sex slave"),
            ("sex-slaves", "sex slave"),
            ("VÍCTIMAS", "víctima"),
            ("victimas", "víctima"),
            ("prostituciones", "prostitución"),
            ("los ilegales", "ilegal"),
            ("fueron rescatados", "rescatar"),
            ("esclavas", "esclavo"),
            ("ｖｉｃｔｉｍｓ", "victim"),
            ("vic\u{ad}tims", "victim"),
        ] {
            assert_eq!(find_forms(text, term).len(), 1, "{text:?} / {term:?}");
        }
        assert!(find_forms("sex. Slaves", "sex slave").is_empty());
    }
}
