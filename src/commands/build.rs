//! `hotline-kit build`: every design x locale x format into a folder, with manifest.json.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::args::{Designs, Fallback, Global, Locales};
use super::context::{load, load_kit, selection};
use super::report::{print_diags, print_replaced};
use crate::base::diag::Diagnostics;
use crate::products::cache::Cache;
use crate::products::incremental;
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
    /// Colour of print PDFs: `rgb` (default) or `cmyk`, with each design colour's
    /// print values, small text and QR codes in black ink only (default: `[print]
    /// color` in the kit file, else rgb). PNG and screen files stay RGB.
    #[arg(long, value_enum, value_name = "MODE")]
    pub color: Option<crate::model::config::ColorMode>,
    /// Draw every piece again: neither read nor write the render cache
    /// (.hotline-kit/cache/), and do not skip a build whose inputs did not change.
    #[arg(long)]
    pub no_cache: bool,
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
    if let Some(c) = a.color {
        sel.color = c;
    }
    let mut extra: Vec<PathBuf> = kit.path.iter().cloned().collect();
    extra.push(kit.ledger());
    build(&g.project, &out, sel, (!a.no_cache).then_some(&extra[..]))
}

/// Make every piece in memory, then write the folder as a whole: a failure leaves it
/// untouched (not even created). With `cached` (the files outside the project the build
/// reads: kit file, ledger), a build whose inputs and output did not change since the
/// last one does nothing, and renders come from the cache.
fn build(
    project: &Path,
    out: &Path,
    sel: Selection,
    cached: Option<&[PathBuf]>,
) -> Result<(), Diagnostics> {
    let start = Instant::now();
    let out = crate::base::output::OutDir::new(out)?;
    out.preflight()?;
    let inputs = cached.map(|extra| incremental::inputs(project, extra, &format!("{sel:?}")));
    if let Some(said) = inputs
        .as_ref()
        .and_then(|i| incremental::fresh(project, &out, i))
    {
        eprint!("{}", said.warnings);
        eprintln!(
            "nothing changed since the last build: the {} files in {} are up to date (none made, none written) in {:.2} s",
            said.files,
            out.shown.display(),
            start.elapsed().as_secs_f64()
        );
        drafts_note(said.drafts);
        return Ok(());
    }
    let cache = match cached {
        Some(_) => Cache::open(project)?,
        None => Cache::off(),
    };
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
    let files = kit::make_cached(&p, &sel, &tick, &cache);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let (files, warnings) = files?;
    let said_warnings = crate::base::diag::plain(&warnings);
    if !warnings.is_empty() {
        print_diags(warnings);
    }
    let stats = cache.stats();
    for d in &stats.damaged {
        eprintln!(
            "warning: a damaged entry of the render cache was removed and the piece drawn again: {d}"
        );
    }
    let (manifest, done) = kit::write(&out, &files)?;
    print_replaced(&out, &done);
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let drafts = files.iter().filter(|f| f.entry.draft.is_some()).count();
    let secs = start.elapsed().as_secs_f64();
    let drawn = match cached {
        Some(_) => format!(
            "; {} of {} renders drawn, {} from the cache",
            stats.drawn,
            stats.drawn + stats.hits,
            stats.hits
        ),
        None => String::new(),
    };
    if done.untouched {
        eprintln!(
            "nothing changed: the {} files in {} are already this build, none written ({secs:.2} s{drawn})",
            files.len(),
            out.shown.display(),
        );
    } else {
        eprintln!(
            "wrote {} files ({:.1} MB) and {} in {secs:.2} s; {} files were unchanged and kept as they were{drawn}",
            files.len() - done.unchanged,
            bytes as f64 / 1e6,
            manifest.display(),
            done.unchanged,
        );
    }
    if sel.cut_line {
        eprintln!("{}", kit::cut_line_note(&files));
    }
    drafts_note(drafts);
    if let Some(i) = &inputs {
        let said = incremental::Said {
            files: files.len(),
            bytes: bytes as u64,
            drafts,
            pieces: kit::piece_count(&files),
            warnings: said_warnings,
        };
        incremental::save(project, &out, i, said);
    }
    Ok(())
}

fn drafts_note(drafts: usize) {
    if drafts > 0 {
        eprintln!(
            "note: {drafts} files are marked DRAFT: not approved for print (`hotline-kit status` says why; `build --final` refuses drafts)"
        );
    }
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
