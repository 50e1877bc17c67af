//! `hotline-kit build`: every design x locale x format into a folder, with manifest.json.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::args::{Designs, Fallback, Global, Locales};
use super::context::{load, load_kit, selection};
use super::report::{print_diags, print_replaced};
use crate::base::diag::Diagnostics;
use crate::products::kit::{self, Format, Selection};

/// Arguments of `build`.
#[derive(Debug, clap::Args)]
#[command(
    mut_arg("designs", |a| a.help("Design to build (repeat for several; default: all)")),
    mut_arg("locales", |a| a.help(
        "Locale to build (repeat for several; `all` for every locale; default: en and es)"
    )),
    mut_arg("fallback", |a| a.help(
        "Show this locale's text where a locale lacks a message (marked on the piece)"
    ))
)]
pub struct Args {
    /// Output folder.
    /// (default: `out` in kit.toml, else `out`).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Designs.
    #[command(flatten)]
    pub designs: Designs,
    /// Locales.
    #[command(flatten)]
    pub locales: Locales,
    /// Format (repeat for several; default: pdf and png).
    #[arg(long = "format", value_enum, value_name = "FORMAT")]
    pub formats: Vec<Format>,
    /// Fallback locale (after --format, as the help has always listed it).
    #[command(flatten)]
    pub fallback: Fallback,
    /// Print files only: refuse to write anything when a piece is not approved for
    /// print (and list those pieces).
    #[arg(long = "final")]
    pub final_only: bool,
    /// Print-shop PDFs: crop marks and a slug line (design, locale, size, content
    /// hash) around the bleed.
    #[arg(long)]
    pub marks: bool,
    /// Die-cut line on stickers and clings: a 0.25 pt path on the trim, corners
    /// rounded as the design says, in the spot colour CutContour (magenta in PNG and
    /// SVG). Other designs are made as usual.
    #[arg(long)]
    pub cut_line: bool,
}

/// Run `build`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let kit = load_kit(&g.project, g.kit.as_deref())?;
    let out = kit.out(&g.project, a.out)?;
    let mut sel = selection(
        &kit,
        a.designs.designs,
        a.locales.locales,
        a.formats,
        a.fallback.fallback,
    )?;
    sel.final_only = a.final_only;
    sel.marks = a.marks;
    sel.cut_line = a.cut_line;
    build(&g.project, &out, sel)
}

/// Make every piece in memory, then write the folder as a whole: a failure leaves it
/// untouched (not even created).
fn build(project: &Path, out: &Path, sel: Selection) -> Result<(), Diagnostics> {
    let start = Instant::now();
    let out = crate::base::output::OutDir::new(out)?;
    out.preflight()?;
    let p = load(project)?;
    let total = kit::job_count(&p, &sel) as u64;
    let bar = progress_bar(total);
    let tick = |label: &str| match &bar {
        Some(b) => {
            b.set_message(label.to_string());
            b.inc(1);
        }
        None => eprintln!("made {label}"),
    };
    let files = kit::make(&p, &sel, &tick);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let (files, warnings) = files?;
    if !warnings.is_empty() {
        print_diags(warnings);
    }
    let (manifest, done) = kit::write(&out, &files)?;
    print_replaced(&out, &done);
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let drafts = files.iter().filter(|f| f.entry.draft.is_some()).count();
    eprintln!(
        "wrote {} files ({:.1} MB) and {} in {:.2} s",
        files.len(),
        bytes as f64 / 1e6,
        manifest.display(),
        start.elapsed().as_secs_f64()
    );
    if sel.cut_line {
        eprintln!("{}", kit::cut_line_note(&files));
    }
    if drafts > 0 {
        eprintln!(
            "note: {drafts} files are marked DRAFT: not approved for print (`hotline-kit status` says why; `build --final` refuses drafts)"
        );
    }
    Ok(())
}

/// A progress bar on a terminal; `None` when standard error is piped (one line a piece).
fn progress_bar(total: u64) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let b = indicatif::ProgressBar::new(total);
    b.set_style(
        indicatif::ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}")
            .expect("valid template")
            .progress_chars("=> "),
    );
    Some(b)
}
