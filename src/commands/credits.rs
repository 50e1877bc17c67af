//! `hotline-kit credits`: CREDITS.md, every font and image with its licence.

use std::path::PathBuf;

use super::args::Global;
use super::context::load;
use crate::base::diag::Diagnostics;

/// Arguments of `credits`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output file.
    #[arg(short = 'o', long, default_value = "CREDITS.md")]
    pub output: PathBuf,
}

/// Run `credits`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let p = load(&g.project)?;
    let text = crate::products::sheet::credits(&p)?;
    crate::products::kit::write_atomic(&a.output, text.as_bytes())?;
    eprintln!("wrote {}", a.output.display());
    Ok(())
}
