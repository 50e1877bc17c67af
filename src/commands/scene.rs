//! `hotline-kit scene`: a piece's display list as text (what every exporter draws).

use super::args::Global;
use super::context::load;
use crate::base::diag::Diagnostics;

/// Arguments of `scene`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Design name.
    pub design: String,
    /// Locale code.
    #[arg(long, default_value = "en")]
    pub locale: String,
}

/// Run `scene`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let p = load(&g.project)?;
    crate::emit(&crate::products::kit::compile(&p, &a.design, &a.locale)?.snapshot());
    Ok(())
}
