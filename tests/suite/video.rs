//! Waiting-room loops: the MP4 is decoded back (mp4 demuxer + openh264 decoder) and
//! compared with the rendered slides; the HTML loop and the bad-input errors.
#![cfg(feature = "video")]

use crate::common;

use hotline_kit::products::video::{Slide, Timing};

/// A short loop keeps the test quick: 2 s slides with a 0.5 s crossfade.
const T: Timing = Timing {
    seconds: 2.0,
    crossfade: 0.5,
};

fn slides(locale: &str) -> Vec<Slide> {
    let p = common::project();
    let opts = hotline_kit::products::kit::Selection::default().options_for(&p);
    let s = hotline_kit::products::kit::compile_with(&p, "tv-slides", locale, &opts).unwrap();
    hotline_kit::products::video::slides(&[&s]).unwrap()
}

/// BT.709 limited-range luma of RGBA pixels (written here, not taken from the encoder).
fn luma(rgba: &[u8]) -> Vec<f64> {
    rgba.chunks_exact(4)
        .map(|p| {
            let y = 0.2126 * p[0] as f64 + 0.7152 * p[1] as f64 + 0.0722 * p[2] as f64;
            16.0 + y * 219.0 / 255.0
        })
        .collect()
}

fn psnr(a: &[f64], b: &[f64]) -> f64 {
    let mse = a.iter().zip(b).map(|(x, y)| (x - y).powi(2)).sum::<f64>() / a.len() as f64;
    10.0 * (255.0f64 * 255.0 / mse.max(1e-9)).log10()
}

struct Decoded {
    frames: Vec<Vec<f64>>,
    keyframes: Vec<bool>,
    duration_s: f64,
    sps: Vec<u8>,
}

/// Demux with the mp4 crate, decode with openh264, keep each frame's luma plane.
fn decode(bytes: &[u8]) -> Decoded {
    let mut r = mp4::Mp4Reader::read_header(std::io::Cursor::new(bytes), bytes.len() as u64)
        .expect("a readable MP4");
    let (&id, track) = r.tracks().iter().next().expect("one track");
    assert_eq!(r.tracks().len(), 1, "video only, no audio track");
    let sps = track.sequence_parameter_set().unwrap().to_vec();
    let pps = track.picture_parameter_set().unwrap().to_vec();
    assert_eq!((track.width(), track.height()), (1920, 1080));
    let duration_s = track.duration().as_secs_f64();
    let n = r.sample_count(id).unwrap();
    let mut dec = openh264::decoder::Decoder::new().unwrap();
    let mut frames = Vec::new();
    let mut keyframes = Vec::new();
    let annexb = |nal: &[u8], out: &mut Vec<u8>| {
        out.extend_from_slice(&[0, 0, 0, 1]);
        out.extend_from_slice(nal);
    };
    let mut first = Vec::new();
    annexb(&sps, &mut first);
    annexb(&pps, &mut first);
    let take = |y: &openh264::decoder::DecodedYUV, frames: &mut Vec<Vec<f64>>| {
        use openh264::formats::YUVSource;
        let (w, h) = y.dimensions();
        let (ys, _, _) = y.strides();
        let plane = y.y();
        let mut l = Vec::with_capacity(w * h);
        for row in 0..h {
            l.extend(plane[row * ys..row * ys + w].iter().map(|&v| v as f64));
        }
        frames.push(l);
    };
    for sid in 1..=n {
        let s = r.read_sample(id, sid).unwrap().unwrap();
        keyframes.push(s.is_sync);
        let mut au = if sid == 1 { first.clone() } else { Vec::new() };
        let mut b: &[u8] = &s.bytes;
        while b.len() >= 4 {
            let len = u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize;
            annexb(&b[4..4 + len], &mut au);
            b = &b[4 + len..];
        }
        if let Some(y) = dec.decode(&au).expect("decodes") {
            take(&y, &mut frames);
        }
    }
    for y in dec.flush_remaining().unwrap() {
        take(&y, &mut frames);
    }
    Decoded {
        frames,
        keyframes,
        duration_s,
        sps,
    }
}

