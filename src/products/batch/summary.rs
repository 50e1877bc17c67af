//! A batch's summary of every facility: `batch.json` (for programs) and `batch.csv`
//! (for a spreadsheet), or `batch-shard-I-of-N.*` from one shard; and
//! [`merge`], which checks the shards of one sheet and puts them together.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::facilities::{BadRow, Row};

/// What became of one facility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Built, and its folder written.
    Built,
    /// Nothing changed since its last build: its folder was left as it was.
    Unchanged,
    /// Its row is good but the kit could not be made (see problems): nothing written.
    Failed,
    /// Its row has problems (see problems): nothing written.
    BadRow,
}

impl Status {
    /// As written in batch.csv.
    pub fn word(self) -> &'static str {
        match self {
            Status::Built => "built",
            Status::Unchanged => "unchanged",
            Status::Failed => "failed",
            Status::BadRow => "bad row",
        }
    }

    /// Its folder holds a complete kit of this sheet.
    pub fn ok(self) -> bool {
        matches!(self, Status::Built | Status::Unchanged)
    }
}

/// One facility in the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacilitySummary {
    /// Its spreadsheet row (header = 1).
    pub row: usize,
    /// Its id (its folder's name); empty when the row's id is not usable.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What became of it.
    pub status: Status,
    /// Its languages.
    pub languages: Vec<String>,
    /// Pieces made (design x language).
    pub pieces: usize,
    /// Files in its folder (pieces, plan, zip; the manifest not counted).
    pub files: usize,
    /// Of them, marked DRAFT (not approved for print).
    pub drafts: usize,
    /// Every file approved for print.
    pub approved: bool,
    /// Warnings its build gave.
    pub warnings: usize,
    /// Its folder, relative to the batch's folder.
    pub folder: Option<String>,
    /// Its zip, relative to the batch's folder.
    pub zip: Option<String>,
    /// Why it was not built.
    pub problems: Vec<String>,
}

impl FacilitySummary {
    /// A good row, before it is built.
    pub fn new(row: &Row) -> Self {
        FacilitySummary {
            row: row.number,
            id: row.id.clone(),
            name: row.name.clone(),
            languages: row.locales.clone(),
            ..Self::blank()
        }
    }

    /// A bad row.
    pub fn bad(b: &BadRow) -> Self {
        FacilitySummary {
            row: b.number,
            id: b.id.clone().unwrap_or_default(),
            name: String::new(),
            status: Status::BadRow,
            languages: Vec::new(),
            problems: b.problems.0.iter().map(said).collect(),
            ..Self::blank()
        }
    }

    fn blank() -> Self {
        FacilitySummary {
            row: 0,
            id: String::new(),
            name: String::new(),
            status: Status::Failed,
            languages: Vec::new(),
            pieces: 0,
            files: 0,
            drafts: 0,
            approved: false,
            warnings: 0,
            folder: None,
            zip: None,
            problems: Vec::new(),
        }
    }
}

/// A diagnostic as one line of a summary: the message, then its hints.
pub fn said(d: &Diagnostic) -> String {
    let mut s = d.message.clone();
    for h in &d.hints {
        s.push_str(&format!(" (hint: {h})"));
    }
    s
}

/// `--shard I/N`: the I-th of N shares (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    /// Which share, 1 to `count`.
    pub index: usize,
    /// How many shares.
    pub count: usize,
}

impl Shard {
    /// Whether the share takes the `k`-th row (0-based, sheet order).
    pub fn takes(&self, k: usize) -> bool {
        k % self.count == self.index - 1
    }
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a shard: write I/N, e.g. 2/4 for the second of four");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let index: usize = i.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || count > 1000 || index == 0 || index > count {
            return Err(format!(
                "`{s}`: the shard number I must be 1 to N, and N 1 to 1000"
            ));
        }
        Ok(Shard { index, count })
    }
}

/// The summary of a batch (or one shard of it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The sheet's file name.
    pub sheet: String,
    /// SHA-256 of the sheet's bytes.
    pub sheet_sha256: String,
    /// Data rows in the whole sheet (good and bad; empty rows not counted).
    pub rows: usize,
    /// Spreadsheet rows that were empty and skipped.
    pub skipped: Vec<usize>,
    /// The shard this summary covers (none: the whole sheet).
    pub shard: Option<Shard>,
    /// Designs asked for (empty: the kit's).
    pub designs: Vec<String>,
    /// Formats asked for (empty: the kit's).
    pub formats: Vec<String>,
    /// `--final`.
    pub final_only: bool,
    /// What the render cache did.
    #[serde(skip)]
    pub cache: crate::products::cache::Stats,
    /// Every facility of the sheet (of the shard), in sheet order.
    pub facilities: Vec<FacilitySummary>,
}

