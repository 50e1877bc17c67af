#![forbid(unsafe_code)]
//! The `hotline-kit` binary.

use clap::Parser;

fn main() -> std::process::ExitCode {
    hotline_kit::cli::run(hotline_kit::cli::Cli::parse())
}
