//! `hotline-kit serve`: the web application ([`crate::web`]) for coordinators, the
//! survivor advisory board, translators, staff and admins.

use std::net::SocketAddr;

use super::args::Global;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::web::app::{AppState, Config};
use crate::web::store::Store;

/// Arguments of `serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address and port to listen on (default: this computer only).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub bind: SocketAddr,
    /// It runs behind a reverse proxy that serves HTTPS: cookies are marked Secure,
    /// and the client's address comes from X-Forwarded-For of a local proxy.
    #[arg(long)]
    pub behind_tls: bool,
}

/// Run `serve` until interrupted (Ctrl-C).
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    if g.kit.is_some() {
        return Err(
            Diagnostic::error("serve works on the project's own kit.toml")
                .hint("leave out --kit; run serve with --project FOLDER (a facility folder)")
                .into(),
        );
    }
    let store = Store::open(&g.project)?;
    if store.active_users()? == 0 {
        return Err(Diagnostic::error("there is no account that can log in yet")
            .hint("make the first one with `hotline-kit user add NAME --role admin` (it asks for a password; there is no default account)")
            .into());
    }
    let state = AppState::new(
        &g.project,
        store,
        Config {
            behind_tls: a.behind_tls,
            ..Config::default()
        },
    );
    // Fail now, with the usual messages, if the project does not load.
    state.engine.project()?;
    state.engine.kit()?;
    if !a.bind.ip().is_loopback() {
        eprintln!("{}", exposed_note(a.behind_tls));
    }
    // Few threads for blocking work (drawing, password hashing): it is bound by the
    // cores anyway, and each extra thread keeps a memory arena of its own, so a burst of
    // previews would leave the process holding hundreds of MB (1.1 GB peak with tokio's
    // default of 512 threads in tests/bench/serve.sh; see the README).
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(cores + 2)
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::error(format!("cannot start the server: {e}")))?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(a.bind).await.map_err(|e| {
            Diagnostic::error(format!("cannot listen on {}: {e}", a.bind))
                .hint("another program may use that port: try --bind 127.0.0.1:8081")
        })?;
        eprintln!(
            "hotline-kit serving {} at http://{} (Ctrl-C stops it)",
            g.project.display(),
            listener.local_addr().map_or(a.bind, |x| x)
        );
        let app =
            crate::web::app::router(state).into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| Diagnostic::error(format!("the server stopped: {e}")))
    })?;
    Ok(())
}

/// What to say when the server listens beyond this computer.
fn exposed_note(behind_tls: bool) -> String {
    let mut s = String::from(
        "note: listening beyond this computer. Passwords and sessions must not cross a network
in clear text: put hotline-kit behind a reverse proxy that serves HTTPS, keep this port
closed to everyone but the proxy, and start serve with --behind-tls. For example, with Caddy:

    kit.example.org {
        reverse_proxy 127.0.0.1:8080
    }

or with nginx, in a server block with ssl_certificate set:

    location / { proxy_pass http://127.0.0.1:8080; proxy_set_header Host $host;
                 proxy_set_header X-Forwarded-For $remote_addr; }",
    );
    if !behind_tls {
        s.push_str("\nwarning: --behind-tls is not set, so cookies are not marked Secure.");
    }
    s
}
