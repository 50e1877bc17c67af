//! The facilities sheet (`facilities.csv`): one row per facility for `batch`, read and
//! checked as a whole before anything is built.
//!
//! [`read`] fails only when the sheet as a whole cannot be used (not readable, not
//! UTF-8 CSV, a column unknown, twice or missing, no rows, too big). A row with problems
//! is a [`BadRow`] carrying every one of them, each naming the row, the column (letter
//! and header) and the value at the cell's place in the file; the other rows are
//! [`Row`]s to build. Two rows with the same id are both bad: neither is built.

mod columns;
mod ids;
mod records;
mod resources;
mod rows;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read as _;
use std::path::Path;
use std::sync::Arc;

use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::load::kitfile::{ComplianceSection, KitFile, QrSection, Resource};
use crate::load::project::Project;
use crate::load::spec::QrKind;

pub use rows::MAX_COUNT;

/// The largest sheet read, in bytes.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;
/// The most rows a sheet may have (the header not counted).
pub const MAX_ROWS: usize = 100_000;

/// How to save a sheet so that it reads, for hints.
const SAVE_AS: &str = "in Excel: File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\"; in LibreOffice: Save As > Text CSV, character set Unicode (UTF-8)";

/// One facility of the sheet, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Spreadsheet row number as Excel shows it (header = 1).
    pub number: usize,
    /// The facility's folder name: 1 to 64 lower-case ASCII letters, digits, `-`, `_`.
    pub id: String,
    /// The facility's name.
    pub name: String,
    /// The languages cell's locale codes in order, then the county language if not
    /// already there.
    pub locales: Vec<String>,
    /// The county's extra language the row names (a locale code).
    pub county_language: Option<String>,
    /// The posting-law profile id (`jurisdictions/ID.toml`).
    pub jurisdiction: Option<String>,
    /// The QR target, when the row gives one.
    pub qr: Option<QrKind>,
    /// The counts the row gives (an empty cell gives none).
    pub counts: BTreeMap<String, u32>,
    /// Local resources, in the order of their column groups.
    pub resources: Vec<Resource>,
}

impl Row {
    /// This facility's kit: `base` (the project's kit.toml, if any; else defaults) with
    /// `[facility] name`, `[build] locales`, `[[resource]]` and `[compliance]` replaced
    /// by the row's (a row without resources or jurisdiction has none: another
    /// facility's local program or county language is never carried over). `[qr]` and
    /// `[counts]` take the row's values where it gives them and keep the base's where
    /// its cell is empty or the sheet has no such column.
    pub fn kit(&self, base: Option<&KitFile>) -> KitFile {
        let mut k = match base {
            Some(b) => b.clone(),
            None => KitFile::parse(&Source::new("kit.toml", "")).unwrap_or_default(),
        };
        k.facility.name = self.name.clone();
        k.build.locales = self.locales.clone();
        if let Some(target) = self.qr {
            k.qr = Some(QrSection { target });
        }
        k.resource = self
            .resources
            .iter()
            .map(|r| toml::Spanned::new(0..0, r.clone()))
            .collect();
        for (key, n) in &self.counts {
            k.counts.insert(key.clone(), toml::Spanned::new(0..0, *n));
        }
        k.compliance = self.jurisdiction.as_ref().map(|j| ComplianceSection {
            jurisdiction: j.clone(),
            county_language: self.county_language.clone(),
        });
        k
    }
}

/// A row that cannot be built.
#[derive(Debug, Clone)]
pub struct BadRow {
    /// Spreadsheet row number (header = 1).
    pub number: usize,
    /// The row's id when it is a well-formed folder name (it may be a duplicate).
    pub id: Option<String>,
    /// Every problem of the row, errors all.
    pub problems: Diagnostics,
}

/// A facilities sheet, read and checked.
#[derive(Debug)]
pub struct Sheet {
    /// The CSV text (byte-order mark removed), for spans.
    pub source: Arc<Source>,
    /// Hex SHA-256 of the file's bytes (shards check they split the same sheet).
    pub sha256: String,
    /// Good rows, in sheet order.
    pub rows: Vec<Row>,
    /// Bad rows, in sheet order.
    pub bad: Vec<BadRow>,
    /// Row numbers of entirely empty rows (skipped, not an error).
    pub skipped: Vec<usize>,
}

