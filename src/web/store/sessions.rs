//! Sessions: a random token in the browser's cookie, only its SHA-256 in the database
//! (a copy of the database does not let anyone in), an expiry, and the session's CSRF
//! token.

use rusqlite::{OptionalExtension, params};

use super::users::User;
use super::{Store, db_error, now_secs};
use crate::base::diag::Diagnostic;

/// How long a session lasts without logging in again: 8 hours (one shift).
pub const SESSION_SECS: i64 = 8 * 3600;

/// A random token: 32 bytes, URL-safe base64.
pub fn random_token() -> Result<String, Diagnostic> {
    use base64::Engine as _;
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).map_err(|e| Diagnostic::error(format!("no randomness: {e}")))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b))
}

fn token_hash(token: &str) -> String {
    crate::base::hash::digest(token.as_bytes())
}

/// A session found by its token.
#[derive(Debug, Clone)]
pub struct Session {
    /// Who.
    pub user: User,
    /// The CSRF token every form of this session carries.
    pub csrf: String,
}

/// A new session: the cookie's token and the CSRF token.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// Goes in the cookie.
    pub token: String,
    /// Goes in every form.
    pub csrf: String,
}

impl Store {
    /// Start a session for `user_id` lasting `secs` seconds.
    pub fn start_session(&self, user_id: i64, secs: i64) -> Result<NewSession, Diagnostic> {
        let token = random_token()?;
        let csrf = random_token()?;
        let now = now_secs();
        let c = self.conn()?;
        c.execute("DELETE FROM sessions WHERE expires <= ?1", [now])
            .and_then(|_| {
                c.execute(
                    "INSERT INTO sessions (token_hash, user_id, csrf, created, expires) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![token_hash(&token), user_id, csrf, now, now + secs],
                )
            })
            .map_err(|e| db_error(self.path(), e))?;
        Ok(NewSession { token, csrf })
    }

    /// The live session with this token, if any: not expired, account not disabled.
    pub fn session(&self, token: &str) -> Result<Option<Session>, Diagnostic> {
        let c = self.conn()?;
        let found: Option<(i64, String)> = c
            .query_row(
                "SELECT s.user_id, s.csrf FROM sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.token_hash = ?1 AND s.expires > ?2 AND u.disabled = 0",
                params![token_hash(token), now_secs()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| db_error(self.path(), e))?;
        let Some((uid, csrf)) = found else {
            return Ok(None);
        };
        Ok(self.user(uid)?.map(|user| Session { user, csrf }))
    }

    /// End the session with this token (logout).
    pub fn end_session(&self, token: &str) -> Result<(), Diagnostic> {
        self.conn()?
            .execute(
                "DELETE FROM sessions WHERE token_hash = ?1",
                [token_hash(token)],
            )
            .map(|_| ())
            .map_err(|e| db_error(self.path(), e))
    }

    /// End every session of an account (disabled, new password).
    pub fn end_sessions_of(&self, user_id: i64) -> Result<(), Diagnostic> {
        self.conn()?
            .execute("DELETE FROM sessions WHERE user_id = ?1", [user_id])
            .map(|_| ())
            .map_err(|e| db_error(self.path(), e))
    }
}

#[cfg(test)]
mod tests {
    use super::super::users::{NewUser, Role};
    use super::*;

    #[test]
    fn a_session_ends_at_logout_expiry_and_when_the_account_is_disabled() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        let u = s
            .add_user(&NewUser {
                name: "Cy".into(),
                role: Role::Coordinator,
                board_role: String::new(),
                locales: vec![],
                password: "a long enough password".into(),
            })
            .unwrap();
        let live = s.start_session(u.id, 60).unwrap();
        assert_eq!(s.session(&live.token).unwrap().unwrap().csrf, live.csrf);
        assert!(s.session("forged").unwrap().is_none());
        let expired = s.start_session(u.id, -1).unwrap();
        assert!(s.session(&expired.token).unwrap().is_none());
        s.end_session(&live.token).unwrap();
        assert!(s.session(&live.token).unwrap().is_none());
        let again = s.start_session(u.id, 60).unwrap();
        s.set_disabled("Cy", true).unwrap();
        assert!(s.session(&again.token).unwrap().is_none());
    }
}
