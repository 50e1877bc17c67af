use hotline_kit::load::project::Project;
use hotline_kit::products::kit;
use std::time::Instant;

fn med(n: usize, mut f: impl FnMut()) -> f64 {
    let mut ts: Vec<f64> = (0..n)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ts.sort_by(f64::total_cmp);
    ts[n / 2]
}

fn main() {
    let d = std::env::args().nth(1).unwrap_or("poster".into());
    let n = 15;
    let p =
        Project::load(hotline_kit::products::facility::open(std::path::Path::new(".")).unwrap())
            .unwrap();
    let scene = kit::compile(&p, &d, "en").unwrap();
    let pm = hotline_kit::export::png::render(&scene, &scene.pages[0]).unwrap();
    let (w, h) = (pm.width() as usize, pm.height() as usize);
    let meta = scene.meta();
    use hotline_kit::export::png_pixels as px;
    println!("pack {:.2}", med(n, || drop(px::pack(w, h, pm.data()))));
    println!("rgb  {:.2}", med(n, || drop(px::rgb(w, h, pm.data()))));
    let packed = px::pack(w, h, pm.data());
    for (name, c, f) in [
        ("L2-Up", png::DeflateCompression::Level(2), png::Filter::Up),
        (
            "L2-None",
            png::DeflateCompression::Level(2),
            png::Filter::NoFilter,
        ),
        (
            "fast-Adapt",
            png::DeflateCompression::FdeflateUltraFast,
            png::Filter::Adaptive,
        ),
    ] {
        let mut size = 0;
        let t = med(n, || {
            let mut out = Vec::new();
            let mut e = png::Encoder::new(&mut out, w as u32, h as u32);
            e.set_color(packed.color);
            e.set_depth(packed.depth);
            if let Some(p) = &packed.palette {
                e.set_palette(p.clone());
            }
            e.set_deflate_compression(c);
            e.set_filter(f);
            let mut wr = e.write_header().unwrap();
            wr.write_image_data(&packed.data).unwrap();
            wr.finish().unwrap();
            size = out.len();
        });
        println!("{name} {t:.2} {size}");
    }
    // raw zlib-rs via flate2 of the Up-filtered data
    let row = packed.data.len() / h;
    let mut filtered = Vec::with_capacity(packed.data.len() + h);
    let mut prev = vec![0u8; row];
    for r in packed.data.chunks_exact(row) {
        filtered.push(2);
        filtered.extend(r.iter().zip(&prev).map(|(a, b)| a.wrapping_sub(*b)));
        prev.copy_from_slice(r);
    }
    for lvl in [1, 2, 3] {
        let mut size = 0;
        let t = med(n, || {
            use std::io::Write;
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(lvl));
            z.write_all(&filtered).unwrap();
            size = z.finish().unwrap().len();
        });
        println!("raw zlib L{lvl} {t:.2} {size}");
    }
    println!(
        "encode_as smallest {:.2}",
        med(n, || drop(hotline_kit::export::png::encode_as(
            &pm,
            300.0,
            &meta,
            hotline_kit::export::png::Packing::Smallest
        )))
    );
    println!(
        "encode_as rgbfast {:.2}",
        med(n, || drop(hotline_kit::export::png::encode_as(
            &pm,
            300.0,
            &meta,
            hotline_kit::export::png::Packing::RgbFast
        )))
    );
}
