//! `hotline-kit bench`: timings for the default poster and the default kit, in a warm
//! process. A benchmark, not a test: it prints numbers and never fails on speed.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::base::diag::Diagnostics;
use crate::load::project::Project;
use crate::products::kit::{self, Format, Selection};

fn measure(n: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut t: Vec<Duration> = (0..n)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed()
        })
        .collect();
    t.sort();
    (t[0], t[t.len() / 2])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Run the benchmark and print a table.
pub fn run(project: &Path, n: usize) -> Result<(), Diagnostics> {
    let t0 = Instant::now();
    let p = Project::load(crate::products::facility::open(project)?)?;
    let load = t0.elapsed();
    let scene = kit::compile(&p, "poster", "en")?; // warm fonts and images
    let pixmap = crate::export::png::render(&scene, &scene.pages[0])
        .map_err(|m| Diagnostics::from(crate::base::diag::Diagnostic::error(m)))?;
    let rows = [
        (
            "poster layout (en)",
            measure(n, || drop(kit::compile(&p, "poster", "en").unwrap())),
        ),
        (
            "poster PDF export",
            measure(n, || drop(crate::export::pdf::export(&scene).unwrap())),
        ),
        (
            "poster PNG 300 dpi (render+QR check+encode)",
            measure(n, || drop(crate::export::png::export(&scene).unwrap())),
        ),
        (
            "  of which: rasterise at 300 dpi",
            measure(n, || {
                drop(crate::export::png::render(&scene, &scene.pages[0]).unwrap())
            }),
        ),
        (
            "  of which: PNG encode",
            measure(n, || {
                drop(crate::export::png::encode(&pixmap, 300.0, &scene.meta()).unwrap())
            }),
        ),
        (
            "  of which: QR decode from the pixels",
            measure(n, || {
                crate::export::png::check_qr(&scene, &scene.pages[0], &pixmap).unwrap()
            }),
        ),
        (
            "poster SVG export",
            measure(n, || drop(crate::export::svg::export(&scene).unwrap())),
        ),
        (
            "default kit in memory (all designs x en,es x pdf,png)",
            measure(n.min(5), || {
                drop(
                    kit::make(
                        &p,
                        &Selection {
                            formats: vec![Format::Pdf, Format::Png],
                            ..Default::default()
                        },
                        &|_| {},
                    )
                    .unwrap(),
                )
            }),
        ),
        (
            "all 16 locales in memory (all designs x pdf,png)",
            measure(n.min(2), || {
                let sel = Selection {
                    locales: vec!["all".into()],
                    formats: vec![Format::Pdf, Format::Png],
                    ..Default::default()
                };
                drop(kit::make(&p, &sel, &|_| {}).unwrap().0)
            }),
        ),
    ];
    #[cfg(feature = "video")]
    let rows = {
        let mut rows = rows.to_vec();
        // The target: a 60 s loop of 4 slides at 1080p30 in <= 15 s, <= 8 MB.
        let slides_scene =
            kit::compile_with(&p, "tv-slides", "en", &Selection::default().options_for(&p))?;
        let slides = crate::products::video::slides(&[&slides_scene])?;
        let timing = crate::products::video::Timing {
            seconds: 60.0 / slides.len() as f32,
            crossfade: 0.5,
        };
        let mut size = 0;
        let m = measure(n.min(3), || {
            size = crate::products::video::mp4(&slides, &timing, "bench")
                .unwrap()
                .bytes
                .len();
        });
        rows.push(("60 s loop, 4 slides, 1080p30 MP4 (render excluded)", m));
        let r = measure(n.min(3), || {
            drop(crate::products::video::slides(&[&slides_scene]).unwrap())
        });
        rows.push(("render the 4 slides for the loop", r));
        eprintln!("60 s loop MP4: {:.2} MB", size as f64 / 1e6);
        rows
    };
    let mut out = String::new();
    outln!(
        out,
        "project load (cold in this process): {:.1} ms",
        ms(load)
    );
    outln!(
        out,
        "{:<55} {:>10} {:>10}",
        "measurement",
        "min ms",
        "median ms"
    );
    for (name, (min, med)) in rows {
        outln!(out, "{name:<55} {:>10.2} {:>10.2}", ms(min), ms(med));
    }
    outln!(out, "threads: {}", rayon::current_num_threads());
    out.push('\n');
    out.push_str(&crate::products::bench_png::table(&p, n)?);
    crate::emit(&out);
    Ok(())
}
