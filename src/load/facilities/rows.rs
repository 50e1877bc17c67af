//! One row of the sheet checked cell by cell: every problem of the row is collected,
//! each naming the row, the column (letter and header) and the value, at the cell's
//! place in the file.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::Arc;

use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::base::numbers::{bidi_name, is_bidi_control, is_hidden};
use crate::load::jurisdiction::Profile;
use crate::load::project::Project;
use crate::load::spec::QrKind;

use super::Row;
use super::columns::{Col, Column, closest};
use super::ids::id_problem;
use super::records::Record;
use super::resources::resource;

/// The largest count a cell may give.
pub const MAX_COUNT: u32 = 10_000;

/// What rows are checked against: the file, its columns, the project's locales and
/// jurisdiction profiles.
pub struct Ctx<'a> {
    /// The sheet's text.
    pub src: &'a Arc<Source>,
    /// Its columns.
    pub columns: &'a [Column],
    /// The project.
    pub project: &'a Project,
    /// Locale codes by their lower-case spelling (with `_` as `-`).
    pub locales: HashMap<String, String>,
    /// Locale codes by their lower-case English and native names, for hints.
    pub names: HashMap<String, String>,
    /// The numbers a text may show (the hotline's) and their look-alikes.
    pub rules: crate::base::numbers::Rules,
}

impl<'a> Ctx<'a> {
    /// The context for a sheet with these columns.
    pub fn new(src: &'a Arc<Source>, columns: &'a [Column], project: &'a Project) -> Self {
        let locales = project
            .catalogs
            .keys()
            .map(|c| (fold_code(c), c.clone()))
            .collect();
        let names = project
            .catalogs
            .values()
            .flat_map(|c| {
                [&c.info.name, &c.info.native].map(|n| (n.to_lowercase(), c.code.clone()))
            })
            .collect();
        Self {
            src,
            columns,
            project,
            locales,
            names,
            rules: project.hotline.number_rules(),
        }
    }
}

/// A line end of any kind: CR, LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
fn is_line_end(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Between locale codes in a languages cell: `;`, `,` or white space.
fn is_separator(c: char) -> bool {
    c == ';' || c == ',' || c.is_whitespace()
}

/// A locale code as compared: lower case, `_` as `-`.
fn fold_code(code: &str) -> String {
    code.to_lowercase().replace('_', "-")
}

/// A cell's trimmed value and where it is.
pub(super) struct Value<'r> {
    /// The trimmed text.
    pub(super) text: &'r str,
    /// Where it is in the file.
    pub(super) span: Range<usize>,
}

/// What checking a row gives.
pub enum Checked {
    /// Every cell is empty.
    Empty,
    /// A row to build.
    Good(Row),
    /// A row with problems; the id when it is a well-formed folder name.
    Bad(Option<String>, Diagnostics),
}

/// One row under check.
pub(super) struct RowCheck<'c, 'a, 'r> {
    pub(super) ctx: &'c Ctx<'a>,
    number: usize,
    record: &'r Record,
    d: Diagnostics,
}

