//! The web application's skeleton: its state, the route table (every route with who may
//! use it), and the guard every request passes before its handler runs:
//!
//! 1. the session is looked up from its cookie (an HttpOnly, SameSite=Strict cookie; a
//!    Secure `__Host-` cookie behind TLS);
//! 2. the route's [`Access`] is enforced here, on the server, for every route: no
//!    session gets the login page (303) or 401, the wrong role 403;
//! 3. every request that changes something (any method but GET and HEAD) must come
//!    from this site (`Origin` / `Sec-Fetch-Site`) and carry the session's CSRF token
//!    (the `csrf` form field, or the `csrf` query parameter for file uploads), compared
//!    in constant time; the login form carries a token tied to a cookie of its own;
//! 4. every response gets the security headers: a strict Content-Security-Policy with no
//!    inline script, no framing, no referrer to other sites, no sniffing, no caching of
//!    pages.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header, request::Parts};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};

use super::engine::Engine;
use super::limit::Limiter;
use super::store::Store;
use super::store::sessions::Session;
use super::store::users::Role;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Behind a TLS reverse proxy: cookies are Secure (`__Host-` prefixed) and the
    /// client's address is taken from `X-Forwarded-For` when the proxy is local.
    pub behind_tls: bool,
    /// How long a session lasts, in seconds.
    pub session_secs: i64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            behind_tls: false,
            session_secs: super::store::sessions::SESSION_SECS,
        }
    }
}

/// Everything a handler may use.
#[derive(Debug)]
pub struct Inner {
    /// The database.
    pub store: Store,
    /// The project and previews.
    pub engine: Engine,
    /// Login rate limits.
    pub limiter: Limiter,
    /// How the server runs.
    pub config: Config,
    /// One change to project files at a time (kit.toml, locale files).
    pub writing: tokio::sync::Mutex<()>,
}

/// The shared state of the application.
#[derive(Debug, Clone)]
pub struct AppState(pub Arc<Inner>);

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// The state of a server for the project in `dir` with this database.
    pub fn new(dir: &std::path::Path, store: Store, config: Config) -> AppState {
        AppState(Arc::new(Inner {
            store,
            engine: Engine::new(dir),
            limiter: Limiter::default(),
            config,
            writing: tokio::sync::Mutex::new(()),
        }))
    }

    /// The name of the session cookie.
    pub fn session_cookie(&self) -> &'static str {
        if self.config.behind_tls {
            "__Host-hk_session"
        } else {
            "hk_session"
        }
    }

    /// The name of the login form's CSRF cookie.
    pub fn login_cookie(&self) -> &'static str {
        if self.config.behind_tls {
            "__Host-hk_login"
        } else {
            "hk_login"
        }
    }

    /// A `Set-Cookie` value: HttpOnly, SameSite=Strict, path /, Secure behind TLS;
    /// `max_age` 0 deletes it.
    pub fn cookie(&self, name: &str, value: &str, max_age: i64) -> String {
        format!(
            "{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{}",
            if self.config.behind_tls {
                "; Secure"
            } else {
                ""
            }
        )
    }
}

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (login page, stylesheet).
    Public,
    /// Anyone logged in.
    Signed,
    /// Only these roles.
    Roles(&'static [Role]),
}

impl Access {
    /// Whether a person with `role` may use the route.
    pub fn allows(self, role: Option<Role>) -> bool {
        match (self, role) {
            (Access::Public, _) => true,
            (_, None) => false,
            (Access::Signed, Some(_)) => true,
            (Access::Roles(rs), Some(r)) => rs.contains(&r),
        }
    }
}

/// One route of the table.
#[derive(Debug, Clone)]
pub struct Route {
    /// Method.
    pub method: Method,
    /// Path pattern (axum syntax, `{param}`).
    pub path: &'static str,
    /// Who may use it.
    pub access: Access,
    /// A concrete path for the route × role tests.
    pub example: &'static str,
}

/// Who is asking: their session, if any, and their address. The guard puts it in every
/// request's extensions.
#[derive(Debug, Clone)]
pub struct Viewer {
    /// The session.
    pub session: Option<Session>,
    /// The client's address.
    pub address: String,
}

/// A handler's proof that someone is logged in (the guard already checked the role).
#[derive(Debug, Clone)]
pub struct Me(pub Session, pub String);

impl<S: Send + Sync> FromRequestParts<S> for Me {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let v = parts
            .extensions
            .get::<Viewer>()
            .ok_or(StatusCode::UNAUTHORIZED)?;
        let s = v.session.clone().ok_or(StatusCode::UNAUTHORIZED)?;
        Ok(Me(s, v.address.clone()))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .ok_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// The application: every route of [`super::pages::routes`] behind the guard, with
/// the security headers on every response.
pub fn router(state: AppState) -> Router {
    let mut r: Router<AppState> = Router::new();
    for (route, handler) in super::pages::routes() {
        let guarded = handler.layer(middleware::from_fn_with_state(
            (state.clone(), route.access),
            guard,
        ));
        r = r.route(route.path, guarded);
    }
    r.fallback(super::pages::not_found)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_MAX))
        .layer(middleware::map_response(headers))
        .with_state(state)
}

