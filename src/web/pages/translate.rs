//! The translator's pages: the messages of the locales assigned to them, with the
//! English source, its gloss, where each message appears and its review status; an
//! edit goes through exactly the checks of `hotline-kit locale import` (placeables, no
//! typed numbers, fits in every design, glyphs) before anything is saved; a message can
//! be marked translator-reviewed.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Chrome, error, html, html_status};
use crate::base::diag::{Diagnostics, Source};
use crate::load::locale::Review;
use crate::products::translate::{self, Export, Pattern, Seg, Unit};
use crate::web::app::{AppState, Me, Viewer};
use crate::web::store::audit::Change;
use crate::web::store::users::User;

/// The locale, if it is one of this translator's (checked on the server for every
/// request: a translator cannot read or change another locale by editing the URL).
fn assigned(user: &User, locale: &str) -> bool {
    user.locales.iter().any(|l| l.eq_ignore_ascii_case(locale))
}

#[derive(Template)]
#[template(path = "web/templates/translate_index.html")]
struct Index {
    chrome: Chrome,
    locales: Vec<(String, String)>,
}

/// The translator's locales.
pub async fn index(State(st): State<AppState>, viewer: Viewer, Me(me, _): Me) -> Response {
    let Ok(project) = st.engine.project() else {
        return error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer));
    };
    let locales = me
        .user
        .locales
        .iter()
        .map(|code| {
            let name = project
                .catalogs
                .values()
                .find(|c| c.code.eq_ignore_ascii_case(code))
                .map_or_else(
                    || "(not a locale of this project)".to_string(),
                    |c| c.info.name.clone(),
                );
            (code.clone(), name)
        })
        .collect();
    html(&Index {
        chrome: Chrome::new("Translations", Some(&viewer), "/translate"),
        locales,
    })
}

/// A message as shown in the table.
struct Row {
    id: String,
    source: String,
    target: String,
    gloss: String,
    status: String,
    by: String,
}

fn row(u: &Unit) -> Row {
    Row {
        id: u.id.clone(),
        source: u.source.fluent(),
        target: u.target.as_ref().map(Pattern::fluent).unwrap_or_default(),
        gloss: u.gloss.clone(),
        status: u.status.as_str().to_string(),
        by: u.status_by.clone(),
    }
}

#[derive(Template)]
#[template(path = "web/templates/translate_locale.html")]
struct LocalePage {
    chrome: Chrome,
    code: String,
    rtl: bool,
    rows: Vec<Row>,
    done: String,
}

/// `?done=` after a change.
#[derive(Debug, Deserialize)]
pub struct Done {
    done: Option<String>,
}

fn export(st: &AppState, locale: &str) -> Result<Export, Diagnostics> {
    let p = st.engine.project()?;
    translate::collect(&p, locale)
}

/// Every message of one of the translator's locales.
pub async fn locale(
    State(st): State<AppState>,
    viewer: Viewer,
    Me(me, _): Me,
    Path(code): Path<String>,
    Query(q): Query<Done>,
) -> Response {
    if !assigned(&me.user, &code) {
        return error(StatusCode::FORBIDDEN, Some(&viewer));
    }
    let Ok(e) = export(&st, &code) else {
        return error(StatusCode::NOT_FOUND, Some(&viewer));
    };
    html(&LocalePage {
        chrome: Chrome::new(
            format!("{} ({})", e.name, e.code),
            Some(&viewer),
            "/translate",
        ),
        code: e.code.clone(),
        rtl: e.rtl,
        rows: e.units.iter().map(row).collect(),
        done: q.done.unwrap_or_default(),
    })
}

#[derive(Template)]
#[template(path = "web/templates/translate_edit.html")]
struct Edit {
    chrome: Chrome,
    code: String,
    rtl: bool,
    row: Row,
    comment: String,
    uses: Vec<String>,
    placeables: Vec<String>,
    text: String,
    gloss: String,
    problems: Vec<String>,
}

