//! `hotline-kit batch SHEET --out DIR`: a kit for every facility of a sheet; and
//! `hotline-kit batch-merge`: the shards of one sheet put together.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use super::args::{Designs, Global};
use super::context::load_kit;
use super::report::emit_diags;
use crate::base::diag::Diagnostics;
use crate::products::batch::{self, Shard, Status};
use crate::products::kit::Format;

/// Arguments of `batch`.
#[derive(Debug, clap::Args)]
#[command(mut_arg("designs", |a| a.help("Design to build for every facility (repeat for several; default: the kit file's, else all)")))]
pub struct Args {
    /// The facilities sheet (CSV, UTF-8; one row per facility).
    pub sheet: PathBuf,
    /// Folder that gets one folder per facility, and batch.json / batch.csv.
    #[arg(long)]
    pub out: PathBuf,
    /// Designs.
    #[command(flatten)]
    pub designs: Designs,
    /// Format (repeat for several; default: the kit file's, else pdf and png).
    #[arg(long = "format", value_enum, value_name = "FORMAT")]
    pub formats: Vec<Format>,
    /// Print files only: a facility with any piece not approved for print is not built.
    #[arg(long = "final")]
    pub final_only: bool,
    /// Build nothing when any row of the sheet has a problem.
    #[arg(long)]
    pub strict: bool,
    /// Build only this machine's share: I/N takes every N-th row starting with the I-th
    /// (e.g. 2/4). `hotline-kit batch-merge` puts the shards together.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
    /// Draw every piece again and build every facility again: neither read nor write
    /// the render cache.
    #[arg(long)]
    pub no_cache: bool,
}

/// Run `batch`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let start = Instant::now();
    let base = load_kit(&g.project, g.kit.as_deref())?;
    let req = batch::Request {
        project: g.project.clone(),
        sheet: a.sheet.clone(),
        out: a.out.clone(),
        designs: a.designs.designs,
        formats: a.formats,
        final_only: a.final_only,
        strict: a.strict,
        shard: a.shard,
        cache: !a.no_cache,
        today: crate::checks::check::today(),
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new(0);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} [{bar:30}] {pos}/{len} facilities, {eta} left {wide_msg}",
            )
            .expect("valid template")
            .progress_chars("=> "),
        );
        b
    });
    let progress = |total: usize, f: &batch::FacilitySummary| match &bar {
        Some(b) => {
            b.set_length(total as u64);
            b.set_message(f.id.clone());
            b.inc(1);
        }
        None => eprintln!("{} {} (row {})", f.status.word(), f.id, f.row),
    };
    let out = batch::run(&req, &base, &progress)?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let summary = out.summary;
    let failed = !out.bad_rows.is_empty() || !out.failed.is_empty();
    print_some(out.bad_rows, SHOWN, "row problems");
    for (id, row, d) in out.failed {
        eprintln!(
            "error: facility `{id}` (row {row}) was not built, and nothing of it was written:"
        );
        print_some(d, SHOWN / 5, "problems of this facility");
    }
    let c = &summary.cache;
    for d in &c.damaged {
        eprintln!(
            "warning: a damaged entry of the render cache was removed and the piece drawn again: {d}"
        );
    }
    let mut line = format!(
        "{} facilities: {} built, {} unchanged, {} failed, {} bad rows",
        summary.facilities.len(),
        summary.count(Status::Built),
        summary.count(Status::Unchanged),
        summary.count(Status::Failed),
        summary.count(Status::BadRow),
    );
    if let Some(s) = summary.shard {
        line.push_str(&format!(
            " (shard {}/{} of {} rows)",
            s.index, s.count, summary.rows
        ));
    }
    if !summary.skipped.is_empty() {
        line.push_str(&format!("; {} empty rows skipped", summary.skipped.len()));
    }
    eprintln!(
        "{line}; {} of {} renders drawn, {} from the cache; {} in {:.1} s{}",
        c.drawn,
        c.drawn + c.hits,
        c.hits,
        a.out.join(format!("{}.json", summary.stem())).display(),
        start.elapsed().as_secs_f64(),
        peak_memory().map_or_else(String::new, |m| format!(", peak memory {m} MB")),
    );
    let drafts: usize = summary.facilities.iter().map(|f| f.drafts).sum();
    if drafts > 0 {
        eprintln!(
            "note: {drafts} files are marked DRAFT: not approved for print (batch.csv says which facilities; `build --final` / `batch --final` refuse drafts)"
        );
    }
    if failed {
        return Err(Diagnostics::default());
    }
    Ok(())
}

/// How many diagnostics of one kind are printed (batch.csv has every one).
const SHOWN: usize = 50;

/// Print at most `max` diagnostics, then how many more there are.
fn print_some(d: Diagnostics, max: usize, what: &str) {
    let more = d.0.len().saturating_sub(max);
    emit_diags(Diagnostics(d.sorted().0.into_iter().take(max).collect()));
    if more > 0 {
        eprintln!("... and {more} more {what} (batch.csv and batch.json list every one)");
    }
}

/// The most memory this process has held, in MB (Linux; `None` elsewhere).
pub fn peak_memory() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// Arguments of `batch-merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// Folders holding the shards' summaries (batch-shard-I-of-N.json) and facility
    /// folders; the same folder may hold several shards.
    #[arg(required = true)]
    pub dirs: Vec<PathBuf>,
    /// Folder for batch.json, batch.csv and every facility's folder (default: the first
    /// folder given). Facility folders of other folders are copied in, checked against
    /// their manifests.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Run `batch-merge`.
pub fn merge(a: MergeArgs, _g: &Global) -> Result<(), Diagnostics> {
    let out = a.out.clone().unwrap_or_else(|| a.dirs[0].clone());
    let m = batch::summary::merge(&a.dirs, &out)?;
    let s = m.summary.expect("merged summary");
    eprintln!(
        "merged {} shards: {} facilities ({} built or unchanged, {} failed, {} bad rows); {} folders copied; wrote {}",
        m.shards,
        s.facilities.len(),
        s.facilities.iter().filter(|f| f.status.ok()).count(),
        s.count(Status::Failed),
        s.count(Status::BadRow),
        m.copied,
        out.join("batch.json").display()
    );
    if s.facilities.iter().any(|f| !f.status.ok()) {
        return Err(Diagnostics::default());
    }
    Ok(())
}
