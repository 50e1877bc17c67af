//! `hotline-kit report`: the staff posting report (what is posted where, in which
//! languages, which version, when and by whom) as PDF, CSV or JSON, made in memory and
//! written whole. CSV and JSON go to standard output unless --out names a file; a PDF
//! needs --out. (The diagnostics printer is [`super::report`], another module.)

use std::path::{Path, PathBuf};

use super::args::Global;
use super::context::{load, load_kit};
use super::report::format_of;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::checks::check::{format_date, parse_date, today};
use crate::products::kit;
use crate::products::postings::{self, HOW_TO_RECORD, NOTHING_YET, Posting};

/// What `report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A printable US Letter report: totals, what is up where, and the log.
    Pdf,
    /// A spreadsheet table: what is up where (with --log: every record).
    Csv,
    /// The whole report, for other tools.
    Json,
}

/// Arguments of `report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// pdf, csv or json (default: from the --out file name, else csv).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Output file (needed for pdf; csv and json go to standard output without it).
    #[arg(
        short = 'o',
        long = "out",
        visible_alias = "output",
        value_name = "FILE"
    )]
    pub out: Option<PathBuf>,
    /// First day of the records shown (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of the records shown, and the day the "what is up" table is for
    /// (YYYY-MM-DD; default: every record).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// CSV: every record of the range, one row each, instead of what is up where.
    #[arg(long)]
    pub log: bool,
}

/// A date of the command line: a real calendar day written YYYY-MM-DD.
fn day(flag: &str, value: Option<&str>) -> Result<Option<i64>, Diagnostic> {
    let Some(v) = value else { return Ok(None) };
    match parse_date(v).filter(|&d| format_date(d) == v) {
        Some(d) => Ok(Some(d)),
        None => Err(
            Diagnostic::error(format!("{flag} {v:?} is not a day of the calendar")).hint(format!(
                "write it as year-month-day, for example {flag} {}",
                format_date(today())
            )),
        ),
    }
}

/// The posting log of the project, oldest first, from the web application's database
/// (`.hotline-kit/web.sqlite`). No database yet means no records: the report is not a
/// reason to make one.
fn load_events(project: &Path) -> Result<Vec<Posting>, Diagnostics> {
    if std::fs::symlink_metadata(project.join(crate::web::store::DATABASE)).is_err() {
        return Ok(Vec::new());
    }
    Ok(crate::web::store::Store::open(project)?.postings()?)
}

/// Run `report`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let format = match (a.format, &a.out) {
        (Some(f), _) => f,
        (None, Some(o)) => format_of(None, o)?,
        (None, None) => ReportFormat::Csv,
    };
    if format == ReportFormat::Pdf && a.out.is_none() {
        return Err(Diagnostic::error("a PDF report needs a file to go into")
            .hint("name it with --out, for example: hotline-kit report --format pdf --out postings.pdf")
            .into());
    }
    let (from, to) = (
        day("--from", a.from.as_deref())?,
        day("--to", a.to.as_deref())?,
    );
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(Diagnostic::error(format!(
            "--from {} is after --to {}",
            format_date(f),
            format_date(t)
        ))
        .hint("give the earlier day with --from and the later one with --to")
        .into());
    }
    let kit = load_kit(&g.project, g.kit.as_deref())?;
    let facility = kit
        .file
        .as_ref()
        .map(|k| k.facility.name.clone())
        .unwrap_or_default();
    let events = load_events(&g.project)?;
    let made = format_date(today());
    let (from, to) = (from.map(format_date), to.map(format_date));
    let r = postings::report(&facility, &events, from.as_deref(), to.as_deref(), &made);
    let bytes = match format {
        ReportFormat::Pdf => postings::to_pdf(&load(&g.project)?, &r)?,
        ReportFormat::Csv if a.log => postings::to_csv(&r.events).into_bytes(),
        ReportFormat::Csv => postings::standing_csv(&r.standing).into_bytes(),
        ReportFormat::Json => postings::to_json(&r).into_bytes(),
    };
    if events.is_empty() {
        eprintln!("note: {NOTHING_YET} {HOW_TO_RECORD}");
    }
    match &a.out {
        Some(path) => {
            kit::write_atomic(path, &bytes)?;
            eprintln!(
                "wrote {}: posting report ({}), {} records, {} copies up at {} places",
                path.display(),
                r.range_text(),
                r.events.len(),
                r.totals.copies,
                r.totals.places
            );
        }
        None => crate::emit(&String::from_utf8_lossy(&bytes)),
    }
    Ok(())
}
