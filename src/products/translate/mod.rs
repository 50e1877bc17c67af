//! The round trip for professional translators: `hotline-kit locale export` writes a
//! locale's messages as XLIFF 1.2 or CSV for a CAT tool or a spreadsheet, and
//! `hotline-kit locale import` reads the file back, checks every unit the way the
//! catalogs themselves are checked (placeables, numbers, fit in every design slot,
//! glyphs), and only then writes the `.ftl` and the review records.
//!
//! A message travels as [`Seg`]ments: text a translator edits, and placeables
//! (`{ $sms }`, or a whole Fluent expression) that are locked. [`Unit`] is one
//! message with everything a translator needs beside it.

pub mod ftl_edit;
pub mod import;
pub mod table;
pub mod uses;
pub mod xliff;

use std::collections::BTreeMap;

use fluent_syntax::ast;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::locale::Review;
use crate::load::project::Project;

/// Largest import file read (a catalog of a few hundred messages is under 1 MB in
/// either format); anything larger is refused before it is parsed.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// File format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// XLIFF 1.2 (Trados, memoQ, Phrase and most CAT tools).
    Xliff,
    /// Comma-separated values for a spreadsheet (UTF-8 with a byte-order mark).
    Csv,
}

/// A piece of a message: text to translate, or a locked placeable in its Fluent form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// Text.
    Text(String),
    /// A placeable as written in Fluent (`{ $sms }`).
    Ph(String),
}

/// A message as segments.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pattern(pub Vec<Seg>);

impl Pattern {
    /// The message in Fluent form, placeables as written (`Or text { $sms }`).
    pub fn fluent(&self) -> String {
        self.0
            .iter()
            .map(|s| match s {
                Seg::Text(t) | Seg::Ph(t) => t.as_str(),
            })
            .collect()
    }

    /// The placeables, sorted (to compare as a multiset).
    pub fn placeables(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .0
            .iter()
            .filter_map(|s| match s {
                Seg::Ph(p) => Some(p.as_str()),
                Seg::Text(_) => None,
            })
            .collect();
        v.sort_unstable();
        v
    }

    /// Adjacent text pieces joined, empty ones dropped, and the ends trimmed (the
    /// catalogs trim every message).
    pub fn normalized(mut self) -> Pattern {
        let mut out: Vec<Seg> = Vec::new();
        for s in self.0.drain(..) {
            match (out.last_mut(), s) {
                (_, Seg::Text(t)) if t.is_empty() => {}
                (Some(Seg::Text(a)), Seg::Text(b)) => a.push_str(&b),
                (_, s) => out.push(s),
            }
        }
        if let Some(Seg::Text(t)) = out.first_mut() {
            *t = t.trim_start().to_string();
        }
        if let Some(Seg::Text(t)) = out.last_mut() {
            *t = t.trim_end().to_string();
        }
        out.retain(|s| !matches!(s, Seg::Text(t) if t.is_empty()));
        Pattern(out)
    }

    /// Locked ids for the placeables, in order: the variable's name (`sms`), `sms-2` for a
    /// second one, `p1`... for other expressions. The same English source always gives
    /// the same ids, so a file's ids can be checked against the current source.
    pub fn ids(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut other = 0;
        for s in &self.0 {
            let Seg::Ph(p) = s else { continue };
            let base = match variable_name(p) {
                Some(v) => v.to_string(),
                None => {
                    other += 1;
                    format!("p{other}")
                }
            };
            let mut id = base.clone();
            let mut n = 1;
            while out.iter().any(|(i, _)| *i == id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            out.push((id, p.clone()));
        }
        out
    }
}

/// `sms` for `{ $sms }`.
pub fn variable_name(ph: &str) -> Option<&str> {
    let inner = ph.strip_prefix('{')?.strip_suffix('}')?.trim();
    let name = inner.strip_prefix('$')?;
    (!name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c)))
    .then_some(name)
}

/// A message as written in a catalog, with the comment above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raw {
    /// Its value.
    pub pattern: Pattern,
    /// The comment directly above it (`# ...`), if any.
    pub comment: Option<String>,
}

/// The messages of a Fluent catalog as written (placeables not filled in), by id.
/// Messages the parser cannot read are left out (the catalog's own checks report them).
pub fn raw_messages(text: &str) -> BTreeMap<String, Raw> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let res = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = BTreeMap::new();
    for e in &res.body {
        let ast::Entry::Message(m) = e else { continue };
        let Some(v) = &m.value else { continue };
        let comment = m.comment.as_ref().map(|c| c.content.join("\n"));
        out.insert(
            m.id.name.to_string(),
            Raw {
                pattern: pattern_of(v),
                comment,
            },
        );
    }
    out
}

fn pattern_of(p: &ast::Pattern<&str>) -> Pattern {
    let mut segs = Vec::new();
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => segs.push(Seg::Text(value.to_string())),
            ast::PatternElement::Placeable { expression } => segs.push(placeable(expression)),
        }
    }
    Pattern(segs).normalized()
}

