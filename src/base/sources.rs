//! Text files read as diagnostic sources: every file the loaders read goes through
//! [`read_source`], so a missing, unreadable or non-UTF-8 file is one clear error
//! naming the file (and the line of a bad byte).

use std::sync::Arc;

use crate::base::assets::Assets;
use crate::base::diag::{Diagnostic, Source};

/// Read a text file as a diagnostic source. A file that is not UTF-8 is quoted at its
/// first bad byte (line and column); a missing file gets a hint about the project folder.
pub fn read_source(assets: &dyn Assets, rel: &str) -> Result<Arc<Source>, Diagnostic> {
    read_source_or(
        assets,
        rel,
        "run hotline-kit from the project folder (the one with hotline.toml), or pass --project DIR",
    )
}

/// [`read_source`] with the hint to give when the file is missing (and only then).
pub fn read_source_or(
    assets: &dyn Assets,
    rel: &str,
    missing: &str,
) -> Result<Arc<Source>, Diagnostic> {
    let path = assets.display_path(rel);
    let bytes = match assets.read(rel) {
        Ok(b) => b,
        Err(e) => {
            let d =
                Diagnostic::error(format!("cannot read {}: {e}", path.display())).in_file(&path);
            return Err(match e.kind() {
                std::io::ErrorKind::NotFound => d.hint(missing),
                std::io::ErrorKind::PermissionDenied => {
                    d.hint("copy the file into the project folder instead of linking to it")
                }
                _ => d,
            });
        }
    };
    match crate::base::assets::decode_utf8(bytes) {
        Ok(t) => Ok(Source::new(path, t)),
        Err(e) => Err(not_utf8(path, e)),
    }
}

/// A file that is not UTF-8, as an error quoting the line with the bad byte.
pub fn not_utf8(path: std::path::PathBuf, e: crate::base::assets::NotUtf8) -> Diagnostic {
    let message = format!("{} is {e}", path.display());
    let span = e.offset..e.offset + '\u{FFFD}'.len_utf8();
    Diagnostic::error(message)
        .at(&Source::new(path, e.lossy), Some(span))
        .hint("save the file as UTF-8 (in most editors: Save As, then choose the encoding UTF-8)")
}
