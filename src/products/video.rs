//! Waiting-room loops: the slides of a screen design as one seamless video (MP4, H.264
//! Constrained Baseline, 1920x1080, constant 30 fps, BT.709) or as an offline HTML page
//! that crossfades the slide images with the same timing.
//!
//! Timeline: each slide owns `seconds` of the loop. Its last `crossfade` seconds blend
//! into the next slide, and the last slide blends into the first, so the end leads
//! back into the start. Every slide starts with a keyframe.
//!
//! Speed: slides are encoded in parallel, one encoder per slide, each segment starting
//! with its own keyframe (and the same SPS/PPS), and joined in order. A slide's still
//! frames are converted to YUV once.

use std::fmt::Write as _;

use crate::base::diag::Diagnostic;
use crate::scene::Scene;

pub use crate::model::config::{FPS, MIN_SECONDS, Timing};

/// Frame size every loop is made at.
pub const SIZE: (u32, u32) = (1920, 1080);
/// One slide of a loop: its pixels (RGBA, 1920x1080), a label for messages, and what
/// a file of it must carry: its piece's metadata and QR codes.
#[derive(Clone)]
pub struct Slide {
    /// Where it comes from ("tv-slides (es) slide 2").
    pub label: String,
    /// Premultiplied RGBA pixels, opaque.
    pub rgba: Vec<u8>,
    /// Its piece's metadata (title, status), for PNG slides.
    pub meta: crate::scene::Meta,
    /// The QR codes on it, in pixels (one point is one pixel on a slide).
    pub qrs: Vec<crate::scene::Qr>,
    /// Drawn mirrored.
    pub mirrored: bool,
}

impl Slide {
    /// Decode the QR codes of this slide from a PNG file made of it: the file's own
    /// pixels must scan like a print PNG's.
    pub fn check_png(&self, png: &[u8]) -> Result<(), Diagnostic> {
        let qrs: Vec<&crate::scene::Qr> = self.qrs.iter().collect();
        crate::export::png::check_qr_file(png, &qrs, 1.0, self.mirrored)
            .map_err(|m| Diagnostic::error(format!("{}: {m}", self.label)))
    }
}

/// Render the pages of screen pieces as slides, in order (all of the first piece, then
/// the second; interleaving is the caller's choice of order).
pub fn slides(scenes: &[&Scene]) -> Result<Vec<Slide>, Diagnostic> {
    let mut out = Vec::new();
    for s in scenes {
        for (i, page) in s.pages.iter().enumerate() {
            let label = format!("{} ({}) slide {}", s.design, s.locale, i + 1);
            let (w, h) = (page.width.round() as u32, page.height.round() as u32);
            if s.medium != crate::load::spec::Medium::Screen || (w, h) != SIZE {
                return Err(Diagnostic::error(format!(
                    "{label} is {w} x {h} {}, but a loop is made of 1920 x 1080 px screen slides",
                    if s.medium == crate::load::spec::Medium::Screen {
                        "px"
                    } else {
                        "pt (a print design)"
                    }
                ))
                .hint("make loops from a screen design such as tv-slides (`medium = \"screen\"`, width = \"1920px\", height = \"1080px\"); slides are not resized, so nothing is blurred or cut off"));
            }
            let fail = |m: String| Diagnostic::error(format!("{label}: {m}"));
            let pm = crate::export::png::render_at(s, page, 1.0).map_err(fail)?;
            // The same pixel check as every PNG (one point is one pixel on a slide).
            crate::export::png::check_qr(s, page, &pm).map_err(fail)?;
            let qrs = page
                .items
                .iter()
                .filter_map(|it| match it {
                    crate::scene::Item::Qr(q) => Some(q.clone()),
                    _ => None,
                })
                .collect();
            out.push(Slide {
                label,
                rgba: pm.data().to_vec(),
                meta: s.meta(),
                qrs,
                mirrored: s.mirrored,
            });
        }
    }
    if out.is_empty() {
        return Err(Diagnostic::error("the loop has no slides")
            .hint("give a screen design with at least one page"));
    }
    Ok(out)
}

