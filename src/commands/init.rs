//! `hotline-kit init`: a commented starter kit.toml for a facility.

use super::args::Global;
use crate::diag::{Diagnostic, Diagnostics};

/// Arguments of `init` (none yet beyond the global --project and --kit).
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `init`: write the starter kit file (--kit, else kit.toml in the project folder),
/// never over an existing one.
pub fn run(_: Args, g: &Global) -> Result<(), Diagnostics> {
    let path = g.kit.clone().unwrap_or_else(|| g.project.join("kit.toml"));
    if path.exists() {
        return Err(
            Diagnostic::error(format!("{} already exists", path.display()))
                .hint("edit it, or remove it first to start again")
                .into(),
        );
    }
    crate::kit::write_atomic(&path, crate::kitfile::STARTER.as_bytes())?;
    eprintln!(
        "wrote {}: edit it, then run `hotline-kit check` and `hotline-kit build`",
        path.display()
    );
    Ok(())
}
