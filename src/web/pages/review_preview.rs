//! Preview images for coordinators and reviewers:
//! `GET /preview/{design}/{locale}/{page}.png?w=WIDTH&h=HASH`. With the content hash in
//! the address the image never changes, so the browser may keep it for a year; a stale
//! hash is sent on to the current one. `&a=HASH` serves the kept image of an approved
//! version instead ([`crate::products::approved_images`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::review::{known, preview_url, words};
use crate::load::project::Project;
use crate::products::approved_images;
use crate::web::app::AppState;

/// Most pages a preview address may name.
const MOST_PAGES: usize = 64;

/// The query of a preview.
#[derive(Debug, Deserialize)]
pub struct PreviewQuery {
    /// Width in pixels (clamped).
    w: Option<String>,
    /// Content hash of the version wanted.
    h: Option<String>,
    /// Content hash of an approved version whose kept image is wanted.
    a: Option<String>,
}

/// The content hash of each piece, for the project as loaded (forgotten when the
/// project is loaded again).
type Hashes = Option<(Arc<Project>, HashMap<(String, String), String>)>;
static HASHES: Mutex<Hashes> = Mutex::new(None);

fn current_hash(st: &AppState, project: &Arc<Project>, d: &str, l: &str) -> Result<String, String> {
    let key = (d.to_string(), l.to_string());
    {
        let g = HASHES.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((p, m)) = g.as_ref()
            && Arc::ptr_eq(p, project)
            && let Some(h) = m.get(&key)
        {
            return Ok(h.clone());
        }
    }
    let h = st
        .engine
        .scene(d, l)
        .map_err(|e| words(&e).join("\n"))?
        .hash;
    let mut g = HASHES.lock().unwrap_or_else(|p| p.into_inner());
    match g.as_mut() {
        Some((p, m)) if Arc::ptr_eq(p, project) => {
            m.insert(key, h.clone());
        }
        _ => *g = Some((project.clone(), HashMap::from([(key, h.clone())]))),
    }
    Ok(h)
}

/// The cached image shared with the response body, not copied per request.
struct Shared(std::sync::Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

fn png(bytes: std::sync::Arc<Vec<u8>>, etag: &str, immutable: bool, req: &HeaderMap) -> Response {
    let tag = format!("\"{etag}\"");
    let cache = if immutable {
        "private, max-age=31536000, immutable"
    } else {
        "private, no-cache"
    };
    let matches = req
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag));
    if matches {
        return (
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, tag),
                (header::CACHE_CONTROL, cache.to_string()),
            ],
        )
            .into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "image/png".to_string()),
            (header::ETAG, tag),
            (header::CACHE_CONTROL, cache.to_string()),
        ],
        axum::body::Bytes::from_owner(Shared(bytes)),
    )
        .into_response()
}

fn plain(status: StatusCode, m: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        m,
    )
        .into_response()
}

/// A preview image of one page of a piece.
pub async fn preview(
    State(st): State<AppState>,
    Path((design, locale, file)): Path<(String, String, String)>,
    Query(q): Query<PreviewQuery>,
    req: HeaderMap,
) -> Response {
    let page = file
        .strip_suffix(".png")
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| (1..=MOST_PAGES).contains(n));
    let Some(page) = page else {
        return plain(StatusCode::NOT_FOUND, "no such page".into());
    };
    let width =
        q.w.as_deref()
            .and_then(|w| w.parse::<u32>().ok())
            .unwrap_or(super::review::PAGE_WIDTH)
            .clamp(120, crate::web::engine::PREVIEW_MAX_WIDTH);
    tokio::task::spawn_blocking(move || {
        let Ok(project) = st.engine.project() else {
            return plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the project cannot be read".into(),
            );
        };
        if !known(&project, &design, &locale) {
            return plain(StatusCode::NOT_FOUND, "no such piece".into());
        }
        if let Some(a) = q.a.as_deref() {
            return match approved_images::hash_hex(a)
                .and_then(|_| approved_images::load(st.engine.dir(), a, page - 1))
            {
                Some(bytes) => png(std::sync::Arc::new(bytes), a, true, &req),
                None => plain(
                    StatusCode::NOT_FOUND,
                    "no image of that version is kept".into(),
                ),
            };
        }
        let now = match current_hash(&st, &project, &design, &locale) {
            Ok(h) => h,
            Err(m) => {
                return plain(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    format!("this piece cannot be made:\n{m}"),
                );
            }
        };
        if let Some(h) = q.h.as_deref()
            && h != now
        {
            return Redirect::to(&preview_url(&design, &locale, page, width, &now)).into_response();
        }
        match st
            .engine
            .preview(&design, &locale, page - 1, width, Some(&now))
        {
            Ok(p) => png(p.png, &p.hash, q.h.is_some(), &req),
            Err(d) => plain(StatusCode::NOT_FOUND, words(&d).join("\n")),
        }
    })
    .await
    .unwrap_or_else(|_| {
        plain(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the preview failed".into(),
        )
    })
}
