//! `hotline-kit status`: where every piece stands with the survivor advisory board.

use super::args::{Designs, Global, Locales, ReportFormat};
use super::context::{load, load_kit, selection};
use crate::base::diag::Diagnostics;

/// Arguments of `status`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Designs.
    #[command(flatten)]
    pub designs: Designs,
    /// Locales.
    #[command(flatten)]
    pub locales: Locales,
    /// text (a table) or json (for tools).
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
}

/// Run `status`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let kit = load_kit(&g.project, g.kit.as_deref())?;
    let p = load(&g.project)?;
    let sel = selection(&kit, a.designs.designs, a.locales.locales, vec![], None)?;
    let st = crate::products::approvals::status(&p, &sel);
    match a.format {
        ReportFormat::Json => crate::emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&st).unwrap_or_default()
        )),
        ReportFormat::Text => crate::emit(&crate::products::approvals::status_text(
            &st,
            crate::products::approvals::use_color(),
        )),
    }
    Ok(())
}
