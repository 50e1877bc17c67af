//! The command line: `build`, `render`, `list`, `scene` and `bench`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::diag::Diagnostics;
use crate::kit::{self, Format, Selection};
use crate::project::Project;

/// Make hotline posters, stickers, cards and screen slides for health-care facilities.
#[derive(Debug, Parser)]
#[command(name = "hotline-kit", version, about, long_about = None)]
pub struct Cli {
    /// Project folder (the one with hotline.toml, designs/, locales/ and fonts/).
    #[arg(long, global = true, default_value = ".")]
    pub project: PathBuf,
    /// Kit file (default: kit.toml in the project folder, if there is one).
    #[arg(long, global = true, value_name = "FILE")]
    pub kit: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the kit: every design x locale x format into a folder, with manifest.json.
    #[command(
        after_help = "Examples:\n  hotline-kit build\n  hotline-kit build --out print --design poster --design stall-sticker --locale es --format pdf"
    )]
    Build {
        /// Output folder.
        /// (default: `out` in kit.toml, else `out`).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Design to build (repeat for several; default: all).
        #[arg(long = "design", value_name = "NAME")]
        designs: Vec<String>,
        /// Locale to build (repeat for several; `all` for every locale; default: en and es).
        #[arg(long = "locale", value_name = "CODE")]
        locales: Vec<String>,
        /// Format (repeat for several; default: pdf and png).
        #[arg(long = "format", value_enum, value_name = "FORMAT")]
        formats: Vec<Format>,
        /// Show this locale's text where a locale lacks a message (marked on the piece).
        #[arg(long, value_name = "CODE")]
        fallback: Option<String>,
        /// Print files only: refuse to write anything when a piece is not approved for
        /// print (and list those pieces).
        #[arg(long = "final")]
        final_only: bool,
        /// Print-shop PDFs: crop marks and a slug line (design, locale, size, content
        /// hash) around the bleed.
        #[arg(long)]
        marks: bool,
        /// Die-cut line on stickers and clings: a 0.25 pt path on the trim, corners
        /// rounded as the design says, in the spot colour CutContour (magenta in PNG and
        /// SVG). Other designs are made as usual.
        #[arg(long)]
        cut_line: bool,
    },
    /// Render one piece to one file.
    #[command(
        after_help = "Examples:\n  hotline-kit render poster --locale es --format pdf -o poster-es.pdf\n  hotline-kit render tv-slides --locale en --format png -o slide.png   (writes slide-1.png, slide-2.png, ...)"
    )]
    Render {
        /// Design name (see `hotline-kit list`).
        design: String,
        /// Locale code.
        #[arg(long, default_value = "en")]
        locale: String,
        /// Format; default: from the output file's extension.
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Show this locale's text where the locale lacks a message (marked on the piece).
        #[arg(long, value_name = "CODE")]
        fallback: Option<String>,
        /// Output file. Multi-page designs as PNG or SVG get -1, -2, ... before the extension.
        #[arg(short = 'o', long)]
        output: PathBuf,
        /// Die-cut line (stickers and clings only): on the trim, in the spot colour
        /// CutContour.
        #[arg(long)]
        cut_line: bool,
    },
    /// Check designs, translations and pieces without writing anything.
    #[command(
        after_help = "Checks: design files, locale completeness, font coverage, text fit, QR decode, numbers against\nhotline.toml, words to avoid (content/words/), English reading level and sentence length, colour\ncontrast (WCAG), smallest text size, labor + sex red-flag coverage, age of hotline facts.\nExit 1 on any error, 0 with warnings only.\n\nWith --jurisdiction, checks the state notice (state-notice-ID, or --design) against a state\nposting law, rule by rule: met, NOT MET (with the measured value) or unverified (the law's\npoint is not confirmed: never reported as met). Exit 1 if any rule is not met. Profiles are\ncompiled from secondary sources and are not legal advice.\n\nExamples:\n  hotline-kit check\n  hotline-kit check --locale all --format json\n  hotline-kit check --jurisdiction us-ca --county-language vi"
    )]
    Check {
        /// Design to check (repeat; default: all).
        #[arg(long = "design", value_name = "NAME")]
        designs: Vec<String>,
        /// Locale to check (repeat; `all` for every locale; default: en and es).
        #[arg(long = "locale", value_name = "CODE")]
        locales: Vec<String>,
        /// Allow this locale's text where a locale lacks a message.
        #[arg(long, value_name = "CODE")]
        fallback: Option<String>,
        /// text (compiler style) or json (for tools).
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
        /// Check the kit's state notice against a state posting law instead
        /// (`jurisdictions/ID.toml`, e.g. us-ca; without ID: the kit's [compliance]).
        #[arg(long, value_name = "ID", num_args = 0..=1, default_missing_value = "")]
        jurisdiction: Option<String>,
        /// With --jurisdiction: the extra language the law asks for, e.g. the county's
        /// Voting Rights Act language (a locale code).
        #[arg(long, value_name = "CODE", alias = "extra-language")]
        county_language: Option<String>,
    },
    /// Proof packet for the survivor advisory board: a PDF review book and an offline HTML
    /// gallery of every piece, with status, content hash, strings and English glosses.
    #[command(
        after_help = "Writes DIR/review-book.pdf and DIR/index.html (with its images); the gallery works offline,\nfrom a USB stick, in any modern browser.\n\nExamples:\n  hotline-kit proof\n  hotline-kit proof --out proof-es --locale es --locale en"
    )]
    Proof {
        /// Output folder (default: `proof`).
        #[arg(long, default_value = "proof")]
        out: PathBuf,
        /// Design to include (repeat; default: the kit's).
        #[arg(long = "design", value_name = "NAME")]
        designs: Vec<String>,
        /// Locale to include (repeat; `all` for every locale; default: the kit's).
        #[arg(long = "locale", value_name = "CODE")]
        locales: Vec<String>,
        /// Show this locale's text where a locale lacks a message.
        #[arg(long, value_name = "CODE")]
        fallback: Option<String>,
    },
    /// Record an approval: of a piece by the survivor advisory board (bound to its exact
    /// content), or of a locale's strings by a translator or survivor reviewer.
    #[command(
        after_help = "An approval is bound to the piece's content hash: if anything on it changes afterwards\n(text, design, images, fonts, hotline facts, QR), it is a draft again. Approvals are kept in\nreviews/approvals.toml beside the kit file.\n\nExamples:\n  hotline-kit approve poster --locale en --by \"Maria R.\" --note \"approved at the March meeting\"\n  hotline-kit approve stall-sticker --locale all --by \"Advisory board\"\n  hotline-kit approve --strings --locale es --status translator-reviewed --by \"J. Ortiz\" --role translator\n  hotline-kit approve --strings --locale es --message rf-pay --status survivor-reviewed --by \"Maria R.\""
    )]
    Approve {
        /// Design to approve (see `hotline-kit list`); leave out with --strings.
        #[arg(value_name = "DESIGN", required_unless_present = "strings")]
        design: Option<String>,
        /// Locale (repeat for several; `all` for every locale).
        #[arg(long = "locale", value_name = "CODE", required = true)]
        locales: Vec<String>,
        /// Reviewer's name.
        #[arg(long, value_name = "NAME")]
        by: String,
        /// Reviewer's role.
        #[arg(long, default_value = "survivor advisory board")]
        role: String,
        /// A note kept with the approval.
        #[arg(long, default_value = "")]
        note: String,
        /// Approve a locale's strings instead of a piece.
        #[arg(long, conflicts_with = "design")]
        strings: bool,
        /// With --strings: only these messages (repeat; default: all of the locale's).
        #[arg(long = "message", value_name = "ID", requires = "strings")]
        messages: Vec<String>,
        /// With --strings: translated, translator-reviewed or survivor-reviewed.
        #[arg(long, value_name = "STATUS", requires = "strings")]
        status: Option<String>,
        /// Allow this locale's text where a locale lacks a message.
        #[arg(long, value_name = "CODE")]
        fallback: Option<String>,
    },
    /// Where every piece stands: approved, draft or changed since approval, and how far
    /// each locale's strings are reviewed.
    #[command(
        after_help = "Examples:\n  hotline-kit status\n  hotline-kit status --locale all --format json"
    )]
    Status {
        /// Design (repeat; default: the kit's).
        #[arg(long = "design", value_name = "NAME")]
        designs: Vec<String>,
        /// Locale (repeat; `all` for every locale; default: the kit's).
        #[arg(long = "locale", value_name = "CODE")]
        locales: Vec<String>,
        /// text (a table) or json (for tools).
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// A waiting-room loop from a screen design's slides: MP4 (H.264, 1920x1080, 30 fps),
    /// an offline HTML page, or one PNG per slide.
    #[command(
        after_help = "Each slide is shown for --seconds (its crossfade into the next included); the last slide\nfades back into the first, so the loop plays seamlessly on repeat. Several locales give one\nfile per locale (loop-en.mp4, loop-es.mp4), or one multilingual loop with --interleave.\n\nExamples:\n  hotline-kit video --locale en -o loop.mp4\n  hotline-kit video tv-slides --locale en --locale es --interleave -o loop.mp4\n  hotline-kit video --locale es --format html -o loop.html"
    )]
    Video {
        /// Screen design (default: tv-slides).
        #[arg(value_name = "DESIGN", default_value = "tv-slides")]
        design: String,
        /// Locale (repeat; `all` for every locale; default: the kit's).
        #[arg(long = "locale", value_name = "CODE")]
        locales: Vec<String>,
        /// Output file; its extension gives the format unless --format says.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// mp4, html or png (default: from the file name).
        #[arg(long, value_enum)]
        format: Option<crate::video_cmd::LoopFormat>,
        /// Seconds each slide is shown (at least 8 recommended).
        #[arg(long, default_value_t = 10.0)]
        seconds: f32,
        /// Seconds of crossfade between slides (0 for none).
        #[arg(long, default_value_t = 0.5)]
        crossfade: f32,
        /// One loop alternating the locales (slide 1 in each, then slide 2...).
        #[arg(long)]
        interleave: bool,
        /// A line along the bottom with the number and "text 233733", in each of the
        /// chosen languages in turn (one language a slide).
        #[arg(long)]
        crawl: bool,
        /// Show this locale's text where a locale lacks a message.
        #[arg(long, value_name = "CODE")]
        fallback: Option<String>,
    },
    /// A piece N-up on label sheets (Avery 5160, 5163, 5164, 22806) or plain-paper cut
    /// sheets (Letter or A4), for office printers.
    #[command(
        after_help = "Templates are in designs/sheets/templates.toml: avery-5160, avery-5163, avery-5164, avery-22806\n(geometry unverified), letter-2up, letter-4up, a4-2up and a4-4up (with cut guides). Locales take\nturns label by label. Print at 100% (no \"fit to page\").\n\nExamples:\n  hotline-kit sheet wallet-card --template avery-5163 --locale en --locale es -o cards.pdf\n  hotline-kit sheet stall-sticker --template avery-5164 --calibrate -o calibrate.pdf\n  hotline-kit sheet stall-sticker --template avery-5164 --offset-x 0.03 --offset-y -0.02 -o stickers.pdf"
    )]
    Sheet {
        /// Print design (see `hotline-kit list`).
        #[arg(value_name = "DESIGN")]
        design: String,
        /// Template name from designs/sheets/templates.toml.
        #[arg(long, value_name = "NAME")]
        template: String,
        /// Locale (repeat; they take turns; default: the kit's).
        #[arg(long = "locale", value_name = "CODE")]
        locales: Vec<String>,
        /// Output file (.pdf, or .png for one image per sheet).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Write a calibration page instead: label outlines and centre marks.
        #[arg(long)]
        calibrate: bool,
        /// Move everything right by this many inches (negative: left).
        #[arg(long, default_value_t = 0.0, allow_hyphen_values = true)]
        offset_x: f32,
        /// Move everything down by this many inches (negative: up).
        #[arg(long, default_value_t = 0.0, allow_hyphen_values = true)]
        offset_y: f32,
        /// Number of sheets.
        #[arg(long, default_value_t = 1)]
        sheets: usize,
        /// Show this locale's text where a locale lacks a message.
        #[arg(long, value_name = "CODE")]
        fallback: Option<String>,
    },
    /// A placement checklist for staff: every piece of the kit, where it goes, how many
    /// to post (kit.toml's [counts]), what to print it on, its files and review status,
    /// with a box to tick when it is posted.
    #[command(
        after_help = "How many comes from the kit file's [counts] table (`hotline-kit init` writes one): each design\nnames the count it goes by (stalls, sample_windows, screens...). Drafts are marked: do not post\nthem until the survivor advisory board approves them.\n\nExamples:\n  hotline-kit plan                      (writes plan.pdf, US Letter)\n  hotline-kit plan --kit clinic.toml -o clinic-plan.pdf\n  hotline-kit plan --format text\n  hotline-kit plan --format json -o plan.json"
    )]
    Plan {
        /// Output file (default: plan.pdf; text and JSON go to standard output without -o).
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// pdf, text or json (default: from the file name, else pdf).
        #[arg(long, value_enum)]
        format: Option<crate::plan::PlanFormat>,
    },
    /// The illustration library: contact sheet for review.
    #[command(subcommand)]
    Imagery(ImageryCommand),
    /// Write CREDITS.md: every font and image with its licence.
    #[command(after_help = "Example:\n  hotline-kit credits -o CREDITS.md")]
    Credits {
        /// Output file.
        #[arg(short = 'o', long, default_value = "CREDITS.md")]
        output: PathBuf,
    },
    /// Make a facility folder (kit.toml and README.txt), or without DIR write a
    /// commented starter kit.toml into the project folder.
    #[command(
        after_help = "The designs, languages, fonts and hotline facts are built into hotline-kit; a facility\nfolder holds only the facility's own files (kit.toml, pictures, approvals, own versions).\n\nExamples:\n  hotline-kit init clinic   (then cd clinic, edit kit.toml, run hotline-kit check and build)\n  hotline-kit init          (writes kit.toml into the project folder)"
    )]
    Init {
        /// Folder to make (or complete) as a facility folder.
        dir: Option<PathBuf>,
    },
    /// Table of locales: script, direction, messages present and missing, review counts.
    #[command(after_help = "Example:\n  hotline-kit locales")]
    Locales,
    /// Manage locales.
    #[command(subcommand)]
    Locale(LocaleCommand),
    /// List designs and locales, one line each.
    #[command(after_help = "Example:\n  hotline-kit list")]
    List,
    /// Print a piece's display list as text (what every exporter draws).
    #[command(after_help = "Example:\n  hotline-kit scene stall-sticker --locale es")]
    Scene {
        /// Design name.
        design: String,
        /// Locale code.
        #[arg(long, default_value = "en")]
        locale: String,
    },
    /// Measure layout, PDF, 300-dpi PNG and the whole default build (in memory).
    #[command(after_help = "Example:\n  hotline-kit bench --iterations 30")]
    Bench {
        /// Repetitions of each measurement.
        #[arg(long, default_value_t = 20)]
        iterations: usize,
    },
}

