//! `hotline-kit init`: a facility folder (kit.toml and README.txt), or a commented
//! starter kit.toml in the project folder.

use std::path::PathBuf;

use super::args::Global;
use crate::base::diag::Diagnostics;

/// Arguments of `init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to make (or complete) as a facility folder.
    pub dir: Option<PathBuf>,
}

/// Run `init`: make the facility folder DIR, or write the starter kit file (--kit, else
/// kit.toml in the project folder); never over an existing file.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    crate::products::facility::init(&g.project, g.kit.as_deref(), a.dir.as_deref())
}