/// Interleave the slides of several locales: slide 1 in each locale, then slide 2...
pub fn interleave(per_locale: Vec<Vec<Slide>>) -> Vec<Slide> {
    let n = per_locale.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..n {
        for l in &per_locale {
            if let Some(s) = l.get(i) {
                out.push(s.clone());
            }
        }
    }
    out
}

/// Frame `f` of slide `i`'s segment: the slide, or its blend into the next one.
/// Returns the blend weight of the next slide (0 for a still frame).
pub fn fade_weight(t: &Timing, f: u32) -> f32 {
    let (n, c) = (t.slide_frames(), t.fade_frames());
    let start = n - c;
    if f < start {
        0.0
    } else {
        (f - start + 1) as f32 / (c + 1) as f32
    }
}

/// An RGBA blend of two slides.
pub fn blend(a: &[u8], b: &[u8], w: f32) -> Vec<u8> {
    let wb = (w * 256.0).round() as u32;
    let wa = 256 - wb;
    a.iter()
        .zip(b)
        .map(|(&x, &y)| ((x as u32 * wa + y as u32 * wb + 128) >> 8) as u8)
        .collect()
}

/// The offline HTML loop: one self-contained file (slides embedded as PNG data) that
/// crossfades them with CSS, with the same timing as the video: each slide fades in
/// over the one before during the last `crossfade` seconds of that one's turn. Works
/// without JavaScript, in any modern browser or signage player.
pub fn html(title: &str, pngs: &[Vec<u8>], t: &Timing) -> String {
    use askama::Template as _;
    let n = pngs.len().max(1);
    let total = t.seconds * n as f32;
    let pct = |s: f32| s / total * 100.0;
    let f = t.crossfade;
    let mut css = String::from(
        "html,body{margin:0;height:100%;background:#000;overflow:hidden}\n\
         .loop{position:absolute;inset:0;margin:auto;width:100vw;height:56.25vw;max-height:100vh;max-width:177.78vh}\n\
         .loop img{position:absolute;inset:0;width:100%;height:100%}\n",
    );
    if n > 1 {
        // One cycle of a slide, starting when it begins to fade in: fade in on top,
        // drop below, stay until the next one has faded in over it, then hide.
        let _ = write!(
            css,
            ".loop img{{opacity:0;animation:turn {total}s linear infinite}}\n\
             @keyframes turn{{0%{{opacity:0;z-index:2}}{a:.4}%{{opacity:1;z-index:2}}{b:.4}%{{opacity:1;z-index:1}}{c:.4}%{{opacity:1;z-index:1}}{d:.4}%{{opacity:0;z-index:1}}100%{{opacity:0;z-index:1}}}}\n",
            a = pct(f),
            b = pct(f) + 0.001,
            c = pct(t.seconds + f),
            d = pct(t.seconds + f) + 0.001,
        );
    }
    let page = Loop {
        title,
        css: &css,
        pngs,
        seconds: t.seconds,
        crossfade: f,
    };
    page.render().unwrap_or_default()
}

/// The page of the HTML loop: `css` is the animation, the slides are embedded PNGs.
#[derive(askama::Template)]
#[template(path = "products/video_loop.html")]
struct Loop<'a> {
    title: &'a str,
    css: &'a str,
    pngs: &'a [Vec<u8>],
    seconds: f32,
    crossfade: f32,
}

impl Loop<'_> {
    /// When slide `i` starts to fade in, in seconds from the start of the loop.
    fn delay(&self, i: usize) -> f32 {
        i as f32 * self.seconds - self.crossfade
    }
}

/// PNG bytes as base64, for a data URI.
fn base64(png: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(png)
}

#[cfg(feature = "video")]
pub use encode::{Mp4, mp4};