/// `hotline-kit imagery ...`.
#[derive(Debug, Subcommand)]
pub enum ImageryCommand {
    /// A contact sheet of the whole library with ids, tags and licences (PDF or PNG).
    #[command(
        after_help = "Examples:\n  hotline-kit imagery sheet -o sheet.pdf\n  hotline-kit imagery sheet -o sheet.png   (one PNG per page: sheet-1.png, ...)"
    )]
    Sheet {
        /// Output file (.pdf, .png or .svg).
        #[arg(short = 'o', long)]
        output: PathBuf,
    },
}

/// How `check` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Compiler-style diagnostics on standard error.
    Text,
    /// A JSON array of diagnostics on standard output.
    Json,
}

/// `hotline-kit locale ...`.
#[derive(Debug, Subcommand)]
pub enum LocaleCommand {
    /// Start a catalog for a new language from English, every message marked untranslated.
    #[command(
        after_help = "Examples:\n  hotline-kit locale new pl --name Polish --native Polski\n  hotline-kit locale new ur --name Urdu --native اردو --direction rtl --script Arab --fonts arabic,latin"
    )]
    New(crate::locale_cmd::NewLocale),
    /// Write a locale's messages for a translator: XLIFF 1.2 for CAT tools, or CSV.
    #[command(
        after_help = "Each unit has the English source, the current translation, its English gloss, its review\nstatus, where it appears (design, slot) and how much room it has there. Placeables such as\n{ $sms } are locked (<x/> tags in XLIFF, { ... } tokens in CSV). The file is the same byte for\nbyte for the same catalogs.\n\nExamples:\n  hotline-kit locale export es --format xliff -o es.xlf\n  hotline-kit locale export ar --format csv -o ar.csv"
    )]
    Export {
        /// Locale code.
        code: String,
        /// xliff or csv.
        #[arg(long, value_enum)]
        format: crate::translate::Format,
        /// File to write.
        #[arg(short = 'o', long = "out", value_name = "FILE")]
        out: PathBuf,
    },
    /// Read a translated XLIFF or CSV file back into the catalog, after checking all of it.
    #[command(
        after_help = "Checked before anything is written: the locale, every unit's id, the English source (not an\nolder one), placeables, typed numbers, empty text, glyphs in the locale's fonts, and fit in\nevery design slot that shows the message at its smallest size. A file with any problem changes\nnothing. Changed messages get --status (default translated), --by and today's date.\n\nExamples:\n  hotline-kit locale import es.xlf --by \"Acme Translations\"\n  hotline-kit locale import es.csv --status translator-reviewed --by \"J. Ortiz\""
    )]
    Import {
        /// The translated file (.xlf/.xliff or .csv).
        file: PathBuf,
        /// Who translated or reviewed it.
        #[arg(long)]
        by: Option<String>,
        /// Status recorded for the messages it changes.
        #[arg(long, value_enum, default_value = "translated")]
        status: ImportStatus,
    },
}

