//! `batch`: one kit per facility of a sheet ([`crate::load::facilities`]), each built as
//! `build` builds a kit, into `OUT/<id>/` with its files, `manifest.json`, the
//! placement plan (`plan.pdf`) and a zip of it all (`<id>.zip`); then a summary of
//! every facility (`batch.json`, `batch.csv`, see [`summary`]).
//!
//! The whole sheet is read and checked before anything is written. A bad row is
//! reported and nothing of it is written (an earlier build of that facility is left as
//! it was); the others are built, unless `--strict`. Facilities are built one after
//! another, each with every core, so memory stays that of one facility whatever the
//! length of the sheet. Renders come from the render cache, so a piece that is the same
//! in several facilities is drawn once; a facility whose inputs did not change since its
//! last build is not built again ([`crate::products::incremental`]).
//!
//! `--shard I/N` builds every N-th row of the sheet starting with the I-th (rows
//! counted in sheet order, empty rows left out), so N machines split a sheet between
//! them; [`summary::merge`] puts their summaries (and folders) together.

pub mod summary;

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::base::diag::{Diagnostic, Diagnostics, Severity};
use crate::base::output::OutDir;
use crate::load::facilities::{BadRow, Row};
use crate::load::project::Project;
use crate::products::cache::Cache;
use crate::products::incremental;
use crate::products::kit::{self, Format, ManifestEntry, OutFile};
use crate::products::workspace::Kit;
pub use summary::{FacilitySummary, Shard, Status, Summary};

/// What a batch did.
#[derive(Debug)]
pub struct Outcome {
    /// The summary (also written into the output folder).
    pub summary: Summary,
    /// The problems of the bad rows (of this shard).
    pub bad_rows: Diagnostics,
    /// Facilities whose kit could not be made: id, row and why.
    pub failed: Vec<(String, usize, Diagnostics)>,
}

/// Bad rows whose problems `--strict` shows.
const STRICT_SHOWN: usize = 50;

/// Facilities built at the same time.
pub const FACILITIES_AT_ONCE: usize = 2;

/// What to build.
#[derive(Debug, Clone)]
pub struct Request {
    /// The project folder.
    pub project: PathBuf,
    /// The sheet.
    pub sheet: PathBuf,
    /// The folder the facilities' folders go into.
    pub out: PathBuf,
    /// Designs (empty: the kit file's, else all).
    pub designs: Vec<String>,
    /// Formats (empty: the kit file's, else PDF and PNG).
    pub formats: Vec<Format>,
    /// Refuse (per facility) to write pieces not approved for print.
    pub final_only: bool,
    /// Any bad row stops the batch before anything is written.
    pub strict: bool,
    /// This machine's share of the rows.
    pub shard: Option<Shard>,
    /// Use the render cache and skip unchanged facilities.
    pub cache: bool,
    /// Today (days since 1970-01-01): the date of the placement plans.
    pub today: i64,
}

