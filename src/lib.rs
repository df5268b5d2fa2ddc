//! `portail`: compiles Markdown and TOML content into a portable static site.
//!
//! The pipeline reads top to bottom: [`load`] → [`validate`] → [`render`] → [`index`](search)
//! → [`write`], one typed [`model::Site`] flowing forward.

pub mod assets;
pub mod assistant;
pub mod cli;
pub mod date;
pub mod diagnostic;
pub mod fold;
#[cfg(test)]
mod fuzz;
pub mod html;
pub mod index;
pub mod linkcheck;
pub mod links;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod slug;
pub mod sources;
pub mod typography;
pub mod urls;
pub mod validate;
pub mod write;
