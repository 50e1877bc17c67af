//! The command line, the top layer: one module per command, each with its clap
//! arguments (an `Args` struct) and a `run` function that calls the layers below.
//! Arguments several commands share are defined once in [`args`] and flattened in.
//! [`context`] loads the project, the kit file and the selection of pieces; [`report`]
//! prints diagnostics and writes single files.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::base::diag::Diagnostics;

pub mod approve;
pub mod args;
pub mod batch;
pub mod bench;
pub mod bench_batch;
pub mod build;
pub mod cache;
pub mod check;
pub mod context;
pub mod credits;
pub mod imagery;
pub mod init;
pub mod list;
pub mod locale;
pub mod plan;
pub mod postings;
pub mod proof;
pub mod render;
pub mod report;
pub mod scene;
pub mod serve;
pub mod sheet;
pub mod status;
pub mod user;
pub mod video;

/// Make hotline posters, stickers, cards and screen slides for health-care facilities.
#[derive(Debug, Parser)]
#[command(name = "hotline-kit", version, about, long_about = None)]
pub struct Cli {
    /// Where the project and the kit file are (options of every command).
    #[command(flatten)]
    pub global: args::Global,
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
    Build(build::Args),
    /// Render one piece to one file.
    #[command(
        after_help = "Examples:\n  hotline-kit render poster --locale es --format pdf -o poster-es.pdf\n  hotline-kit render tv-slides --locale en --format png -o slide.png   (writes slide-1.png, slide-2.png, ...)"
    )]
    Render(render::Args),
    /// Check designs, translations and pieces without writing anything.
    #[command(
        after_help = "Checks: design files, locale completeness, font coverage, text fit, QR decode, numbers against\nhotline.toml, words to avoid (content/words/), English reading level and sentence length, colour\ncontrast (WCAG), smallest text size, labor + sex red-flag coverage, age of hotline facts.\nExit 1 on any error, 0 with warnings only.\n\nWith --jurisdiction, checks the state notice (state-notice-ID, or --design) against a state\nposting law, rule by rule: met, NOT MET (with the measured value) or unverified (the law's\npoint is not confirmed: never reported as met). Exit 1 if any rule is not met. Profiles are\ncompiled from secondary sources and are not legal advice.\n\nExamples:\n  hotline-kit check\n  hotline-kit check --locale all --format json\n  hotline-kit check --jurisdiction us-ca --county-language vi"
    )]
    Check(check::Args),
    /// Proof packet for the survivor advisory board: a PDF review book and an offline HTML
    /// gallery of every piece, with status, content hash, strings and English glosses.
    #[command(
        after_help = "Writes DIR/review-book.pdf and DIR/index.html (with its images); the gallery works offline,\nfrom a USB stick, in any modern browser.\n\nExamples:\n  hotline-kit proof\n  hotline-kit proof --out proof-es --locale es --locale en"
    )]
    Proof(proof::Args),
    /// Record an approval: of a piece by the survivor advisory board (bound to its exact
    /// content), or of a locale's strings by a translator or survivor reviewer.
    #[command(
        after_help = "An approval is bound to the piece's content hash: if anything on it changes afterwards\n(text, design, images, fonts, hotline facts, QR), it is a draft again. Approvals are kept in\nreviews/approvals.toml beside the kit file.\n\nExamples:\n  hotline-kit approve poster --locale en --by \"Maria R.\" --note \"approved at the March meeting\"\n  hotline-kit approve stall-sticker --locale all --by \"Advisory board\"\n  hotline-kit approve poster --locale es --by \"Ana\" --request-changes --reason \"the number is too small\"\n  hotline-kit approve --strings --locale es --status translator-reviewed --by \"J. Ortiz\" --role translator\n  hotline-kit approve --strings --locale es --message rf-pay --status survivor-reviewed --by \"Maria R.\""
    )]
    Approve(approve::Args),
    /// Where every piece stands: approved, draft or changed since approval, and how far
    /// each locale's strings are reviewed.
    #[command(
        after_help = "Examples:\n  hotline-kit status\n  hotline-kit status --locale all --format json"
    )]
    Status(status::Args),
    /// A waiting-room loop from a screen design's slides: MP4 (H.264, 1920x1080, 30 fps),
    /// an offline HTML page, or one PNG per slide.
    #[command(
        after_help = "Each slide is shown for --seconds (its crossfade into the next included); the last slide\nfades back into the first, so the loop plays seamlessly on repeat. Several locales give one\nfile per locale (loop-en.mp4, loop-es.mp4), or one multilingual loop with --interleave.\n\nExamples:\n  hotline-kit video --locale en -o loop.mp4\n  hotline-kit video tv-slides --locale en --locale es --interleave -o loop.mp4\n  hotline-kit video --locale es --format html -o loop.html"
    )]
    Video(video::Args),
    /// A piece N-up on label sheets (Avery 5160, 5163, 5164, 5371, 22806) or plain-paper cut
    /// sheets (Letter or A4), for office printers.
    #[command(
        after_help = "Templates are in designs/sheets/templates.toml: avery-5160, avery-5163, avery-5164, avery-5371\n(business cards), avery-22806 (geometry unverified), letter-2up, letter-4up, square-3in-letter-6up,\na4-2up and a4-4up (with cut guides). Labels that differ from the piece by more than 1/16 in\nare a warning. Locales take turns label by label. Print at 100% (no \"fit to page\").\n\nExamples:\n  hotline-kit sheet wallet-card --template avery-5371 --locale en --locale es -o cards.pdf\n  hotline-kit sheet wallet-card --template avery-5371 --calibrate -o calibrate.pdf\n  hotline-kit sheet wallet-card --template avery-5371 --offset-x 0.03 --offset-y -0.02 -o cards.pdf"
    )]
    Sheet(sheet::Args),
    /// A placement checklist for staff: every piece of the kit, where it goes, how many
    /// to post (kit.toml's [counts]), what to print it on, its files and review status,
    /// with a box to tick when it is posted.
    #[command(
        after_help = "How many comes from the kit file's [counts] table (`hotline-kit init` writes one): each design\nnames the count it goes by (stalls, sample_windows, screens...). Drafts are marked: do not post\nthem until the survivor advisory board approves them.\n\nExamples:\n  hotline-kit plan                      (writes plan.pdf, US Letter)\n  hotline-kit plan --kit clinic.toml -o clinic-plan.pdf\n  hotline-kit plan --format text\n  hotline-kit plan --format json -o plan.json"
    )]
    Plan(plan::Args),
    /// The staff posting report: what is posted where, in which languages, which
    /// approved version, when and by whom, from the posting log of the web application.
    #[command(
        after_help = "Staff record postings in the web application (hotline-kit serve, then Posting log). The report\nlists what is up at each place (posted minus removed; a replaced copy keeps the count) with the\nversion put up (approved or DRAFT and its content hash), totals per piece and language, and the\nlog of the range. CSV cells that a spreadsheet would run as a formula start with an apostrophe.\n\nExamples:\n  hotline-kit report --format pdf --out postings.pdf\n  hotline-kit report --from 2026-01-01 --to 2026-06-30 --out postings-h1.pdf\n  hotline-kit report --format csv > standing.csv\n  hotline-kit report --format csv --log --out log.csv\n  hotline-kit report --format json"
    )]
    Report(postings::Args),
    /// The illustration library: contact sheet for review.
    #[command(subcommand)]
    Imagery(imagery::ImageryCommand),
    /// Write CREDITS.md: every font and image with its licence.
    #[command(after_help = "Example:\n  hotline-kit credits -o CREDITS.md")]
    Credits(credits::Args),
    /// Make a facility folder (kit.toml and README.txt), or without DIR write a
    /// commented starter kit.toml into the project folder.
    #[command(
        after_help = "The designs, languages, fonts and hotline facts are built into hotline-kit; a facility\nfolder holds only the facility's own files (kit.toml, pictures, approvals, own versions).\n\nExamples:\n  hotline-kit init clinic   (then cd clinic, edit kit.toml, run hotline-kit check and build)\n  hotline-kit init          (writes kit.toml into the project folder)"
    )]
    Init(init::Args),
    /// Table of locales: script, direction, messages present and missing, review counts.
    #[command(after_help = "Example:\n  hotline-kit locales")]
    Locales,
    /// Manage locales.
    #[command(subcommand)]
    Locale(locale::LocaleCommand),
    /// List designs and locales, one line each.
    #[command(after_help = "Example:\n  hotline-kit list")]
    List,
    /// Print a piece's display list as text (what every exporter draws).
    #[command(after_help = "Example:\n  hotline-kit scene stall-sticker --locale es")]
    Scene(scene::Args),
    /// The web application: coordinators set the kit, preview and download; the survivor
    /// advisory board reviews and approves; translators edit; staff log postings.
    #[command(
        after_help = "Listens on this computer only unless --bind says otherwise. Make the first account with
