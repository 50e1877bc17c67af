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

/// The median and the fastest of timings in milliseconds. The caller runs the two
/// encoders in turn, so both see the same machine load; on a busy machine the fastest
/// run is the steadier figure.
fn median(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[0])
}

/// Measure and return the table.
pub fn table(p: &Project, n: usize) -> Result<String, Diagnostics> {
    let (designs, _, _) = Selection::default().resolve(p);
    let mut out = String::new();
    outln!(
        out,
        "PNG encode, each default design in English, median (fastest) of {n}; before: RGB, adaptive filters, fdeflate; after: now"
    );
    outln!(
        out,
        "{:<26} {:>9} {:>10} {:>15} {:>10} {:>15}  {}",
        "page",
        "pixels",
        "before KiB",
        "before ms (min)",
        "after KiB",
        "after ms (min)",
        "after as"
    );
    let (mut total_before, mut total_after) = ((0, 0.0, 0.0), (0, 0.0, 0.0));
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
            let add = |t: &mut (usize, f64, f64), n: usize, (med, min): (f64, f64)| {
                *t = (t.0 + n, t.1 + med, t.2 + min)
            };
            add(&mut total_before, before.len(), mb);
            add(&mut total_after, after.len(), ma);
            outln!(
                out,
                "{:<26} {:>9} {:>10.1} {:>15} {:>10.1} {:>15}  {}",
                format!("{d} p{}", i + 1),
                format!("{}x{}", pm.width(), pm.height()),
                kib(before.len()),
                format!("{:.2} ({:.2})", mb.0, mb.1),
                kib(after.len()),
                format!("{:.2} ({:.2})", ma.0, ma.1),
                kind(&after)
            );
        }
    }
    outln!(
        out,
        "{:<26} {:>9} {:>10.1} {:>15} {:>10.1} {:>15}",
        "all pages",
        "",
        kib(total_before.0),
        format!("{:.2} ({:.2})", total_before.1, total_before.2),
        kib(total_after.0),
        format!("{:.2} ({:.2})", total_after.1, total_after.2)
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
