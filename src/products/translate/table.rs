//! CSV for spreadsheets, written and read with the `csv` crate.
//!
//! One row per message: `id, locale, source, translation, gloss, status, appears in`.
//! Placeables are written in their Fluent form (`{ $sms }`): a token a translator can
//! see, a CAT tool can lock with one pattern (`\{[^{}]*\}`), and import checks against
//! the English source. The file starts with a byte-order mark so spreadsheet programs
//! read it as UTF-8. A cell that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading `'`, which
//! import removes again.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::import::{InFile, InUnit};
use super::{Export, Pattern, Seg, bad_char, bad_char_error};
use crate::base::diag::{Diagnostic, Diagnostics, Source};

/// Column names, in the order written. Import finds columns by name.
pub const COLUMNS: [&str; 7] = [
    "id",
    "locale",
    "source",
    "translation",
    "gloss",
    "status",
    "appears in (room)",
];

/// A cell made safe from spreadsheet formulas: a leading `'` before a formula
/// character, and before a leading `'` so that import can always remove exactly one.
pub fn defuse(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// The cell as written before [`defuse`].
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if matches!(
                rest.chars().next(),
                Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'')
            ) =>
        {
            rest
        }
        _ => cell,
    }
}

/// The export as CSV bytes (UTF-8 with a byte-order mark, CRLF line ends as RFC 4180).
pub fn write(e: &Export) -> Result<Vec<u8>, Diagnostics> {
    let mut d = Diagnostics::default();
    let mut w = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    let fail =
        |e: csv::Error| Diagnostics::from(Diagnostic::error(format!("cannot write CSV: {e}")));
    w.write_record(COLUMNS).map_err(fail)?;
    for u in &e.units {
        let target = u.target.as_ref().map(Pattern::fluent).unwrap_or_default();
        let source = u.source.fluent();
        for (what, text) in [
            ("English source", &source),
            ("translation", &target),
            ("gloss", &u.gloss),
        ] {
            if let Some(c) = bad_char(text) {
                d.push(bad_char_error(&u.id, what, c));
            }
        }
        let status = if u.status_by.is_empty() {
            u.status.as_str().to_string()
        } else {
            format!("{} ({})", u.status.as_str(), u.status_by)
        };
        let mut notes = u.uses.join("\n");
        if let Some(c) = &u.comment {
            notes = format!("{notes}\nnote: {c}");
        }
        let row = [
            u.id.clone(),
            e.code.clone(),
            source,
            target,
            u.gloss.clone(),
            status,
            notes.trim().to_string(),
        ];
        w.write_record(row.iter().map(|c| defuse(c)))
            .map_err(fail)?;
    }
    if d.has_errors() {
        return Err(d);
    }
    w.into_inner()
        .map_err(|e| Diagnostics::from(Diagnostic::error(format!("cannot write CSV: {e}"))))
}

/// Split a cell's text into text and placeables: `{ ... }` (braces balanced) is a
/// placeable, matched against the English source's by its text without spaces.
pub fn tokens(text: &str, english: &Pattern) -> Result<Pattern, String> {
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let known: Vec<(String, &str)> = english
        .placeables()
        .into_iter()
        .map(|p| (squash(p), p))
        .collect();
    let mut segs = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err(format!(
                "a `}}` with no `{{` before it: `{}`",
                &rest[..=open]
            ));
        }
        segs.push(Seg::Text(rest[..open].to_string()));
        let mut depth = 0;
        let mut end = None;
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(open + i + 1);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else {
            return Err(format!("a `{{` that is never closed: `{}`", &rest[open..]));
        };
        let tok = &rest[open..end];
        let Some((_, ph)) = known.iter().find(|(k, _)| *k == squash(tok)) else {
            return Err(format!(
                "`{tok}` is not a placeable of the English source ({})",
                if known.is_empty() {
                    "it has none".to_string()
                } else {
                    known.iter().map(|(_, p)| *p).collect::<Vec<_>>().join(", ")
                }
            ));
        };
        segs.push(Seg::Ph(ph.to_string()));
        rest = &rest[end..];
    }
    segs.push(Seg::Text(rest.to_string()));
    Ok(Pattern(segs).normalized())
}

