//! What commands write for people: diagnostics, notes on replaced files, and a scene
//! exported to the file named on the command line.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::products::kit::{self, Format};

/// Print diagnostics on standard error (in colour on a terminal unless `NO_COLOR`), with
/// a count when there are errors.
pub fn print_diags(diags: Diagnostics) {
    if diags.is_empty() {
        return;
    }
    let (e, w) = (diags.error_count(), diags.warning_count());
    emit_diags(diags);
    if e > 0 {
        eprintln!("{e} error(s), {w} warning(s): nothing was written");
    }
}

/// Print diagnostics like a compiler (sorted, coloured on a terminal), with no summary
/// line after them.
pub fn emit_diags(diags: Diagnostics) {
    let choice = if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let mut out = StandardStream::stderr(choice);
    let diags = diags.sorted();
    for d in &diags.0 {
        let _ = d.emit(&mut out);
    }
}

/// Notes on files of the earlier output that were removed or kept.
pub fn print_replaced(out: &crate::base::output::OutDir, done: &crate::base::output::Published) {
    if !done.dropped.is_empty() {
        eprintln!(
            "note: {} files of the earlier output in {} are not part of this build and were removed (the folder holds this build only; use another --out to keep both)",
            done.dropped.len(),
            out.shown.display()
        );
    }
    if !done.kept.is_empty() {
        eprintln!(
            "note: kept {} files in {} that hotline-kit did not write: {}",
            done.kept.len(),
            out.shown.display(),
            done.kept.join(", ")
        );
    }
}

/// The format asked for, or the one the output file's extension names: any value of
/// the format enum (pdf/png/svg for pieces, mp4/html/png for loops).
pub fn format_of<T: clap::ValueEnum + Copy>(
    format: Option<T>,
    output: &Path,
) -> Result<T, Diagnostic> {
    if let Some(f) = format {
        return Ok(f);
    }
    let ext = output.extension().and_then(|e| e.to_str()).unwrap_or("");
    T::from_str(ext, true).map_err(|_| {
        let names: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .map(|p| p.get_name().to_string())
            .collect();
        let dotted: Vec<String> = names.iter().map(|n| format!(".{n}")).collect();
        Diagnostic::error(format!("cannot tell the format of {}", output.display())).hint(format!(
            "pass --format {}, or end the file name in {}",
            names.join("|"),
            dotted.join(", ")
        ))
    })
}

/// Export a scene to `output`; pages of a multi-page PNG/SVG get -1, -2... before the
/// extension.
pub fn write_scene(
    scene: &crate::scene::Scene,
    format: Option<Format>,
    output: &Path,
) -> Result<(), Diagnostics> {
    let format = format_of(format, output)?;
    let stem = output.with_extension("");
    let files = kit::export(scene, format, &stem.to_string_lossy())?;
    for f in &files {
        let path = if files.len() == 1 {
            output.to_path_buf()
        } else {
            PathBuf::from(&f.entry.path)
        };
        kit::write_atomic(&path, &f.bytes)?;
        eprintln!("wrote {} ({} bytes)", path.display(), f.bytes.len());
    }
    Ok(())
}
