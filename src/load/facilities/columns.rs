//! The sheet's header: which column is which. Headers are matched ignoring case, with
//! spaces and hyphens read as underscores; a column the tool does not know, or the
//! same column twice, stops the whole sheet (a misspelt count must not be ignored).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use crate::base::diag::{Diagnostic, Diagnostics, Source};

use super::records::{Record, letter};

/// A field of a local resource group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ResField {
    /// `resource_name`.
    Name,
    /// `resource_phone`.
    Phone,
    /// `resource_note` (also `resource_hours`).
    Note,
}

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Col {
    /// `id`.
    Id,
    /// `name`.
    Name,
    /// `languages`.
    Languages,
    /// `county_language`.
    CountyLanguage,
    /// `jurisdiction`.
    Jurisdiction,
    /// `qr`.
    Qr,
    /// A count the designs go by.
    Count(String),
    /// A field of local resource number `group` (1 for `resource_name`).
    Resource(u8, ResField),
    /// No header: its cells must be empty.
    Blank,
}

/// One column of the sheet.
#[derive(Debug, Clone)]
pub struct Column {
    /// What it holds.
    pub col: Col,
    /// The header as written (trimmed).
    pub header: String,
    /// Its letter (A, B, ... AA).
    pub letter: String,
}

/// A header as compared: trimmed, lower case, runs of spaces, hyphens and underscores
/// as one underscore.
pub fn normalize(header: &str) -> String {
    let mut out = String::new();
    for c in header.trim().chars().flat_map(char::to_lowercase) {
        if matches!(c, ' ' | '-' | '_') || c.is_whitespace() {
            if !out.ends_with('_') {
                out.push('_');
            }
        } else {
            out.push(c);
        }
    }
    out.trim_matches('_').to_string()
}

/// The column a normalized header names, if any.
fn classify(key: &str, counts: &BTreeSet<String>) -> Option<Col> {
    Some(match key {
        "id" => Col::Id,
        "name" => Col::Name,
        "languages" => Col::Languages,
        "county_language" => Col::CountyLanguage,
        "jurisdiction" => Col::Jurisdiction,
        "qr" => Col::Qr,
        k if counts.contains(k) => Col::Count(k.to_string()),
        k => {
            let rest = k.strip_prefix("resource")?;
            let (num, field) = rest.rsplit_once('_')?;
            let field = match field {
                "name" => ResField::Name,
                "phone" => ResField::Phone,
                "note" | "hours" => ResField::Note,
                _ => return None,
            };
            let num = num.strip_prefix('_').unwrap_or(num);
            let group = match num {
                "" => 1,
                n if n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) => {
                    n.parse().ok().filter(|g| *g > 0)?
                }
                _ => return None,
            };
            Col::Resource(group, field)
        }
    })
}

/// Every column name the sheet may use, for hints.
pub fn known(counts: &BTreeSet<String>) -> Vec<String> {
    let mut v: Vec<String> = [
        "id",
        "name",
        "languages",
        "county_language",
        "jurisdiction",
        "qr",
        "resource_name",
        "resource_phone",
        "resource_note",
        "resource2_name",
        "resource2_phone",
        "resource2_note",
    ]
    .map(String::from)
    .to_vec();
    v.extend(counts.iter().cloned());
    v
}

/// Read the header record into columns. Errors: an unknown column, the same column
/// twice, a required column missing.
pub fn columns(
    header: &Record,
    src: &Arc<Source>,
    counts: &BTreeSet<String>,
) -> Result<Vec<Column>, Diagnostics> {
    let mut d = Diagnostics::default();
    let mut out = Vec::new();
    let mut seen: BTreeMap<Col, (String, String)> = BTreeMap::new();
    let at = |span: &Range<usize>| Some(span.clone());
    for (i, cell) in header.cells.iter().enumerate() {
        let written = cell.text.trim().to_string();
        let key = normalize(&written);
        let letter = letter(i);
        let col = if key.is_empty() {
            Col::Blank
        } else if let Some(c) = classify(&key, counts) {
            c
        } else {
            let names = known(counts);
            let mut e = Diagnostic::error(format!(
                "row 1, column {letter}: unknown column `{written}`"
            ))
            .at(src, at(&cell.span));
            if let Some(close) = closest(&key, names.iter().map(String::as_str)) {
                e = e.hint(format!("did you mean `{close}`?"));
            }
            d.push(e.hint(format!(
                "known columns: {} (more resources: resource3_name …; counts are those the designs go by)",
                names.join(", ")
            )));
            continue;
        };
        if col != Col::Blank {
            if let Some((first, first_letter)) = seen.get(&col) {
                d.push(
                    Diagnostic::error(format!(
                        "row 1, column {letter}: column `{written}` is the same as column {first_letter} (`{first}`)"
                    ))
                    .at(src, at(&cell.span))
                    .hint("keep one of the two columns"),
                );
                continue;
            }
            seen.insert(col.clone(), (written.clone(), letter.clone()));
        }
        out.push(Column {
            col,
            header: written,
            letter,
        });
    }
    let missing: Vec<&str> = [
        (Col::Id, "id"),
        (Col::Name, "name"),
        (Col::Languages, "languages"),
    ]
    .into_iter()
    .filter(|(c, _)| !seen.contains_key(c))
    .map(|(_, n)| n)
    .collect();
    if !missing.is_empty() {
        let end = header.end;
        d.push(
            Diagnostic::error(format!(
                "row 1: the sheet has no column {}",
                missing
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .at(src, Some(0..end))
            .hint("the first row names the columns; every sheet needs id, name and languages")
            .hint("the sample examples/facilities.csv shows every column"),
        );
    }
    if d.has_errors() { Err(d) } else { Ok(out) }
}

/// The known name closest to `key` (at most two edits away, or a third of its length).
pub fn closest<'a>(key: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (key.chars().count() / 3).max(2);
    names
        .map(|n| (strsim::levenshtein(key, n), n))
        .filter(|(dist, _)| *dist <= limit)
        .min()
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_matched_loosely_but_never_guessed() {
        let counts: BTreeSet<String> = ["stalls".to_string()].into();
        assert_eq!(
            classify(&normalize(" County-Language "), &counts),
            Some(Col::CountyLanguage)
        );
        assert_eq!(
            classify(&normalize("Resource 2 Phone"), &counts),
            Some(Col::Resource(2, ResField::Phone))
        );
        assert_eq!(
            classify("resource_1_name", &counts),
            Some(Col::Resource(1, ResField::Name))
        );
        assert_eq!(classify("resource0_name", &counts), None);
        assert_eq!(classify("stals", &counts), None);
        assert_eq!(
            closest("stals", ["stalls", "name"].into_iter()),
            Some("stalls")
        );
    }
}