/// Review status an import records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportStatus {
    /// Translated by a translator, not reviewed.
    Translated,
    /// Checked by a second, qualified translator (unchanged messages in the file count as
    /// reviewed too).
    TranslatorReviewed,
}

/// The kit: its file, if any, and the folder its approvals ledger lives in.
struct Kit {
    file: Option<crate::kitfile::KitFile>,
    /// The kit file's path, if there is one.
    path: Option<PathBuf>,
    /// The kit file's folder (the project folder without --kit).
    dir: PathBuf,
}

impl Kit {
    /// The approvals ledger's path.
    fn ledger(&self) -> PathBuf {
        self.dir.join(crate::review::LEDGER)
    }

    /// The output folder of `build`: `--out` as given, else `out` of the kit file
    /// (relative to the kit file, and inside the project), else `out`.
    fn out(&self, project: &Path, cli: Option<PathBuf>) -> Result<PathBuf, Diagnostics> {
        if let Some(o) = cli {
            return Ok(o);
        }
        match (&self.file, &self.path) {
            (Some(f), Some(path)) => match &f.build.out {
                Some(o) => Ok(crate::kitfile::resolve_out(o, path, &self.dir, project)?),
                None => Ok(PathBuf::from("out")),
            },
            _ => Ok(PathBuf::from("out")),
        }
    }
}

