//! `hotline-kit scene`: a piece's display list as text (what every exporter draws).

use super::args::Global;
use super::context::{load, load_kit, selection};
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

/// Run `scene`: the piece as `render` and `build` make it, with the kit file's choices
/// (local resources, QR target, pictures).
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let kit = load_kit(&g.project, g.kit.as_deref())?;
    let sel = selection(&kit, vec![], vec![], vec![], None)?;
    let p = load(&g.project)?;
    let scene = crate::products::kit::compile_with(&p, &a.design, &a.locale, &sel.options_for(&p))?;
    crate::emit(&scene.snapshot());
    Ok(())
}
