//! Logging in and out, the home page of each role, the person's own account settings,
//! and the stylesheet and script (files of the binary, no inline code).

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Chrome, error, html, html_status};
use crate::web::app::{AppState, Me, Viewer};
use crate::web::store::audit::Change;
use crate::web::store::sessions::random_token;

/// The stylesheet.
pub async fn stylesheet() -> Response {
    asset("text/css; charset=utf-8", include_str!("../static/app.css"))
}

/// The script (progressive enhancement only: every page works without it).
pub async fn script() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../static/app.js"),
    )
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

#[derive(Template)]
#[template(path = "web/templates/login.html")]
struct LoginPage {
    chrome: Chrome,
    next: String,
    problem: String,
    no_users: bool,
}

/// Where to go after logging in: a path on this site only (never `//host` or a URL).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && !n.chars().any(char::is_control)
                && n != "/logout" =>
        {
            n.to_string()
        }
        _ => "/".into(),
    }
}

/// `?next=` of the login page.
#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// The login form; it sets the cookie its CSRF token is checked against.
pub async fn login_page(
    State(st): State<AppState>,
    viewer: Viewer,
    Query(q): Query<NextQuery>,
) -> Response {
    if viewer.session.is_some() {
        return Redirect::to(&safe_next(q.next.as_deref())).into_response();
    }
    login_form(
        &st,
        safe_next(q.next.as_deref()),
        String::new(),
        StatusCode::OK,
    )
}

fn login_form(st: &AppState, next: String, problem: String, status: StatusCode) -> Response {
    let Ok(token) = random_token() else {
        return error(StatusCode::INTERNAL_SERVER_ERROR, None);
    };
    let no_users = st.store.active_users().map(|n| n == 0).unwrap_or(false);
    let chrome = Chrome {
        title: "Log in".into(),
        csrf: token.clone(),
        ..Chrome::default()
    };
    let mut res = html_status(
        status,
        &LoginPage {
            chrome,
            next,
            problem,
            no_users,
        },
    );
    if let Ok(v) = st.cookie(st.login_cookie(), &token, 3600).parse() {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// The login form's fields.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    name: String,
    password: String,
    next: Option<String>,
}

/// Log in: rate-limited per account and address; a new session and cookie on success.
pub async fn login(
    State(st): State<AppState>,
    viewer: Viewer,
    Form(f): Form<LoginForm>,
) -> Response {
    let next = safe_next(f.next.as_deref());
    let addr = viewer.address.clone();
    if st.limiter.blocked(&f.name, &addr).is_some() {
        let _ = st.store.audit(&Change {
            actor: &f.name,
            address: &addr,
            action: "login.limited",
            ..Change::default()
        });
        return login_form(
            &st,
            next,
            "Too many failed attempts for this account or from this place. Wait 15 minutes and try again, or ask your administrator.".into(),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let s2 = st.clone();
    let (name, pw) = (f.name.clone(), f.password);
    let found = tokio::task::spawn_blocking(move || s2.store.login(&name, &pw)).await;
    let user = match found {
        Ok(Ok(u)) => u,
        _ => return error(StatusCode::INTERNAL_SERVER_ERROR, None),
    };
    let Some(user) = user else {
        st.limiter.failed(&f.name, &addr);
        let _ = st.store.audit(&Change {
            actor: &f.name,
            address: &addr,
            action: "login.failed",
            ..Change::default()
        });
        return login_form(
            &st,
            next,
            "That name and password do not match an account that can log in.".into(),
            StatusCode::UNAUTHORIZED,
        );
    };
    st.limiter.succeeded(&f.name);
    let Ok(s) = st.store.start_session(user.id, st.config.session_secs) else {
        return error(StatusCode::INTERNAL_SERVER_ERROR, None);
    };
    let _ = st.store.audit(&Change {
        actor: &user.name,
        address: &addr,
        action: "login",
        ..Change::default()
    });
    let mut res = Redirect::to(&next).into_response();
    for c in [
        st.cookie(st.session_cookie(), &s.token, st.config.session_secs),
        st.cookie(st.login_cookie(), "", 0),
    ] {
        if let Ok(v) = c.parse() {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// Log out: the session ends on the server and the cookie is cleared.
pub async fn logout(
    State(st): State<AppState>,
    Me(me, addr): Me,
    req_headers: axum::http::HeaderMap,
) -> Response {
    if let Some(token) = crate::web::app::cookie_value(&req_headers, st.session_cookie()) {
        let _ = st.store.end_session(&token);
    }
    let _ = st.store.audit(&Change {
        actor: &me.user.name,
        address: &addr,
        action: "logout",
        ..Change::default()
    });
    let mut res = Redirect::to("/login").into_response();
    if let Ok(v) = st.cookie(st.session_cookie(), "", 0).parse() {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

#[derive(Template)]
#[template(path = "web/templates/home.html")]
struct Home {
    chrome: Chrome,
    facility: String,
}

/// The home page: what this person can do here.
pub async fn home(State(st): State<AppState>, viewer: Viewer) -> Response {
    let facility = st
        .engine
        .kit()
        .ok()
        .and_then(|k| k.file.map(|f| f.facility.name))
        .unwrap_or_default();
    html(&Home {
        chrome: Chrome::new("Home", Some(&viewer), "/"),
        facility,
    })
}

#[derive(Template)]
#[template(path = "web/templates/account.html")]
struct Account {
    chrome: Chrome,
    name: String,
    role: String,
    board_role: String,
    initials_only: bool,
    initials: String,
    saved: bool,
}

/// `?saved=1` after saving.
#[derive(Debug, Deserialize)]
pub struct Saved {
    saved: Option<u8>,
}

/// The person's own settings: shown by name or initials only.
pub async fn account(viewer: Viewer, Me(me, _): Me, Query(q): Query<Saved>) -> Response {
    let u = &me.user;
    html(&Account {
        chrome: Chrome::new("Your account", Some(&viewer), "/account"),
        name: u.name.clone(),
        role: u.role.to_string(),
        board_role: u.board_role.clone(),
        initials_only: u.initials_only,
        initials: crate::web::store::users::initials(&u.name),
        saved: q.saved.is_some(),
    })
}

/// The account form's fields.
#[derive(Debug, Deserialize)]
pub struct AccountForm {
    initials_only: Option<String>,
}

/// Save the person's own settings.
pub async fn save_account(
    State(st): State<AppState>,
    Me(me, addr): Me,
    Form(f): Form<AccountForm>,
) -> Response {
    let on = f.initials_only.is_some();
    if st.store.set_initials_only(me.user.id, on).is_err() {
        return error(StatusCode::INTERNAL_SERVER_ERROR, None);
    }
    let _ = st.store.audit(&Change {
        actor: &me.user.name,
        address: &addr,
        action: "account.initials_only",
        target: &format!("user {}", me.user.name),
        before: &me.user.initials_only.to_string(),
        after: &on.to_string(),
    });
    Redirect::to("/account?saved=1").into_response()
}
