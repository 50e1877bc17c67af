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

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::super::{Cli, Command, check, proof};

    fn parse(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("hotline-kit").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{args:?}: {e}"))
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn shared_arguments_parse_alike_in_every_command() {
        let pick = "--design poster --design wallet-card --locale es --locale vi --fallback en";
        let with = |cmd: &str| {
            let line = format!("{cmd} {pick}");
            parse(&line.split_whitespace().collect::<Vec<_>>())
        };
        let want_d = ["poster", "wallet-card"];
        let want_l = ["es", "vi"];
        let fb = Some("en".to_string());
        match with("build").command {
            Command::Build(a) => {
                assert_eq!(a.designs.designs, want_d);
                assert_eq!(a.locales.locales, want_l);
                assert_eq!(a.fallback.fallback, fb);
            }
            c => panic!("{c:?}"),
        }
        for cmd in ["check", "proof"] {
            let (Command::Check(check::Args { pick: p, .. })
            | Command::Proof(proof::Args { pick: p, .. })) = with(cmd).command
            else {
                panic!("{cmd}")
            };
            assert_eq!(p.designs.designs, want_d, "{cmd}");
            assert_eq!(p.locales.locales, want_l, "{cmd}");
            assert_eq!(p.fallback.fallback, fb, "{cmd}");
        }
        let Command::Status(s) = parse(&["status", "--design", "poster", "--locale", "es"]).command
        else {
            panic!("status")
        };
        assert_eq!(
            (s.designs.designs, s.locales.locales),
            (vec!["poster".to_string()], vec!["es".to_string()])
        );
        let Command::Video(v) =
            parse(&["video", "-o", "x.mp4", "--locale", "es", "--fallback", "en"]).command
        else {
            panic!("video")
        };
        assert_eq!(
            (v.locales.locales, v.fallback.fallback),
            (vec!["es".to_string()], fb.clone())
        );
        let Command::Render(r) =
            parse(&["render", "poster", "-o", "x.pdf", "--fallback", "en"]).command
        else {
            panic!("render")
        };
        assert_eq!(r.fallback.fallback, fb);
    }

    #[test]
    fn global_options_go_before_or_after_the_command() {
        for line in [
            ["--project", "p", "--kit", "k.toml", "list"],
            ["list", "--project", "p", "--kit", "k.toml"],
        ] {
            let cli = parse(&line);
            assert_eq!(cli.global.project, std::path::PathBuf::from("p"));
            assert_eq!(cli.global.kit, Some("k.toml".into()));
        }
    }

    #[test]
    fn each_command_keeps_its_own_help_line() {
        let mut cli = Cli::command();
        cli.build();
        let help = |cmd: &str, arg: &str| {
            let sub = cli.find_subcommand(cmd).expect(cmd);
            let a = sub.get_arguments().find(|a| a.get_id() == arg).expect(arg);
            a.get_help().map(|h| h.to_string()).unwrap_or_default()
        };
        assert_eq!(
            help("build", "designs"),
            "Design to build (repeat for several; default: all)"
        );
        assert_eq!(
            help("check", "fallback"),
            "Allow this locale's text where a locale lacks a message"
        );
        assert_eq!(
            help("status", "designs"),
            "Design (repeat; default: the kit's)"
        );
        assert_eq!(
            help("video", "fallback"),
            "Show this locale's text where a locale lacks a message"
        );
        let approve = cli.find_subcommand("approve").unwrap();
        let locale = approve
            .get_arguments()
            .find(|a| a.get_id() == "locales")
            .unwrap();
        assert!(locale.is_required_set(), "approve needs --locale");
    }
}
