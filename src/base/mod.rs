//! Layer 0, base: what every stage stands on and that knows nothing of hotlines or
//! designs: diagnostics, units, all file I/O ([`assets::Assets`]), hashing, number
//! scanning, the output folder swap, SVG safety and the H.264 bit writer.

pub mod assets;
pub mod diag;
pub mod digit_style;
pub mod h264;
pub mod hash;
pub mod markup;
pub mod numbers;
pub mod output;
pub mod raster;
pub mod shipped;
pub mod sources;
pub mod stamp;
pub mod stranded;
pub mod svg_safety;
pub mod units;
