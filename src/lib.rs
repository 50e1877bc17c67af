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

pub mod base;
pub mod checks;
pub mod commands;
pub mod export;
pub mod layout;
pub mod load;
pub mod model;
pub mod products;
pub mod review;
pub mod scene;
pub mod web;
