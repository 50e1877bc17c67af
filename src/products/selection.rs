//! What a command asks for (designs x locales x formats, with the kit's options), and
//! laying out and checking all of those pieces together ([`prepare`]).

use rayon::prelude::*;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::project::Project;
use crate::model::config::Format;
use crate::products::piece::compile_with;
use crate::scene::Scene;

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Designs (empty: all).
    pub designs: Vec<String>,
    /// Locales (empty: en and es).
    pub locales: Vec<String>,
    /// Formats (empty: pdf and png).
    pub formats: Vec<Format>,
    /// Layout options (fallback locale, local resources, QR target).
    pub options: crate::layout::Options,
    /// Checks whose warnings count as errors (the kit file's `[checks] errors`).
    pub promote: Vec<String>,
    /// Only some of the kit's designs were asked for (`--design`): kit-wide rules warn
    /// instead of failing.
    pub partial: bool,
    /// The kit's designs (kit.toml), for choosing illustrations across the whole kit even
    /// when only some designs are built; empty means all designs.
    pub kit_designs: Vec<String>,
    /// Seed for choosing illustrations (the facility's name; "default" without a kit file).
    pub seed: String,
    /// The kit allows less diversity than required (`[imagery] diversity = "advisory"`).
    pub diversity_advisory: bool,
    /// Refuse to make anything when a piece is not approved for print (`build --final`).
    pub final_only: bool,
    /// Print-shop PDFs: crop marks and a slug line outside the bleed (`build --marks`).
    pub marks: bool,
    /// A die-cut line on the trim of stickers and clings, in every print format
    /// (`build --cut-line`); other designs are made as usual.
    pub cut_line: bool,
    /// The colour print PDFs are written in (`build --color`, or the kit's `[print]
    /// color`); PNG and SVG are always RGB.
    pub color: crate::model::config::ColorMode,
    /// Slide loops to make for screen designs (the kit file's `[video]`).
    pub loops: Option<crate::model::config::LoopSettings>,
    /// Today, as days since 1970-01-01, for the age of the hotline facts (`fact-age`).
    /// The command line sets it from the clock ([`crate::checks::check::today`]); the library
    /// never reads the clock, and without a date that check does not run.
    pub today: Option<i64>,
    /// How the kit prints each design it names (the kit file's `[print] method`),
    /// overriding the design's own `printing`: the margin `check` holds it to.
    pub print_methods: std::collections::BTreeMap<String, crate::load::spec::Printing>,
}

impl Selection {
    /// Layout options with the kit's illustrations chosen (across the kit's designs).
    pub fn options_for(&self, project: &Project) -> crate::layout::Options {
        let designs =
            crate::layout::diversity::designs_for(project, &self.kit_designs, &self.designs);
        let seed = if self.seed.is_empty() {
            "default"
        } else {
            self.seed.as_str()
        };
        let mut o = self.options.clone();
        o.image_picks = crate::layout::diversity::pick(project, &designs, seed);
        o
    }

    /// The designs, locales and formats a selection means, defaults filled in:
    /// all designs, `en` + `es` (`all` = every locale), PDF + PNG.
    pub fn resolve(&self, project: &Project) -> (Vec<String>, Vec<String>, Vec<Format>) {
        let designs = if self.designs.is_empty() {
            project
                .designs
                .values()
                .filter(|d| !d.on_request)
                .map(|d| d.name.clone())
                .collect()
        } else {
            self.designs.clone()
        };
        let locales = if self.locales.iter().any(|l| l == "all") {
            project.catalogs.keys().cloned().collect()
        } else if self.locales.is_empty() {
            DEFAULT_LOCALES.iter().map(|s| s.to_string()).collect()
        } else {
            self.locales.clone()
        };
        let mut formats = if self.formats.is_empty() {
            vec![Format::Pdf, Format::Png]
        } else {
            self.formats.clone()
        };
        formats.sort();
        formats.dedup();
        (designs, locales, formats)
    }
}

/// Whether design `d` is written in some languages only (`languages`, the staff
/// pieces) and not in `l` (one locale or a pair): the first locale it lacks, or `None`
/// where it is written in all of them, or the kit allows a fallback language it is
/// written in (its strings there are then marked).
fn not_written_in(project: &Project, sel: &Selection, d: &str, l: &str) -> Option<String> {
    let design = project.design(d).ok()?;
    design.languages.as_ref()?;
    let first = crate::load::spec::bilingual::locales_of(l)
        .into_iter()
        .find(|p| !design.written_in(p))?;
    if sel
        .options
        .fallback
        .as_deref()
        .is_some_and(|f| design.written_in(f))
    {
        return None;
    }
    Some(first.to_string())
}

