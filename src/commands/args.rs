//! Arguments shared by several commands, each defined once and flattened into the
//! commands that take it (`#[command(flatten)]`). A command whose help says more than
//! the shared text rewords it with `mut_arg` on its own arguments.

use std::path::PathBuf;

/// Options of every command: where the project and the kit file are.
#[derive(Debug, Clone, clap::Args)]
pub struct Global {
    /// Project folder (the one with hotline.toml, designs/, locales/ and fonts/).
    #[arg(long, global = true, default_value = ".")]
    pub project: PathBuf,
    /// Kit file (default: kit.toml in the project folder, if there is one).
    #[arg(long, global = true, value_name = "FILE")]
    pub kit: Option<PathBuf>,
}

/// `--design NAME`, repeated.
#[derive(Debug, Clone, clap::Args)]
pub struct Designs {
    /// Design (repeat; default: the kit's).
    #[arg(long = "design", value_name = "NAME")]
    pub designs: Vec<String>,
}

/// `--locale CODE`, repeated.
#[derive(Debug, Clone, clap::Args)]
pub struct Locales {
    /// Locale (repeat; `all` for every locale; default: the kit's).
    #[arg(long = "locale", value_name = "CODE")]
    pub locales: Vec<String>,
}

/// `--fallback CODE`.
#[derive(Debug, Clone, clap::Args)]
pub struct Fallback {
    /// Show this locale's text where a locale lacks a message.
    #[arg(long, value_name = "CODE")]
    pub fallback: Option<String>,
}

/// The pieces a command works on: designs, locales and the fallback locale.
#[derive(Debug, Clone, clap::Args)]
pub struct Pick {
    /// Designs.
    #[command(flatten)]
    pub designs: Designs,
    /// Locales.
    #[command(flatten)]
    pub locales: Locales,
    /// Fallback locale.
    #[command(flatten)]
    pub fallback: Fallback,
}

/// How `check` and `status` report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Compiler-style diagnostics on standard error.
    Text,
    /// A JSON array of diagnostics on standard output.
    Json,
}
