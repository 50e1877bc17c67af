//! The survivor advisory board in the browser, in-process: the review queue, comments
//! (pinned and not, escaped), decisions bound to the content hash the reviewer saw,
//! a changed piece back in the queue with what changed in words and in pictures, the
//! preview image route, and who may do what.

use crate::common;

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use tower::ServiceExt as _;

use hotline_kit::web::app::{AppState, Config, router};
use hotline_kit::web::store::Store;
use hotline_kit::web::store::users::{NewUser, Role};

/// A facility folder made by `init`, with a small kit (one design, two languages), and
/// a server for it.
struct App {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    state: AppState,
    router: Router,
}

fn app() -> App {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("clinic");
    hotline_kit::products::facility::init(&common::root(), None, Some(&dir)).unwrap();
    common::edit(
        dir.join("kit.toml"),
        "designs = [\"stall-sticker\", \"window-cling\", \"poster\", \"wallet-card\", \"tv-slides\",\n           \"safety-card\", \"staff-badge-card\", \"staff-poster\", \"staff-poster-letter\"]",
        r#"designs = ["stall-sticker"]"#,
    );
    let store = Store::open(&dir).unwrap();
    let state = AppState::new(&dir, store, Config::default());
    App {
        _tmp: tmp,
        router: router(state.clone()),
        dir,
        state,
    }
}

/// A logged-in person: the session cookie and the CSRF token of their forms.
struct Who {
    cookie: String,
    csrf: String,
}

fn login(a: &App, name: &str, role: Role, initials_only: bool) -> Who {
    let u = a
        .state
        .store
        .add_user(&NewUser {
            name: name.into(),
            role,
            board_role: if role == Role::Reviewer {
                "survivor leader".into()
            } else {
                String::new()
            },
            locales: Vec::new(),
            password: "a long enough password".into(),
        })
        .unwrap();
    if initials_only {
        a.state.store.set_initials_only(u.id, true).unwrap();
    }
    let s = a.state.store.start_session(u.id, 3600).unwrap();
    Who {
        cookie: format!("{}={}", a.state.session_cookie(), s.token),
        csrf: s.csrf,
    }
}

async fn get(a: &App, who: &Who, path: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
    let req = Request::get(path)
        .header(header::COOKIE, &who.cookie)
        .body(Body::empty())
        .unwrap();
    let res = a.router.clone().oneshot(req).await.unwrap();
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 64 << 20).await.unwrap();
    (parts.status, parts.headers, bytes.to_vec())
}

async fn page(a: &App, who: &Who, path: &str) -> String {
    let (status, _, body) = get(a, who, path).await;
    let body = String::from_utf8(body).unwrap();
    assert_eq!(status, StatusCode::OK, "{path}: {body}");
    body
}

