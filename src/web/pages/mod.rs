//! The pages of the web application: the route table and the handlers, one module per
//! person's work, each page an askama template in `src/web/templates/` (every value is
//! escaped by the template engine).

use askama::Template;
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};

use super::app::{Access, AppState, Route, Viewer};
use super::store::users::Role;

pub mod admin;
pub mod auth;
pub mod kit;
pub mod kit_edit;
pub mod kit_files;
pub mod kit_images;
pub mod postings;
pub mod review;
mod review_diff;
pub mod review_post;
pub mod review_preview;
pub mod translate;

use Role::{Admin, Coordinator, Reviewer, Staff, Translator};

/// Everyone with an account.
pub const ANY: Access = Access::Signed;
/// Coordinators only.
pub const COORDINATORS: Access = Access::Roles(&[Coordinator]);
/// Admins only.
pub const ADMINS: Access = Access::Roles(&[Admin]);
/// The survivor advisory board.
pub const REVIEWERS: Access = Access::Roles(&[Reviewer]);
/// Who sees preview images: coordinators and the board.
pub const PREVIEWERS: Access = Access::Roles(&[Coordinator, Reviewer]);
/// Translators.
pub const TRANSLATORS: Access = Access::Roles(&[Translator]);
/// Whoever posts the pieces: staff and coordinators.
pub const POSTERS: Access = Access::Roles(&[Coordinator, Staff]);

const fn route(method: Method, path: &'static str, access: Access, example: &'static str) -> Route {
    Route {
        method,
        path,
        access,
        example,
    }
}

