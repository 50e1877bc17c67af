//! The board's forms: a comment (pinned to a spot of the preview, or not) and a
//! decision (approve, or request changes with a reason), each bound to the content
//! hash the reviewer was shown and recorded in the audit log.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::error;
use super::review::{known, render, short, words};
use crate::products::approvals::{Decision, Reviewer, decide, review_queue};
use crate::products::approved_images::{self, hash_hex};
use crate::web::app::{AppState, Me, Viewer, urlencode};
use crate::web::store::audit::Change;
use crate::web::store::comments::NewComment;

/// The role recorded with a reviewer's decisions when their account names none.
const DEFAULT_BOARD_ROLE: &str = "survivor advisory board";

/// The comment form.
#[derive(Debug, Deserialize)]
pub struct CommentForm {
    body: String,
    /// Pin across the preview, 0..1 (empty: not pinned).
    #[serde(default)]
    x: String,
    /// Pin down the preview, 0..1.
    #[serde(default)]
    y: String,
    /// The content hash of the version shown.
    #[serde(default)]
    hash: String,
}

/// The decision form.
#[derive(Debug, Deserialize)]
pub struct DecideForm {
    decision: String,
    #[serde(default)]
    reason: String,
    /// The content hash of the version the reviewer saw.
    #[serde(default)]
    hash: String,
}

fn back(design: &str, locale: &str, done: &str) -> Response {
    Redirect::to(&format!(
        "/review/{}/{}?done={}#decide",
        urlencode(design),
        urlencode(locale),
        urlencode(done)
    ))
    .into_response()
}

/// The pin of a comment: both coordinates or neither.
fn pin(x: &str, y: &str) -> Result<Option<(f64, f64)>, String> {
    let (x, y) = (x.trim(), y.trim());
    if x.is_empty() && y.is_empty() {
        return Ok(None);
    }
    let n = |v: &str| {
        v.parse::<f64>()
            .ok()
            .filter(|f| f.is_finite() && (0.0..=1.0).contains(f))
    };
    match (n(x), n(y)) {
        (Some(a), Some(b)) => Ok(Some((a, b))),
        _ => Err("The pin is outside the preview: give both numbers between 0 and 1, or leave both empty for a comment about the whole piece.".into()),
    }
}

/// Leave a comment on a piece.
pub async fn comment(
    State(st): State<AppState>,
    viewer: Viewer,
    Me(me, addr): Me,
    Path((design, locale)): Path<(String, String)>,
    Form(f): Form<CommentForm>,
) -> Response {
    let v2 = viewer.clone();
    tokio::task::spawn_blocking(move || {
        let Ok(project) = st.engine.project() else {
            return error(StatusCode::INTERNAL_SERVER_ERROR, Some(&v2));
        };
        if !known(&project, &design, &locale) {
            return error(StatusCode::NOT_FOUND, Some(&v2));
        }
        let fail = |m: String| {
            render(
                &st,
                &v2,
                &design,
                &locale,
                m,
                String::new(),
                StatusCode::BAD_REQUEST,
            )
        };
        let pin = match pin(&f.x, &f.y) {
            Ok(p) => p,
            Err(m) => return fail(m),
        };
        // The version the reviewer was shown; else the piece as it is now.
        let hash = match hash_hex(&f.hash) {
            Some(_) => f.hash.clone(),
            None => st
                .engine
                .scene(&design, &locale)
                .map(|s| s.hash)
                .unwrap_or_default(),
        };
        let c = NewComment {
            design: &design,
            locale: &locale,
            hash: &hash,
            user_id: me.user.id,
            body: &f.body,
            pin,
        };
        let id = match st.store.add_comment(&c) {
            Ok(id) => id,
            Err(d) => return fail(super::said(&d)),
        };
        let where_ = pin.map_or_else(String::new, |(x, y)| format!(", pinned at {x:.3}, {y:.3}"));
        let _ = st.store.audit(&Change {
            actor: &me.user.name,
            address: &addr,
            action: "review.comment",
            target: &format!("piece {design} ({locale})"),
            before: "",
            after: &format!(
                "comment #{id} on {}{where_}: {}",
                short(&hash),
                f.body.trim().chars().take(500).collect::<String>()
            ),
        });
        back(&design, &locale, "Your comment was saved.")
    })
    .await
    .unwrap_or_else(|_| error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)))
}

