//! Layer 1, model: plain types of what a kit asks for (formats, loop settings and
//! timing), shared by the kit file loader, the products and the commands.

pub mod config;
