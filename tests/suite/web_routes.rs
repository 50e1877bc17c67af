//! The web application's door: every route of the route table against every role and
//! no session, CSRF, where requests come from, sessions that ended, login limits,
//! redirects after login, cookies and security headers. In process, through the same
//! router `hotline-kit serve` runs.

use std::path::Path;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use hotline_kit::web::app::{Access, AppState, Config, router};
use hotline_kit::web::store::Store;
use hotline_kit::web::store::users::{NewUser, Role};
use tower::ServiceExt as _;

use crate::common;

const PASSWORD: &str = "a long enough password";

/// A facility folder with one account per role.
fn facility() -> (tempfile::TempDir, Store) {
    let d = tempfile::tempdir().unwrap();
    let out = common::hk(d.path(), &["init", "clinic"]);
    assert!(out.status.success(), "{out:?}");
    let store = Store::open(&d.path().join("clinic")).unwrap();
    for r in Role::ALL {
        store
            .add_user(&NewUser {
                name: r.as_str().into(),
                role: r,
                board_role: String::new(),
                locales: vec!["es".into()],
                password: PASSWORD.into(),
            })
            .unwrap();
    }
    (d, store)
}

fn app(dir: &Path, store: &Store, config: Config) -> axum::Router {
    router(AppState::new(&dir.join("clinic"), store.clone(), config))
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// A request, with a session cookie and (for a POST) a form body carrying `csrf`.
fn request(method: &Method, path: &str, cookie: Option<&str>, csrf: Option<&str>) -> Request<Body> {
    let mut b = Request::builder().method(method.clone()).uri(path);
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    if *method == Method::GET {
        b.body(Body::empty()).unwrap()
    } else {
        let body = csrf.map(|t| format!("csrf={t}")).unwrap_or_default();
        b.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap()
    }
}

fn send(app: &axum::Router, req: Request<Body>) -> axum::response::Response {
    rt().block_on(app.clone().oneshot(req)).unwrap()
}

fn body_text(res: axum::response::Response) -> String {
    let b = rt()
        .block_on(axum::body::to_bytes(res.into_body(), 1 << 24))
        .unwrap();
    String::from_utf8_lossy(&b).into_owned()
}

/// A fresh session of the account named after `role`: (cookie, csrf).
fn session(store: &Store, role: Role) -> (String, String) {
    let u = store.user_by_name(role.as_str()).unwrap().unwrap();
    let s = store.start_session(u.id, 600).unwrap();
    (format!("hk_session={}", s.token), s.csrf)
}

#[test]
fn every_route_against_every_role_and_no_session() {
    let (d, store) = facility();
    let app = app(d.path(), &store, Config::default());
    let routes = hotline_kit::web::pages::routes();
    assert!(
        routes.len() >= 10,
        "the route table has {} routes",
        routes.len()
    );
    let mut table = String::new();
    let mut wrong = Vec::new();
    for (route, _) in &routes {
        let mut viewers: Vec<Option<Role>> = vec![None];
        viewers.extend(Role::ALL.map(Some));
        for who in viewers {
            // Each request gets a session of its own (a POST to /logout ends it).
            let (cookie, csrf) = match who {
                Some(r) => {
                    let (c, t) = session(&store, r);
                    (Some(c), Some(t))
                }
                // Without a session, a POST carries the login form's token pair.
                None => (Some("hk_login=tok".to_string()), Some("tok".to_string())),
            };
            let res = send(
                &app,
                request(
                    &route.method,
                    route.example,
                    cookie.as_deref(),
                    csrf.as_deref(),
                ),
            );
            let got = res.status();
            let allowed = route.access.allows(who);
            let expected_ok = if allowed {
                !matches!(got, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN)
                    && !got.is_server_error()
            } else if who.is_none() {
                if route.method == Method::GET {
                    got == StatusCode::SEE_OTHER
                        && res.headers()[header::LOCATION]
                            .to_str()
                            .unwrap()
                            .starts_with("/login?next=")
                } else {
                    got == StatusCode::UNAUTHORIZED
                }
            } else {
                got == StatusCode::FORBIDDEN
            };
            let who_s = who.map_or("no session", |r| r.as_str());
            table.push_str(&format!(
                "{} {} as {who_s}: {} ({})\n",
                route.method,
                route.example,
                got.as_u16(),
                if allowed { "allowed" } else { "refused" }
            ));
            if !expected_ok {
                wrong.push(format!(
                    "{} {} as {who_s}: got {got}, access {:?}",
                    route.method, route.example, route.access
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{}\n\nfull table:\n{table}",
        wrong.join("\n")
    );
    // The table is not all "allowed": every non-public route refuses someone.
    for (route, _) in &routes {
        if route.access != Access::Public {
            assert!(!route.access.allows(None), "{}", route.path);
        }
    }
}

#[test]
fn a_change_without_the_sessions_csrf_token_or_from_another_site_is_refused() {
    let (d, store) = facility();
    let app = app(d.path(), &store, Config::default());
    let (cookie, csrf) = session(&store, Role::Reviewer);
    let post = |token: Option<&str>| {
        send(
            &app,
            request(&Method::POST, "/account", Some(&cookie), token),
        )
        .status()
    };
    assert_eq!(post(None), StatusCode::FORBIDDEN, "no token");
    assert_eq!(post(Some("forged")), StatusCode::FORBIDDEN, "wrong token");
    let (_, other) = session(&store, Role::Admin);
    assert_eq!(
        post(Some(&other)),
        StatusCode::FORBIDDEN,
        "another session's token"
    );
    assert_eq!(post(Some(&csrf)), StatusCode::SEE_OTHER, "the right token");
    // The right token from another site (a form posted from elsewhere).
    for (h, v) in [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let mut req = request(&Method::POST, "/account", Some(&cookie), Some(&csrf));
        req.headers_mut().insert(h, v.parse().unwrap());
        req.headers_mut()
            .insert(header::HOST, "127.0.0.1:8080".parse().unwrap());
        assert_eq!(send(&app, req).status(), StatusCode::FORBIDDEN, "{h}: {v}");
    }
    // Nothing changed by the refused requests; the accepted one is in the audit log.
    let log = store.audit_log(50).unwrap();
    assert_eq!(
        log.iter()
            .filter(|e| e.action == "account.initials_only")
            .count(),
        1
    );
    // The login form's token must match its own cookie.
    let login = |cookie: &str, token: &str| {
        let req = Request::post("/login")
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!(
                "csrf={token}&name=admin&password=a+long+enough+password"
            )))
            .unwrap();
        send(&app, req).status()
    };
    assert_eq!(login("hk_login=abc", "xyz"), StatusCode::FORBIDDEN);
    assert_eq!(login("", "xyz"), StatusCode::FORBIDDEN);
    assert_eq!(login("hk_login=abc", "abc"), StatusCode::SEE_OTHER);
}

#[test]
fn ended_expired_and_disabled_sessions_are_refused() {
    let (d, store) = facility();
    let app = app(d.path(), &store, Config::default());
    let get =
        |cookie: &str| send(&app, request(&Method::GET, "/account", Some(cookie), None)).status();
    let u = store.user_by_name("coordinator").unwrap().unwrap();
    let expired = store.start_session(u.id, -1).unwrap();
    assert_eq!(
        get(&format!("hk_session={}", expired.token)),
        StatusCode::SEE_OTHER
    );
    assert_eq!(get("hk_session=made-up"), StatusCode::SEE_OTHER);
    // Logout ends the session on the server, not only in the browser.
    let (cookie, csrf) = session(&store, Role::Coordinator);
    assert_eq!(get(&cookie), StatusCode::OK);
    let res = send(
        &app,
        request(&Method::POST, "/logout", Some(&cookie), Some(&csrf)),
    );
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let cleared = res.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    assert_eq!(get(&cookie), StatusCode::SEE_OTHER);
    // Disabling an account ends its sessions.
    let (cookie, _) = session(&store, Role::Coordinator);
    store.set_disabled("coordinator", true).unwrap();
    assert_eq!(get(&cookie), StatusCode::SEE_OTHER);
}

fn login(app: &axum::Router, name: &str, password: &str, next: &str) -> axum::response::Response {
    let body = serde_urlencoded::to_string([
        ("csrf", "t"),
        ("name", name),
        ("password", password),
        ("next", next),
    ])
    .unwrap();
    let req = Request::post("/login")
        .header(header::COOKIE, "hk_login=t")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    send(app, req)
}

#[test]
fn logins_are_limited_per_account_and_the_cookie_is_strict() {
    let (d, store) = facility();
    let app = app(d.path(), &store, Config::default());
    let ok = login(&app, "reviewer", PASSWORD, "/account");
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(ok.headers()[header::LOCATION], "/account");
    let c = ok.headers()[header::SET_COOKIE].to_str().unwrap();
    for part in ["hk_session=", "HttpOnly", "SameSite=Strict", "Max-Age="] {
        assert!(c.contains(part), "{c}");
    }
    assert!(!c.contains("Secure"), "no TLS, no Secure: {c}");
    for _ in 0..5 {
        assert_eq!(
            login(&app, "reviewer", "wrong password", "/").status(),
            StatusCode::UNAUTHORIZED
        );
    }
    // The sixth try is refused even with the right password.
    let limited = login(&app, "reviewer", PASSWORD, "/");
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(body_text(limited).contains("Too many failed attempts"));
    // Another account is not locked out by it.
    assert_eq!(
        login(&app, "admin", PASSWORD, "/").status(),
        StatusCode::SEE_OTHER
    );
    let failed = store
        .audit_log(100)
        .unwrap()
        .iter()
        .filter(|e| e.action == "login.failed")
        .count();
    assert_eq!(failed, 5);
    // Behind TLS: a Secure, __Host- cookie.
    let tls = self::app(
        d.path(),
        &store,
        Config {
            behind_tls: true,
            ..Config::default()
        },
    );
    let req = Request::post("/login")
        .header(header::COOKIE, "__Host-hk_login=t")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(
            "csrf=t&name=admin&password=a+long+enough+password",
        ))
        .unwrap();
    let res = send(&tls, req);
    let c = res.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(
        c.starts_with("__Host-hk_session=") && c.contains("; Secure"),
        "{c}"
    );
}

#[test]
fn after_login_only_paths_of_this_site_are_followed() {
    let (d, store) = facility();
    let app = app(d.path(), &store, Config::default());
    for next in [
        "//evil.example/x",
        "https://evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        "/x\r\nSet-Cookie: a=b",
    ] {
        let res = login(&app, "admin", PASSWORD, next);
        assert_eq!(res.headers()[header::LOCATION], "/", "{next:?}");
    }
    assert_eq!(
        login(&app, "admin", PASSWORD, "/admin/audit").headers()[header::LOCATION],
        "/admin/audit"
    );
}

#[test]
fn every_response_carries_the_security_headers() {
    let (d, store) = facility();
    let app = app(d.path(), &store, Config::default());
    let (cookie, _) = session(&store, Role::Admin);
    for (path, cookie) in [
        ("/login", None),
        ("/no/such/page", None),
        ("/admin/users", Some(cookie.as_str())),
        ("/static/app.css", None),
    ] {
        let res = send(&app, request(&Method::GET, path, cookie, None));
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "same-origin", "{path}");
    }
}

#[test]
fn account_names_are_shown_as_text_in_the_admin_page() {
    let (d, store) = facility();
    store
        .add_user(&NewUser {
            name: "Zoe".into(),
            role: Role::Reviewer,
            board_role: "<img src=x onerror=alert(1)>".into(),
            locales: vec![],
            password: PASSWORD.into(),
        })
        .unwrap();
    let app = app(d.path(), &store, Config::default());
    let (cookie, _) = session(&store, Role::Admin);
    let html = body_text(send(
        &app,
        request(&Method::GET, "/admin/users", Some(&cookie), None),
    ));
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    assert!(!html.contains("<img src=x"));
}