/// Parse a CSV export. `english` gives each message's current English pattern.
pub fn read(src: &Arc<Source>, english: &BTreeMap<String, Pattern>) -> Result<InFile, Diagnostics> {
    let text = src.text.strip_prefix('\u{feff}').unwrap_or(&src.text);
    let base = src.text.len() - text.len();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let bad =
        |m: String, at: Option<usize>| Diagnostic::error(m).at(src, at.map(|a| a + base..a + base));
    let headers = r
        .headers()
        .map_err(|e| Diagnostics::from(bad(format!("not a readable CSV file: {e}"), Some(0))))?
        .clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (Some(ci), Some(cl), Some(cs), Some(ct)) =
        (col("id"), col("locale"), col("source"), col("translation"))
    else {
        return Err(bad(
            format!(
                "the first row must name the columns id, locale, source and translation (it has: {})",
                headers.iter().collect::<Vec<_>>().join(", ")
            ),
            Some(0),
        )
        .hint("keep the header row of the exported file; columns may be moved, not renamed")
        .into());
    };
    let cg = col("gloss");
    let mut d = Diagnostics::default();
    let mut units = Vec::new();
    let mut locale: Option<String> = None;
    for rec in r.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let at = e.position().map(|p| p.byte() as usize);
                d.push(bad(format!("row cannot be read: {e}"), at).hint(
                    "every row needs as many cells as the header; save as CSV UTF-8 from the spreadsheet",
                ));
                continue;
            }
        };
        let pos = rec.position().cloned().unwrap_or_else(csv::Position::new);
        // The reader reports a record from the end of the line before it.
        let mut start = (pos.byte() as usize + base).min(src.text.len());
        while src.text[start..].starts_with(['\r', '\n']) {
            start += 1;
        }
        let end = src.text[start..]
            .find('\n')
            .map_or(src.text.len(), |n| start + n);
        let span = start..end.max(start);
        let line = src.line_col(start).0;
        let cell = |i: usize| restore(rec.get(i).unwrap_or("")).to_string();
        let id = cell(ci).trim().to_string();
        if id.is_empty() && rec.iter().all(|c| c.trim().is_empty()) {
            continue; // a blank row a spreadsheet left
        }
        let loc = cell(cl).trim().to_string();
        match &locale {
            None => locale = Some(loc.clone()),
            Some(l) if *l != loc => d.push(
                Diagnostic::error(format!(
                    "row {line} (unit `{id}`) is for locale `{loc}`, the rows before it for `{l}`"
                ))
                .at(src, Some(span.clone()))
                .hint("one file holds one locale; split it"),
            ),
            Some(_) => {}
        }
        let Some(en) = english.get(&id) else {
            units.push(InUnit {
                id,
                source: None,
                target: None,
                gloss: None,
                span,
                line,
            });
            continue;
        };
        let mut part = |i: usize, what: &str| match tokens(&cell(i), en) {
            Ok(p) => Some(p),
            Err(m) => {
                d.push(
                    Diagnostic::error(format!("row {line}, unit `{id}` ({what}): {m}"))
                        .at(src, Some(span.clone()))
                        .hint("keep every { ... } placeable exactly as in the source column"),
                );
                None
            }
        };
        let source = part(cs, "source");
        let target = part(ct, "translation");
        units.push(InUnit {
            id,
            source,
            target,
            gloss: cg.map(cell),
            span,
            line,
        });
    }
    if d.has_errors() {
        return Err(d);
    }
    Ok(InFile {
        src: src.clone(),
        locale: locale.unwrap_or_default(),
        source_lang: String::new(),
        units,
        source_required: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A defused cell never starts with a formula character, and import gets the
        /// text back exactly.
        #[test]
        fn defuse_is_undone_exactly(s in "[=+@'\\-\\ta-z\"]{0,8}") {
            let d = defuse(&s);
            prop_assert!(!d.starts_with(['=', '+', '-', '@', '\t', '\r']));
            prop_assert_eq!(restore(&d), s.as_str());
        }
    }

    #[test]
    fn tokens_match_placeables_with_any_spacing_and_refuse_others() {
        let en = Pattern(vec![Seg::Text("Text ".into()), Seg::Ph("{ $sms }".into())]);
        let p = tokens("Texto al {$sms}", &en).unwrap();
        assert_eq!(
            p,
            Pattern(vec![
                Seg::Text("Texto al ".into()),
                Seg::Ph("{ $sms }".into())
            ])
        );
        assert!(
            tokens("Texto al { $phone }", &en)
                .unwrap_err()
                .contains("not a placeable")
        );
        assert!(tokens("Texto al } x", &en).unwrap_err().contains("no `{`"));
        assert!(
            tokens("Texto al { $sms", &en)
                .unwrap_err()
                .contains("never closed")
        );
    }
}