/// Read and validate the whole sheet. Err only when the sheet as a whole cannot be used
/// (unreadable, not UTF-8, not CSV, a required column missing, an unknown or duplicate
/// column, no rows, too big); problems of single rows go into [`Sheet::bad`]. Count
/// columns are those the project's designs go by (`per`) and those `base` sets.
pub fn read(path: &Path, project: &Project, base: Option<&KitFile>) -> Result<Sheet, Diagnostics> {
    let bytes = bytes(path)?;
    let sha256 = crate::base::hash::digest(&bytes);
    let source = text(path, bytes)?;
    let first = source.text.lines().next().unwrap_or_default();
    if first.contains('\t') && !first.contains([',', ';']) {
        return Err(Diagnostic::error(format!(
            "{} is tab-separated text, not CSV",
            path.display()
        ))
        .at(&source, Some(0..first.len()))
        .hint(format!("save it as CSV: {SAVE_AS}"))
        .into());
    }
    let delim = records::delimiter(&source.text);
    let unclosed = |stop| -> Diagnostics {
        match stop {
            records::Stop::Unclosed(at) => Diagnostic::error(
                "a quote opens a cell and is never closed: the rest of the file would be one cell",
            )
            .at(&source, Some(at..at + 1))
            .hint("close the quote, or write a quote inside a cell as two quotes (\"\")")
            .hint(SAVE_AS),
            records::Stop::TooWide(at) => Diagnostic::error(format!(
                "a row has more than {} cells",
                records::MAX_CELLS
            ))
            .at(&source, Some(at..at))
            .hint("a facilities sheet has a few dozen columns at most: check that the file is the sheet"),
        }
        .into()
    };
    let mut recs = records::records(&source.text, delim);
    let Some(header) = recs.next().transpose().map_err(unclosed)? else {
        return Err(no_rows(&source));
    };
    let counts: BTreeSet<String> = project
        .designs
        .values()
        .filter_map(|d| d.per.clone())
        .chain(base.into_iter().flat_map(|k| k.counts.keys().cloned()))
        .collect();
    let cols = columns::columns(&header, &source, &counts)?;
    let ctx = rows::Ctx::new(&source, &cols, project);
    let mut sheet = Sheet {
        source: source.clone(),
        sha256,
        rows: Vec::new(),
        bad: Vec::new(),
        skipped: Vec::new(),
    };
    // Every row checked, in order; ids gathered (ignoring case) to find duplicates.
    let mut checked = Vec::new();
    let mut ids: HashMap<String, Vec<usize>> = HashMap::new();
    let id_col = cols.iter().position(|c| c.col == columns::Col::Id);
    for (k, rec) in recs.enumerate() {
        let number = k + 2;
        if k == MAX_ROWS {
            return Err(Diagnostic::error(format!(
                "{} has more than {MAX_ROWS} rows",
                path.display()
            ))
            .in_file(path)
            .hint("split the sheet into several files and run batch on each")
            .into());
        }
        let rec = rec.map_err(unclosed)?;
        let c = rows::check(&ctx, number, &rec);
        if matches!(c, rows::Checked::Empty) {
            sheet.skipped.push(number);
            continue;
        }
        let id = id_col
            .and_then(|i| rec.cells.get(i))
            .map(|cell| (cell.text.trim().to_string(), cell.span.clone()))
            .filter(|(text, _)| !text.is_empty());
        if let Some((text, _)) = &id {
            ids.entry(text.to_lowercase())
                .or_default()
                .push(checked.len());
        }
        checked.push((number, id, c));
    }
    if checked.is_empty() {
        return Err(no_rows(&source));
    }
    let mut dups: HashMap<usize, Diagnostic> = HashMap::new();
    for at in ids.values().filter(|v| v.len() > 1) {
        let numbers: Vec<usize> = at.iter().map(|&j| checked[j].0).collect();
        for (n, &j) in at.iter().enumerate() {
            let (number, id, _) = &checked[j];
            let (text, span) = id.as_ref().expect("only rows with an id are gathered");
            let i = id_col.expect("ids come from the id column");
            let others: Vec<String> = numbers
                .iter()
                .filter(|&&m| m != *number)
                .map(|m| m.to_string())
                .collect();
            let message = if n == 0 {
                let rows = if others.len() > 1 { "rows" } else { "row" };
                format!(
                    "the id `{text}` is used again in {rows} {}",
                    others.join(", ")
                )
            } else {
                format!("the id `{text}` is already used in row {}", numbers[0])
            };
            let col = &cols[i];
            dups.insert(
                j,
                Diagnostic::error(format!(
                    "row {number}, column {} ({}): {message}",
                    col.letter, col.header
                ))
                .at(&source, Some(span.clone()))
                .hint("each facility needs its own id (ids are compared ignoring case): neither row is built until one is changed"),
            );
        }
    }
    for (j, (number, _, c)) in checked.into_iter().enumerate() {
        let dup = dups.remove(&j);
        match (c, dup) {
            (rows::Checked::Good(row), None) => sheet.rows.push(row),
            (rows::Checked::Good(row), Some(d)) => sheet.bad.push(BadRow {
                number,
                id: Some(row.id),
                problems: d.into(),
            }),
            (rows::Checked::Bad(id, mut problems), dup) => {
                problems.extend(dup);
                sheet.bad.push(BadRow {
                    number,
                    id,
                    problems: problems.sorted(),
                });
            }
            (rows::Checked::Empty, _) => {}
        }
    }
    Ok(sheet)
}

