//! Slide loops hold to the print outputs' standards: every IDR picture of the MP4 has
//! its own `idr_pic_id` (read here from the file's slice headers), the slides' QR codes
//! are decoded from their pixels (also from the PNG files the HTML loop embeds), and
//! the crawl band is part of the content hash of what the slides show.
#![cfg(feature = "video")]

use crate::common;

use hotline_kit::products::video::Timing;

/// Reads bits of an RBSP (written here from the H.264 standard, 7.2 and 9.1, not taken
/// from the crate).
struct Rbsp {
    bytes: Vec<u8>,
    pos: usize,
}

impl Rbsp {
    /// Drop emulation prevention bytes (0x000003 -> 0x0000).
    fn new(nal_payload: &[u8]) -> Self {
        let mut bytes = Vec::new();
        let mut zeros = 0;
        for &b in nal_payload {
            if zeros >= 2 && b == 3 {
                zeros = 0;
                continue;
            }
            zeros = if b == 0 { zeros + 1 } else { 0 };
            bytes.push(b);
        }
        Rbsp { bytes, pos: 0 }
    }

    fn bit(&mut self) -> u32 {
        let b = (self.bytes[self.pos / 8] >> (7 - self.pos % 8)) & 1;
        self.pos += 1;
        u32::from(b)
    }

    fn bits(&mut self, n: u32) -> u32 {
        (0..n).fold(0, |v, _| (v << 1) | self.bit())
    }

    fn ue(&mut self) -> u32 {
        let mut zeros = 0;
        while self.bit() == 0 {
            zeros += 1;
        }
        (1 << zeros) - 1 + self.bits(zeros)
    }
}

/// log2_max_frame_num from an SPS NAL unit (Baseline: no chroma format fields).
fn log2_max_frame_num(sps: &[u8]) -> u32 {
    let mut r = Rbsp::new(&sps[1..]);
    let profile = r.bits(8);
    assert_eq!(profile, 66, "Baseline");
    r.bits(16);
    r.ue(); // seq_parameter_set_id
    r.ue() + 4
}

/// The `idr_pic_id` of every IDR access unit of an MP4, in decoding order, with the
/// sample number it is in.
fn idr_pic_ids(mp4_bytes: &[u8]) -> Vec<(u32, u32)> {
    let mut r =
        mp4::Mp4Reader::read_header(std::io::Cursor::new(mp4_bytes), mp4_bytes.len() as u64)
            .expect("a readable MP4");
    let (&id, track) = r.tracks().iter().next().expect("one track");
    let log2 = log2_max_frame_num(track.sequence_parameter_set().unwrap());
    let n = r.sample_count(id).unwrap();
    let mut out = Vec::new();
    for sid in 1..=n {
        let s = r.read_sample(id, sid).unwrap().unwrap();
        let mut b: &[u8] = &s.bytes;
        let mut ids = Vec::new();
        while b.len() >= 4 {
            let len = u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize;
            let nal = &b[4..4 + len];
            b = &b[4 + len..];
            if nal[0] & 0x1f != 5 {
                continue;
            }
            let mut r = Rbsp::new(&nal[1..]);
            r.ue(); // first_mb_in_slice
            r.ue(); // slice_type
            r.ue(); // pic_parameter_set_id
            r.bits(log2); // frame_num
            ids.push(r.ue());
        }
        if let Some(&first) = ids.first() {
            assert!(
                ids.iter().all(|&i| i == first),
                "sample {sid}: the slices of one IDR picture share its idr_pic_id: {ids:?}"
            );
            out.push((sid, first));
        }
    }
    out
}

fn slides(locale: &str) -> Vec<hotline_kit::products::video::Slide> {
    let p = common::project();
    let opts = hotline_kit::products::kit::Selection::default().options_for(&p);
    let s = hotline_kit::products::kit::compile_with(&p, "tv-slides", locale, &opts).unwrap();
    hotline_kit::products::video::slides(&[&s]).unwrap()
}

#[test]
fn consecutive_idr_pictures_carry_different_idr_pic_ids() {
    let sl = slides("en");
    for t in [
        Timing {
            seconds: 2.0,
            crossfade: 0.5,
        },
        Timing {
            seconds: 2.0,
            crossfade: 0.0,
        },
    ] {
        let m = hotline_kit::products::video::mp4(&sl, &t, "test loop").unwrap();
        let ids = idr_pic_ids(&m.bytes);
        // A keyframe for every slide, and one more where each crossfade starts.
        let per_slide = if t.crossfade > 0.0 { 2 } else { 1 };
        assert_eq!(ids.len(), sl.len() * per_slide, "{ids:?}");
        for w in ids.windows(2) {
            assert_ne!(
                w[0].1, w[1].1,
                "IDR pictures in samples {} and {} both have idr_pic_id {}",
                w[0].0, w[1].0, w[0].1
            );
        }
    }
}

