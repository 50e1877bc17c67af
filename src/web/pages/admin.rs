//! The admin's pages: accounts (add, disable, enable) and the audit log.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Chrome, error, html, html_status};
use crate::web::app::{AppState, Me, Viewer};
use crate::web::store::audit::{Change, Entry};
use crate::web::store::users::{NewUser, Role, User};

#[derive(Template)]
#[template(path = "web/templates/admin_users.html")]
struct Users {
    chrome: Chrome,
    users: Vec<User>,
    roles: Vec<&'static str>,
    problem: String,
    done: String,
}

/// `?done=` message after a change.
#[derive(Debug, Deserialize)]
pub struct Done {
    done: Option<String>,
}

/// Every account, and the form to add one.
pub async fn users(State(st): State<AppState>, viewer: Viewer, Query(q): Query<Done>) -> Response {
    page(
        &st,
        &viewer,
        String::new(),
        q.done.unwrap_or_default(),
        StatusCode::OK,
    )
}

fn page(
    st: &AppState,
    viewer: &Viewer,
    problem: String,
    done: String,
    status: StatusCode,
) -> Response {
    let Ok(users) = st.store.users() else {
        return error(StatusCode::INTERNAL_SERVER_ERROR, Some(viewer));
    };
    html_status(
        status,
        &Users {
            chrome: Chrome::new("Users", Some(viewer), "/admin/users"),
            users,
            roles: Role::ALL.iter().map(|r| r.as_str()).collect(),
            problem,
            done,
        },
    )
}

/// The add-user form.
#[derive(Debug, Deserialize)]
pub struct AddUser {
    name: String,
    role: String,
    #[serde(default)]
    board_role: String,
    #[serde(default)]
    locales: String,
    password: String,
}

/// Add an account (recorded in the audit log, without the password).
pub async fn add_user(
    State(st): State<AppState>,
    viewer: Viewer,
    Me(me, addr): Me,
    Form(f): Form<AddUser>,
) -> Response {
    let Some(role) = Role::parse(&f.role) else {
        return page(
            &st,
            &viewer,
            format!("`{}` is not a role", f.role),
            String::new(),
            StatusCode::BAD_REQUEST,
        );
    };
    let new = NewUser {
        name: f.name.trim().to_string(),
        role,
        board_role: f.board_role.trim().chars().take(64).collect(),
        locales: f
            .locales
            .split([',', ' '])
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        password: f.password,
    };
    let s2 = st.clone();
    let n2 = new.clone();
    let made = tokio::task::spawn_blocking(move || s2.store.add_user(&n2)).await;
    match made {
        Ok(Ok(u)) => {
            let _ = st.store.audit(&Change {
                actor: &me.user.name,
                address: &addr,
                action: "user.add",
                target: &format!("user {}", u.name),
                before: "",
                after: &format!("role {}", u.role),
            });
            Redirect::to(&format!(
                "/admin/users?done={}",
                crate::web::app::urlencode(&format!("Added {}", u.name))
            ))
            .into_response()
        }
        Ok(Err(d)) => page(
            &st,
            &viewer,
            super::said(&d),
            String::new(),
            StatusCode::BAD_REQUEST,
        ),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)),
    }
}

async fn set_disabled(
    st: AppState,
    viewer: Viewer,
    me: Me,
    name: String,
    disabled: bool,
) -> Response {
    let Me(me, addr) = me;
    if disabled && me.user.name.eq_ignore_ascii_case(&name) {
        return page(
            &st,
            &viewer,
            "You cannot disable your own account.".into(),
            String::new(),
            StatusCode::BAD_REQUEST,
        );
    }
    match st.store.set_disabled(&name, disabled) {
        Ok(u) => {
            let _ = st.store.audit(&Change {
                actor: &me.user.name,
                address: &addr,
                action: if disabled {
                    "user.disable"
                } else {
                    "user.enable"
                },
                target: &format!("user {}", u.name),
                before: if disabled { "enabled" } else { "disabled" },
                after: if disabled { "disabled" } else { "enabled" },
            });
            Redirect::to(&format!(
                "/admin/users?done={}",
                crate::web::app::urlencode(&format!(
                    "{} {}",
                    if disabled { "Disabled" } else { "Enabled" },
                    u.name
                ))
            ))
            .into_response()
        }
        Err(d) => page(
            &st,
            &viewer,
            d.message,
            String::new(),
            StatusCode::NOT_FOUND,
        ),
    }
}

/// Disable an account (its sessions end).
pub async fn disable(
    State(st): State<AppState>,
    viewer: Viewer,
    me: Me,
    Path(name): Path<String>,
) -> Response {
    set_disabled(st, viewer, me, name, true).await
}

/// Enable an account again.
pub async fn enable(
    State(st): State<AppState>,
    viewer: Viewer,
    me: Me,
    Path(name): Path<String>,
) -> Response {
    set_disabled(st, viewer, me, name, false).await
}

#[derive(Template)]
#[template(path = "web/templates/admin_audit.html")]
struct Audit {
    chrome: Chrome,
    entries: Vec<Entry>,
}

/// The newest 500 audit records.
pub async fn audit(State(st): State<AppState>, viewer: Viewer) -> Response {
    match st.store.audit_log(500) {
        Ok(entries) => html(&Audit {
            chrome: Chrome::new("Audit log", Some(&viewer), "/admin/audit"),
            entries,
        }),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)),
    }
}
