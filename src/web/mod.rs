//! Layer 9, web: `hotline-kit serve`, the web application on the same engine as the
//! command line: coordinators set the kit, preview and download; the survivor
//! advisory board reviews, comments and approves; translators edit their strings; staff
//! log what they posted; admins manage accounts and read the audit log.
//!
//! - [`store`]: the SQLite database (accounts, sessions, audit log, comments, postings);
//! - [`app`]: the route table (every route with the roles that may use it), the guard
//!   that enforces it on the server, CSRF, security headers;
//! - [`limit`]: login rate limits;
//! - [`engine`]: the project kept in memory and previews cached by content hash;
//! - [`pages`]: the handlers and their askama templates (`src/web/templates/`).

pub mod app;
pub mod engine;
pub mod limit;
pub mod pages;
pub mod store;