/// Every route with who may use it, and its handler. The guard
/// ([`super::app::router`]) enforces the access of each before its handler runs.
pub fn routes() -> Vec<(Route, MethodRouter<AppState>)> {
    use Method as M;
    vec![
        (
            route(M::GET, "/static/app.css", Access::Public, "/static/app.css"),
            get(auth::stylesheet),
        ),
        (
            route(M::GET, "/static/app.js", Access::Public, "/static/app.js"),
            get(auth::script),
        ),
        (
            route(M::GET, "/login", Access::Public, "/login"),
            get(auth::login_page),
        ),
        (
            route(M::POST, "/login", Access::Public, "/login"),
            post(auth::login),
        ),
        (
            route(M::POST, "/logout", ANY, "/logout"),
            post(auth::logout),
        ),
        (route(M::GET, "/", ANY, "/"), get(auth::home)),
        (
            route(M::GET, "/account", ANY, "/account"),
            get(auth::account),
        ),
        (
            route(M::POST, "/account", ANY, "/account"),
            post(auth::save_account),
        ),
        (
            route(M::GET, "/admin/users", ADMINS, "/admin/users"),
            get(admin::users),
        ),
        (
            route(M::POST, "/admin/users", ADMINS, "/admin/users"),
            post(admin::add_user),
        ),
        (
            route(
                M::POST,
                "/admin/users/{name}/disable",
                ADMINS,
                "/admin/users/someone/disable",
            ),
            post(admin::disable),
        ),
        (
            route(
                M::POST,
                "/admin/users/{name}/enable",
                ADMINS,
                "/admin/users/someone/enable",
            ),
            post(admin::enable),
        ),
        (
            route(M::GET, "/admin/audit", ADMINS, "/admin/audit"),
            get(admin::audit),
        ),
        // --- review (survivor advisory board) ---
        (
            route(M::GET, "/review", REVIEWERS, "/review"),
            get(review::queue),
        ),
        (
            route(
                M::GET,
                "/review/{design}/{locale}",
                REVIEWERS,
                "/review/poster/en",
            ),
            get(review::piece),
        ),
        (
            route(
                M::POST,
                "/review/{design}/{locale}/comment",
                REVIEWERS,
                "/review/poster/en/comment",
            ),
            post(review_post::comment),
        ),
        (
            route(
                M::POST,
                "/review/{design}/{locale}/decide",
                REVIEWERS,
                "/review/poster/en/decide",
            ),
            post(review_post::decide_piece),
        ),
        // --- preview images (coordinators and reviewers) ---
        (
            route(
                M::GET,
                "/preview/{design}/{locale}/{page}",
                PREVIEWERS,
                "/preview/poster/en/1.png",
            ),
            get(review_preview::preview),
        ),
        // --- coordinator: kit settings, pieces, downloads, facility images ---
        (
            route(M::GET, "/kit", COORDINATORS, "/kit"),
            get(kit::settings),
        ),
        (
            route(M::POST, "/kit", COORDINATORS, "/kit"),
            post(kit::save),
        ),
        (
            route(M::GET, "/kit/pieces", COORDINATORS, "/kit/pieces"),
            get(kit_files::pieces),
        ),
        (
            route(M::GET, "/kit/download", COORDINATORS, "/kit/download"),
            get(kit_files::downloads),
        ),
        (
            route(
                M::GET,
                "/kit/download/proofs",
                COORDINATORS,
                "/kit/download/proofs",
            ),
            get(kit_files::proofs),
        ),
        (
            route(
                M::GET,
                "/kit/download/final",
                COORDINATORS,
                "/kit/download/final",
            ),
            get(kit_files::final_zip),
        ),
        (
            route(
                M::GET,
                "/kit/download/plan",
                COORDINATORS,
                "/kit/download/plan",
            ),
            get(kit_files::plan),
        ),
        (
            route(
                M::GET,
                "/kit/download/labels/{design}",
                COORDINATORS,
                "/kit/download/labels/wallet-card",
            ),
            get(kit_files::labels),
        ),
        (
            route(
                M::GET,
                "/kit/download/loop/{design}/{locale}",
                COORDINATORS,
                "/kit/download/loop/tv-slides/en",
            ),
            get(kit_files::video_loop),
        ),
        (
            route(M::GET, "/kit/images", COORDINATORS, "/kit/images"),
            get(kit_images::page),
        ),
        (
            route(M::POST, "/kit/images", COORDINATORS, "/kit/images"),
            post(kit_images::upload),
        ),
        // --- posting log (staff and coordinators) ---
        (
            route(M::GET, "/postings", POSTERS, "/postings"),
            get(postings::log),
        ),
        (
            route(M::POST, "/postings", POSTERS, "/postings"),
            post(postings::record),
        ),
        (
            route(M::GET, "/postings/report", POSTERS, "/postings/report"),
            get(postings::report),
        ),
        (
            route(
                M::GET,
                "/postings/report.csv",
                POSTERS,
                "/postings/report.csv",
            ),
            get(postings::report_csv),
        ),
        (
            route(
                M::GET,
                "/postings/report.json",
                POSTERS,
                "/postings/report.json",
            ),
            get(postings::report_json),
        ),
        (
            route(
                M::GET,
                "/postings/report.pdf",
                POSTERS,
                "/postings/report.pdf",
            ),
            get(postings::report_pdf),
        ),
        // --- translators ---
        (
            route(M::GET, "/translate", TRANSLATORS, "/translate"),
            get(translate::index),
        ),
        (
            route(M::GET, "/translate/{locale}", TRANSLATORS, "/translate/es"),
            get(translate::locale),
        ),
        (
            route(
                M::GET,
                "/translate/{locale}/{id}",
                TRANSLATORS,
                "/translate/es/rf-debt",
            ),
            get(translate::edit),
        ),
        (
            route(
                M::POST,
                "/translate/{locale}/{id}",
                TRANSLATORS,
                "/translate/es/rf-debt",
            ),
            post(translate::save),
        ),
    ]
}

/// What every page shows around its content: who is logged in, their links, the CSRF
/// token for forms.
#[derive(Debug, Clone, Default)]
pub struct Chrome {
    /// Page title.
    pub title: String,
    /// The person, as shown.
    pub who: Option<String>,
    /// Their role.
    pub role: Option<Role>,
    /// CSRF token for the page's forms.
    pub csrf: String,
    /// Which navigation link is this page.
    pub here: &'static str,
}