impl<'r> RowCheck<'_, '_, 'r> {
    /// The trimmed value of column `i` (empty when the row is shorter).
    fn value(&self, i: usize) -> Value<'r> {
        match self.record.cells.get(i) {
            Some(c) => {
                let text = c.text.trim();
                let span = if c.verbatim {
                    let lead = c.text.len() - c.text.trim_start().len();
                    c.span.start + lead..c.span.start + lead + text.len()
                } else {
                    c.span.clone()
                };
                Value { text, span }
            }
            None => Value {
                text: "",
                span: self.record.end..self.record.end,
            },
        }
    }

    /// An error about column `i`: "row N, column L (header): message".
    pub(super) fn err(
        &self,
        i: usize,
        span: &Range<usize>,
        message: impl AsRef<str>,
    ) -> Diagnostic {
        let c = &self.ctx.columns[i];
        let head = if c.header.is_empty() {
            format!("row {}, column {}", self.number, c.letter)
        } else {
            format!("row {}, column {} ({})", self.number, c.letter, c.header)
        };
        Diagnostic::error(format!("{head}: {}", message.as_ref()))
            .at(self.ctx.src, Some(span.clone()))
    }

    /// Column `i`'s value when it is usable: hidden characters and text after a
    /// closing quote are errors (and the value is not looked at further).
    pub(super) fn clean(&mut self, i: usize) -> Option<Value<'r>> {
        let v = self.value(i);
        if let Some(after) = self.record.cells.get(i).and_then(|c| c.after_quote.clone()) {
            let e = self
                .err(i, &after, format!("text `{}` after the closing quote", &self.ctx.src.text[after.clone()]))
                .hint("a quoted cell ends at its closing quote; put the whole value inside the quotes, and write a quote inside as two quotes (\"\")");
            self.d.push(e);
            return None;
        }
        if let Some((at, c)) = v
            .text
            .char_indices()
            .find(|(_, c)| is_hidden(*c) || is_line_end(*c))
        {
            let what = if is_line_end(c) {
                "a line break".to_string()
            } else if is_bidi_control(c) {
                format!(
                    "the invisible direction control U+{:04X} ({})",
                    c as u32,
                    bidi_name(c)
                )
            } else if c.is_control() {
                format!("the control character U+{:04X}", c as u32)
            } else {
                format!("the invisible character U+{:04X}", c as u32)
            };
            let hint = if is_line_end(c) {
                "write the cell on one line (in Excel a line break inside a cell is Alt+Enter; delete it)"
            } else {
                "an invisible character can make the text print or sort differently from what the sheet shows: retype the cell"
            };
            let e = self
                .err(
                    i,
                    &v.span,
                    format!(
                        "`{}` has {what} at character {}",
                        v.text,
                        v.text[..at].chars().count() + 1
                    ),
                )
                .hint(hint);
            self.d.push(e);
            return None;
        }
        Some(v)
    }

    /// Add a problem.
    pub(super) fn push(&mut self, d: Diagnostic) {
        self.d.push(d);
    }
}