fn placeable(e: &ast::Expression<&str>) -> Seg {
    use ast::InlineExpression as I;
    match e {
        ast::Expression::Inline(I::VariableReference { id }) => {
            Seg::Ph(format!("{{ ${} }}", id.name))
        }
        // `{ "{" }` is how Fluent writes a brace as text: it is text.
        ast::Expression::Inline(I::StringLiteral { value }) => {
            Seg::Text(fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned())
        }
        _ => {
            // Anything else (a choice, a term) is locked whole, in its Fluent form.
            let res = ast::Resource {
                body: vec![ast::Entry::Message(ast::Message {
                    id: ast::Identifier { name: "x" },
                    value: Some(ast::Pattern {
                        elements: vec![ast::PatternElement::Placeable {
                            expression: e.clone(),
                        }],
                    }),
                    attributes: vec![],
                    comment: None,
                })],
            };
            let s = fluent_syntax::serializer::serialize(&res);
            let s = s.strip_prefix("x =").unwrap_or(&s).trim().to_string();
            Seg::Ph(s)
        }
    }
}

/// One message as exported: everything a translator needs to translate it.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Message id.
    pub id: String,
    /// The English source.
    pub source: Pattern,
    /// The current translation (`None` when the locale lacks the message).
    pub target: Option<Pattern>,
    /// What the translation says, in English.
    pub gloss: String,
    /// Review status.
    pub status: Review,
    /// Who set it and when.
    pub status_by: String,
    /// The comment above the English message (context for translators).
    pub comment: Option<String>,
    /// Where the message appears, one line per design slot, with its room.
    pub uses: Vec<String>,
}

/// What an export holds.
#[derive(Debug, Clone)]
pub struct Export {
    /// Source locale code.
    pub source_code: String,
    /// Target locale code.
    pub code: String,
    /// English name of the target language.
    pub name: String,
    /// Right to left.
    pub rtl: bool,
    /// The units, in the English catalog's order.
    pub units: Vec<Unit>,
}

/// A catalog file's text by locale code, from the project's files.
fn catalog_text(p: &Project, code: &str) -> Result<String, Diagnostic> {
    crate::load::project::read_source(&*p.assets, &format!("locales/{code}.ftl"))
        .map(|s| s.text.clone())
}

/// The source locale.
pub fn source_catalog(p: &Project) -> Result<&crate::load::locale::Catalog, Diagnostic> {
    p.catalogs.values().find(|c| c.info.source).ok_or_else(|| {
        Diagnostic::error("no source locale (source = true) in locales/locales.toml")
    })
}

/// Gather the units of locale `code`, in the English catalog's order.
pub fn collect(p: &Project, code: &str) -> Result<Export, Diagnostics> {
    let cat = p.catalog(code)?;
    let src = source_catalog(p)?;
    if cat.info.source {
        return Err(Diagnostic::error(format!(
            "`{code}` is the source language: there is nothing to translate into it"
        ))
        .hint(
            "export a target language, e.g. hotline-kit locale export es --format xliff -o es.xlf",
        )
        .into());
    }
    let en_text = catalog_text(p, &src.code)?;
    let en = raw_messages(&en_text);
    let tr = raw_messages(&catalog_text(p, code)?);
    let order = fluent_order(&en_text);
    let uses = uses::describe(p);
    let units = order
        .into_iter()
        .filter_map(|id| {
            let raw = en.get(&id)?;
            let rec = cat.review.get(&id);
            Some(Unit {
                source: raw.pattern.clone(),
                target: tr.get(&id).map(|r| r.pattern.clone()),
                gloss: rec.and_then(|r| r.gloss.clone()).unwrap_or_default(),
                status: if cat.messages.contains_key(&id) {
                    cat.status(&id)
                } else {
                    Review::Untranslated
                },
                status_by: rec
                    .map(|r| format!("{}, {}", r.by, r.date))
                    .unwrap_or_default(),
                comment: raw.comment.clone(),
                uses: uses.get(&id).cloned().unwrap_or_default(),
                id,
            })
        })
        .collect();
    Ok(Export {
        source_code: src.code.clone(),
        code: cat.code.clone(),
        name: cat.info.name.clone(),
        rtl: cat.info.direction == crate::load::locale::Direction::Rtl,
        units,
    })
}

/// Message ids in the order a catalog defines them.
pub fn fluent_order(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let res = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    res.body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Message(m) if m.value.is_some() => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Write an export of locale `code` in `format` to `out`, atomically.
pub fn export(
    p: &Project,
    code: &str,
    format: Format,
    out: &std::path::Path,
) -> Result<usize, Diagnostics> {
    let e = collect(p, code)?;
    let bytes = match format {
        Format::Xliff => xliff::write(&e)?.into_bytes(),
        Format::Csv => table::write(&e)?,
    };
    crate::products::kit::write_atomic(out, &bytes)?;
    Ok(e.units.len())
}

/// The first character that no XML 1.0 document can hold (C0 controls other than tab,
/// line feed and carriage return, lone surrogates cannot occur in Rust strings, and the
/// non-characters U+FFFE and U+FFFF); also refused in imports.
pub fn bad_char(s: &str) -> Option<char> {
    s.chars()
        .find(|&c| (c.is_control() && c != '\n') || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// An error for a unit's text holding a control character.
pub fn bad_char_error(id: &str, what: &str, c: char) -> Diagnostic {
    Diagnostic::error(format!(
        "message `{id}`: the {what} holds the control character U+{:04X}",
        c as u32
    ))
    .hint("remove it: control characters print as nothing or as boxes, and XLIFF cannot carry them")
}