/// Build every facility of the sheet (of this shard). `base` is the project's kit
/// (kit.toml: the defaults every row starts from; its ledger holds the approvals).
/// `progress` hears of each facility when it is done (`total` first, as 0 done). Returns
/// the summary (also written into the output folder) and the problems of bad rows, or
/// the problems that stopped the batch before anything was written.
pub fn run(
    req: &Request,
    base: &Kit,
    progress: &(dyn Fn(usize, &FacilitySummary) + Sync),
) -> Result<Outcome, Diagnostics> {
    if req.out.is_file() {
        return Err(Diagnostic::error(format!(
            "--out {} is a file, not a folder",
            req.out.display()
        ))
        .hint("--out names the folder that gets one folder per facility")
        .into());
    }
    let project = crate::products::workspace::load(&req.project)?;
    let sheet = crate::load::facilities::read(&req.sheet, &project, base.file.as_ref())?;
    let mut bad_diags = Diagnostics::default();
    for b in &sheet.bad {
        bad_diags.extend(b.problems.0.iter().cloned());
    }
    if req.strict && !sheet.bad.is_empty() {
        // The first rows' problems (a sheet of thousands of bad rows is not printed
        // whole), then what stopped the batch.
        let shown: Vec<Diagnostic> = sheet
            .bad
            .iter()
            .take(STRICT_SHOWN)
            .flat_map(|b| b.problems.0.iter().cloned())
            .collect();
        let mut d = Diagnostics(shown);
        if sheet.bad.len() > STRICT_SHOWN {
            d.push(Diagnostic::error(format!(
                "... and {} more rows with problems",
                sheet.bad.len() - STRICT_SHOWN
            )));
        }
        d.push(
            Diagnostic::error(format!(
                "--strict: {} of {} rows of {} have problems, so no facility was built",
                sheet.bad.len(),
                sheet.bad.len() + sheet.rows.len(),
                req.sheet.display()
            ))
            .hint("fix the rows named above, or leave out --strict to build the good rows"),
        );
        return Err(d);
    }
    // Every data row in sheet order, good or bad, then this shard's share.
    let mut all: Vec<(usize, Result<&Row, &BadRow>)> = sheet
        .rows
        .iter()
        .map(|r| (r.number, Ok(r)))
        .chain(sheet.bad.iter().map(|b| (b.number, Err(b))))
        .collect();
    all.sort_by_key(|(n, _)| *n);
    let total_rows = all.len();
    let mine: Vec<Result<&Row, &BadRow>> = all
        .into_iter()
        .enumerate()
        .filter(|(k, _)| req.shard.is_none_or(|s| s.takes(*k)))
        .map(|(_, (_, r))| r)
        .collect();
    let cache = if req.cache {
        Cache::open(&req.project)?
    } else {
        Cache::off()
    };
    let good = mine.iter().filter(|r| r.is_ok()).count();
    let publish = Mutex::new(());
    let date = crate::checks::check::format_date(req.today);
    // Two facilities at a time, each drawing its pieces on every core: one's serial
    // parts (checks, plan, zip, writing) overlap the other's drawing, and memory holds
    // two facilities at most, however long the sheet.
    let job = Job {
        req,
        project: &project,
        base,
        cache: &cache,
        publish: &publish,
        date: &date,
    };
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<FacilitySummary>>> = Mutex::new(vec![None; mine.len()]);
    let failed: Mutex<Vec<(usize, String, usize, Diagnostics)>> = Mutex::default();
    std::thread::scope(|scope| {
        for _ in 0..FACILITIES_AT_ONCE {
            scope.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(r) = mine.get(k) else { break };
                    let f = match r {
                        Ok(row) => {
                            let (f, why) = facility(&job, row);
                            progress(good, &f);
                            if let Some(d) = why {
                                failed
                                    .lock()
                                    .expect("lock")
                                    .push((k, f.id.clone(), f.row, d));
                            }
                            f
                        }
                        Err(bad) => FacilitySummary::bad(bad),
                    };
                    slots.lock().expect("lock")[k] = Some(f);
                }
            });
        }
    });
    let facilities: Vec<FacilitySummary> = slots
        .into_inner()
        .expect("lock")
        .into_iter()
        .map(|f| f.expect("every facility done"))
        .collect();
    if req.shard.is_some() {
        // Bad rows of other shards are theirs to report.
        let mine: std::collections::BTreeSet<usize> = facilities.iter().map(|f| f.row).collect();
        bad_diags = Diagnostics(
            sheet
                .bad
                .iter()
                .filter(|b| mine.contains(&b.number))
                .flat_map(|b| b.problems.0.iter().cloned())
                .collect(),
        );
    }
    let summary = Summary {
        sheet: req
            .sheet
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        sheet_sha256: sheet.sha256.clone(),
        rows: total_rows,
        skipped: sheet.skipped.clone(),
        shard: req.shard,
        designs: req.designs.clone(),
        formats: req.formats.iter().map(|f| f.ext().to_string()).collect(),
        final_only: req.final_only,
        cache: cache.stats(),
        facilities,
    };
    summary.write(&req.out)?;
    let mut failed = failed.into_inner().expect("lock");
    failed.sort_by_key(|f| f.0);
    Ok(Outcome {
        summary,
        bad_rows: bad_diags,
        failed: failed
            .into_iter()
            .map(|(_, id, row, d)| (id, row, d))
            .collect(),
    })
}

/// What every facility of a batch is built with.
struct Job<'a> {
    req: &'a Request,
    project: &'a Project,
    base: &'a Kit,
    cache: &'a Cache,
    /// One facility's folder is written at a time.
    publish: &'a Mutex<()>,
    /// The date on the plans.
    date: &'a str,
}

/// Build one facility into `OUT/<id>/`; a failure ends up in its summary, and its
/// diagnostics come back beside it.
fn facility(job: &Job, row: &Row) -> (FacilitySummary, Option<Diagnostics>) {
    let mut f = FacilitySummary::new(row);
    match build_facility(job, row) {
        Ok((status, said)) => {
            f.status = status;
            f.pieces = said.pieces;
            f.files = said.files;
            f.drafts = said.drafts;
            f.approved = said.drafts == 0;
            f.folder = Some(format!("{}/", row.id));
            f.zip = Some(format!("{}/{}.zip", row.id, row.id));
            f.warnings = said
                .warnings
                .lines()
                .filter(|l| l.starts_with("warning"))
                .count();
        }
        Err(d) => {
            let errors = Diagnostics(
                d.0.into_iter()
                    .filter(|d| d.severity == Severity::Error)
                    .collect(),
            );
            f.status = Status::Failed;
            f.problems = errors.0.iter().map(summary::said).collect();
            return (f, Some(errors));
        }
    }
    (f, None)
}

