//! `hotline-kit locales` (the table) and `hotline-kit locale ...` (new, export, import).

use std::path::PathBuf;

use super::args::Global;
use super::context::load;
use crate::base::diag::Diagnostics;

/// `hotline-kit locale ...`.
#[derive(Debug, clap::Subcommand)]
pub enum LocaleCommand {
    /// Start a catalog for a new language from English, every message marked untranslated.
    #[command(
        after_help = "Examples:\n  hotline-kit locale new pl --name Polish --native Polski\n  hotline-kit locale new ur --name Urdu --native اردو --direction rtl --script Arab --fonts arabic,latin"
    )]
    New(crate::products::locales::NewLocale),
    /// Write a locale's messages for a translator: XLIFF 1.2 for CAT tools, or CSV.
    #[command(
        after_help = "Each unit has the English source, the current translation, its English gloss, its review\nstatus, where it appears (design, slot) and how much room it has there. Placeables such as\n{ $sms } are locked (<x/> tags in XLIFF, { ... } tokens in CSV). The file is the same byte for\nbyte for the same catalogs.\n\nExamples:\n  hotline-kit locale export es --format xliff -o es.xlf\n  hotline-kit locale export ar --format csv -o ar.csv"
    )]
    Export {
        /// Locale code.
        code: String,
        /// xliff or csv.
        #[arg(long, value_enum)]
        format: crate::products::translate::Format,
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

/// Run `locales`: the table of locales.
pub fn table(g: &Global) -> Result<(), Diagnostics> {
    crate::products::locales::table(&load(&g.project)?)
}

/// Run `locale ...`.
pub fn run(c: LocaleCommand, g: &Global) -> Result<(), Diagnostics> {
    match c {
        LocaleCommand::New(n) => crate::products::locales::new(&g.project, &n),
        LocaleCommand::Export { code, format, out } => {
            let n = crate::products::translate::export(&load(&g.project)?, &code, format, &out)?;
            eprintln!("wrote {} ({n} messages)", out.display());
            Ok(())
        }
        LocaleCommand::Import { file, by, status } => {
            let opts = crate::products::translate::import::Options {
                by,
                status: match status {
                    ImportStatus::Translated => crate::load::locale::Review::Translated,
                    ImportStatus::TranslatorReviewed => {
                        crate::load::locale::Review::TranslatorReviewed
                    }
                },
                date: crate::checks::check::format_date(crate::checks::check::today()),
            };
            let out = crate::products::translate::import::import(&g.project, &file, &opts)?;
            for l in out.lines {
                eprintln!("{l}");
            }
            Ok(())
        }
    }
}