impl Chrome {
    /// The chrome of a page titled `title` for this viewer.
    pub fn new(title: impl Into<String>, viewer: Option<&Viewer>, here: &'static str) -> Chrome {
        let s = viewer.and_then(|v| v.session.as_ref());
        Chrome {
            title: title.into(),
            who: s.map(|s| s.user.shown()),
            role: s.map(|s| s.user.role),
            csrf: s.map(|s| s.csrf.clone()).unwrap_or_default(),
            here,
        }
    }

    /// Whether `path` is this page's navigation link.
    pub fn is_here(&self, path: &str) -> bool {
        path == self.here
    }

    /// The navigation links for the person's role: (label, path).
    pub fn links(&self) -> Vec<(&'static str, &'static str)> {
        let mut v = vec![("Home", "/")];
        match self.role {
            Some(Role::Coordinator) => {
                v.push(("Kit settings", "/kit"));
                v.push(("Pieces", "/kit/pieces"));
                v.push(("Downloads", "/kit/download"));
                v.push(("Pictures", "/kit/images"));
                v.push(("Posting log", "/postings"));
                v.push(("Posting report", "/postings/report"));
            }
            Some(Role::Reviewer) => v.push(("Review queue", "/review")),
            Some(Role::Translator) => v.push(("Translations", "/translate")),
            Some(Role::Staff) => {
                v.push(("Posting log", "/postings"));
                v.push(("Posting report", "/postings/report"));
            }
            Some(Role::Admin) => {
                v.push(("Users", "/admin/users"));
                v.push(("Audit log", "/admin/audit"));
            }
            None => return vec![],
        }
        v.push(("Account", "/account"));
        v
    }
}

/// A diagnostic as a person reads it on a page: the message, then its hints in
/// brackets (the command line's words, without its `error:` and source excerpt).
pub fn said(d: &crate::base::diag::Diagnostic) -> String {
    if d.hints.is_empty() {
        d.message.clone()
    } else {
        format!("{} ({})", d.message, d.hints.join("; "))
    }
}

/// The errors among `d`, each as [`said`] puts it.
pub fn errors_said(d: &crate::base::diag::Diagnostics) -> Vec<String> {
    d.0.iter()
        .filter(|x| x.severity == crate::base::diag::Severity::Error)
        .map(said)
        .collect()
}

/// Render a template as an HTML response (500 with a plain message if it fails).
pub fn html(t: &impl Template) -> Response {
    html_status(StatusCode::OK, t)
}

/// Render a template as an HTML response with this status.
pub fn html_status(status: StatusCode, t: &impl Template) -> Response {
    match t.render() {
        Ok(body) => (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            body,
        )
            .into_response(),
        Err(_) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "the page could not be made",
        )
            .into_response(),
    }
}

#[derive(Template)]
#[template(path = "web/templates/error.html")]
struct ErrorPage {
    chrome: Chrome,
    status: u16,
    message: &'static str,
}

/// An error page for `status`, in words a person can act on.
pub fn error(status: StatusCode, viewer: Option<&Viewer>) -> Response {
    let message = match status {
        StatusCode::UNAUTHORIZED => "Please log in first.",
        StatusCode::FORBIDDEN => {
            "This page is not part of your role, or the form was too old or came from another site. Go back, reload the page and try again."
        }
        StatusCode::NOT_FOUND => "There is no such page.",
        StatusCode::PAYLOAD_TOO_LARGE => "What you sent is too large.",
        StatusCode::TOO_MANY_REQUESTS => "Too many attempts. Wait a few minutes and try again.",
        _ => {
            "Something went wrong on the server. Try again; if it keeps happening, tell your administrator."
        }
    };
    html_status(
        status,
        &ErrorPage {
            chrome: Chrome::new(status.canonical_reason().unwrap_or("Error"), viewer, ""),
            status: status.as_u16(),
            message,
        },
    )
}

/// The page for an unknown path.
pub async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, None)
}
