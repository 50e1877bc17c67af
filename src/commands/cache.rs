//! `hotline-kit cache prune`: keep the render cache under a size.

use super::args::Global;
use crate::base::diag::{Diagnostic, Diagnostics};

/// `cache` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum CacheCommand {
    /// Remove the least recently used renders until the cache is at most --max-size,
    /// and temporary files left by runs that were stopped.
    Prune(PruneArgs),
}

/// Arguments of `cache prune`.
#[derive(Debug, clap::Args)]
pub struct PruneArgs {
    /// Largest size to keep: a number of bytes, or with KB, MB or GB (1000s); 0 empties
    /// the cache.
    #[arg(long, default_value = "1GB", value_parser = parse_size)]
    pub max_size: u64,
}

/// Run a `cache` subcommand.
pub fn run(c: CacheCommand, g: &Global) -> Result<(), Diagnostics> {
    match c {
        CacheCommand::Prune(a) => {
            let dir = g.project.join(crate::products::cache::DIR);
            let p = crate::products::cache::prune(&g.project, a.max_size).map_err(|e| {
                Diagnostic::error(format!("cannot prune {}: {e}", dir.display()))
                    .hint("check that the folder is yours and writable")
            })?;
            let mb = |b: u64| b as f64 / 1e6;
            eprintln!(
                "{}: {} renders ({:.1} MB) before; removed {} files ({:.1} MB); {} renders ({:.1} MB) kept",
                dir.display(),
                p.before.0,
                mb(p.before.1),
                p.removed.0,
                mb(p.removed.1),
                p.before.0.saturating_sub(p.removed.0),
                mb(p.before.1.saturating_sub(p.removed.1)),
            );
            Ok(())
        }
    }
}

/// "500MB", "2 GB", "1000" (bytes), "0".
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim().to_ascii_uppercase();
    let split = t
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size: write e.g. 500MB or 2GB"))?;
    let k = match unit.trim() {
        "" | "B" => 1.0,
        "K" | "KB" => 1e3,
        "M" | "MB" => 1e6,
        "G" | "GB" => 1e9,
        _ => return Err(format!("`{s}`: the unit is KB, MB or GB")),
    };
    Ok((n * k) as u64)
}