fn edit_page(
    viewer: &Viewer,
    e: &Export,
    u: &Unit,
    text: String,
    gloss: String,
    problems: Vec<String>,
    status: StatusCode,
) -> Response {
    html_status(
        status,
        &Edit {
            chrome: Chrome::new(
                format!("{} in {}", u.id, e.name),
                Some(viewer),
                "/translate",
            ),
            code: e.code.clone(),
            rtl: e.rtl,
            row: row(u),
            comment: u.comment.clone().unwrap_or_default(),
            uses: u.uses.clone(),
            placeables: u
                .source
                .placeables()
                .iter()
                .map(|s| s.to_string())
                .collect(),
            text,
            gloss,
            problems,
        },
    )
}

fn find<'a>(e: &'a Export, id: &str) -> Option<&'a Unit> {
    e.units.iter().find(|u| u.id == id)
}

/// One message's editor.
pub async fn edit(
    State(st): State<AppState>,
    viewer: Viewer,
    Me(me, _): Me,
    Path((code, id)): Path<(String, String)>,
) -> Response {
    if !assigned(&me.user, &code) {
        return error(StatusCode::FORBIDDEN, Some(&viewer));
    }
    let Ok(e) = export(&st, &code) else {
        return error(StatusCode::NOT_FOUND, Some(&viewer));
    };
    let Some(u) = find(&e, &id) else {
        return error(StatusCode::NOT_FOUND, Some(&viewer));
    };
    let text = u.target.as_ref().map(Pattern::fluent).unwrap_or_default();
    edit_page(
        &viewer,
        &e,
        u,
        text,
        u.gloss.clone(),
        vec![],
        StatusCode::OK,
    )
}

/// The editor's fields.
#[derive(Debug, Deserialize)]
pub struct EditForm {
    text: String,
    #[serde(default)]
    gloss: String,
    reviewed: Option<String>,
}

/// Save an edit: a one-unit CSV through the import's checks; nothing is written unless
/// every check passes.
pub async fn save(
    State(st): State<AppState>,
    viewer: Viewer,
    Me(me, addr): Me,
    Path((code, id)): Path<(String, String)>,
    Form(f): Form<EditForm>,
) -> Response {
    if !assigned(&me.user, &code) {
        return error(StatusCode::FORBIDDEN, Some(&viewer));
    }
    let Ok(e) = export(&st, &code) else {
        return error(StatusCode::NOT_FOUND, Some(&viewer));
    };
    let Some(u) = find(&e, &id) else {
        return error(StatusCode::NOT_FOUND, Some(&viewer));
    };
    // Browsers send line ends as CRLF; messages on signage are one paragraph.
    let text = f.text.replace("\r\n", "\n");
    let gloss = f.gloss.replace("\r\n", "\n");
    let before = u.target.as_ref().map(Pattern::fluent).unwrap_or_default();
    let one = Export {
        units: vec![Unit {
            target: Some(Pattern(vec![Seg::Text(text.clone())])),
            gloss: gloss.clone(),
            ..u.clone()
        }],
        ..e.clone()
    };
    let status = if f.reviewed.is_some() {
        Review::TranslatorReviewed
    } else {
        Review::Translated
    };
    let _lock = st.writing.lock().await;
    let st2 = st.clone();
    let by = me.user.shown();
    let name = format!("web edit of {code} message {id}");
    let result = tokio::task::spawn_blocking(move || {
        let bytes = translate::table::write(&one)?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let src = Source::new(std::path::PathBuf::from(name), text);
        translate::import::import_source(
            st2.engine.dir(),
            Arc::clone(&src),
            false,
            &translate::import::Options {
                by: Some(by),
                status,
                date: crate::checks::check::format_date(crate::checks::check::today()),
            },
        )
    })
    .await;
    match result {
        Ok(Ok(out)) => {
            st.engine.invalidate();
            if out.written {
                let _ = st.store.audit(&Change {
                    actor: &me.user.name,
                    address: &addr,
                    action: "translation.edit",
                    target: &format!("{code} {id}"),
                    before: &before,
                    after: &text,
                });
            }
            let msg = if out.written {
                format!("Saved {id}.")
            } else {
                format!("{id}: nothing changed.")
            };
            Redirect::to(&format!(
                "/translate/{}?done={}",
                crate::web::app::urlencode(&code),
                crate::web::app::urlencode(&msg)
            ))
            .into_response()
        }
        Ok(Err(d)) => edit_page(
            &viewer,
            &e,
            u,
            text,
            gloss,
            super::errors_said(&d),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)),
    }
}