/// The kit file named by --kit, or kit.toml in the project folder if present (which
/// must not lead outside the project through a symbolic link).
fn load_kit(project: &Path, kit: Option<&Path>) -> Result<Kit, Diagnostics> {
    let path = match kit {
        Some(p) => p.to_path_buf(),
        None => {
            let p = project.join("kit.toml");
            if std::fs::symlink_metadata(&p).is_err() {
                return Ok(Kit {
                    file: None,
                    path: None,
                    dir: project.to_path_buf(),
                });
            }
            crate::assets::confined(project, "kit.toml").map_err(|e| {
                Diagnostics::from(
                    crate::diag::Diagnostic::error(format!(
                        "cannot read kit file {}: {e}",
                        p.display()
                    ))
                    .hint("copy the kit file into the project folder, or name it with --kit FILE"),
                )
            })?;
            p
        }
    };
    let bytes = std::fs::read(&path).map_err(|e| {
        let d =
            crate::diag::Diagnostic::error(format!("cannot read kit file {}: {e}", path.display()));
        Diagnostics::from(if e.kind() == std::io::ErrorKind::NotFound {
            d.hint("`hotline-kit init` writes one")
        } else {
            d
        })
    })?;
    let text =
        crate::assets::decode_utf8(bytes).map_err(|e| crate::project::not_utf8(path.clone(), e))?;
    let src = crate::diag::Source::new(path.clone(), text);
    let file = crate::kitfile::KitFile::parse(&src)?;
    // Local resources against the hotline's numbers: look-alikes, imitated names.
    let assets = crate::facility::open(project)?;
    if let Ok(h) = crate::project::read_source(&*assets, "hotline.toml")
        .map_err(Diagnostics::from)
        .and_then(|s| crate::hotline::Hotline::parse(&s).map_err(Diagnostics))
    {
        let d = file.check_resources(&src, &h);
        if d.has_errors() {
            return Err(d);
        }
    }
    let dir = match kit {
        Some(_) => path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        None => project.to_path_buf(),
    };
    Ok(Kit {
        file: Some(file),
        path: Some(path),
        dir,
    })
}