/// Largest request body: 12 MB (a facility's picture).
pub const BODY_MAX: usize = 12 << 20;

/// The value of cookie `name` in the request.
pub fn cookie_value(parts: &axum::http::HeaderMap, name: &str) -> Option<String> {
    parts
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// The client's address.
fn address(state: &AppState, req: &Request) -> String {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if state.config.behind_tls
        && peer.is_some_and(|p| p.is_loopback())
        && let Some(f) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
    {
        return f.trim().chars().take(64).collect();
    }
    peer.map_or_else(|| "unknown".into(), |p| p.to_string())
}

/// Equal in constant time (for tokens).
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

async fn guard(
    State((state, access)): State<(AppState, Access)>,
    req: Request,
    next: Next,
) -> Response {
    let address = address(&state, &req);
    let session = match cookie_value(req.headers(), state.session_cookie()) {
        Some(token) => {
            let st = state.clone();
            match tokio::task::spawn_blocking(move || st.store.session(&token)).await {
                Ok(Ok(s)) => s,
                _ => return super::pages::error(StatusCode::INTERNAL_SERVER_ERROR, None),
            }
        }
        None => None,
    };
    let viewer = Viewer {
        session: session.clone(),
        address,
    };
    let role = session.as_ref().map(|s| s.user.role);
    let changes = !matches!(*req.method(), Method::GET | Method::HEAD);
    if !access.allows(role) {
        if session.is_none() {
            if changes {
                return super::pages::error(StatusCode::UNAUTHORIZED, None);
            }
            let next_path = req
                .uri()
                .path_and_query()
                .map_or("/", |p| p.as_str())
                .to_string();
            return Redirect::to(&format!("/login?next={}", urlencode(&next_path))).into_response();
        }
        return super::pages::error(StatusCode::FORBIDDEN, Some(&viewer));
    }
    let mut req = req;
    if changes {
        if !same_site(&req) {
            return super::pages::error(StatusCode::FORBIDDEN, Some(&viewer));
        }
        let expected = match &session {
            Some(s) => Some(s.csrf.clone()),
            None => cookie_value(req.headers(), state.login_cookie()),
        };
        let (checked, rebuilt) = csrf_token(req).await;
        req = match rebuilt {
            Some(r) => r,
            None => return super::pages::error(StatusCode::PAYLOAD_TOO_LARGE, Some(&viewer)),
        };
        let ok = matches!((&expected, &checked), (Some(e), Some(c)) if !e.is_empty() && same(e, c));
        if !ok {
            return super::pages::error(StatusCode::FORBIDDEN, Some(&viewer));
        }
    }
    req.extensions_mut().insert(viewer);
    next.run(req).await
}

/// A request that changes something must come from a page of this site: when the
/// browser says where it comes from (`Sec-Fetch-Site`, `Origin`), it must be here.
fn same_site(req: &Request) -> bool {
    let h = req.headers();
    if let Some(site) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    if let Some(origin) = h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        let host = h
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let bare = origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"))
            .unwrap_or("");
        return !host.is_empty() && bare == host;
    }
    true
}

/// The request's CSRF token (form field `csrf`, or query parameter `csrf` for a
/// multipart upload), and the request rebuilt with its body (`None` when the body is
/// too large).
async fn csrf_token(req: Request) -> (Option<String>, Option<Request>) {
    let from_query = req.uri().query().and_then(|q| {
        serde_urlencoded::from_str::<Vec<(String, String)>>(q)
            .ok()?
            .into_iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v)
    });
    let form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form {
        return (from_query, Some(req));
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, FORM_MAX).await else {
        return (None, None);
    };
    let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
        .ok()
        .and_then(|v| v.into_iter().find(|(k, _)| k == "csrf").map(|(_, v)| v));
    (token, Some(Request::from_parts(parts, Body::from(bytes))))
}

/// Largest form body (not an upload): 1 MB.
const FORM_MAX: usize = 1 << 20;

/// Percent-encode for a query value.
pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("x", s)])
        .map(|v| v[2..].to_string())
        .unwrap_or_default()
}

/// The security headers of every response.
async fn headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, k: &'static str, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(
        h,
        "content-security-policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; \
         connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(h, "x-content-type-options", "nosniff");
    set(h, "x-frame-options", "DENY");
    // Not "no-referrer": with it, browsers send `Origin: null` on this site's own form
    // posts, and the same-site check above refuses every form (login included).
    set(h, "referrer-policy", "same-origin");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(h, "cross-origin-resource-policy", "same-origin");
    set(
        h,
        "permissions-policy",
        "camera=(), microphone=(), geolocation=()",
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        set(h, "cache-control", "no-store");
    }
    res
}