/// Approve a piece, or request changes with a reason. The decision is about the
/// content the reviewer saw (`hash`): if the piece is not that content now, nothing
/// is recorded (409) and the page says so.
pub async fn decide_piece(
    State(st): State<AppState>,
    viewer: Viewer,
    Me(me, addr): Me,
    Path((design, locale)): Path<(String, String)>,
    Form(f): Form<DecideForm>,
) -> Response {
    let v2 = viewer.clone();
    tokio::task::spawn_blocking(move || {
        let Ok(project) = st.engine.project() else {
            return error(StatusCode::INTERNAL_SERVER_ERROR, Some(&v2));
        };
        if !known(&project, &design, &locale) {
            return error(StatusCode::NOT_FOUND, Some(&v2));
        }
        let again = |m: String, status: StatusCode| {
            render(&st, &v2, &design, &locale, m, String::new(), status)
        };
        let decision = match f.decision.as_str() {
            "approve" => Decision::Approve,
            "request-changes" if f.reason.trim().is_empty() => {
                return again(
                    "A request for changes needs a reason: write what should change, and why. Nothing was recorded.".into(),
                    StatusCode::BAD_REQUEST,
                );
            }
            "request-changes" => Decision::RequestChanges {
                reason: f.reason.clone(),
            },
            _ => {
                return again(
                    "Choose “approve” or “request changes”. Nothing was recorded.".into(),
                    StatusCode::BAD_REQUEST,
                );
            }
        };
        let (kit, sel) = match st.engine.selection(vec![design.clone()], vec![locale.clone()]) {
            Ok(v) => v,
            Err(d) => return again(words(&d).join("\n"), StatusCode::UNPROCESSABLE_ENTITY),
        };
        let changed = |now: &str| {
            again(
                format!(
                    "This piece changed since you opened it (you saw {}, it is {} now). Nothing was recorded: reload the page, look at the piece as it is now, and decide again.",
                    short(&f.hash),
                    short(now)
                ),
                StatusCode::CONFLICT,
            )
        };
        // What the reviewer saw must be the content now (a forged hash never is).
        let opts = sel.options_for(&project);
        let now = match crate::products::kit::compile_with(&project, &design, &locale, &opts) {
            Ok(s) => s.hash,
            Err(d) => return again(words(&d).join("\n"), StatusCode::UNPROCESSABLE_ENTITY),
        };
        if hash_hex(&f.hash).is_none() || !crate::web::app::same(&now, &f.hash) {
            return changed(&now);
        }
        let before = review_queue(&project, &sel, &kit.ledger())
            .ok()
            .and_then(|q| q.into_iter().next())
            .map_or_else(|| "unknown".into(), |e| e.piece.status);
        let who = Reviewer {
            by: me.user.shown(),
            role: if me.user.board_role.trim().is_empty() {
                DEFAULT_BOARD_ROLE.into()
            } else {
                me.user.board_role.clone()
            },
            note: String::new(),
            date: crate::checks::check::format_date(crate::checks::check::today()),
        };
        let approve = decision == Decision::Approve;
        let out = match decide(&project, &sel, &kit.ledger(), &who, decision, Some(&f.hash)) {
            Ok(o) => o,
            Err(d) => {
                // Changed between the check above and the ledger's lock.
                if let Ok(s) = crate::products::kit::compile_with(&project, &design, &locale, &opts)
                    && s.hash != f.hash
                {
                    return changed(&s.hash);
                }
                return again(
                    format!("Nothing was recorded. {}", words(&d).join("\n")),
                    StatusCode::UNPROCESSABLE_ENTITY,
                );
            }
        };
        let mut notes = Vec::new();
        if approve {
            notes = approved_images::save_decided(&project, &sel, st.engine.dir(), &out.pieces);
        }
        let after = out
            .pieces
            .first()
            .map_or("unknown", |p| p.state.word())
            .to_string();
        let _ = st.store.audit(&Change {
            actor: &me.user.name,
            address: &addr,
            action: if approve {
                "review.approve"
            } else {
                "review.request-changes"
            },
            target: &format!("piece {design} ({locale}) {}", f.hash),
            before: &before,
            after: &format!(
                "{after}{}",
                match &f.reason {
                    r if !approve => format!(": {}", r.trim().chars().take(500).collect::<String>()),
                    _ => String::new(),
                }
            ),
        });
        let mut done = if approve {
            format!("Your approval of {} was recorded; the piece is {after} now.", short(&f.hash))
        } else {
            "Your request for changes was recorded.".to_string()
        };
        for n in notes {
            done.push(' ');
            done.push_str(&n);
        }
        back(&design, &locale, &done)
    })
    .await
    .unwrap_or_else(|_| error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)))
}