/// What to build: the command line's lists where given, else the kit file's.
fn selection(
    kit_ctx: &Kit,
    designs: Vec<String>,
    locales: Vec<String>,
    formats: Vec<Format>,
    fallback: Option<String>,
) -> Result<Selection, Diagnostics> {
    let kit = kit_ctx.file.as_ref();
    // The ledger is read with std::fs: it must not lead outside the kit's folder.
    if let Err(e) = crate::assets::confined(&kit_ctx.dir, crate::review::LEDGER)
        && e.kind() != std::io::ErrorKind::NotFound
    {
        return Err(crate::diag::Diagnostic::error(format!(
            "cannot read {}: {e}",
            kit_ctx.ledger().display()
        ))
        .into());
    }
    let approvals = std::sync::Arc::new(crate::review::Ledger::load(&kit_ctx.ledger())?);
    let partial = !designs.is_empty();
    let or = |cli: Vec<String>, k: Option<&Vec<String>>| {
        if cli.is_empty() {
            k.cloned().unwrap_or_default()
        } else {
            cli
        }
    };
    Ok(Selection {
        designs: or(designs, kit.map(|k| &k.build.designs)),
        locales: or(locales, kit.map(|k| &k.build.locales)),
        formats: if formats.is_empty() {
            kit.map(|k| k.build.formats.clone()).unwrap_or_default()
        } else {
            formats
        },
        options: crate::layout::Options {
            fallback: fallback.or_else(|| kit.and_then(|k| k.build.fallback.clone())),
            resources: kit.map(|k| k.resources()).unwrap_or_default(),
            qr: kit.and_then(|k| k.qr.as_ref().map(|q| q.target)),
            image_picks: Default::default(),
            approvals,
            reserve_bottom: 0.0,
        },
        kit_designs: kit.map(|k| k.build.designs.clone()).unwrap_or_default(),
        today: Some(crate::check::today()),
        seed: kit.map(|k| k.facility.name.clone()).unwrap_or_default(),
        diversity_advisory: kit
            .and_then(|k| k.imagery.diversity)
            .is_some_and(|d| d == crate::kitfile::Diversity::Advisory),
        promote: kit
            .map(|k| {
                k.checks
                    .errors
                    .iter()
                    .map(|c| c.get_ref().clone())
                    .collect()
            })
            .unwrap_or_default(),
        partial,
        final_only: false,
        marks: false,
        cut_line: false,
        loops: kit.and_then(|k| k.video.as_ref()).map(|v| v.settings()),
    })
}

fn print_diags(diags: Diagnostics) {
    if diags.is_empty() {
        return;
    }
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
    let (e, w) = (diags.error_count(), diags.warning_count());
    if e > 0 {
        eprintln!("{e} error(s), {w} warning(s): nothing was written");
    }
}

fn load(dir: &Path) -> Result<Project, Diagnostics> {
    Project::load(crate::facility::open(dir)?)
}

/// Run the CLI; returns the process exit code (0 ok, 1 input problems; clap exits with
/// 2 on usage errors).
pub fn run(cli: Cli) -> ExitCode {
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(d) => {
            print_diags(d);
            ExitCode::from(1)
        }
    }
}

