//! `portail`: compiles Markdown and TOML content into a portable static site.
//!
//! The pipeline reads top to bottom: [`load`] → [`validate`] → [`render`] → [`index`](search)
//! → [`write`], one typed [`model::Site`] flowing forward.

pub mod date;
pub mod diagnostic;
pub mod load;
pub mod markdown;
pub mod model;
pub mod slug;
pub mod assets;
pub mod assistant;
pub mod index;
pub mod links;
pub mod pipeline;
pub mod render;
pub mod search;
pub mod urls;
pub mod validate;
pub mod write;
pub mod cli;
pub mod scaffold;
pub mod serve;
