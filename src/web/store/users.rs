//! Accounts: a name, one role, a password hashed with Argon2id, and whether the person
//! is shown by initials only. There is no default account.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Store, db_error, now_text};
use crate::base::diag::Diagnostic;

/// What a person may do in the web application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Sets the facility's kit, previews, downloads, logs postings.
    Coordinator,
    /// A member of the survivor advisory board: reviews, comments, approves.
    Reviewer,
    /// Edits and marks reviewed the strings of the locales assigned to them.
    Translator,
    /// Manages accounts and reads the audit log.
    Admin,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 4] = [
        Role::Coordinator,
        Role::Reviewer,
        Role::Translator,
        Role::Admin,
    ];

    /// The role's name as stored and typed.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Reviewer => "reviewer",
            Role::Translator => "translator",
            Role::Admin => "admin",
        }
    }

    /// The role named `s`.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One account, without its password hash.
#[derive(Debug, Clone, Serialize)]
pub struct User {
    /// Row id.
    pub id: i64,
    /// Login name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// The role recorded with their approvals ("survivor leader", "advisory board").
    pub board_role: String,
    /// Locales a translator works on (codes, comma-separated).
    pub locales: Vec<String>,
    /// Shown by initials only to other people.
    pub initials_only: bool,
    /// Disabled accounts cannot log in.
    pub disabled: bool,
    /// When the account was made.
    pub created: String,
}

impl User {
    /// How other people see this person: the name, or initials if they chose so.
    pub fn shown(&self) -> String {
        if self.initials_only {
            initials(&self.name)
        } else {
            self.name.clone()
        }
    }
}

/// "Maria Rodríguez" -> "M. R."
pub fn initials(name: &str) -> String {
    let parts: Vec<String> = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect();
    if parts.is_empty() {
        "?".into()
    } else {
        parts.join(" ")
    }
}

/// Shortest and longest password accepted.
pub const PASSWORD_LEN: std::ops::RangeInclusive<usize> = 10..=256;

/// A login name: 1-64 characters, letters, digits, space, dot, hyphen, underscore, @.
pub fn check_name(name: &str) -> Result<(), Diagnostic> {
    let ok = !name.trim().is_empty()
        && name == name.trim()
        && name.chars().count() <= 64
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_' | '@'));
    if ok {
        Ok(())
    } else {
        Err(Diagnostic::error(format!("`{name}` cannot be a user name"))
            .hint("use 1 to 64 letters, digits, spaces, dots, hyphens, underscores or @, with no space at either end"))
    }
}

/// A password long enough and not too long.
pub fn check_password(pw: &str) -> Result<(), Diagnostic> {
    let n = pw.chars().count();
    if PASSWORD_LEN.contains(&n) {
        Ok(())
    } else {
        Err(Diagnostic::error(format!(
            "the password has {n} characters; it needs {} to {}",
            PASSWORD_LEN.start(),
            PASSWORD_LEN.end()
        ))
        .hint("a passphrase of several words is easy to remember and hard to guess"))
    }
}

/// Argon2id hash of a password (PHC string with its own random salt).
pub fn hash_password(pw: &str) -> Result<String, Diagnostic> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| Diagnostic::error(format!("no randomness: {e}")))?;
    let salt = SaltString::encode_b64(&salt)
        .map_err(|e| Diagnostic::error(format!("password salt: {e}")))?;
    argon2::Argon2::default()
        .hash_password(pw.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Diagnostic::error(format!("password hash: {e}")))
}

/// Whether `pw` matches the stored hash.
fn verify_password(pw: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| {
        argon2::Argon2::default()
            .verify_password(pw.as_bytes(), &h)
            .is_ok()
    })
}

/// A stored hash to verify against when the account does not exist, so a wrong name
/// takes as long as a wrong password.
fn dummy_hash() -> &'static str {
    static H: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    H.get_or_init(|| hash_password("not a password of anyone").unwrap_or_default())
}

const COLUMNS: &str = "id, name, role, board_role, locales, initials_only, disabled, created";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    let role: String = r.get(2)?;
    let locales: String = r.get(4)?;
    Ok(User {
        id: r.get(0)?,
        name: r.get(1)?,
        role: Role::parse(&role).unwrap_or(Role::Coordinator),
        board_role: r.get(3)?,
        locales: locales
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        initials_only: r.get(5)?,
        disabled: r.get(6)?,
        created: r.get(7)?,
    })
}

/// What a new account is made of.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Login name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Role recorded with approvals.
    pub board_role: String,
    /// Translator's locales.
    pub locales: Vec<String>,
    /// Password in clear (hashed before it is stored).
    pub password: String,
}

