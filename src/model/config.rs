//! What a kit asks for, as plain types: file formats of pieces, the formats and timing
//! of waiting-room loops. Read from kit.toml (the kit file loader) and the command line,
//! used by the products that make them.

use serde::Serialize;

use crate::base::diag::Diagnostic;

/// An output format.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    clap::ValueEnum,
    Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Print-ready PDF.
    Pdf,
    /// PNG: 300 dpi for print, 1920x1080 for screens.
    Png,
    /// SVG for review in a browser.
    Svg,
}

impl Format {
    /// File extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }
}

/// The colour print PDFs are written in. PNG and screen output are always RGB.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ColorMode {
    /// DeviceRGB, as on screen (the default): the print shop converts.
    #[default]
    Rgb,
    /// DeviceCMYK with each design colour's print values: small text and QR modules
    /// in black ink only.
    Cmyk,
}

/// What `video` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LoopFormat {
    /// H.264 MP4 (1920x1080, 30 fps).
    Mp4,
    /// One self-contained HTML page that crossfades the slides.
    #[value(alias = "htm")]
    Html,
    /// One PNG per slide.
    Png,
}

impl LoopFormat {
    /// File extension.
    pub fn ext(self) -> &'static str {
        match self {
            LoopFormat::Mp4 => "mp4",
            LoopFormat::Html => "html",
            LoopFormat::Png => "png",
        }
    }
}

/// Loops a kit asks `build` to make (`[video]` in kit.toml).
#[derive(Debug, Clone, PartialEq)]
pub struct LoopSettings {
    /// mp4 and/or html.
    pub formats: Vec<LoopFormat>,
    /// Seconds per slide and crossfade.
    pub timing: Timing,
    /// One loop alternating the locales.
    pub interleave: bool,
    /// The crawl line along the bottom.
    pub crawl: bool,
}

/// Frames per second of every loop.
pub const FPS: u32 = 30;
/// `check` warns when a slide is shown for less than this (seconds).
pub const MIN_SECONDS: f32 = 8.0;

/// How a loop plays.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timing {
    /// Seconds each slide is on screen, its crossfade into the next included.
    pub seconds: f32,
    /// Seconds of crossfade between slides.
    pub crossfade: f32,
}

impl Default for Timing {
    fn default() -> Self {
        Self {
            seconds: 10.0,
            crossfade: 0.5,
        }
    }
}

impl Timing {
    /// Frames per slide.
    pub fn slide_frames(&self) -> u32 {
        (self.seconds * FPS as f32).round() as u32
    }

    /// Frames of each crossfade.
    pub fn fade_frames(&self) -> u32 {
        (self.crossfade * FPS as f32).round() as u32
    }

    /// Check the timing; an error says what is wrong and what to do.
    pub fn validate(&self) -> Result<(), Diagnostic> {
        if !(self.seconds.is_finite() && self.seconds > 0.0) || self.slide_frames() == 0 {
            return Err(Diagnostic::error(format!(
                "a slide must be shown for more than 0 seconds (got {})",
                self.seconds
            ))
            .hint("use --seconds 10 (at least 8 is recommended: people need time to read)"));
        }
        if self.seconds > 600.0 {
            return Err(Diagnostic::error(format!(
                "{} seconds per slide is more than 10 minutes",
                self.seconds
            ))
            .hint("use --seconds between 8 and 40"));
        }
        if !(self.crossfade.is_finite() && self.crossfade >= 0.0)
            || self.fade_frames() * 2 > self.slide_frames()
        {
            return Err(Diagnostic::error(format!(
                "a crossfade of {} s does not fit in {} s slides",
                self.crossfade, self.seconds
            ))
            .hint("the crossfade can be at most half of --seconds; 0.5 is the default, 0 turns it off"));
        }
        Ok(())
    }
}
