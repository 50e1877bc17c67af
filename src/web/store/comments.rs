//! Reviewers' comments on a piece, each bound to the content hash it was made on and,
//! when it is about a spot, pinned to that spot (fractions of the preview's width and
//! height, so the pin stays put at any zoom).

use rusqlite::params;
use serde::Serialize;

use super::{Store, db_error, now_text};
use crate::base::diag::Diagnostic;

/// Longest comment accepted, in characters.
pub const COMMENT_MAX: usize = 4000;

/// One comment.
#[derive(Debug, Clone, Serialize)]
pub struct Comment {
    /// Row id.
    pub id: i64,
    /// Design.
    pub design: String,
    /// Locale.
    pub locale: String,
    /// The content hash of the version commented on.
    pub hash: String,
    /// Who, as they chose to be shown.
    pub by: String,
    /// The comment.
    pub body: String,
    /// Pin: 0..1 across the preview, if pinned.
    pub x: Option<f64>,
    /// Pin: 0..1 down the preview, if pinned.
    pub y: Option<f64>,
    /// When (UTC).
    pub created: String,
}

/// A new comment.
#[derive(Debug, Clone)]
pub struct NewComment<'a> {
    /// Design.
    pub design: &'a str,
    /// Locale.
    pub locale: &'a str,
    /// Content hash seen.
    pub hash: &'a str,
    /// Author's account.
    pub user_id: i64,
    /// Text.
    pub body: &'a str,
    /// Pin, if any (each 0..1).
    pub pin: Option<(f64, f64)>,
}

/// Check a comment before it is stored: not empty, not too long, a pin on the preview.
pub fn check_comment(c: &NewComment<'_>) -> Result<(), Diagnostic> {
    let n = c.body.trim().chars().count();
    if n == 0 {
        return Err(Diagnostic::error("the comment is empty").hint("write what should change"));
    }
    if n > COMMENT_MAX {
        return Err(Diagnostic::error(format!(
            "the comment has {n} characters; at most {COMMENT_MAX} fit"
        ))
        .hint("split it into several comments"));
    }
    if let Some((x, y)) = c.pin
        && !((0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y))
    {
        return Err(Diagnostic::error("the pin is outside the preview")
            .hint("click on the preview where the comment is about"));
    }
    Ok(())
}

impl Store {
    /// Store a comment (after [`check_comment`]).
    pub fn add_comment(&self, c: &NewComment<'_>) -> Result<i64, Diagnostic> {
        check_comment(c)?;
        let conn = self.conn()?;
        conn.execute(
            "INSERT INTO comments (design, locale, hash, user_id, body, x, y, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                c.design,
                c.locale,
                c.hash,
                c.user_id,
                c.body.trim(),
                c.pin.map(|p| p.0),
                c.pin.map(|p| p.1),
                now_text()
            ],
        )
        .map_err(|e| db_error(self.path(), e))?;
        Ok(conn.last_insert_rowid())
    }

    /// The comments on a piece, oldest first, authors shown as they chose.
    pub fn comments(&self, design: &str, locale: &str) -> Result<Vec<Comment>, Diagnostic> {
        let c = self.conn()?;
        let mut st = c
            .prepare(
                "SELECT c.id, c.design, c.locale, c.hash, u.name, u.initials_only, c.body, c.x, c.y, c.created
                 FROM comments c JOIN users u ON u.id = c.user_id
                 WHERE c.design = ?1 AND c.locale = ?2 ORDER BY c.id",
            )
            .map_err(|e| db_error(self.path(), e))?;
        st.query_map(params![design, locale], |r| {
            let name: String = r.get(4)?;
            let initials_only: bool = r.get(5)?;
            Ok(Comment {
                id: r.get(0)?,
                design: r.get(1)?,
                locale: r.get(2)?,
                hash: r.get(3)?,
                by: if initials_only {
                    super::users::initials(&name)
                } else {
                    name
                },
                body: r.get(6)?,
                x: r.get(7)?,
                y: r.get(8)?,
                created: r.get(9)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| db_error(self.path(), e))
    }
}
