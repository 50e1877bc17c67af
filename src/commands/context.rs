//! What most commands start from: the project, the kit file and the selection of
//! pieces it and the command line make ([`crate::products::workspace`], shared with the
//! web application), plus the selections the command-line arguments name.

use super::args::{Fallback, Locales, Pick};
use crate::base::diag::Diagnostics;
use crate::products::kit::Selection;
pub use crate::products::workspace::{Kit, load, load_kit, selection};

/// What to work on: the designs, locales and fallback of the command line where
/// given, else the kit file's; every format.
pub fn pick_selection(kit: &Kit, pick: Pick) -> Result<Selection, Diagnostics> {
    let Pick {
        designs,
        locales,
        fallback,
    } = pick;
    selection(
        kit,
        designs.designs,
        locales.locales,
        Vec::new(),
        fallback.fallback,
    )
}

/// One design in the locales of the command line (else the kit file's).
pub fn design_selection(
    kit: &Kit,
    design: String,
    locales: Locales,
    fallback: Fallback,
) -> Result<Selection, Diagnostics> {
    selection(
        kit,
        vec![design],
        locales.locales,
        Vec::new(),
        fallback.fallback,
    )
}