#[test]
fn the_mp4_decodes_back_to_the_slides_and_loops() {
    let sl = slides("en");
    let n = sl.len();
    assert_eq!(n, 4);
    let a = hotline_kit::products::video::mp4(&sl, &T, "test loop").unwrap();
    // Exact frame count and duration.
    assert_eq!(a.frames, 60 * n as u32);
    let d = decode(&a.bytes);
    assert_eq!(d.frames.len(), 60 * n, "every frame decodes");
    assert!(
        (d.duration_s - 2.0 * n as f64).abs() < 1e-6,
        "{}",
        d.duration_s
    );
    // Constrained Baseline (profile 66, constraint_set1), level 4.0.
    assert_eq!(d.sps[1], 66);
    assert!(d.sps[2] & 0x40 != 0, "constraint_set1_flag");
    assert_eq!(d.sps[3], 40);
    // A keyframe at each slide start.
    for i in 0..n {
        assert!(
            d.keyframes[i * 60],
            "slide {} starts with a keyframe",
            i + 1
        );
    }
    // moov before mdat (fast start).
    let pos = |tag: &[u8]| a.bytes.windows(4).position(|w| w == tag).unwrap();
    assert!(pos(b"moov") < pos(b"mdat"));
    // The middle of each slide is the slide: luma PSNR >= 40 dB.
    let refs: Vec<Vec<f64>> = sl.iter().map(|s| luma(&s.rgba)).collect();
    for (i, r) in refs.iter().enumerate() {
        let mid = i * 60 + 30;
        let p = psnr(&d.frames[mid], r);
        assert!(p >= 40.0, "slide {}: PSNR {p:.1} dB", i + 1);
    }
    // The loop is seamless: the last frames fade into the first slide.
    let last = d.frames.last().unwrap();
    let to_first = psnr(last, &refs[0]);
    let to_last = psnr(last, &refs[n - 1]);
    assert!(
        to_first > to_last + 3.0,
        "last frame: {to_first:.1} dB to slide 1, {to_last:.1} dB to slide {n}"
    );
    let fade_start = &d.frames[60 * n - 15];
    assert!(psnr(fade_start, &refs[n - 1]) > psnr(fade_start, &refs[0]));
    // Same input, same bytes.
    assert_eq!(
        a.bytes,
        hotline_kit::products::video::mp4(&sl, &T, "test loop")
            .unwrap()
            .bytes
    );
}

#[test]
fn the_html_loop_is_self_contained_with_the_same_timing() {
    let sl = slides("es");
    let pngs: Vec<Vec<u8>> = sl
        .iter()
        .map(|s| {
            let pm = tiny_skia::Pixmap::from_vec(
                s.rgba.clone(),
                tiny_skia::IntSize::from_wh(1920, 1080).unwrap(),
            )
            .unwrap();
            hotline_kit::export::png::encode(&pm, 72.0, &s.meta).unwrap()
        })
        .collect();
    let html =
        hotline_kit::products::video::html("Diapositivas <prueba>", &pngs, &Timing::default());
    assert_eq!(html.matches("<img ").count(), 4);
    assert_eq!(html.matches("src=\"data:image/png;base64,").count(), 4);
    assert!(
        html.contains("animation:turn 40s linear infinite"),
        "{}",
        &html[..600]
    );
    // Slide 2 starts fading in half a second before its turn.
    assert!(html.contains("animation-delay:9.500s"));
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(html.contains("<title>Diapositivas &lt;prueba&gt;</title>"));
    assert!(!html.contains("<script"));
}