/// One diagnostic for the locales design `d` is not made in: in a kit's default set a
/// warning that it is left out of them; named on the command line (`--design`), an
/// error.
fn left_out(project: &Project, sel: &Selection, d: &str, missing: &[String]) -> Option<Diagnostic> {
    let design = project.design(d).ok()?;
    let langs = design.languages.as_ref()?;
    let first = missing.first()?;
    let list = missing
        .iter()
        .map(|m| format!("`{m}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let msg = format!(
        "design `{d}` is written in {} only: not made in {list}",
        langs.join(", ")
    );
    let hint = format!(
        "to make it in `{first}` with {} text, marked as such, allow a fallback language: [build] fallback = \"{}\" in kit.toml, or --fallback {}",
        langs[0], langs[0], langs[0]
    );
    Some(if sel.partial {
        Diagnostic::error(msg).at(&design.source, None).hint(hint)
    } else {
        Diagnostic::warning(msg).hint(hint).code("design-language")
    })
}

/// A design's `languages` that name no locale of the project.
fn unknown_languages(project: &Project, design: &crate::load::spec::Design) -> Diagnostics {
    let mut d = Diagnostics::default();
    for l in design.languages.iter().flatten() {
        if project.catalog(l).is_err() {
            d.push(
                design
                    .error(
                        format!(
                            "design `{}` names the unknown language `{l}` in `languages`",
                            design.name
                        ),
                        None,
                    )
                    .hint(format!(
                        "languages: {}",
                        project
                            .catalogs
                            .keys()
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
            );
        }
    }
    if design.languages.as_ref().is_some_and(Vec::is_empty) {
        d.push(
            design
                .error(format!("design `{}` has an empty `languages` list", design.name), None)
                .hint("name the languages its messages are written in, or leave `languages` out for all"),
        );
    }
    d
}

/// Default locales of a kit.
pub const DEFAULT_LOCALES: &[&str] = &["en", "es"];

/// Lay out and check every selected piece: unknown names, font coverage, layout (fit,
/// QR, numbers), then the text and piece checks of [`crate::checks::check`]. Returns the scenes
/// and the warnings, or every problem found if any is an error.
pub fn prepare(
    project: &Project,
    sel: &Selection,
) -> Result<(Vec<Scene>, Diagnostics), Diagnostics> {
    let mut diags = Diagnostics::default();
    let (designs, locales, _) = sel.resolve(project);
    for d in &designs {
        if let Err(e) = project.design(d) {
            diags.push(e);
        }
    }
    // Each language of a pair (`en+es`) is a locale of its own for the checks of
    // catalogs and fonts.
    let single: Vec<String> = {
        let mut v: Vec<String> = locales
            .iter()
            .flat_map(|l| crate::load::spec::bilingual::locales_of(l))
            .map(str::to_string)
            .collect();
        v.sort();
        v.dedup();
        v
    };
    for l in &locales {
        let parts = crate::load::spec::bilingual::locales_of(l);
        if parts.len() > 2 {
            diags.push(
                Diagnostic::error(format!(
                    "`{l}` names {} languages; a piece holds one or two",
                    parts.len()
                ))
                .hint("ask for one locale (`es`) or a pair (`en+es`)"),
            );
        }
        for p in parts {
            if let Err(e) = project.catalog(p) {
                diags.push(e);
            }
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let mut checked = single.clone();
    checked.extend(sel.options.fallback.iter().cloned());
    checked.sort();
    checked.dedup();
    for l in &checked {
        match project.catalog(l) {
            Ok(c) => diags.extend(crate::checks::coverage::check(project, c).0),
            Err(e) => diags.push(e.hint("the locale named by --fallback must exist")),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let options = sel.options_for(project);
    // A pair of locales (`en+es`) from the kit file is made of the designs that say how
    // two languages share them ([bilingual]); named on the command line (`--design`),
    // a design without one is an error from layout that says so.
    let pair_of = |d: &str, l: &str| {
        crate::load::spec::bilingual::locales_of(l).len() > 1
            && project.design(d).is_ok_and(|x| x.bilingual.is_none())
    };
    let mut jobs: Vec<(String, String)> = Vec::new();
    for d in &designs {
        if let Ok(design) = project.design(d) {
            diags.extend(unknown_languages(project, design).0);
        }
        let mut missing = Vec::new();
        for l in &locales {
            if let Some(m) = not_written_in(project, sel, d, l) {
                if !missing.contains(&m) {
                    missing.push(m);
                }
                continue;
            }
            if !sel.partial && pair_of(d, l) {
                diags.push(
                    Diagnostic::warning(format!(
                        "design `{d}` has no [bilingual] table: `{l}` is made only of the designs that have one"
                    ))
                    .hint(format!("add a [bilingual] table to designs/{d}.toml to make it in two languages"))
                    .code("bilingual-skipped"),
                );
                continue;
            }
            jobs.push((d.clone(), l.clone()));
        }
        diags.extend(left_out(project, sel, d, &missing));
    }
    let scenes: Vec<Result<Scene, Diagnostics>> = jobs
        .par_iter()
        .map(|(d, l)| compile_with(project, d, l, &options))
        .collect();
    let mut ok = Vec::new();
    // Pieces that failed count in the kit-wide checks with what they would show, so
    // their error is the one cause printed.
    let mut failed = Vec::new();
    for ((d, _), s) in jobs.iter().zip(scenes) {
        match s {
            Ok(s) => ok.push(s),
            Err(e) => {
                diags.extend(e.0);
                if let Ok(design) = project.design(d) {
                    failed.push(crate::checks::check::intended(project, design, &options));
                }
            }
        }
    }
    if let Some(ls) = &sel.loops {
        if ls.formats.contains(&crate::model::config::LoopFormat::Png) {
            diags.push(
                Diagnostic::error("[video] formats: png is not a loop format").hint(
                    "build already writes every slide as PNG; use formats = [\"mp4\", \"html\"]",
                ),
            );
        }
        if let Err(e) = ls.timing.validate() {
            diags.push(e.hint("fix [video] in kit.toml"));
        } else if ls.timing.seconds < crate::model::config::MIN_SECONDS {
            diags.push(
                Diagnostic::warning(format!(
                    "[video] seconds = {}: slides shown for under {} s are hard to read in a waiting room",
                    ls.timing.seconds,
                    crate::model::config::MIN_SECONDS
                ))
                .hint("use seconds = 10 (the default) or more")
                .code("slide-time"),
            );
        }
    }
    // Load-time warnings about the locales being built.
    let about_built = |d: &&Diagnostic| {
        d.file.as_ref().is_none_or(|f| {
            let f = f.to_string_lossy();
            !f.contains("locales/")
                || single.iter().any(|l| {
                    f.ends_with(&format!("/{l}.toml")) || f.ends_with(&format!("/{l}.ftl"))
                })
        })
    };
    diags.extend(project.warnings.0.iter().filter(about_built).cloned());
    diags.extend(crate::checks::check::texts(project, &single, sel.today).0);
    diags.extend(crate::checks::channel_rule::restroom(project, &designs).0);
    diags.extend(crate::checks::alignment::designs(project, &designs).0);
    diags.extend(crate::checks::check::pieces(project, &ok, &failed, !sel.partial).0);
    diags.extend(crate::checks::imagery::pieces(project, &ok).0);
    diags.extend(crate::checks::margins::pieces(project, &ok, &sel.print_methods).0);
    diags.extend(crate::products::labels::design_templates(project, &designs).0);
    diags.extend(
        crate::checks::check::diversity(
            project,
            &ok,
            &failed,
            !sel.partial && !sel.diversity_advisory,
        )
        .0,
    );
    // A loop with the crawl line lays its slides out again above the band: those
    // layouts must fit too, here as in `build`.
    if sel.loops.as_ref().is_some_and(|ls| ls.crawl) {
        for (_, mine) in crate::products::crawl::by_screen_design(&ok) {
            if let Err(e) = crate::products::crawl::scenes(project, &options, &mine) {
                diags.extend(e.0);
            }
        }
    }
    for d in &mut diags.0 {
        if d.code.is_some_and(|c| sel.promote.iter().any(|p| p == c)) {
            d.severity = crate::base::diag::Severity::Error;
            d.hints
                .push("the kit file makes this check an error ([checks] errors)".into());
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok((ok, diags))
}
