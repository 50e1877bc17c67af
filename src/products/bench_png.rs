//! The PNG part of `hotline-kit bench`: every page of each default design (English), at
//! its output resolution (300 dpi for print), encoded as before issue 17 (RGB, fdeflate,
//! adaptive filters) and as now, with the bytes and the median encode time side by side.

use std::path::Path;
use std::time::Instant;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::export::png::{Packing, encode_as, render};
use crate::load::project::Project;
use crate::products::kit::{self, Selection};

/// Typst's PNG of a similar letter poster at 300 dpi (issue 17), in KiB.
const TYPST_POSTER_KIB: f64 = 451.0;

fn kib(n: usize) -> f64 {
    n as f64 / 1024.0
}

/// The colour type and bit depth a PNG file declares, e.g. `Indexed/4`.
fn kind(bytes: &[u8]) -> String {
    match png::Decoder::new(std::io::Cursor::new(bytes)).read_info() {
        Ok(r) => format!("{:?}/{}", r.info().color_type, r.info().bit_depth as u8),
        Err(e) => format!("unreadable: {e}"),
    }
}

/// The median of timings in milliseconds. The caller runs the two encoders in turn, so
/// both see the same machine load.
fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Measure and return the table.
pub fn table(p: &Project, n: usize) -> Result<String, Diagnostics> {
    let (designs, _, _) = Selection::default().resolve(p);
    let mut out = String::new();
    outln!(
        out,
        "PNG encode, each default design in English, median of {n} (before: RGB + fdeflate; after: now)"
    );
    outln!(
        out,
        "{:<28} {:>11} {:>10} {:>10} {:>10} {:>10}  {}",
        "page",
        "pixels",
        "before KiB",
        "before ms",
        "after KiB",
        "after ms",
        "after as"
    );
    let (mut total_before, mut total_after) = ((0, 0.0), (0, 0.0));
    for d in designs {
        let scene = kit::compile(p, &d, "en")?;
        let dpi = scene.png_scale() * 72.0;
        let meta = scene.meta();
        for (i, page) in scene.pages.iter().enumerate() {
            let pm = render(&scene, page).map_err(|m| Diagnostics::from(Diagnostic::error(m)))?;
            let (mut tb, mut ta) = (Vec::new(), Vec::new());
            let (mut before, mut after) = (Vec::new(), Vec::new());
            for _ in 0..n {
                for (how, times, bytes) in [
                    (Packing::RgbFast, &mut tb, &mut before),
                    (Packing::Smallest, &mut ta, &mut after),
                ] {
                    let s = Instant::now();
                    *bytes = encode_as(&pm, dpi, &meta, how)
                        .map_err(|m| Diagnostics::from(Diagnostic::error(m)))?;
                    times.push(s.elapsed().as_secs_f64() * 1000.0);
                }
            }
            let (mb, ma) = (median(&mut tb), median(&mut ta));
            total_before = (total_before.0 + before.len(), total_before.1 + mb);
            total_after = (total_after.0 + after.len(), total_after.1 + ma);
            outln!(
                out,
                "{:<28} {:>11} {:>10.1} {:>10.2} {:>10.1} {:>10.2}  {}",
                format!("{d} p{}", i + 1),
                format!("{}x{}", pm.width(), pm.height()),
                kib(before.len()),
                mb,
                kib(after.len()),
                ma,
                kind(&after)
            );
        }
    }
    outln!(
        out,
        "{:<28} {:>11} {:>10.1} {:>10.2} {:>10.1} {:>10.2}",
        "all pages",
        "",
        kib(total_before.0),
        total_before.1,
        kib(total_after.0),
        total_after.1
    );
    outln!(
        out,
        "for comparison: Typst's PNG of a similar poster at 300 dpi is {TYPST_POSTER_KIB:.0} KiB"
    );
    Ok(out)
}

/// `hotline-kit bench --png`: only this table.
pub fn run(project: &Path, n: usize) -> Result<(), Diagnostics> {
    let p = Project::load(crate::products::facility::open(project)?)?;
    crate::emit(&table(&p, n)?);
    Ok(())
}