impl Store {
    /// Make an account. The name must be free (ignoring case).
    pub fn add_user(&self, u: &NewUser) -> Result<User, Diagnostic> {
        check_name(&u.name)?;
        check_password(&u.password)?;
        if self.user_by_name(&u.name)?.is_some() {
            return Err(
                Diagnostic::error(format!("there is already a user `{}`", u.name))
                    .hint("pick another name, or `hotline-kit user reset NAME` for a new password"),
            );
        }
        let hash = hash_password(&u.password)?;
        let c = self.conn()?;
        c.execute(
            "INSERT INTO users (name, role, board_role, locales, password, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                u.name,
                u.role.as_str(),
                u.board_role,
                u.locales.join(","),
                hash,
                now_text()
            ],
        )
        .map_err(|e| db_error(self.path(), e))?;
        self.user_by_name(&u.name)?
            .ok_or_else(|| db_error(self.path(), "the new account was not stored"))
    }

    /// Every account, by name.
    pub fn users(&self) -> Result<Vec<User>, Diagnostic> {
        let c = self.conn()?;
        let mut st = c
            .prepare(&format!("SELECT {COLUMNS} FROM users ORDER BY name"))
            .map_err(|e| db_error(self.path(), e))?;
        st.query_map([], row)
            .and_then(|rows| rows.collect())
            .map_err(|e| db_error(self.path(), e))
    }

    /// The account named `name` (ignoring case).
    pub fn user_by_name(&self, name: &str) -> Result<Option<User>, Diagnostic> {
        let c = self.conn()?;
        c.query_row(
            &format!("SELECT {COLUMNS} FROM users WHERE name = ?1"),
            [name],
            row,
        )
        .optional()
        .map_err(|e| db_error(self.path(), e))
    }

    /// The account with row id `id`.
    pub fn user(&self, id: i64) -> Result<Option<User>, Diagnostic> {
        let c = self.conn()?;
        c.query_row(
            &format!("SELECT {COLUMNS} FROM users WHERE id = ?1"),
            [id],
            row,
        )
        .optional()
        .map_err(|e| db_error(self.path(), e))
    }

    /// The enabled account whose name and password match; `None` otherwise (the same
    /// work is done for an unknown name, so timing does not tell which was wrong).
    pub fn login(&self, name: &str, pw: &str) -> Result<Option<User>, Diagnostic> {
        let c = self.conn()?;
        let found: Option<(i64, String, bool)> = c
            .query_row(
                "SELECT id, password, disabled FROM users WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| db_error(self.path(), e))?;
        match found {
            Some((id, hash, disabled)) => {
                if verify_password(pw, &hash) && !disabled {
                    self.user(id)
                } else {
                    Ok(None)
                }
            }
            None => {
                verify_password(pw, dummy_hash());
                Ok(None)
            }
        }
    }

    /// Disable or enable an account; disabling ends its sessions.
    pub fn set_disabled(&self, name: &str, disabled: bool) -> Result<User, Diagnostic> {
        let u = self.existing(name)?;
        let c = self.conn()?;
        c.execute(
            "UPDATE users SET disabled = ?1 WHERE id = ?2",
            params![disabled, u.id],
        )
        .map_err(|e| db_error(self.path(), e))?;
        if disabled {
            self.end_sessions_of(u.id)?;
        }
        self.existing(name)
    }

    /// A new password for an account; ends its sessions.
    pub fn reset_password(&self, name: &str, pw: &str) -> Result<User, Diagnostic> {
        check_password(pw)?;
        let u = self.existing(name)?;
        let hash = hash_password(pw)?;
        self.conn()?
            .execute(
                "UPDATE users SET password = ?1 WHERE id = ?2",
                params![hash, u.id],
            )
            .map_err(|e| db_error(self.path(), e))?;
        self.end_sessions_of(u.id)?;
        Ok(u)
    }

    /// Whether the person is shown by initials only.
    pub fn set_initials_only(&self, id: i64, on: bool) -> Result<(), Diagnostic> {
        self.conn()?
            .execute(
                "UPDATE users SET initials_only = ?1 WHERE id = ?2",
                params![on, id],
            )
            .map(|_| ())
            .map_err(|e| db_error(self.path(), e))
    }

    /// The account named `name`, or an error saying how to list them.
    pub fn existing(&self, name: &str) -> Result<User, Diagnostic> {
        self.user_by_name(name)?.ok_or_else(|| {
            Diagnostic::error(format!("there is no user `{name}`"))
                .hint("`hotline-kit user list` shows every account")
        })
    }

    /// How many accounts can log in.
    pub fn active_users(&self) -> Result<i64, Diagnostic> {
        self.conn()?
            .query_row("SELECT count(*) FROM users WHERE disabled = 0", [], |r| {
                r.get(0)
            })
            .map_err(|e| db_error(self.path(), e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(name: &str, role: Role) -> NewUser {
        NewUser {
            name: name.into(),
            role,
            board_role: String::new(),
            locales: vec![],
            password: "correct horse battery".into(),
        }
    }

    #[test]
    fn an_account_logs_in_with_its_password_only_and_not_when_disabled() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        s.add_user(&new("Ana", Role::Reviewer)).unwrap();
        assert!(s.login("Ana", "correct horse battery").unwrap().is_some());
        assert!(s.login("ana", "correct horse battery").unwrap().is_some());
        assert!(s.login("Ana", "wrong password!").unwrap().is_none());
        assert!(
            s.login("Nobody", "correct horse battery")
                .unwrap()
                .is_none()
        );
        // The password is not stored as given.
        let stored: String = s
            .conn()
            .unwrap()
            .query_row("SELECT password FROM users", [], |r| r.get(0))
            .unwrap();
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        s.set_disabled("Ana", true).unwrap();
        assert!(s.login("Ana", "correct horse battery").unwrap().is_none());
        assert!(s.add_user(&new("ANA", Role::Admin)).is_err());
    }

    #[test]
    fn short_passwords_and_odd_names_are_refused() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        let mut u = new("Ben", Role::Admin);
        u.password = "short".into();
        assert!(s.add_user(&u).unwrap_err().message.contains("characters"));
        for bad in ["", " Ben", "<script>", "a/b", "x\u{0}"] {
            assert!(s.add_user(&new(bad, Role::Admin)).is_err(), "{bad:?}");
        }
        assert_eq!(initials("Maria  Rodríguez"), "M. R.");
    }
}
