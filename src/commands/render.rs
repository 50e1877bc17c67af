//! `hotline-kit render`: one piece to one file.

use std::path::{Path, PathBuf};

use super::args::{Fallback, Global};
use super::context::{load, load_kit, selection};
use super::report::{format_of, write_scene};
use crate::base::diag::Diagnostics;
use crate::products::kit::{self, Format, Selection};

/// Arguments of `render`.
#[derive(Debug, clap::Args)]
#[command(mut_arg("fallback", |a| a.help(
    "Show this locale's text where the locale lacks a message (marked on the piece)"
)))]
pub struct Args {
    /// Design name (see `hotline-kit list`).
    pub design: String,
    /// Locale code.
    #[arg(long, default_value = "en")]
    pub locale: String,
    /// Format; default: from the output file's extension.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Fallback locale.
    #[command(flatten)]
    pub fallback: Fallback,
    /// Output file. Multi-page designs as PNG or SVG get -1, -2, ... before the extension.
    #[arg(short = 'o', long)]
    pub output: PathBuf,
    /// Die-cut line (stickers and clings only): on the trim, in the spot colour
    /// CutContour.
    #[arg(long)]
    pub cut_line: bool,
    /// Colour of a print PDF: `rgb` or `cmyk` (default: the kit's `[print] color`, else
    /// rgb). PNG and SVG stay RGB.
    #[arg(long, value_enum, value_name = "MODE")]
    pub color: Option<crate::model::config::ColorMode>,
}

/// Run `render`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let kit = load_kit(&g.project, g.kit.as_deref())?;
    let mut sel = selection(&kit, vec![], vec![], vec![], a.fallback.fallback)?;
    sel.cut_line = a.cut_line;
    if let Some(c) = a.color {
        sel.color = c;
    }
    render(&g.project, &a.design, &a.locale, a.format, &sel, &a.output)
}

fn render(
    project: &Path,
    design: &str,
    locale: &str,
    format: Option<Format>,
    sel: &Selection,
    output: &Path,
) -> Result<(), Diagnostics> {
    let format = format_of(format, output)?;
    let p = load(project)?;
    for l in crate::load::spec::bilingual::locales_of(locale) {
        let cov = crate::checks::coverage::check(&p, p.catalog(l)?);
        if cov.has_errors() {
            return Err(cov);
        }
    }
    let mut scene = kit::compile_with(&p, design, locale, &sel.options_for(&p))?;
    if sel.cut_line {
        match p.designs.get(design) {
            Some(d) if d.kind.is_die_cut() => {
                scene = crate::products::marks::add_cut_line(&scene, d)
            }
            _ => return Err(kit::not_die_cut(&p, &[design.to_string()]).into()),
        }
    }
    if format == Format::Pdf && scene.medium == crate::load::spec::Medium::Print {
        scene.ink = sel.color;
    }
    write_scene(&scene, Some(format), output)
}