async fn post(a: &App, who: &Who, path: &str, form: &[(&str, &str)]) -> (StatusCode, String) {
    let mut fields = vec![("csrf", who.csrf.as_str())];
    fields.extend_from_slice(form);
    let req = Request::post(path)
        .header(header::COOKIE, &who.cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(serde_urlencoded::to_string(&fields).unwrap()))
        .unwrap();
    let res = a.router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let body = axum::body::to_bytes(res.into_body(), 64 << 20)
        .await
        .unwrap();
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// The content hash a piece page shows.
fn shown_hash(html: &str) -> String {
    let at = html.find("data-hash=\"").expect("the page shows a hash") + 11;
    html[at..at + 71].to_string()
}

/// The part of the queue listing the pieces waiting for review.
fn waiting(queue: &str) -> &str {
    let end = queue.find("id=\"approved\"").expect("the approved section");
    &queue[..end]
}

fn ledger(dir: &Path) -> Option<String> {
    std::fs::read_to_string(dir.join(hotline_kit::review::LEDGER)).ok()
}

const PIECE: &str = "/review/stall-sticker/es";

#[tokio::test(flavor = "multi_thread")]
async fn a_reviewer_sees_the_queue_with_thumbnails() {
    let a = app();
    let ana = login(&a, "Ana Reviewer", Role::Reviewer, false);
    let q = page(&a, &ana, "/review").await;
    let w = waiting(&q);
    for piece in ["/review/stall-sticker/en", PIECE] {
        assert!(
            w.contains(&format!("href=\"{piece}\"")),
            "{piece} waits: {q}"
        );
    }
    assert!(w.contains("Draft"), "{q}");
    assert!(q.contains("href=\"/review\" aria-current=\"page\">Review queue"));
    // The thumbnail: a preview with its content hash, kept by the browser for good.
    let at = q.find("src=\"/preview/stall-sticker/es/1.png?").unwrap() + 5;
    let src = q[at..].split('"').next().unwrap().replace("&amp;", "&");
    assert!(
        q.contains("alt=\"Preview of stall-sticker in Spanish, page 1\""),
        "{q}"
    );
    let (status, h, png) = get(&a, &ana, &src).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{src}: {}",
        String::from_utf8_lossy(&png)
    );
    assert_eq!(h[header::CONTENT_TYPE], "image/png");
    assert_eq!(
        h[header::CACHE_CONTROL],
        "private, max-age=31536000, immutable"
    );
    let hash = src.split("h=").nth(1).unwrap().replace("%3A", ":");
    assert!(h[header::ETAG].to_str().unwrap().contains(&hash));
    assert!(png.starts_with(b"\x89PNG"));
    // A stale hash is sent on to the current one; an unknown piece or page is not found.
    let stale = format!(
        "/preview/stall-sticker/es/1.png?w=480&h=sha256:{}",
        "0".repeat(64)
    );
    let (status, h, _) = get(&a, &ana, &stale).await;
    assert!(status.is_redirection(), "{status}");
    assert!(
        h[header::LOCATION]
            .to_str()
            .unwrap()
            .contains(&hash.replace(':', "%3A"))
    );
    for bad in [
        "/preview/nope/es/1.png",
        "/preview/stall-sticker/xx/1.png",
        "/preview/stall-sticker/es/9.png",
        "/preview/stall-sticker/es/..%2F..%2Fkit.toml",
        "/review/..%2Fkit.toml/es",
        "/review/stall-sticker/..",
    ] {
        let (status, _, _) = get(&a, &ana, bad).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{bad}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn comments_pinned_and_unpinned_are_stored_escaped_and_drawn() {
    let a = app();
    let ana = login(&a, "Ana Reviewer", Role::Reviewer, true);
    let p = page(&a, &ana, PIECE).await;
    let hash = shown_hash(&p);
    assert!(p.contains("alt=\"Preview of stall-sticker in Spanish, page 1\""));
    let comment = format!("{PIECE}/comment");
    let (s, _) = post(
        &a,
        &ana,
        &comment,
        &[("body", "<script>alert(1)</script>"), ("hash", &hash)],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (s, _) = post(
        &a,
        &ana,
        &comment,
        &[
            ("body", "the number is too small here"),
            ("x", "0.25"),
            ("y", "0.5"),
            ("hash", &hash),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    // A pin off the preview, or half a pin, is refused and nothing is stored.
    for (x, y) in [("1.5", "0.5"), ("0.5", ""), ("NaN", "0.1"), ("-0.1", "0.2")] {
        let (s, body) = post(
            &a,
            &ana,
            &comment,
            &[
                ("body", "off the page"),
                ("x", x),
                ("y", y),
                ("hash", &hash),
            ],
        )
        .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{x},{y}");
        assert!(body.contains("outside the preview"));
    }
    let (s, _) = post(&a, &ana, &comment, &[("body", "   "), ("hash", &hash)]).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let stored = a.state.store.comments("stall-sticker", "es").unwrap();
    assert_eq!(stored.len(), 2);
    assert_eq!((stored[0].x, stored[0].y), (None, None));
    assert_eq!((stored[1].x, stored[1].y), (Some(0.25), Some(0.5)));
    assert!(stored.iter().all(|c| c.hash == hash));
    let p = page(&a, &ana, PIECE).await;
    assert!(p.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{p}");
    assert!(!p.contains("<script>alert(1)"));
    // Shown by initials, as chosen; the pin is a numbered marker linked to its comment.
    assert!(p.contains("A. R."), "{p}");
    let pin = format!("<a href=\"#comment-{}\" class=\"pin\">", stored[1].id);
    let at = p.find(&pin).expect("a marker for the pinned comment");
    assert!(p[at..].contains("<circle cx=\"25.00\" cy=\"50.00\""));
    assert!(p.contains(&format!("id=\"comment-{}\"", stored[1].id)));
    assert!(!p.contains(&format!("href=\"#comment-{}\"", stored[0].id)));
    // Every comment is in the audit log.
    let log = a.state.store.audit_log(50).unwrap();
    assert_eq!(
        log.iter().filter(|e| e.action == "review.comment").count(),
        2
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn approving_the_hash_shown_records_it_and_the_piece_leaves_the_queue() {
    let a = app();
    let ana = login(&a, "Ana Reviewer", Role::Reviewer, false);
    let hash = shown_hash(&page(&a, &ana, PIECE).await);
    let (s, _) = post(
        &a,
        &ana,
        &format!("{PIECE}/decide"),
        &[("decision", "approve"), ("hash", &hash)],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let l = ledger(&a.dir).expect("the ledger is written");
    assert!(
        l.contains(&hash) && l.contains("Ana Reviewer") && l.contains("survivor leader"),
        "{l}"
    );
    let q = page(&a, &ana, "/review").await;
    assert!(!waiting(&q).contains(&format!("href=\"{PIECE}\"")), "{q}");
    assert!(
        q.contains(&format!("href=\"{PIECE}\"")),
        "listed as approved: {q}"
    );
    assert!(waiting(&q).contains("href=\"/review/stall-sticker/en\""));
    // The approved version's picture is kept, for a later comparison.
    let hex = hash.strip_prefix("sha256:").unwrap();
    let kept = a.dir.join(format!(".hotline-kit/approved/{hex}-1.png"));
    assert!(std::fs::read(&kept).unwrap().starts_with(b"\x89PNG"));
    let p = page(&a, &ana, PIECE).await;
    assert!(
        p.contains("Approved</strong> by Ana Reviewer (survivor leader)"),
        "{p}"
    );
    let log = a.state.store.audit_log(50).unwrap();
    let e = log.iter().find(|e| e.action == "review.approve").unwrap();
    assert_eq!((e.before.as_str(), e.after.as_str()), ("draft", "approved"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_forged_or_stale_hash_never_approves() {
    let a = app();
    let ana = login(&a, "Ana Reviewer", Role::Reviewer, false);
    let hash = shown_hash(&page(&a, &ana, PIECE).await);
    let before = ledger(&a.dir);
    let forged = format!("sha256:{}", "0".repeat(64));
    let mut flipped = hash.clone();
    let last = if flipped.ends_with('0') { "1" } else { "0" };
    flipped.replace_range(flipped.len() - 1.., last);
    for h in [
        forged.as_str(),
        flipped.as_str(),
        "",
        "sha256:../../kit.toml",
    ] {
        let (s, body) = post(
            &a,
            &ana,
            &format!("{PIECE}/decide"),
            &[("decision", "approve"), ("hash", h)],
        )
        .await;
        assert_eq!(s, StatusCode::CONFLICT, "{h}");
        assert!(body.contains("changed since you opened it"), "{body}");
        assert!(body.contains("Nothing was recorded"));
    }
    assert_eq!(ledger(&a.dir), before, "nothing written");
    assert!(!a.dir.join(".hotline-kit/approved").exists());
    let q = page(&a, &ana, "/review").await;
    assert!(waiting(&q).contains(&format!("href=\"{PIECE}\"")));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_for_changes_needs_a_reason() {
    let a = app();
    let ana = login(&a, "Ana Reviewer", Role::Reviewer, false);
    let hash = shown_hash(&page(&a, &ana, PIECE).await);
    let decide = format!("{PIECE}/decide");
    for reason in ["", "  \n "] {
        let (s, body) = post(
            &a,
            &ana,
            &decide,
            &[
                ("decision", "request-changes"),
                ("reason", reason),
                ("hash", &hash),
            ],
        )
        .await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        assert!(body.contains("needs a reason"), "{body}");
    }
    assert_eq!(ledger(&a.dir), None, "nothing written");
    let (s, _) = post(
        &a,
        &ana,
        &decide,
        &[
            ("decision", "request-changes"),
            ("reason", "the <b>number</b> is too small"),
            ("hash", &hash),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert!(ledger(&a.dir).unwrap().contains("is too small"));
    let q = page(&a, &ana, "/review").await;
    assert!(waiting(&q).contains("Changes requested"), "{q}");
    let p = page(&a, &ana, PIECE).await;
    assert!(
        p.contains("the &lt;b&gt;number&lt;/b&gt; is too small"),
        "{p}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_changed_piece_returns_with_what_changed_in_words_and_pictures() {
    let a = app();
    let ana = login(&a, "Ana Reviewer", Role::Reviewer, false);
    let old = shown_hash(&page(&a, &ana, PIECE).await);
    let (s, _) = post(
        &a,
        &ana,
        &format!("{PIECE}/decide"),
        &[("decision", "approve"), ("hash", &old)],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    // The QR code now texts the hotline instead of calling it.
    common::edit(
        a.dir.join("kit.toml"),
        "target = \"tel\"",
        "target = \"sms\"",
    );
    a.state.engine.invalidate();
    let q = page(&a, &ana, "/review").await;
    let w = waiting(&q);
    assert!(w.contains(&format!("href=\"{PIECE}\"")), "{q}");
    assert!(w.contains("Changed since approval"), "{q}");
    assert!(w.contains("QR payload"), "the change is named: {q}");
    let p = page(&a, &ana, PIECE).await;
    let new = shown_hash(&p);
    assert_ne!(new, old);
    assert!(p.contains("What changed since it was approved"), "{p}");
    let old_png = format!("a={}", old.replace(':', "%3A"));
    assert!(p.contains(&old_png), "the approved version is shown: {p}");
    assert!(
        p.contains("class=\"changed-area\""),
        "changed areas are marked: {p}"
    );
    assert!(p.contains("Changed areas on page 1"), "{p}");
    // The approved version's image is served from the kept file.
    let at = p
        .find("src=\"/preview/stall-sticker/es/1.png?w=800&amp;a=")
        .unwrap()
        + 5;
    let src = p[at..].split('"').next().unwrap().replace("&amp;", "&");
    let (s, h, png) = get(&a, &ana, &src).await;
    assert_eq!(s, StatusCode::OK);
    assert!(png.starts_with(b"\x89PNG"));
    assert!(h[header::ETAG].to_str().unwrap().contains(&old));
}

#[tokio::test(flavor = "multi_thread")]
async fn no_kept_image_says_so_and_shows_the_words() {
    let a = app();
    let ana = login(&a, "Ana Reviewer", Role::Reviewer, false);
    let old = shown_hash(&page(&a, &ana, PIECE).await);
    let (s, _) = post(
        &a,
        &ana,
        &format!("{PIECE}/decide"),
        &[("decision", "approve"), ("hash", &old)],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    // As if approved before images were kept.
    std::fs::remove_dir_all(a.dir.join(".hotline-kit/approved")).unwrap();
    common::edit(
        a.dir.join("kit.toml"),
        "target = \"tel\"",
        "target = \"sms\"",
    );
    a.state.engine.invalidate();
    let p = page(&a, &ana, PIECE).await;
    assert!(
        p.contains("No image of the approved version was kept"),
        "{p}"
    );
    assert!(!p.contains("class=\"changed-area\""));
}

#[tokio::test(flavor = "multi_thread")]
async fn only_reviewers_decide_and_comment() {
    let a = app();
    let ana = login(&a, "Ana Reviewer", Role::Reviewer, false);
    let cora = login(&a, "Cora", Role::Coordinator, false);
    let tess = login(&a, "Tess", Role::Translator, false);
    let hash = shown_hash(&page(&a, &ana, PIECE).await);
    for who in [&cora, &tess] {
        let (s, _) = post(
            &a,
            who,
            &format!("{PIECE}/decide"),
            &[("decision", "approve"), ("hash", &hash)],
        )
        .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _) = post(&a, who, &format!("{PIECE}/comment"), &[("body", "hi")]).await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _, _) = get(&a, who, "/review").await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
    assert_eq!(ledger(&a.dir), None);
    assert!(
        a.state
            .store
            .comments("stall-sticker", "es")
            .unwrap()
            .is_empty()
    );
    // Coordinators see previews too; translators do not.
    let (s, _, _) = get(&a, &cora, "/preview/stall-sticker/es/1.png?w=480").await;
    assert_eq!(s, StatusCode::OK);
    let (s, _, _) = get(&a, &tess, "/preview/stall-sticker/es/1.png?w=480").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // A reviewer's form without its CSRF token is refused.
    let bad = Who {
        cookie: ana.cookie.clone(),
        csrf: "wrong".into(),
    };
    let (s, _) = post(
        &a,
        &bad,
        &format!("{PIECE}/decide"),
        &[("decision", "approve"), ("hash", &hash)],
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(ledger(&a.dir), None);
}

#[test]
fn the_command_line_approval_keeps_an_image_too() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("clinic");
    hotline_kit::products::facility::init(&common::root(), None, Some(&dir)).unwrap();
    let o = common::hk(
        &dir,
        &["approve", "stall-sticker", "--locale", "es", "--by", "Ana"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let kept: Vec<_> = std::fs::read_dir(dir.join(".hotline-kit/approved"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let l = ledger(&dir).unwrap();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let hex = kept[0].strip_suffix("-1.png").unwrap();
    assert!(l.contains(&format!("sha256:{hex}")), "{l}");
}

#[tokio::test(flavor = "multi_thread")]
async fn approvals_from_the_web_and_the_command_line_at_the_same_time_all_land() {
    let a = app();
    // Five approvals needed: no approval makes the others "already approved".
    let kit = a.dir.join("kit.toml");
    let text = std::fs::read_to_string(&kit).unwrap();
    std::fs::write(&kit, format!("{text}\n[review]\napprovals = 5\n")).unwrap();
    let ana = login(&a, "Ana Reviewer", Role::Reviewer, false);
    let hash = shown_hash(&page(&a, &ana, PIECE).await);
    // Four `hotline-kit approve` processes of the English piece start first...
    let bin = assert_cmd::cargo::cargo_bin("hotline-kit");
    let children: Vec<std::process::Child> = (0..4)
        .map(|i| {
            std::process::Command::new(&bin)
                .args(["--project"])
                .arg(&a.dir)
                .args(["approve", "stall-sticker", "--locale", "en", "--by"])
                .arg(format!("Board member {i}"))
                .env("HOTLINE_KIT_TODAY", common::TODAY)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    // ...and the web application records its decision on the Spanish piece meanwhile.
    let (s, body) = post(
        &a,
        &ana,
        &format!("{PIECE}/decide"),
        &[("decision", "approve"), ("hash", &hash)],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{body}");
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let l = ledger(&a.dir).expect("the ledger is written");
    assert!(l.contains(&hash) && l.contains("Ana Reviewer"), "{l}");
    for i in 0..4 {
        assert!(l.contains(&format!("Board member {i}")), "{l}");
    }
    assert_eq!(l.matches("[[approval]]").count(), 5, "{l}");
}