impl Summary {
    /// The file names of this summary: `batch` or `batch-shard-I-of-N`.
    pub fn stem(&self) -> String {
        match self.shard {
            Some(s) => format!("batch-shard-{}-of-{}", s.index, s.count),
            None => "batch".into(),
        }
    }

    /// Facilities with each status.
    pub fn count(&self, status: Status) -> usize {
        self.facilities
            .iter()
            .filter(|f| f.status == status)
            .count()
    }

    /// Write `STEM.json` and `STEM.csv` into `dir`.
    pub fn write(&self, dir: &Path) -> Result<(), Diagnostic> {
        let mut json = serde_json::to_vec_pretty(self).expect("summary serialises");
        json.push(b'\n');
        crate::products::kit::write_atomic(&dir.join(format!("{}.json", self.stem())), &json)?;
        crate::products::kit::write_atomic(
            &dir.join(format!("{}.csv", self.stem())),
            self.csv().as_bytes(),
        )
    }

    /// The summary as CSV: a byte-order mark, CRLF, one row per facility; cells a
    /// spreadsheet would run as a formula get a leading apostrophe.
    pub fn csv(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let fail = "writing CSV to memory cannot fail";
        w.write_record([
            "row",
            "id",
            "name",
            "status",
            "languages",
            "pieces",
            "files",
            "drafts",
            "approved",
            "warnings",
            "folder",
            "zip",
            "problems",
        ])
        .expect(fail);
        for f in &self.facilities {
            let cells = [
                f.row.to_string(),
                f.id.clone(),
                f.name.clone(),
                f.status.word().to_string(),
                f.languages.join(" "),
                f.pieces.to_string(),
                f.files.to_string(),
                f.drafts.to_string(),
                if f.approved { "yes" } else { "no" }.to_string(),
                f.warnings.to_string(),
                f.folder.clone().unwrap_or_default(),
                f.zip.clone().unwrap_or_default(),
                f.problems.join(" | "),
            ];
            w.write_record(
                cells
                    .iter()
                    .map(|c| crate::products::postings::table::guard(c)),
            )
            .expect(fail);
        }
        let bytes = w.into_inner().expect(fail);
        format!("\u{feff}{}", String::from_utf8(bytes).expect("UTF-8"))
    }
}

/// What [`merge`] did.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// The whole summary.
    pub summary: Option<Summary>,
    /// Facility folders copied into the output folder from a shard's folder.
    pub copied: usize,
    /// Shards put together.
    pub shards: usize,
}

