//! `hotline-kit video`: a waiting-room loop from a screen design's slides.

use std::path::PathBuf;
use std::time::Instant;

use super::args::{Fallback, Global, Locales};
use super::context::{design_selection, load, load_kit};
use super::report::{format_of, print_diags};
use crate::base::diag::Diagnostics;
use crate::products::kit;
use crate::products::loops::LoopFormat;

/// Arguments of `video`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Screen design (default: tv-slides).
    #[arg(value_name = "DESIGN", default_value = "tv-slides")]
    pub design: String,
    /// Locales.
    #[command(flatten)]
    pub locales: Locales,
    /// Output file; its extension gives the format unless --format says.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// mp4, html or png (default: from the file name).
    #[arg(long, value_enum)]
    pub format: Option<LoopFormat>,
    /// Seconds each slide is shown (at least 8 recommended).
    #[arg(long, default_value_t = 10.0)]
    pub seconds: f32,
    /// Seconds of crossfade between slides (0 for none).
    #[arg(long, default_value_t = 0.5)]
    pub crossfade: f32,
    /// One loop alternating the locales (slide 1 in each, then slide 2...).
    #[arg(long)]
    pub interleave: bool,
    /// A line along the bottom with the number and "text 233733", in each of the
    /// chosen languages in turn (one language a slide).
    #[arg(long)]
    pub crawl: bool,
    /// Fallback locale.
    #[command(flatten)]
    pub fallback: Fallback,
}

/// Run `video`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let start = Instant::now();
    let kit = load_kit(&g.project, g.kit.as_deref())?;
    let p = load(&g.project)?;
    let sel = design_selection(&kit, a.design, a.locales, a.fallback)?;
    let format = format_of(a.format, &a.output)?;
    let timing = crate::products::video::Timing {
        seconds: a.seconds,
        crossfade: a.crossfade,
    };
    let (files, warnings) =
        crate::products::loops::make(&p, &sel, &timing, format, a.interleave, a.crawl, &a.output)?;
    print_diags(warnings);
    for f in &files {
        kit::write_atomic(&f.path, &f.bytes)?;
        let frames = f.frames.map_or(String::new(), |n| format!(", {n} frames"));
        eprintln!(
            "wrote {}: {} slide(s), {:.1} s{frames}, {:.2} MB",
            f.path.display(),
            f.slides,
            f.seconds,
            f.bytes.len() as f64 / 1e6
        );
    }
    eprintln!("done in {:.2} s", start.elapsed().as_secs_f64());
    Ok(())
}
