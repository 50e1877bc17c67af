//! `hotline-kit bench`: layout, PDF, 300-dpi PNG and the whole default build, measured
//! in memory.

use super::args::Global;
use crate::base::diag::Diagnostics;

/// Arguments of `bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Repetitions of each measurement.
    #[arg(long, default_value_t = 20)]
    pub iterations: usize,
}

/// Run `bench`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    crate::products::bench::run(&g.project, a.iterations.max(1))
}
