//! The web application's database: accounts, sessions, the audit log, comments on
//! pieces and the staff posting log, in one SQLite file in the project folder
//! (`.hotline-kit/web.sqlite`), created and migrated when it is opened.
//!
//! Approvals are not here: the ledger file (`reviews/approvals.toml`) stays their one
//! source of truth, written under a lock by the command line and the web application
//! alike (see [`crate::products::approvals`]).
//!
//! Every operation opens its own connection (cheap for SQLite) with a busy timeout, so
//! `serve` and `hotline-kit user ...` can use the file at the same time.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use crate::base::diag::Diagnostic;

pub mod audit;
pub mod comments;
pub mod postings;
pub mod sessions;
pub mod users;

/// Where the database lives, relative to the project folder.
pub const DATABASE: &str = ".hotline-kit/web.sqlite";

/// The schema, one step per version; `PRAGMA user_version` records how many ran.
/// Never edit a step that has shipped: add a new one.
const MIGRATIONS: &[&str] = &[
    // 1: accounts, sessions, audit log, comments, posting log.
    "CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('coordinator', 'reviewer', 'translator', 'staff', 'admin')),
        board_role TEXT NOT NULL DEFAULT '',
        locales TEXT NOT NULL DEFAULT '',
        initials_only INTEGER NOT NULL DEFAULT 0,
        password TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        csrf TEXT NOT NULL,
        created INTEGER NOT NULL,
        expires INTEGER NOT NULL
    );
    CREATE INDEX sessions_user ON sessions(user_id);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        address TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL
    );
    CREATE TABLE comments (
        id INTEGER PRIMARY KEY,
        design TEXT NOT NULL,
        locale TEXT NOT NULL,
        hash TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        body TEXT NOT NULL,
        x REAL,
        y REAL,
        created TEXT NOT NULL
    );
    CREATE INDEX comments_piece ON comments(design, locale);
    CREATE TABLE postings (
        id INTEGER PRIMARY KEY,
        design TEXT NOT NULL,
        locale TEXT NOT NULL,
        place TEXT NOT NULL,
        count INTEGER NOT NULL,
        date TEXT NOT NULL,
        action TEXT NOT NULL,
        by TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        hash TEXT NOT NULL,
        state TEXT NOT NULL,
        note TEXT NOT NULL,
        logged_at TEXT NOT NULL
    );",
];

/// The database of one project.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
}

/// A database error as a diagnostic naming the file.
pub fn db_error(path: &Path, e: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(format!("database {}: {e}", path.display())).hint(
        "the web application's database is a SQLite file; if it was copied while in use, restore it from a backup",
    )
}

impl Store {
    /// Open (creating and migrating if needed) the database of the project in
    /// `project`. The folder `.hotline-kit` is made inside the project; a symbolic link
    /// there is refused, so the database cannot be written outside the project.
    pub fn open(project: &Path) -> Result<Store, Diagnostic> {
        let dir = project.join(".hotline-kit");
        match std::fs::symlink_metadata(&dir) {
            Ok(m) if m.file_type().is_symlink() || !m.is_dir() => {
                return Err(Diagnostic::error(format!(
                    "{} is not a folder (a symbolic link?)",
                    dir.display()
                ))
                .hint("remove it: hotline-kit keeps its database there"));
            }
            Ok(_) => {}
            Err(_) => std::fs::create_dir_all(&dir).map_err(|e| db_error(&dir, e))?,
        }
        let path = project.join(DATABASE);
        if let Ok(m) = std::fs::symlink_metadata(&path)
            && m.file_type().is_symlink()
        {
            return Err(
                Diagnostic::error(format!("{} is a symbolic link", path.display()))
                    .hint("the database must be a plain file inside the project"),
            );
        }
        let store = Store { path };
        store.migrate()?;
        Ok(store)
    }

    /// Where the database file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A new connection with a busy timeout, foreign keys on and WAL journaling.
    pub fn conn(&self) -> Result<Connection, Diagnostic> {
        let c = Connection::open(&self.path).map_err(|e| db_error(&self.path, e))?;
        c.busy_timeout(Duration::from_secs(10))
            .and_then(|()| c.pragma_update(None, "foreign_keys", "ON"))
            .and_then(|()| c.pragma_update(None, "journal_mode", "WAL"))
            .map_err(|e| db_error(&self.path, e))?;
        Ok(c)
    }

    /// Run the migrations not yet run, each in its own transaction.
    fn migrate(&self) -> Result<(), Diagnostic> {
        let mut c = self.conn()?;
        let err = |e: rusqlite::Error| db_error(&self.path, e);
        let tx = c
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let version: i64 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(err)?;
        let version = usize::try_from(version).unwrap_or(usize::MAX);
        if version > MIGRATIONS.len() {
            return Err(Diagnostic::error(format!(
                "database {} was made by a newer hotline-kit (schema {version}, this one knows {})",
                self.path.display(),
                MIGRATIONS.len()
            ))
            .hint("run the newer hotline-kit, or restore the database from a backup"));
        }
        for (i, step) in MIGRATIONS.iter().enumerate().skip(version) {
            tx.execute_batch(step).map_err(err)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)
                .map_err(err)?;
        }
        tx.commit().map_err(err)
    }
}

/// Now as `YYYY-MM-DDTHH:MM:SSZ` (UTC).
pub fn now_text() -> String {
    let secs = now_secs();
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        crate::checks::check::format_date(days),
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Seconds since 1970-01-01 (UTC).
pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_twice_migrates_once_and_keeps_data() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        s.conn()
            .unwrap()
            .execute(
                "INSERT INTO users (name, role, password, created) VALUES ('a', 'admin', 'x', 'now')",
                [],
            )
            .unwrap();
        let s = Store::open(d.path()).unwrap();
        let n: i64 = s
            .conn()
            .unwrap()
            .query_row("SELECT count(*) FROM users", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
        let v: i64 = s
            .conn()
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v as usize, MIGRATIONS.len());
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_for_the_database_folder_is_refused() {
        let d = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), d.path().join(".hotline-kit")).unwrap();
        let e = Store::open(d.path()).unwrap_err();
        assert!(e.message.contains("symbolic link"), "{}", e.message);
        assert!(
            std::fs::read_dir(elsewhere.path())
                .unwrap()
                .next()
                .is_none()
        );
    }
}