/// The sheet has a header and nothing else.
fn no_rows(source: &Arc<Source>) -> Diagnostics {
    Diagnostic::error(format!("{} has no facility rows", source.path.display()))
        .in_file(&source.path)
        .hint("the first row names the columns (id, name, languages, ...); each row after it is one facility")
        .hint("the sample examples/facilities.csv shows every column")
        .into()
}

/// The file's bytes, at most [`MAX_BYTES`].
fn bytes(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let cannot = |e: std::io::Error| {
        let d = Diagnostic::error(format!("cannot read {}: {e}", path.display())).in_file(path);
        if e.kind() == std::io::ErrorKind::NotFound {
            d.hint("check the file name and folder; save the sheet as CSV UTF-8 first")
        } else {
            d
        }
    };
    let f = std::fs::File::open(path).map_err(cannot)?;
    let meta = f.metadata().map_err(cannot)?;
    if meta.is_dir() {
        return Err(
            Diagnostic::error(format!("{} is a folder, not a sheet", path.display()))
                .in_file(path)
                .hint("name the CSV file, e.g. facilities.csv"),
        );
    }
    let too_big = || {
        Diagnostic::error(format!(
            "{} is larger than {} MB",
            path.display(),
            MAX_BYTES / 1024 / 1024
        ))
        .in_file(path)
        .hint("split the sheet into several files and run batch on each")
    };
    if meta.len() > MAX_BYTES {
        return Err(too_big());
    }
    let mut buf = Vec::new();
    f.take(MAX_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(cannot)?;
    if buf.len() as u64 > MAX_BYTES {
        return Err(too_big());
    }
    Ok(buf)
}

/// The file's text: a workbook, UTF-16 or a legacy encoding is refused with the way to
/// save it as CSV UTF-8; a UTF-8 byte-order mark is removed.
fn text(path: &Path, bytes: Vec<u8>) -> Result<Arc<Source>, Diagnostic> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let workbook = bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
        || matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods" | "numbers");
    if workbook {
        return Err(Diagnostic::error(format!(
            "{} is a spreadsheet workbook, not a CSV file",
            path.display()
        ))
        .in_file(path)
        .hint(format!("save the sheet as CSV: {SAVE_AS}")));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::error(format!(
            "{} is UTF-16 text (Excel's \"Unicode Text\"), not CSV UTF-8",
            path.display()
        ))
        .in_file(path)
        .hint(format!("save it again: {SAVE_AS}")));
    }
    let body = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match crate::base::assets::decode_utf8(body) {
        Ok(t) => Ok(Source::new(path, t)),
        Err(e) => {
            let mut d = crate::base::sources::not_utf8(path.to_path_buf(), e);
            d.hints = vec![
                "Excel's plain \"CSV (Comma delimited)\" saves in a Windows encoding, which turns accented letters into other characters".into(),
                format!("save it as CSV UTF-8: {SAVE_AS}"),
            ];
            Err(d)
        }
    }
}
