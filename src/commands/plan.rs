//! `hotline-kit plan`: the placement checklist, made in memory and then written whole
//! (PDF to `plan.pdf` by default; text and JSON to standard output unless -o says).

use std::path::PathBuf;

use super::args::Global;
use super::context::{load, load_kit, selection};
use super::report::{format_of, print_diags};
use crate::base::diag::Diagnostics;
use crate::products::kit;
use crate::products::plan::PlanFormat;

/// Arguments of `plan`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output file (default: plan.pdf; text and JSON go to standard output without -o).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// pdf, text or json (default: from the file name, else pdf).
    #[arg(long, value_enum)]
    pub format: Option<PlanFormat>,
}

/// Run `plan`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let kit = load_kit(&g.project, g.kit.as_deref())?;
    let kit_path = match (&g.kit, &kit.file) {
        (Some(k), _) => Some(k.clone()),
        (None, Some(_)) => Some(g.project.join("kit.toml")),
        (None, None) => None,
    };
    let format = match (a.format, &a.output) {
        (Some(f), _) => f,
        (None, Some(o)) => format_of(None, o)?,
        (None, None) => PlanFormat::Pdf,
    };
    let output = match format {
        PlanFormat::Pdf => Some(a.output.unwrap_or_else(|| PathBuf::from("plan.pdf"))),
        _ => a.output,
    };
    let p = load(&g.project)?;
    let sel = selection(&kit, vec![], vec![], vec![], None)?;
    let date = crate::checks::check::format_date(crate::checks::check::today());
    let refs = crate::products::plan::KitRef {
        file: kit.file.as_ref(),
        path: kit_path.as_deref(),
        explicit: g.kit.is_some(),
    };
    let (plan, warnings) = crate::products::plan::make(&p, &sel, refs, &date)?;
    let bytes = match format {
        PlanFormat::Pdf => crate::products::plan::pdf(&p, &plan)?,
        PlanFormat::Text => plan.text(&p).into_bytes(),
        PlanFormat::Json => crate::products::plan::json(&plan).into_bytes(),
    };
    print_diags(warnings);
    match output {
        Some(path) => {
            kit::write_atomic(&path, &bytes)?;
            eprintln!(
                "wrote {}: placement plan of {} designs ({} pieces, {} of them drafts)",
                path.display(),
                plan.pieces.len(),
                plan.total_pieces,
                plan.drafts
            );
        }
        None => crate::emit(&String::from_utf8_lossy(&bytes)),
    }
    Ok(())
}
