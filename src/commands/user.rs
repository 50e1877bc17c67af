//! `hotline-kit user`: accounts of the web application. Passwords are read from the
//! terminal (asked twice) or from standard input, never from the command line.

use std::io::{BufRead as _, IsTerminal as _};

use super::args::Global;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::web::store::Store;
use crate::web::store::audit::Change;
use crate::web::store::users::{NewUser, Role};

/// `user` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum UserCommand {
    /// Make an account (asks for its password).
    #[command(
        after_help = "Examples:\n  hotline-kit user add Ana --role admin\n  hotline-kit user add \"Maria R.\" --role reviewer --board-role \"survivor leader\"\n  hotline-kit user add Lin --role translator --locale vi --locale zh-Hans\n  printf '%s\\n' \"$PASSWORD\" | hotline-kit user add Sam --role coordinator"
    )]
    Add(AddArgs),
    /// List the accounts.
    List,
    /// Stop an account from logging in (its sessions end).
    Disable {
        /// Account name.
        name: String,
    },
    /// Let a disabled account log in again.
    Enable {
        /// Account name.
        name: String,
    },
    /// Set a new password (asks for it; the account's sessions end).
    Reset {
        /// Account name.
        name: String,
    },
}

/// Arguments of `user add`.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Account name (what the person types to log in).
    pub name: String,
    /// coordinator, reviewer, translator or admin.
    #[arg(long, value_parser = ["coordinator", "reviewer", "translator", "admin"])]
    pub role: String,
    /// For reviewers: the role recorded with their approvals (for example "survivor
    /// leader"; default "survivor advisory board").
    #[arg(long, value_name = "TEXT")]
    pub board_role: Option<String>,
    /// For translators: a locale they work on (repeat).
    #[arg(long = "locale", value_name = "CODE")]
    pub locales: Vec<String>,
}

const CLI: Change<'static> = Change {
    actor: "command line",
    address: "local",
    action: "",
    target: "",
    before: "",
    after: "",
};

/// Run a `user` subcommand.
pub fn run(c: UserCommand, g: &Global) -> Result<(), Diagnostics> {
    let store = Store::open(&g.project)?;
    match c {
        UserCommand::Add(a) => {
            let role = Role::parse(&a.role).ok_or_else(|| {
                Diagnostic::error(format!("`{}` is not a role", a.role))
                    .hint("use coordinator, reviewer, translator or admin")
            })?;
            crate::web::store::users::check_name(&a.name)?;
            if store.user_by_name(&a.name)?.is_some() {
                return Err(
                    Diagnostic::error(format!("there is already a user `{}`", a.name))
                        .hint("`hotline-kit user reset NAME` sets a new password")
                        .into(),
                );
            }
            let password = read_password(&a.name)?;
            let board_role = a.board_role.unwrap_or_else(|| {
                if role == Role::Reviewer {
                    "survivor advisory board".into()
                } else {
                    String::new()
                }
            });
            let u = store.add_user(&NewUser {
                name: a.name,
                role,
                board_role,
                locales: a.locales,
                password,
            })?;
            store.audit(&Change {
                action: "user.add",
                target: &format!("user {}", u.name),
                after: &format!("role {}", u.role),
                ..CLI
            })?;
            eprintln!("added {} ({})", u.name, u.role);
        }
        UserCommand::List => {
            let users = store.users()?;
            if users.is_empty() {
                eprintln!("no accounts yet: hotline-kit user add NAME --role admin");
            }
            let mut out = String::new();
            for u in users {
                outln!(
                    out,
                    "{}\t{}\t{}\t{}{}",
                    u.name,
                    u.role,
                    if u.disabled { "disabled" } else { "active" },
                    u.board_role,
                    if u.locales.is_empty() {
                        String::new()
                    } else {
                        format!("\tlocales {}", u.locales.join(","))
                    }
                );
            }
            crate::emit(&out);
        }
        UserCommand::Disable { name } => set(&store, &name, true)?,
        UserCommand::Enable { name } => set(&store, &name, false)?,
        UserCommand::Reset { name } => {
            store.existing(&name)?;
            let password = read_password(&name)?;
            let u = store.reset_password(&name, &password)?;
            store.audit(&Change {
                action: "user.reset",
                target: &format!("user {}", u.name),
                after: "new password",
                ..CLI
            })?;
            eprintln!("new password set for {}; their sessions have ended", u.name);
        }
    }
    Ok(())
}

fn set(store: &Store, name: &str, disabled: bool) -> Result<(), Diagnostics> {
    let u = store.set_disabled(name, disabled)?;
    store.audit(&Change {
        action: if disabled {
            "user.disable"
        } else {
            "user.enable"
        },
        target: &format!("user {}", u.name),
        before: if disabled { "enabled" } else { "disabled" },
        after: if disabled { "disabled" } else { "enabled" },
        ..CLI
    })?;
    eprintln!(
        "{} {}",
        u.name,
        if disabled {
            "disabled; their sessions have ended"
        } else {
            "can log in again"
        }
    );
    Ok(())
}

/// The new password: asked twice on a terminal, else the first line of standard input.
fn read_password(name: &str) -> Result<String, Diagnostics> {
    let pw = if std::io::stdin().is_terminal() {
        let a = rpassword::prompt_password(format!("Password for {name}: "))
            .map_err(|e| Diagnostic::error(format!("cannot read the password: {e}")))?;
        let b = rpassword::prompt_password("Again: ")
            .map_err(|e| Diagnostic::error(format!("cannot read the password: {e}")))?;
        if a != b {
            return Err(Diagnostic::error("the two passwords differ")
                .hint("nothing was changed; run the command again")
                .into());
        }
        a
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Diagnostic::error(format!("cannot read the password: {e}")))?;
        line.trim_end_matches(['\r', '\n']).to_string()
    };
    crate::web::store::users::check_password(&pw)?;
    Ok(pw)
}