fn build_facility(job: &Job, row: &Row) -> Result<(Status, incremental::Said), Diagnostics> {
    let Job {
        req,
        project,
        base,
        cache,
        publish,
        date,
    } = *job;
    let mut file = row.kit(base.file.as_ref());
    // The plan sits in the facility's folder, beside the files it lists.
    file.build.out = Some(PathBuf::new());
    let kit = Kit {
        file: Some(file),
        path: None,
        dir: base.dir.clone(),
    };
    let mut sel = crate::products::workspace::selection(
        &kit,
        req.designs.clone(),
        vec![],
        req.formats.clone(),
        None,
    )?;
    sel.final_only = req.final_only;
    sel.today = Some(req.today);
    let out = OutDir::new(&req.out.join(&row.id))?;
    out.preflight()?;
    let mut extra: Vec<PathBuf> = base.path.iter().cloned().collect();
    extra.push(base.ledger());
    let inputs = req.cache.then(|| {
        incremental::inputs(
            &req.project,
            &extra,
            &format!("batch\n{sel:?}\n{row:?}\nplan {date}"),
        )
    });
    if let Some(said) = inputs
        .as_ref()
        .and_then(|i| incremental::fresh(&req.project, &out, i))
    {
        return Ok((Status::Unchanged, said));
    }
    let (mut files, warnings, scenes) = kit::make_all(project, &sel, &|_| {}, cache)?;
    let pieces = kit::piece_count(&files);
    let drafts = files.iter().filter(|f| f.entry.draft.is_some()).count();
    // The plan says it was made from the sheet's row.
    let from = PathBuf::from(format!(
        "{}, row {}",
        req.sheet
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        row.number
    ));
    let refs = crate::products::plan::KitRef {
        file: kit.file.as_ref(),
        path: Some(&from),
        explicit: false,
    };
    let status = crate::products::approvals::status_of(project, &sel, &scenes);
    drop(scenes);
    let (plan, _) = crate::products::plan::make_with(project, &sel, refs, date, status)?;
    let plan_pdf = crate::products::plan::pdf(project, &plan)?;
    files.push(other_file(
        "plan.pdf",
        plan_pdf,
        "pdf",
        "placement-plan",
        &files,
    ));
    let inner = kit::manifest_json(&files);
    let mut entries: Vec<(String, &[u8])> = files
        .iter()
        .map(|f| (f.entry.path.clone(), f.bytes.as_slice()))
        .collect();
    entries.push(("manifest.json".into(), &inner));
    let zip = crate::products::bundle::zip(&entries)?;
    drop(entries);
    let zip_name = format!("{}.zip", row.id);
    files.push(other_file(&zip_name, zip, "zip", "kit-zip", &files));
    let bytes: u64 = files.iter().map(|f| f.bytes.len() as u64).sum();
    let done = {
        let _one = publish.lock().expect("lock");
        kit::write(&out, &files)?.1
    };
    let said = incremental::Said {
        files: files.len(),
        bytes,
        drafts,
        pieces,
        warnings: crate::base::diag::plain(&warnings),
    };
    if let Some(i) = &inputs {
        incremental::save(&req.project, &out, i, said.clone());
    }
    let status = if done.untouched {
        Status::Unchanged
    } else {
        Status::Built
    };
    Ok((status, said))
}

/// A file of a facility's folder that is not a piece (the plan, the zip), with a
/// manifest entry that says what it is: its review status and approval are the lowest
/// of the pieces it holds or lists.
fn other_file(
    path: &str,
    bytes: Vec<u8>,
    format: &'static str,
    what: &str,
    pieces: &[OutFile],
) -> OutFile {
    let first = &pieces[0].entry;
    let draft = pieces.iter().any(|f| f.entry.draft.is_some());
    let entry = ManifestEntry {
        design: what.into(),
        number: first.number.clone(),
        review: pieces
            .iter()
            .map(|f| f.entry.review)
            .min()
            .unwrap_or(first.review),
        draft: draft.then(|| "holds pieces not approved for print".to_string()),
        approval: if draft { "draft" } else { "approved" },
        ..ManifestEntry::new(path.into(), &bytes, format)
    };
    OutFile { entry, bytes }
}