`hotline-kit user add NAME --role admin` first.

Examples:
  hotline-kit serve
  hotline-kit serve --project clinic --bind 127.0.0.1:8090"
    )]
    Serve(serve::Args),
    /// Accounts of the web application.
    #[command(subcommand)]
    User(user::UserCommand),
    /// A kit for every facility of a sheet (CSV): one folder each, with its files,
    /// manifest, placement plan and zip, and batch.json / batch.csv summing them up.
    #[command(
        after_help = "The sheet has one row per facility: id, name, languages (and county_language where a state\nlaw asks for one), jurisdiction, qr, counts, local resources (see the README, \"Many facilities\").\nThe whole sheet is checked first; a bad row is reported and not built, the others are (unless\n--strict). Pieces the same in several facilities are drawn once (the render cache), and a\nfacility that did not change since its last build is not built again.\n\nExamples:\n  hotline-kit batch examples/facilities.csv --out kits\n  hotline-kit batch facilities.csv --out kits --design poster --format pdf --final\n  hotline-kit batch facilities.csv --out kits --shard 2/4   (then: hotline-kit batch-merge kits)"
    )]
    Batch(batch::Args),
    /// Put together the summaries (and folders) of the shards of one batch.
    #[command(
        name = "batch-merge",
        after_help = "Checks that the summaries are the N shards of one sheet with the same options, each once,\nand writes batch.json and batch.csv. Facility folders in other folders than --out are copied\nin, every file checked against its manifest.\n\nExamples:\n  hotline-kit batch-merge kits\n  hotline-kit batch-merge shard-1 shard-2 shard-3 --out kits"
    )]
    BatchMerge(batch::MergeArgs),
    /// The render cache (.hotline-kit/cache/ in the project): keep it under a size.
    #[command(
        subcommand,
        after_help = "Builds keep every piece they draw in the project's .hotline-kit/cache/, keyed by exactly what\nwas drawn, so an unchanged piece is never drawn twice. `build --no-cache` neither reads nor\nwrites it.\n\nExamples:\n  hotline-kit cache prune\n  hotline-kit cache prune --max-size 200MB"
    )]
    Cache(cache::CacheCommand),
    /// Measure layout, PDF, 300-dpi PNG and the whole default build (in memory).
    #[command(
        after_help = "Examples:\n  hotline-kit bench --iterations 30\n  hotline-kit bench --batch                      (10, 50 and 200 facilities: several minutes)\n  hotline-kit bench --batch --facilities 10,20"
    )]
    Bench(bench::Args),
}