fn dispatch(cli: Cli) -> Result<(), Diagnostics> {
    match cli.command {
        Command::Build {
            out,
            designs,
            locales,
            formats,
            fallback,
            final_only,
            marks,
            cut_line,
        } => {
            let kit = load_kit(&cli.project, cli.kit.as_deref())?;
            let out = kit.out(&cli.project, out)?;
            let mut sel = selection(&kit, designs, locales, formats, fallback)?;
            sel.final_only = final_only;
            sel.marks = marks;
            sel.cut_line = cut_line;
            build(&cli.project, &out, sel)
        }
        Command::Proof {
            out,
            designs,
            locales,
            fallback,
        } => {
            let kit = load_kit(&cli.project, cli.kit.as_deref())?;
            let sel = selection(&kit, designs, locales, Vec::new(), fallback)?;
            proof(&cli.project, &out, &sel)
        }
        Command::Approve {
            design,
            locales,
            by,
            role,
            note,
            strings,
            messages,
            status,
            fallback,
        } => {
            let kit = load_kit(&cli.project, cli.kit.as_deref())?;
            let p = load(&cli.project)?;
            let who = crate::review_cmd::Reviewer {
                by,
                role,
                note,
                date: crate::check::format_date(crate::check::today()),
            };
            let out = if strings {
                let status = status.as_deref().unwrap_or("translator-reviewed");
                let Some(level) = crate::locale::Review::ALL
                    .into_iter()
                    .find(|r| r.as_str() == status)
                else {
                    return Err(crate::diag::Diagnostic::error(format!(
                        "unknown --status `{status}`"
                    ))
                    .hint("use translated, translator-reviewed or survivor-reviewed")
                    .into());
                };
                let [locale] = locales.as_slice() else {
                    return Err(crate::diag::Diagnostic::error(
                        "--strings records one locale at a time",
                    )
                    .hint("give exactly one --locale CODE")
                    .into());
                };
                crate::review_cmd::approve_strings(
                    &p,
                    &cli.project,
                    locale,
                    &messages,
                    level,
                    &who,
                )?
            } else {
                let sel = selection(
                    &kit,
                    design.into_iter().collect(),
                    locales,
                    vec![],
                    fallback,
                )?;
                crate::review_cmd::approve_pieces(&p, &sel, &kit.ledger(), &who)?
            };
            for l in out.lines {
                eprintln!("{l}");
            }
            Ok(())
        }
        Command::Status {
            designs,
            locales,
            format,
        } => {
            let kit = load_kit(&cli.project, cli.kit.as_deref())?;
            let p = load(&cli.project)?;
            let sel = selection(&kit, designs, locales, vec![], None)?;
            let st = crate::review_cmd::status(&p, &sel);
            match format {
                ReportFormat::Json => crate::emit(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&st).unwrap_or_default()
                )),
                ReportFormat::Text => crate::emit(&crate::review_cmd::status_text(
                    &st,
                    crate::review_cmd::use_color(),
                )),
            }
            Ok(())
        }
        Command::Video {
            design,
            locales,
            output,
            format,
            seconds,
            crossfade,
            interleave,
            crawl,
            fallback,
        } => {
            let start = Instant::now();
            let kit = load_kit(&cli.project, cli.kit.as_deref())?;
            let p = load(&cli.project)?;
            let sel = selection(&kit, vec![design], locales, vec![], fallback)?;
            let format = format_of(format, &output)?;
            let timing = crate::video::Timing { seconds, crossfade };
            let (files, warnings) =
                crate::video_cmd::make(&p, &sel, &timing, format, interleave, crawl, &output)?;
            print_diags(warnings);
            for f in &files {
                kit::write_atomic(&f.path, &f.bytes)?;
                let frames = f.frames.map_or(String::new(), |n| format!(", {n} frames"));
                eprintln!(
                    "wrote {}: {} slide(s), {:.1} s{frames}, {:.2} MB",
                    f.path.display(),
                    f.slides,
                    f.seconds,
                    f.bytes.len() as f64 / 1e6
                );
            }
            eprintln!("done in {:.2} s", start.elapsed().as_secs_f64());
            Ok(())
        }
        Command::Sheet {
            design,
            template,
            locales,
            output,
            calibrate,
            offset_x,
            offset_y,
            sheets,
            fallback,
        } => {
            let kit = load_kit(&cli.project, cli.kit.as_deref())?;
            let p = load(&cli.project)?;
            let all = crate::labels::templates(&p)?;
            let Some(t) = all.get(&template) else {
                return Err(crate::diag::Diagnostic::error(format!(
                    "unknown sheet template `{template}`"
                ))
                .hint(format!(
                    "templates: {}",
                    all.keys().cloned().collect::<Vec<_>>().join(", ")
                ))
                .into());
            };
            if !t.verified {
                eprintln!(
                    "warning: the {template} geometry is unverified ({}); print a calibration page (--calibrate) and check it against the label stock",
                    t.source
                );
            }
            let offset = (offset_x * 72.0, offset_y * 72.0);
            let scene = if calibrate {
                crate::labels::calibration(&p, &template, t, offset)?
            } else {
                let sel = selection(&kit, vec![design], locales, vec![], fallback)?;
                let (pieces, warnings) = kit::prepare(&p, &sel)?;
                print_diags(warnings);
                crate::labels::impose(&p, &template, t, &pieces, offset, sheets)?
            };
            write_scene(&scene, None, &output)
        }
        Command::Render {
            design,
            locale,
            format,
            fallback,
            output,
            cut_line,
        } => {
            let kit = load_kit(&cli.project, cli.kit.as_deref())?;
            let mut sel = selection(&kit, vec![], vec![], vec![], fallback)?;
            sel.cut_line = cut_line;
            render(&cli.project, &design, &locale, format, &sel, &output)
        }
        Command::Check {
            designs,
            locales,
            fallback,
            format,
            jurisdiction,
            county_language,
        } => {
            let kit = load_kit(&cli.project, cli.kit.as_deref())?;
            let compliance = kit.file.as_ref().and_then(|k| k.compliance.clone());
            // `--jurisdiction` alone takes the kit's; plain `check` stays the content check.
            let jurisdiction = match jurisdiction.as_deref() {
                Some("") => Some(
                    compliance
                        .as_ref()
                        .map(|c| c.jurisdiction.clone())
                        .ok_or_else(|| {
                            crate::diag::Diagnostic::error(
                                "--jurisdiction without an ID needs [compliance] jurisdiction in kit.toml",
                            )
                            .hint("name one, e.g. --jurisdiction us-ca (profiles are in jurisdictions/)")
                        })?,
                ),
                _ => jurisdiction,
            };
            let county = county_language.or_else(|| {
                compliance
                    .as_ref()
                    .filter(|c| Some(&c.jurisdiction) == jurisdiction.as_ref())
                    .and_then(|c| c.county_language.clone())
            });
            match jurisdiction {
                Some(j) => {
                    if designs.len() > 1 {
                        return Err(crate::diag::Diagnostic::error(
                            "--jurisdiction checks one notice: give at most one --design",
                        )
                        .into());
                    }
                    let p = load(&cli.project)?;
                    let sel = selection(&kit, vec![], vec![], vec![], fallback)?;
                    let report = crate::compliance_cmd::run(
                        &p,
                        &sel,
                        &crate::compliance_cmd::Request {
                            jurisdiction: &j,
                            county: county.as_deref(),
                            design: designs.first().map(String::as_str),
                            locales: &locales,
                        },
                    )?;
                    match format {
                        ReportFormat::Json => crate::emit(
                            &(serde_json::to_string_pretty(&report).expect("JSON") + "\n"),
                        ),
                        ReportFormat::Text => crate::emit(&report.text()),
                    }
                    if report.failed() {
                        return Err(Diagnostics::default());
                    }
                    Ok(())
                }
                None => {
                    check(
                        &cli.project,
                        selection(&kit, designs, locales, vec![], fallback)?,
                        format,
                    )?;
                    if let (Some(c), ReportFormat::Text) = (&compliance, format) {
                        eprintln!(
                            "note: kit.toml follows {}: `hotline-kit check --jurisdiction` checks the state notice against it",
                            c.jurisdiction
                        );
                    }
                    Ok(())
                }
            }
        }
        Command::Plan { output, format } => {
            let kit = load_kit(&cli.project, cli.kit.as_deref())?;
            let kit_path = match (&cli.kit, &kit.file) {
                (Some(k), _) => Some(k.clone()),
                (None, Some(_)) => Some(cli.project.join("kit.toml")),
                (None, None) => None,
            };
            plan(
                &cli.project,
                &kit,
                kit_path.as_deref(),
                cli.kit.is_some(),
                output,
                format,
            )
        }
        Command::Imagery(ImageryCommand::Sheet { output }) => {
            let p = load(&cli.project)?;
            let scene = crate::sheet::contact_sheet(&p)?;
            write_scene(&scene, None, &output)
        }
        Command::Credits { output } => {
            let p = load(&cli.project)?;
            let text = crate::sheet::credits(&p)?;
            kit::write_atomic(&output, text.as_bytes())?;
            eprintln!("wrote {}", output.display());
            Ok(())
        }
        Command::Init { dir } => {
            crate::facility::init(&cli.project, cli.kit.as_deref(), dir.as_deref())
        }
        Command::Locales => crate::locale_cmd::table(&load(&cli.project)?),
        Command::Locale(LocaleCommand::New(n)) => crate::locale_cmd::new(&cli.project, &n),
        Command::Locale(LocaleCommand::Export { code, format, out }) => {
            let n = crate::translate::export(&load(&cli.project)?, &code, format, &out)?;
            eprintln!("wrote {} ({n} messages)", out.display());
            Ok(())
        }
        Command::Locale(LocaleCommand::Import { file, by, status }) => {
            let opts = crate::translate::import::Options {
                by,
                status: match status {
                    ImportStatus::Translated => crate::locale::Review::Translated,
                    ImportStatus::TranslatorReviewed => crate::locale::Review::TranslatorReviewed,
                },
                date: crate::check::format_date(crate::check::today()),
            };
            let out = crate::translate::import::import(&cli.project, &file, &opts)?;
            for l in out.lines {
                eprintln!("{l}");
            }
            Ok(())
        }
        Command::List => list(&cli.project),
        Command::Scene { design, locale } => {
            let p = load(&cli.project)?;
            crate::emit(&kit::compile(&p, &design, &locale)?.snapshot());
            Ok(())
        }
        Command::Bench { iterations } => crate::bench::run(&cli.project, iterations.max(1)),
    }
}