#[test]
fn a_slide_whose_qr_code_does_not_scan_is_refused() {
    let p = common::project();
    let opts = hotline_kit::products::kit::Selection::default().options_for(&p);
    let mut s = hotline_kit::products::kit::compile_with(&p, "tv-slides", "en", &opts).unwrap();
    assert!(hotline_kit::products::video::slides(&[&s]).is_ok());
    // Something drawn over the code after layout (as the crawl band is): the pixels no
    // longer scan, and no slide is made.
    let page = s
        .pages
        .iter_mut()
        .find(|p| {
            p.items
                .iter()
                .any(|i| matches!(i, hotline_kit::scene::Item::Qr(_)))
        })
        .expect("a slide with a QR code");
    let qr = page
        .items
        .iter()
        .find_map(|i| match i {
            hotline_kit::scene::Item::Qr(q) => Some(q.rect),
            _ => None,
        })
        .unwrap();
    let mut band = qr;
    band.y += qr.h * 0.3;
    band.h = qr.h * 0.4;
    page.items.push(hotline_kit::scene::Item::Rect {
        rect: band,
        color: hotline_kit::base::units::Color::rgb(0xff, 0xd1, 0x66),
    });
    let Err(e) = hotline_kit::products::video::slides(&[&s]) else {
        panic!("a slide whose QR code does not scan was made");
    };
    assert!(e.message.contains("QR"), "{}", e.message);
    assert!(e.message.contains("tv-slides (en) slide"), "{}", e.message);
}

#[test]
fn a_slide_png_is_checked_from_its_own_pixels() {
    let sl = slides("en");
    let s = sl
        .iter()
        .find(|s| !s.qrs.is_empty())
        .expect("a slide with a QR code");
    let size = tiny_skia::IntSize::from_wh(1920, 1080).unwrap();
    let good = tiny_skia::Pixmap::from_vec(s.rgba.clone(), size).unwrap();
    let png = hotline_kit::export::png::encode(&good, 72.0, &s.meta).unwrap();
    assert!(s.check_png(&png).is_ok());
    // The same file with the code's middle rows painted over.
    let mut bad = s.rgba.clone();
    let q = s.qrs[0].rect;
    for y in (q.y + q.h * 0.4) as usize..(q.y + q.h * 0.6) as usize {
        for x in q.x as usize..(q.x + q.w) as usize {
            bad[(y * 1920 + x) * 4..][..3].copy_from_slice(&[0, 0, 0]);
        }
    }
    let bad = tiny_skia::Pixmap::from_vec(bad, size).unwrap();
    let png = hotline_kit::export::png::encode(&bad, 72.0, &s.meta).unwrap();
    let e = s.check_png(&png).expect_err("refused");
    assert!(e.message.contains("QR"), "{}", e.message);
}

/// The manifest of a build of tv-slides in English with these `[video]` settings.
fn loop_build(video: &str) -> serde_json::Value {
    let t = common::temp_project();
    std::fs::write(
        t.path().join("kit.toml"),
        format!("[video]\nformats = [\"html\"]\nseconds = 8\n{video}"),
    )
    .unwrap();
    let o = common::hk(
        t.path(),
        &[
            "build",
            "--design",
            "tv-slides",
            "--locale",
            "en",
            "--out",
            "o",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&std::fs::read(t.path().join("o/manifest.json")).unwrap()).unwrap()
}

fn entry<'a>(m: &'a serde_json::Value, format: &str) -> &'a serde_json::Value {
    m.as_array()
        .unwrap()
        .iter()
        .find(|e| e["format"] == format)
        .unwrap_or_else(|| panic!("no {format} in {m}"))
}

#[test]
fn the_crawl_band_is_part_of_the_content_hash() {
    let plain = loop_build("");
    let crawl = loop_build("crawl = true\n");
    let piece = entry(&plain, "pdf")["content_hash"].as_str().unwrap();
    let plain_loop = entry(&plain, "html")["content_hash"].as_str().unwrap();
    let crawl_loop = entry(&crawl, "html")["content_hash"].as_str().unwrap();
    // Without the band the loop shows the piece itself.
    assert_eq!(plain_loop, piece);
    // With it, what the slides show is something else, and its hash says so.
    assert!(crawl_loop.starts_with("sha256:"), "{crawl_loop}");
    assert_ne!(crawl_loop, piece);
    // The loop's status is that of what its slides show.
    assert_eq!(
        entry(&crawl, "html")["draft"].is_null(),
        entry(&crawl, "html")["approval"] == "approved"
    );
}

#[test]
fn check_lays_the_slides_out_above_the_crawl_line_as_build_does() {
    // A number that may not go below 120 px fits a slide, but not a slide 100 px
    // shorter above the crawl line: `check` finds it, not only `build`.
    let t = common::temp_project_all_fonts();
    common::edit(
        t.path().join("designs/tv-slides.toml"),
        "size = [\"88px\", \"130px\"]",
        "size = [\"120px\", \"130px\"]",
    );
    let kit = "[build]\nlocales = [\"en\", \"hi\"]\n[imagery]\ndiversity = \"advisory\"\n";
    std::fs::write(t.path().join("kit.toml"), kit).unwrap();
    let o = common::hk(t.path(), &["check"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::write(
        t.path().join("kit.toml"),
        format!("{kit}[video]\nformats = [\"html\"]\ninterleave = true\ncrawl = true\n"),
    )
    .unwrap();
    for cmd in ["check", "build"] {
        let o = common::hk(t.path(), &[cmd]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{cmd}: {err}");
        assert!(
            err.contains("does not fit in slot `number` of design `tv-slides` in locale `hi`"),
            "{cmd}: {err}"
        );
        assert!(err.contains("with [video] crawl = true"), "{cmd}: {err}");
    }
    assert!(!t.path().join("out").exists(), "nothing was written");
}