/// Check row `number` (as the spreadsheet numbers it).
pub fn check(ctx: &Ctx, number: usize, record: &Record) -> Checked {
    let mut r = RowCheck {
        ctx,
        number,
        record,
        d: Diagnostics::default(),
    };
    if (0..record.cells.len()).all(|i| r.value(i).text.is_empty()) {
        return Checked::Empty;
    }
    let mut row = Row {
        number,
        id: String::new(),
        name: String::new(),
        locales: Vec::new(),
        county_language: None,
        jurisdiction: None,
        qr: None,
        counts: BTreeMap::new(),
        resources: Vec::new(),
    };
    let mut id_ok = false;
    let mut langs: Option<(usize, Range<usize>)> = None;
    let mut county: Option<usize> = None;
    let mut profile: Option<(usize, Range<usize>, &Profile)> = None;
    let mut groups: BTreeMap<u8, [Option<usize>; 3]> = BTreeMap::new();
    for (i, c) in ctx.columns.iter().enumerate() {
        if let Col::Resource(g, f) = c.col {
            groups.entry(g).or_default()[f as usize] = Some(i);
            continue;
        }
        let Some(v) = r.clean(i) else { continue };
        match &c.col {
            Col::Id => match id_problem(v.text) {
                None => {
                    row.id = v.text.to_string();
                    id_ok = true;
                }
                Some((m, h)) => {
                    let e = r.err(i, &v.span, m).hint(h);
                    r.push(e);
                }
            },
            Col::Name => {
                let n = v.text.chars().count();
                if n == 0 || n > 100 {
                    let m = if n == 0 {
                        "no facility name".to_string()
                    } else {
                        format!("the name `{}` is {n} characters long; at most 100", v.text)
                    };
                    let e = r.err(i, &v.span, m).hint("the name is printed in the kit's files: write the facility's name as staff know it, in 1 to 100 characters");
                    r.push(e);
                } else if let Some(f) = ctx.rules.check(v.text).first() {
                    let e = r
                        .err(
                            i,
                            &v.span,
                            format!(
                                "the name `{}` has the number `{}`",
                                v.text,
                                &v.text[f.span.clone()]
                            ),
                        )
                        .hint("a facility name carries no phone number: the hotline's numbers come only from hotline.toml, and local programs go in the resource columns");
                    r.push(e);
                } else {
                    row.name = v.text.to_string();
                }
            }
            Col::Languages => {
                let before = r.d.0.len();
                for code in v.text.split(is_separator).filter(|s| !s.is_empty()) {
                    if let Some(c) = locale(&mut r, i, &v.span, code)
                        && !row.locales.contains(&c)
                    {
                        row.locales.push(c);
                    }
                }
                if v.text.is_empty() {
                    let e = r
                        .err(i, &v.span, "no language")
                        .hint("write the locale codes the facility needs, separated by `;`, e.g. \"en; es\"");
                    r.push(e);
                } else if r.d.0.len() == before {
                    langs = Some((i, v.span.clone()));
                }
            }
            Col::CountyLanguage if !v.text.is_empty() => {
                county = Some(i);
                if v.text.split(is_separator).filter(|s| !s.is_empty()).count() > 1 {
                    let e = r
                        .err(i, &v.span, format!("`{}` is more than one language", v.text))
                        .hint("write the one county language here; other languages go in the languages column");
                    r.push(e);
                } else if let Some(c) = locale(&mut r, i, &v.span, v.text) {
                    row.county_language = Some(c);
                }
            }
            Col::Jurisdiction if !v.text.is_empty() => {
                let found = ctx
                    .project
                    .jurisdictions
                    .values()
                    .find(|p| p.id.eq_ignore_ascii_case(v.text));
                match found {
                    Some(p) => {
                        row.jurisdiction = Some(p.id.clone());
                        profile = Some((i, v.span.clone(), p));
                    }
                    None => {
                        let ids: Vec<&str> = ctx
                            .project
                            .jurisdictions
                            .keys()
                            .map(String::as_str)
                            .collect();
                        let mut e = r.err(i, &v.span, format!("unknown jurisdiction `{}`", v.text));
                        if let Some(c) = closest(&v.text.to_lowercase(), ids.iter().copied()) {
                            e = e.hint(format!("did you mean `{c}`?"));
                        }
                        let e = e.hint(format!(
                            "jurisdictions (posting-law profiles in jurisdictions/): {}; leave the cell empty for none",
                            ids.join(", ")
                        ));
                        r.push(e);
                    }
                }
            }
            Col::Qr if !v.text.is_empty() => match v.text.to_lowercase().as_str() {
                "tel" => row.qr = Some(QrKind::Tel),
                "sms" => row.qr = Some(QrKind::Sms),
                "web" => row.qr = Some(QrKind::Web),
                _ => {
                    let e = r
                        .err(i, &v.span, format!("`{}` is not a QR target", v.text))
                        .hint("write tel (the QR code calls the hotline), sms (opens a text to the hotline) or web (opens its website); leave it empty for the kit's default");
                    r.push(e);
                }
            },
            Col::Count(name) if !v.text.is_empty() => {
                match v
                    .text
                    .parse::<u32>()
                    .ok()
                    .filter(|n| *n <= MAX_COUNT && v.text.bytes().all(|b| b.is_ascii_digit()))
                {
                    Some(n) => {
                        row.counts.insert(name.clone(), n);
                    }
                    None => {
                        let e = r
                            .err(i, &v.span, format!("`{}` is not a count", v.text))
                            .hint(format!(
                                "write how many {} the facility has, a whole number from 0 to {MAX_COUNT} in digits only; leave it empty if not known",
                                name.replace('_', " ")
                            ));
                        r.push(e);
                    }
                }
            }
            Col::Blank if !v.text.is_empty() => {
                let e = r
                    .err(
                        i,
                        &v.span,
                        format!("`{}` is in a column with no header", v.text),
                    )
                    .hint("name the column in row 1, or delete the value");
                r.push(e);
            }
            _ => {}
        }
    }
    for (i, cell) in record.cells.iter().enumerate().skip(ctx.columns.len()) {
        let text = cell.text.trim();
        if !text.is_empty() {
            r.push(
                Diagnostic::error(format!(
                    "row {number}, column {}: `{text}` is in a column with no header",
                    super::records::letter(i)
                ))
                .at(ctx.src, Some(cell.span.clone()))
                .hint("name the column in row 1, or delete the value"),
            );
        }
    }
    if let Some((i, span, p)) = profile {
        jurisdiction(&mut r, &mut row, (i, &span, p), langs.as_ref(), county);
    }
    if let Some(c) = &row.county_language
        && !row.locales.contains(c)
    {
        row.locales.push(c.clone());
    }
    for (g, cols) in groups {
        if let Some(res) = resource(&mut r, g, cols) {
            row.resources.push(res);
        }
    }
    if r.d.has_errors() {
        Checked::Bad(id_ok.then_some(row.id), r.d)
    } else {
        Checked::Good(row)
    }
}