fn build(project: &Path, out: &Path, sel: Selection) -> Result<(), Diagnostics> {
    let start = Instant::now();
    let out = crate::output::OutDir::new(out)?;
    out.preflight()?;
    let p = load(project)?;
    let total = kit::job_count(&p, &sel) as u64;
    let tty = std::io::stderr().is_terminal();
    let bar = if tty {
        let b = indicatif::ProgressBar::new(total);
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}")
                .expect("valid template")
                .progress_chars("=> "),
        );
        Some(b)
    } else {
        None
    };
    let tick = |label: &str| match &bar {
        Some(b) => {
            b.set_message(label.to_string());
            b.inc(1);
        }
        None => eprintln!("made {label}"),
    };
    let files = kit::make(&p, &sel, &tick);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let (files, warnings) = files?;
    // Everything is made in memory first, then written as a whole folder: a failure
    // leaves the folder untouched (not even created).
    if !warnings.is_empty() {
        print_diags(warnings);
    }
    let (manifest, done) = kit::write(&out, &files)?;
    print_replaced(&out, &done);
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let drafts = files.iter().filter(|f| f.entry.draft.is_some()).count();
    eprintln!(
        "wrote {} files ({:.1} MB) and {} in {:.2} s",
        files.len(),
        bytes as f64 / 1e6,
        manifest.display(),
        start.elapsed().as_secs_f64()
    );
    if sel.cut_line {
        eprintln!("{}", kit::cut_line_note(&files));
    }
    if drafts > 0 {
        eprintln!(
            "note: {drafts} files are marked DRAFT: not approved for print (`hotline-kit status` says why; `build --final` refuses drafts)"
        );
    }
    Ok(())
}