/// Run the CLI; returns the process exit code (0 ok, 1 input problems; clap exits with
/// 2 on usage errors).
pub fn run(cli: Cli) -> ExitCode {
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(d) => {
            report::print_diags(d);
            ExitCode::from(1)
        }
    }
}

/// Hand the command to its module.
fn dispatch(cli: Cli) -> Result<(), Diagnostics> {
    let g = &cli.global;
    match cli.command {
        Command::Build(a) => build::run(a, g),
        Command::Render(a) => render::run(a, g),
        Command::Check(a) => check::run(a, g),
        Command::Proof(a) => proof::run(a, g),
        Command::Approve(a) => approve::run(a, g),
        Command::Status(a) => status::run(a, g),
        Command::Video(a) => video::run(a, g),
        Command::Sheet(a) => sheet::run(a, g),
        Command::Plan(a) => plan::run(a, g),
        Command::Report(a) => postings::run(a, g),
        Command::Imagery(c) => imagery::run(c, g),
        Command::Credits(a) => credits::run(a, g),
        Command::Init(a) => init::run(a, g),
        Command::Locales => locale::table(g),
        Command::Locale(c) => locale::run(c, g),
        Command::List => list::run(g),
        Command::Scene(a) => scene::run(a, g),
        Command::Bench(a) => bench::run(a, g),
        Command::Cache(c) => cache::run(c, g),
        Command::Batch(a) => batch::run(a, g),
        Command::BatchMerge(a) => batch::merge(a, g),
        Command::Serve(a) => serve::run(a, g),
        Command::User(c) => user::run(c, g),
    }
}
