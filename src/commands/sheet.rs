//! `hotline-kit sheet`: a piece N-up on label sheets or plain-paper cut sheets.

use std::path::PathBuf;

use super::args::{Fallback, Global, Locales};
use super::context::{design_selection, load, load_kit};
use super::report::{print_diags, write_scene};
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::products::kit;

/// Arguments of `sheet`.
#[derive(Debug, clap::Args)]
#[command(mut_arg("locales", |a| a.help("Locale (repeat; they take turns; default: the kit's)")))]
pub struct Args {
    /// Print design (see `hotline-kit list`).
    #[arg(value_name = "DESIGN")]
    pub design: String,
    /// Template name from designs/sheets/templates.toml.
    #[arg(long, value_name = "NAME")]
    pub template: String,
    /// Locales.
    #[command(flatten)]
    pub locales: Locales,
    /// Output file (.pdf, or .png for one image per sheet).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Write a calibration page instead: label outlines and centre marks.
    #[arg(long)]
    pub calibrate: bool,
    /// Move everything right by this many inches (negative: left).
    #[arg(long, default_value_t = 0.0, allow_hyphen_values = true)]
    pub offset_x: f32,
    /// Move everything down by this many inches (negative: up).
    #[arg(long, default_value_t = 0.0, allow_hyphen_values = true)]
    pub offset_y: f32,
    /// Number of sheets.
    #[arg(long, default_value_t = 1)]
    pub sheets: usize,
    /// Fallback locale.
    #[command(flatten)]
    pub fallback: Fallback,
}

/// Run `sheet`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let kit = load_kit(&g.project, g.kit.as_deref())?;
    let p = load(&g.project)?;
    let all = crate::products::labels::templates(&p)?;
    let template = &a.template;
    let Some(t) = all.get(template) else {
        return Err(
            Diagnostic::error(format!("unknown sheet template `{template}`"))
                .hint(format!(
                    "templates: {}",
                    all.keys().cloned().collect::<Vec<_>>().join(", ")
                ))
                .into(),
        );
    };
    if !t.verified {
        eprintln!(
            "warning: the {template} geometry is unverified ({}); print a calibration page (--calibrate) and check it against the label stock",
            t.source
        );
    }
    // Labels that do not match the piece: a warning naming both sizes, and a template
    // that fits.
    if let Ok(d) = p.design(&a.design)
        && d.medium == crate::load::spec::Medium::Print
    {
        let trim = crate::products::labels::trim_size(d);
        if let Some(msg) = crate::products::labels::mismatch(template, t, &d.name, trim) {
            let fit = crate::products::labels::fitting(&all, trim, t.paper);
            let hint = match fit.first() {
                Some(f) => format!("{f} fits {}: --template {f}", d.name),
                None => format!(
                    "no template in {} matches {}",
                    crate::products::labels::FILE,
                    d.name
                ),
            };
            print_diags(
                Diagnostic::warning(msg)
                    .hint(hint)
                    .code("label-template")
                    .into(),
            );
        }
    }
    let offset = (a.offset_x * 72.0, a.offset_y * 72.0);
    let scene = if a.calibrate {
        crate::products::labels::calibration(&p, template, t, offset)?
    } else {
        let sel = design_selection(&kit, a.design, a.locales, a.fallback)?;
        let (pieces, mut warnings) = kit::prepare(&p, &sel)?;
        // The template in use was judged above; the design's recommended one is not.
        warnings.0.retain(|w| w.code != Some("label-template"));
        print_diags(warnings);
        crate::products::labels::impose(&p, template, t, &pieces, offset, a.sheets)?
    };
    write_scene(&scene, None, &a.output)
}