/// `hotline-kit proof`: everything is made in memory first, so a failure writes nothing.
fn proof(project: &Path, out: &Path, sel: &Selection) -> Result<(), Diagnostics> {
    let start = Instant::now();
    let outdir = crate::output::OutDir::new(out)?;
    outdir.preflight()?;
    let p = load(project)?;
    let date = crate::check::format_date(crate::check::today());
    let proof = crate::proof::collect(&p, sel, &date)?;
    let mut files = crate::proof::html::files(&proof);
    files.push((
        "review-book.pdf".to_string(),
        crate::proof::book::pdf(&p, &proof)?,
    ));
    let list: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(r, b)| (r.as_str(), b.as_slice()))
        .collect();
    let done = crate::output::publish(&outdir, &list, &crate::output::simple_manifest(&list))?;
    print_replaced(&outdir, &done);
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    eprintln!(
        "wrote a proof of {} {} to {} ({} files, {:.1} MB) in {:.2} s: review-book.pdf and index.html",
        proof.pieces.len(),
        if proof.pieces.len() == 1 {
            "piece"
        } else {
            "pieces"
        },
        out.display(),
        files.len(),
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Notes on files of the earlier output that were removed or kept.
fn print_replaced(out: &crate::output::OutDir, done: &crate::output::Published) {
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

/// `hotline-kit plan`: the placement checklist, made in memory and then written whole
/// (PDF to `plan.pdf` by default; text and JSON to standard output unless -o says).
fn plan(
    project: &Path,
    kit: &Kit,
    kit_path: Option<&Path>,
    explicit: bool,
    output: Option<PathBuf>,
    format: Option<crate::plan::PlanFormat>,
) -> Result<(), Diagnostics> {
    use crate::plan::PlanFormat;
    let format = match (format, &output) {
        (Some(f), _) => f,
        (None, Some(o)) => format_of(None, o)?,
        (None, None) => PlanFormat::Pdf,
    };
    let output = match format {
        PlanFormat::Pdf => Some(output.unwrap_or_else(|| PathBuf::from("plan.pdf"))),
        _ => output,
    };
    let p = load(project)?;
    let sel = selection(kit, vec![], vec![], vec![], None)?;
    let date = crate::check::format_date(crate::check::today());
    let refs = crate::plan::KitRef {
        file: kit.file.as_ref(),
        path: kit_path,
        explicit,
    };
    let (plan, warnings) = crate::plan::make(&p, &sel, refs, &date)?;
    let bytes = match format {
        PlanFormat::Pdf => crate::plan::pdf(&p, &plan)?,
        PlanFormat::Text => plan.text(&p).into_bytes(),
        PlanFormat::Json => crate::plan::json(&plan).into_bytes(),
    };
    print_diags(warnings);
    match output {
        Some(path) => {
            kit::write_atomic(&path, &bytes)?;
            eprintln!(
                "wrote {}: placement plan of {} designs ({} pieces, {} of them drafts)",
                path.display(),
                plan.pieces.len(),
                plan.total_pieces,
                plan.drafts
            );
        }
        None => crate::emit(&String::from_utf8_lossy(&bytes)),
    }
    Ok(())
}

fn check(project: &Path, sel: Selection, format: ReportFormat) -> Result<(), Diagnostics> {
    // A facility folder's own copies of shipped files are named first, errors or not.
    let diags = match load(project).inspect(crate::facility::print_overrides) {
        Ok(p) => match kit::prepare(&p, &sel).and_then(|r| {
            let audit = crate::sheet::audit(&p);
            if audit.has_errors() {
                Err(audit)
            } else {
                Ok(r)
            }
        }) {
            Ok((scenes, warnings)) => {
                if format == ReportFormat::Text {
                    eprint!("{}", crate::check::coverage_table(&p, &scenes));
                    eprintln!("checked {} pieces", scenes.len());
                }
                warnings
            }
            Err(d) => d,
        },
        Err(d) => d,
    }
    .sorted();
    match format {
        ReportFormat::Json => {
            let items: Vec<serde_json::Value> = diags
                .0
                .iter()
                .map(crate::diag::Diagnostic::to_json)
                .collect();
            crate::emit(&(serde_json::to_string_pretty(&items).expect("JSON") + "\n"));
            if diags.has_errors() {
                return Err(Diagnostics::default());
            }
        }
        ReportFormat::Text => {
            if diags.has_errors() {
                return Err(diags);
            }
            print_diags(diags.clone());
            eprintln!("no errors, {} warning(s)", diags.warning_count());
        }
    }
    Ok(())
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
    let cov = crate::coverage::check(&p, p.catalog(locale)?);
    if cov.has_errors() {
        return Err(cov);
    }
    let mut scene = kit::compile_with(&p, design, locale, &sel.options_for(&p))?;
    if sel.cut_line {
        match p.designs.get(design) {
            Some(d) if d.kind.is_die_cut() => scene = crate::marks::add_cut_line(&scene, d),
            _ => return Err(kit::not_die_cut(&p, &[design.to_string()]).into()),
        }
    }
    write_scene(&scene, Some(format), output)
}

/// The format asked for, or the one the output file's extension names: any value of
/// the format enum (pdf/png/svg for pieces, mp4/html/png for loops).
pub fn format_of<T: clap::ValueEnum + Copy>(
    format: Option<T>,
    output: &Path,
) -> Result<T, crate::diag::Diagnostic> {
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
        crate::diag::Diagnostic::error(format!("cannot tell the format of {}", output.display()))
            .hint(format!(
                "pass --format {}, or end the file name in {}",
                names.join("|"),
                dotted.join(", ")
            ))
    })
}

/// Export a scene to `output`; pages of a multi-page PNG/SVG get -1, -2... before the
/// extension.
fn write_scene(
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

fn list(project: &Path) -> Result<(), Diagnostics> {
    let p = load(project)?;
    let mut out = String::new();
    outln!(out, "Designs:");
    for d in p.designs.values() {
        let size = d.size_text();
        let pages = if d.pages.len() > 1 {
            format!(", {} pages", d.pages.len())
        } else {
            String::new()
        };
        let mirror = match (d.mirror, d.on_request) {
            (true, _) => ", mirrored",
            (_, true) => ", on request",
            _ => "",
        };
        outln!(
            out,
            "  {:<26} {:<16} {}{pages}{mirror}",
            d.name,
            size,
            d.title
        );
    }
    outln!(out, "Locales:");
    for c in p.catalogs.values() {
        outln!(
            out,
            "  {:<8} {:<22} {:<16} {}",
            c.code,
            c.info.name,
            c.info.native,
            c.info.script
        );
    }
    crate::emit(&out);
    Ok(())
}
