#![forbid(unsafe_code)]
//! The `hotline-kit` binary.

use clap::Parser;

fn main() -> std::process::ExitCode {
    hotline_kit::commands::run(hotline_kit::commands::Cli::parse())
}