#[cfg(feature = "video")]
mod encode {
    use super::*;
    use openh264::OpenH264API;
    use openh264::encoder::{
        BitRate, Complexity, Encoder, EncoderConfig, FrameRate, FrameType, IntraFramePeriod, Level,
        Profile, QpRange, RateControlMode, SpsPpsStrategy, UsageType, VuiConfig,
    };
    use openh264::formats::YUVBuffer;
    use rayon::prelude::*;

    /// An encoded loop.
    pub struct Mp4 {
        /// The file.
        pub bytes: Vec<u8>,
        /// Frames in it.
        pub frames: u32,
        /// Seconds.
        pub seconds: f64,
    }

    /// BT.709 limited-range RGB to YUV 4:2:0 (the crate's own conversion is BT.601 and
    /// untagged). Input is opaque premultiplied RGBA, i.e. plain RGB.
    fn yuv709(rgba: &[u8], w: usize, h: usize) -> YUVBuffer {
        let mut buf = vec![0u8; w * h * 3 / 2];
        let (y_plane, uv) = buf.split_at_mut(w * h);
        let (u_plane, v_plane) = uv.split_at_mut(w * h / 4);
        // Coefficients scaled by 2^16.
        const KR: f32 = 0.2126;
        const KB: f32 = 0.0722;
        const KG: f32 = 1.0 - KR - KB;
        for (i, px) in rgba.chunks_exact(4).enumerate() {
            let (r, g, b) = (px[0] as f32, px[1] as f32, px[2] as f32);
            let y = KR * r + KG * g + KB * b;
            y_plane[i] = (16.0 + y * 219.0 / 255.0).round().clamp(0.0, 255.0) as u8;
        }
        for cy in 0..h / 2 {
            for cx in 0..w / 2 {
                let mut r = 0.0;
                let mut g = 0.0;
                let mut b = 0.0;
                for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                    let i = ((cy * 2 + dy) * w + cx * 2 + dx) * 4;
                    r += rgba[i] as f32;
                    g += rgba[i + 1] as f32;
                    b += rgba[i + 2] as f32;
                }
                let (r, g, b) = (r / 4.0, g / 4.0, b / 4.0);
                let y = KR * r + KG * g + KB * b;
                let u = (b - y) / (2.0 * (1.0 - KB));
                let v = (r - y) / (2.0 * (1.0 - KR));
                let j = cy * (w / 2) + cx;
                u_plane[j] = (128.0 + u * 224.0 / 255.0).round().clamp(0.0, 255.0) as u8;
                v_plane[j] = (128.0 + v * 224.0 / 255.0).round().clamp(0.0, 255.0) as u8;
            }
        }
        YUVBuffer::from_vec(buf, w, h)
    }

    fn encoder() -> Result<Encoder, Diagnostic> {
        let cfg = EncoderConfig::new()
            .usage_type(UsageType::ScreenContentRealTime)
            .profile(Profile::Baseline)
            .level(Level::Level_4_0)
            .rate_control_mode(RateControlMode::Off)
            .bitrate(BitRate::from_bps(4_000_000))
            .max_frame_rate(FrameRate::from_hz(FPS as f32))
            .skip_frames(false)
            .qp(QpRange::new(18, 22))
            .complexity(Complexity::Low)
            .scene_change_detect(true)
            .background_detection(false)
            .adaptive_quantization(false)
            .intra_frame_period(IntraFramePeriod::from_num_frames(0))
            .sps_pps_strategy(SpsPpsStrategy::ConstantId)
            .num_threads(1)
            .vui(VuiConfig::bt709());
        Encoder::with_api_config(OpenH264API::from_source(), cfg)
            .map_err(|e| Diagnostic::error(format!("cannot start the H.264 encoder: {e}")))
    }

    /// Encoded frames: the access unit and whether it is a keyframe.
    type Frames = Vec<(Vec<u8>, bool)>;

    /// Encode one slide's segment: a keyframe of the slide, all-skip pictures that
    /// repeat it (see [`crate::base::h264`]), then the crossfade into `next`, which starts
    /// with its own keyframe from a fresh encoder so the numbering never clashes.
    fn segment(
        slide: &Slide,
        next: &Slide,
        t: &Timing,
    ) -> Result<Vec<(Vec<u8>, bool)>, Diagnostic> {
        let (w, h) = (SIZE.0 as usize, SIZE.1 as usize);
        let fail = |e: openh264::Error| {
            Diagnostic::error(format!("{}: H.264 encoding failed: {e}", slide.label))
        };
        let (n, c) = (t.slide_frames(), t.fade_frames());
        let mut out = Vec::with_capacity(n as usize);
        let mut enc = encoder()?;
        let key = enc
            .encode(&yuv709(&slide.rgba, w, h))
            .map_err(fail)?
            .to_vec();
        let params = crate::base::h264::params(&key).ok_or_else(|| {
            Diagnostic::error(format!(
                "{}: the encoder wrote a stream this version cannot continue",
                slide.label
            ))
        })?;
        out.push((key, true));
        for k in 1..n - c {
            out.push((crate::base::h264::skip_picture(&params, k), false));
        }
        if c > 0 {
            let mut enc = encoder()?;
            for f in n - c..n {
                let mixed = blend(&slide.rgba, &next.rgba, fade_weight(t, f));
                let bs = enc.encode(&yuv709(&mixed, w, h)).map_err(fail)?;
                let key = matches!(bs.frame_type(), FrameType::IDR | FrameType::I);
                let data = bs.to_vec();
                if data.is_empty() {
                    return Err(Diagnostic::error(format!(
                        "{}: the encoder skipped frame {f}",
                        slide.label
                    )));
                }
                out.push((data, key));
            }
        }
        Ok(out)
    }

    /// Encode slides as one seamless MP4 loop.
    pub fn mp4(slides: &[Slide], t: &Timing, title: &str) -> Result<Mp4, Diagnostic> {
        t.validate()?;
        if slides.is_empty() {
            return Err(Diagnostic::error("the loop has no slides"));
        }
        let segments: Vec<Result<Frames, Diagnostic>> = (0..slides.len())
            .into_par_iter()
            .map(|i| segment(&slides[i], &slides[(i + 1) % slides.len()], t))
            .collect();
        let mut bytes = Vec::new();
        let meta = muxide::api::Metadata {
            title: Some(title.to_string()),
            creation_time: None,
            language: None,
            chapters: Vec::new(),
        };
        let mut mux = muxide::api::MuxerBuilder::new(&mut bytes)
            .video(muxide::api::VideoCodec::H264, SIZE.0, SIZE.1, FPS as f64)
            .with_metadata(meta)
            .with_fast_start(true)
            .build()
            .map_err(|e| Diagnostic::error(format!("MP4: {e}")))?;
        let mut n: u32 = 0;
        // IDR pictures numbered in decoding order: every segment's encoders start at 0.
        let mut idrs: u32 = 0;
        let mut params = None;
        for seg in segments {
            for (data, key) in seg? {
                if let Some(p) = crate::base::h264::params(&data) {
                    params = Some(p);
                }
                let data = if crate::base::h264::has_idr(&data) {
                    let p = params.as_ref().ok_or_else(|| {
                        Diagnostic::error(format!(
                            "frame {n}: an IDR picture came before any SPS and PPS"
                        ))
                    })?;
                    let id = idrs % 65536;
                    idrs += 1;
                    crate::base::h264::set_idr_pic_id(&data, p, id).ok_or_else(|| {
                        Diagnostic::error(format!(
                            "frame {n}: the encoder wrote an IDR picture this version cannot renumber"
                        ))
                    })?
                } else {
                    data
                };
                // Exact frame times: n / 30 s is a whole number of 90 kHz ticks.
                let pts = n as f64 / FPS as f64;
                mux.write_video(pts, &data, key)
                    .map_err(|e| Diagnostic::error(format!("MP4: {e}")))?;
                n += 1;
            }
        }
        mux.finish()
            .map_err(|e| Diagnostic::error(format!("MP4: {e}")))?;
        Ok(Mp4 {
            bytes,
            frames: n,
            seconds: n as f64 / FPS as f64,
        })
    }
}
