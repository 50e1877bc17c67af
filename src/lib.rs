//! hotline-kit: print and screen materials carrying the National Human Trafficking
//! Hotline, for health-care facilities.
//!
//! The pipeline, one module per stage:
//! 1. **load** ([`project`], through [`assets::Assets`]): hotline facts, design specs
//!    ([`spec`]), locale catalogs ([`locale`]), fonts ([`fonts`]) and imagery
//!    ([`imagery`]), all checked, problems collected as [`diag::Diagnostic`]s;
//! 2. **layout** ([`layout`]): grid, shaping, bidi, line breaking, fitting, QR;
//! 3. **display list** ([`scene`]): the fully resolved piece, checked by [`verify`];
//! 4. **export** ([`export`]): PDF, PNG and SVG, each a plain function of the scene;
//! 5. **kit** ([`kit`]): many pieces in parallel and `manifest.json`, written as a whole
//!    folder ([`output`]).
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// Diagnostics carry their source, span and hints; they are made only on error paths, so
// their size (about 130 bytes) does not matter for speed.
#![allow(clippy::result_large_err)]

/// `writeln!` into a `String` (cannot fail).
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

/// Write text to standard output; a closed pipe (`| head`) is not an error.
pub fn emit(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

pub mod assets;
pub mod bench;
pub mod catalog_lint;
pub mod channel_rule;
pub mod channels;
pub mod check;
pub mod claims;
pub mod compliance;
pub mod commands;
pub mod compliance_cmd;
pub mod config;
pub mod content;
pub mod coverage;
pub mod diag;
pub mod digit_style;
pub mod diversity;
pub mod export;
pub mod facility;
pub mod fonts;
pub mod h264;
pub mod hash;
pub mod hotline;
pub mod imagery;
pub mod jurisdiction;
pub mod kit;
pub mod kitfile;
pub mod labels;
pub mod layout;
pub mod ledger;
pub mod locale;
pub mod locale_cmd;
pub mod marks;
pub mod markup;
pub mod numbers;
pub mod output;
pub mod piece;
pub mod pageflow;
pub mod plan;
pub mod project;
pub mod proof;
pub mod qr;
pub mod raster;
pub mod review;
pub mod review_cmd;
pub mod scene;
pub mod selection;
pub mod sheet;
pub mod shipped;
pub mod sources;
pub mod spec;
pub mod svg_safety;
pub mod translate;
pub mod units;
pub mod verify;
pub mod video;
pub mod video_cmd;
