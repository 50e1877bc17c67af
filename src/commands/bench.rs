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
    /// Instead: batches of fictional facilities (cold, then unchanged), each in a
    /// process of its own, and one kit's build cold and unchanged.
    #[arg(long)]
    pub batch: bool,
    /// With --batch: how many facilities, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "10,50,200")]
    pub facilities: Vec<usize>,
    /// Only the PNG table: each default design's pages encoded as before issue 17 and as
    /// now, bytes and median milliseconds side by side.
    #[arg(long)]
    pub png: bool,
}

/// Run `bench`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    if a.batch {
        return super::bench_batch::run_batch(&a.facilities);
    }
    if a.png {
        return crate::products::bench_png::run(&g.project, a.iterations.max(1));
    }
    crate::products::bench::run(&g.project, a.iterations.max(1))
}
