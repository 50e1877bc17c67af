//! `hotline-kit imagery ...`: the illustration library.

use std::path::PathBuf;

use super::args::Global;
use super::context::load;
use super::report::write_scene;
use crate::base::diag::Diagnostics;

/// `hotline-kit imagery ...`.
#[derive(Debug, clap::Subcommand)]
pub enum ImageryCommand {
    /// A contact sheet of the whole library with ids, tags and licences (PDF or PNG).
    #[command(
        after_help = "Examples:\n  hotline-kit imagery sheet -o sheet.pdf\n  hotline-kit imagery sheet -o sheet.png   (one PNG per page: sheet-1.png, ...)"
    )]
    Sheet {
        /// Output file (.pdf, .png or .svg).
        #[arg(short = 'o', long)]
        output: PathBuf,
    },
}

/// Run `imagery ...`.
pub fn run(c: ImageryCommand, g: &Global) -> Result<(), Diagnostics> {
    match c {
        ImageryCommand::Sheet { output } => {
            let p = load(&g.project)?;
            let scene = crate::products::sheet::contact_sheet(&p)?;
            write_scene(&scene, None, &output)
        }
    }
}