/// Put the shards of one batch together: read every `batch-shard-I-of-N.json` in
/// `dirs`, check they are the N shards of the same sheet and options, each once, then
/// write `batch.json` and `batch.csv` into `out`, and copy each facility's folder there
/// from a shard's folder that is not `out` (every file checked against its manifest).
pub fn merge(dirs: &[PathBuf], out: &Path) -> Result<Merged, Diagnostics> {
    let mut shards: BTreeMap<usize, (PathBuf, Summary)> = BTreeMap::new();
    let mut d = Diagnostics::default();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            d.push(
                Diagnostic::error(format!("cannot read the folder {}", dir.display()))
                    .hint("name the folders the shards wrote (their --out)"),
            );
            continue;
        };
        let mut names: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name().is_some_and(|n| {
                    let n = n.to_string_lossy();
                    n.starts_with("batch-shard-") && n.ends_with(".json")
                })
            })
            .collect();
        names.sort();
        for path in names {
            let s: Summary = match std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
            {
                Ok(s) => s,
                Err(e) => {
                    d.push(
                        Diagnostic::error(format!(
                            "{} is not a shard summary: {e}",
                            path.display()
                        ))
                        .hint("run the shard again: hotline-kit batch SHEET --shard I/N --out DIR"),
                    );
                    continue;
                }
            };
            let Some(sh) = s.shard else {
                d.push(Diagnostic::error(format!(
                    "{} names no shard",
                    path.display()
                )));
                continue;
            };
            if let Some((other, _)) = shards.get(&sh.index) {
                if other != dir {
                    d.push(
                        Diagnostic::error(format!(
                            "shard {}/{} is in both {} and {}",
                            sh.index,
                            sh.count,
                            other.display(),
                            dir.display()
                        ))
                        .hint("give each shard's folder once"),
                    );
                }
                continue;
            }
            shards.insert(sh.index, (dir.clone(), s));
        }
    }
    if d.has_errors() {
        return Err(d);
    }
    let Some((_, (_, first))) = shards.iter().next() else {
        return Err(Diagnostic::error(
            "no shard summary (batch-shard-I-of-N.json) in the folders given",
        )
        .hint("run `hotline-kit batch SHEET --shard I/N --out DIR` for each I first")
        .into());
    };
    let first = first.clone();
    let n = first.shard.map_or(0, |s| s.count);
    for (dir, s) in shards.values() {
        let same = s.sheet_sha256 == first.sheet_sha256
            && s.shard.is_some_and(|x| x.count == n)
            && s.designs == first.designs
            && s.formats == first.formats
            && s.final_only == first.final_only;
        if !same {
            d.push(
                Diagnostic::error(format!(
                    "the shard in {} is of another sheet or other options than shard {}/{n}",
                    dir.display(),
                    first.shard.map_or(0, |x| x.index)
                ))
                .hint("every shard must run on the same sheet with the same --design, --format and --final"),
            );
        }
    }
    let missing: Vec<String> = (1..=n)
        .filter(|i| !shards.contains_key(i))
        .map(|i| format!("{i}/{n}"))
        .collect();
    if !missing.is_empty() {
        d.push(
            Diagnostic::error(format!("shards missing: {}", missing.join(", ")))
                .hint("run those shards, or name the folders that hold their summaries"),
        );
    }
    if d.has_errors() {
        return Err(d);
    }
    let mut all: Vec<FacilitySummary> = Vec::new();
    let mut copied = 0;
    for (dir, s) in shards.values() {
        for f in &s.facilities {
            if f.status.ok() && !same_dir(dir, out) {
                copy_facility(&dir.join(&f.id), &out.join(&f.id))?;
                copied += 1;
            }
            all.push(f.clone());
        }
    }
    all.sort_by_key(|f| f.row);
    if all.len() != first.rows {
        return Err(Diagnostic::error(format!(
            "the shards hold {} rows, the sheet {}",
            all.len(),
            first.rows
        ))
        .hint("run every shard again on the same sheet")
        .into());
    }
    let summary = Summary {
        shard: None,
        cache: Default::default(),
        facilities: all,
        ..first
    };
    summary.write(out)?;
    Ok(Merged {
        summary: Some(summary),
        copied,
        shards: n,
    })
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Copy a facility's folder, every file checked against its manifest, written as a
/// whole ([`crate::base::output::publish`]).
fn copy_facility(from: &Path, to: &Path) -> Result<(), Diagnostics> {
    let fail = |m: String| {
        Diagnostics::from(
            Diagnostic::error(format!("{}: {m}", from.display()))
                .hint("copy the shard's folder again (or run that shard again)"),
        )
    };
    let manifest = std::fs::read(from.join(crate::base::output::MANIFEST))
        .map_err(|e| fail(format!("no manifest.json: {e}")))?;
    let entries: Vec<serde_json::Value> =
        serde_json::from_slice(&manifest).map_err(|e| fail(format!("manifest.json: {e}")))?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for e in &entries {
        let (Some(path), Some(sha)) = (
            e.get("path").and_then(|v| v.as_str()),
            e.get("sha256").and_then(|v| v.as_str()),
        ) else {
            return Err(fail(
                "manifest.json lists a file without path or sha256".into(),
            ));
        };
        crate::base::assets::check_relative(path).map_err(|e| fail(format!("{path}: {e}")))?;
        let bytes = std::fs::read(from.join(path)).map_err(|e| fail(format!("{path}: {e}")))?;
        if crate::base::hash::digest(&bytes) != sha {
            return Err(fail(format!(
                "{path} does not match its manifest (damaged or changed)"
            )));
        }
        files.push((path.to_string(), bytes));
    }
    let out = crate::base::output::OutDir::new(to)?;
    let list: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    crate::base::output::publish(&out, &list, &manifest)?;
    Ok(())
}