/// A locale code of the project (matched ignoring case and `_`/`-`), or an error naming
/// the closest codes.
fn locale(r: &mut RowCheck, i: usize, span: &Range<usize>, code: &str) -> Option<String> {
    if let Some(c) = r.ctx.locales.get(&fold_code(code)) {
        return Some(c.clone());
    }
    let mut e = r.err(i, span, format!("unknown language `{code}`"));
    if let Some(c) = r.ctx.names.get(&code.to_lowercase()) {
        e = e.hint(format!("{code} is `{c}`: write the locale code"));
    } else if let Some(c) = closest(&fold_code(code), r.ctx.locales.keys().map(String::as_str)) {
        e = e.hint(format!("did you mean `{}`?", r.ctx.locales[c]));
    }
    let codes: Vec<&str> = r.ctx.project.catalogs.keys().map(String::as_str).collect();
    let e = e.hint(format!("locales of this project: {}", codes.join(", ")));
    r.push(e);
    None
}

/// The profile's languages against the row's: every required one present, and the
/// county language named where the law asks for one (the tool has no county data).
fn jurisdiction(
    r: &mut RowCheck,
    row: &mut Row,
    (i, span, p): (usize, &Range<usize>, &Profile),
    langs: Option<&(usize, Range<usize>)>,
    county: Option<usize>,
) {
    let have = |c: &String| row.locales.contains(c) || row.county_language.as_ref() == Some(c);
    let missing: Vec<&str> = p
        .languages
        .required
        .iter()
        .filter(|c| !have(c))
        .map(String::as_str)
        .collect();
    if let (false, Some((li, lspan))) = (missing.is_empty(), langs) {
        let e = r
            .err(
                *li,
                lspan,
                format!(
                    "{} requires {}; the languages `{}` lack {}",
                    p.id,
                    p.languages.required.join(", "),
                    row.locales.join("; "),
                    missing.join(", ")
                ),
            )
            .hint(format!(
                "add {} to the languages ({} requires every notice in them)",
                missing.join(", "),
                p.header.name
            ));
        r.push(e);
    }
    if !p.languages.extra.trim().is_empty() && county.is_none() {
        let (ci, cspan) = r
            .ctx
            .columns
            .iter()
            .position(|c| c.col == Col::CountyLanguage)
            .map_or((i, span.clone()), |ci| (ci, r.value(ci).span));
        let e = r
            .err(
                ci,
                &cspan,
                format!(
                    "{} also requires {}, and the row names no county language",
                    p.id, p.languages.extra
                ),
            )
            .hint("hotline-kit has no county data and never guesses it: look up the facility's county language and write its locale code in the county_language column (add the column if the sheet has none)");
        r.push(e);
    }
}