#[test]
fn bad_loops_are_clear_errors_and_write_nothing() {
    assert!(hotline_kit::products::video::mp4(&[], &T, "x").is_err());
    for (seconds, crossfade, needle) in [
        (0.0, 0.5, "more than 0 seconds"),
        (-3.0, 0.5, "more than 0 seconds"),
        (f32::NAN, 0.5, "more than 0 seconds"),
        (2.0, 1.5, "does not fit"),
        (2.0, -1.0, "does not fit"),
    ] {
        let e = Timing { seconds, crossfade }.validate().unwrap_err();
        assert!(
            e.message.contains(needle),
            "{seconds}/{crossfade}: {}",
            e.message
        );
    }
    let t = common::temp_project();
    let run = |args: &[&str]| common::hk(t.path(), args);
    // A print design is not a 1920 x 1080 slide.
    let o = run(&["video", "poster", "--locale", "en", "-o", "loop.mp4"]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("a loop is made of 1920 x 1080 px screen slides"),
        "{e}"
    );
    let o = run(&[
        "video",
        "--locale",
        "en",
        "--seconds",
        "0",
        "-o",
        "loop.mp4",
    ]);
    assert_eq!(o.status.code(), Some(1));
    // An output folder that cannot be made.
    std::fs::write(t.path().join("file"), "x").unwrap();
    let o = run(&[
        "video",
        "--locale",
        "en",
        "--format",
        "html",
        "-o",
        "file/loop.html",
    ]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("cannot write file/loop.html"), "{e}");
    // No partial files anywhere.
    let names: Vec<String> = std::fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("loop") || n.starts_with(".hotline-kit")),
        "{names:?}"
    );
    // Short slides warn.
    let o = run(&[
        "video",
        "--locale",
        "en",
        "--seconds",
        "5",
        "--format",
        "png",
        "-o",
        "s.png",
    ]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{e}");
    assert!(e.contains("5 s per slide is short"), "{e}");
    for i in 1..=4 {
        assert!(t.path().join(format!("s-{i}.png")).exists());
    }
}

#[test]
fn build_makes_the_loops_a_kit_asks_for_and_lists_them() {
    let t = common::temp_project();
    std::fs::write(
        t.path().join("kit.toml"),
        "[video]\nformats = [\"mp4\", \"html\"]\nseconds = 3\ncrossfade = 0.5\ninterleave = true\n",
    )
    .unwrap();
    let o = common::hotline_kit()
        .arg("--project")
        .arg(t.path())
        .current_dir(t.path())
        .args([
            "build",
            "--design",
            "tv-slides",
            "--locale",
            "en",
            "--locale",
            "es",
            "--out",
            "o",
        ])
        .output()
        .unwrap();
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{e}");
    assert!(e.contains("[video] seconds = 3"), "short slides warn: {e}");
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(t.path().join("o/manifest.json")).unwrap()).unwrap();
    let mp4 = m
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["format"] == "mp4")
        .expect("an mp4 in the manifest");
    assert_eq!(mp4["path"], "tv-slides/tv-slides-loop.mp4");
    assert_eq!(mp4["locales"], serde_json::json!(["en", "es"]));
    assert_eq!(mp4["duration_s"], 24.0); // 8 slides x 3 s
    assert_eq!(mp4["frames"], 720);
    let bytes = std::fs::read(t.path().join("o/tv-slides/tv-slides-loop.mp4")).unwrap();
    let r = mp4::Mp4Reader::read_header(std::io::Cursor::new(&bytes), bytes.len() as u64).unwrap();
    let (&id, _) = r.tracks().iter().next().unwrap();
    assert_eq!(r.sample_count(id).unwrap(), 720);
    assert!(t.path().join("o/tv-slides/tv-slides-loop.html").exists());
}

#[test]
fn the_crawl_line_cycles_through_the_languages_below_the_content() {
    let t = common::temp_project();
    let o = common::hotline_kit()
        .arg("--project")
        .arg(t.path())
        .current_dir(t.path())
        .args([
            "video", "--locale", "en", "--locale", "es", "--crawl", "--format", "png", "-o",
            "s.png",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // One loop per locale; in each, the band (y 942..1026) alternates en, es, en, es.
    let band = |name: &str| {
        let (w, h, rgba) = common::decode_png(&std::fs::read(t.path().join(name)).unwrap());
        assert_eq!((w, h), (1920, 1080));
        rgba[942 * 1920 * 4..1026 * 1920 * 4].to_vec()
    };
    let en1 = band("s-en-1.png");
    let en2 = band("s-en-2.png");
    let en3 = band("s-en-3.png");
    assert_ne!(en1, en2, "the second slide's line is in the other language");
    assert_eq!(en1, en3, "and the third is back to the first");
    // The band is the yellow strip with dark text.
    let yellow = en1
        .chunks(4)
        .filter(|p| p[0] == 0xff && p[1] == 0xd1 && p[2] == 0x66)
        .count();
    assert!(yellow > en1.len() / 4 / 2, "{yellow}");
    let dark = en1.chunks(4).filter(|p| p[0] < 0x40 && p[2] < 0x80).count();
    assert!(dark > 2000, "text in the band: {dark}");
    assert_eq!(
        band("s-es-2.png"),
        en2,
        "the same cycle in the Spanish loop"
    );
}
