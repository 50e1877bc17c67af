//! `hotline-kit proof`: the proof packet for the survivor advisory board (a PDF review
//! book and an offline HTML gallery).

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::args::{Global, Pick};
use super::context::{load, load_kit, pick_selection};
use super::report::print_replaced;
use crate::base::diag::Diagnostics;
use crate::products::kit::Selection;

/// Arguments of `proof`.
#[derive(Debug, clap::Args)]
#[command(
    mut_arg("designs", |a| a.help("Design to include (repeat; default: the kit's)")),
    mut_arg("locales", |a| a.help(
        "Locale to include (repeat; `all` for every locale; default: the kit's)"
    ))
)]
pub struct Args {
    /// Output folder (default: `proof`).
    #[arg(long, default_value = "proof")]
    pub out: PathBuf,
    /// Designs, locales and the fallback locale.
    #[command(flatten)]
    pub pick: Pick,
}

/// Run `proof`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let kit = load_kit(&g.project, g.kit.as_deref())?;
    let sel = pick_selection(&kit, a.pick)?;
    proof(&g.project, &a.out, &sel)
}

/// Everything is made in memory first, so a failure writes nothing.
fn proof(project: &Path, out: &Path, sel: &Selection) -> Result<(), Diagnostics> {
    let start = Instant::now();
    let outdir = crate::base::output::OutDir::new(out)?;
    outdir.preflight()?;
    let p = load(project)?;
    let date = crate::checks::check::format_date(crate::checks::check::today());
    let proof = crate::products::proof::collect(&p, sel, &date)?;
    let mut files = crate::products::proof::html::files(&proof);
    files.push((
        "review-book.pdf".to_string(),
        crate::products::proof::book::pdf(&p, &proof)?,
    ));
    let list: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(r, b)| (r.as_str(), b.as_slice()))
        .collect();
    let done =
        crate::base::output::publish(&outdir, &list, &crate::base::output::simple_manifest(&list))?;
    print_replaced(&outdir, &done);
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    eprintln!(
        "wrote a proof of {} {} to {} ({} files, {:.1} MB) in {:.2} s: review-book.pdf and index.html",
        proof.pieces.len(),
        if proof.pieces.len() == 1 {
            "piece"
        } else {
            "pieces"
        },
        out.display(),
        files.len(),
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
