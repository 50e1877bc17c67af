//! The staff posting log in the database: records are added (never edited: a mistake
//! is put right by a new record) and read back whole for the report. What a record is
//! and how it is checked: [`crate::products::postings`].

use rusqlite::params;

use super::{Store, db_error};
use crate::base::diag::Diagnostic;
use crate::products::postings::{Action, NewPosting, Posting};

impl Store {
    /// Store a record that [`crate::products::postings::validate`] passed, made by the
    /// account `user_id`, with the piece's content hash and review state now and the
    /// time it is logged; returns the record as stored (with its number).
    pub fn add_posting(
        &self,
        new: &NewPosting,
        user_id: i64,
        hash: &str,
        state: &str,
        logged_at: &str,
    ) -> Result<Posting, Diagnostic> {
        let mut p = Posting::from_new(new, 0, hash, state, logged_at);
        let conn = self.conn()?;
        conn.execute(
            "INSERT INTO postings (design, locale, place, count, date, action, by, user_id, hash, state, note, logged_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                p.design,
                p.locale,
                p.place,
                p.count,
                p.date,
                p.action.as_str(),
                p.by,
                user_id,
                p.hash,
                p.state,
                p.note,
                p.logged_at
            ],
        )
        .map_err(|e| db_error(self.path(), e))?;
        p.id = conn.last_insert_rowid();
        Ok(p)
    }

    /// Every record of the log, in the order things happened (date, time logged,
    /// number).
    pub fn postings(&self) -> Result<Vec<Posting>, Diagnostic> {
        let conn = self.conn()?;
        let err = |e: rusqlite::Error| db_error(self.path(), e);
        let mut st = conn
            .prepare(
                "SELECT id, design, locale, place, count, date, action, by, hash, state, note, logged_at
                 FROM postings ORDER BY date, logged_at, id",
            )
            .map_err(err)?;
        let rows = st
            .query_map([], |r| {
                let action: String = r.get(6)?;
                Ok((
                    action,
                    Posting {
                        id: r.get(0)?,
                        design: r.get(1)?,
                        locale: r.get(2)?,
                        place: r.get(3)?,
                        count: r.get(4)?,
                        date: r.get(5)?,
                        action: Action::Posted,
                        by: r.get(7)?,
                        hash: r.get(8)?,
                        state: r.get(9)?,
                        note: r.get(10)?,
                        logged_at: r.get(11)?,
                    },
                ))
            })
            .map_err(err)?;
        let mut out = Vec::new();
        for row in rows {
            let (word, mut p) = row.map_err(err)?;
            p.action = Action::parse(&word).ok_or_else(|| {
                db_error(
                    self.path(),
                    format!("posting {} has an unknown action {word:?}", p.id),
                )
            })?;
            out.push(p);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_come_back_as_stored_in_the_order_they_happened() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        s.conn()
            .unwrap()
            .execute(
                "INSERT INTO users (name, role, password, created) VALUES ('ana', 'coordinator', 'x', 'now')",
                [],
            )
            .unwrap();
        let new = |date: &str, action, place: &str| NewPosting {
            design: "poster".into(),
            locale: "ar".into(),
            place: place.into(),
            count: 2,
            date: date.into(),
            action,
            by: "A. B.".into(),
            note: "by the door, \"left\"\nsecond line".into(),
        };
        let later = s
            .add_posting(
                &new("2026-03-02", Action::Removed, "غرفة الانتظار"),
                1,
                "sha256:aa",
                "approved",
                "2026-03-02T10:00:00Z",
            )
            .unwrap();
        let first = s
            .add_posting(
                &new("2026-03-01", Action::Posted, " غرفة  الانتظار "),
                1,
                "sha256:aa",
                "approved",
                "2026-03-01T10:00:00Z",
            )
            .unwrap();
        assert_eq!((later.id, first.id), (1, 2));
        assert_eq!(first.place, "غرفة الانتظار", "stored cleaned");
        let all = s.postings().unwrap();
        assert_eq!(all, vec![first, later]);
        let st = crate::products::postings::standing(&all);
        assert_eq!((st.len(), st[0].up), (1, 0));
    }
}
