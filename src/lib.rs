//! `portail`: compiles Markdown and TOML content into a portable static site.
//!
//! The pipeline reads top to bottom: [`load`] → [`validate`] → [`render`] (feeding [`index`]
//! a chunk of pages at a time) → [`linkcheck`] → [`write`], one typed [`model::Site`] flowing
//! forward ([`pipeline`] runs them). The eligibility wizard's engine is the `wizard` crate;
//! [`site_wizard`] compiles it with this site's facts.

pub mod assets;
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
pub mod site_wizard;
pub mod slug;
pub mod sources;
pub mod typography;
pub mod urls;
pub mod validate;
pub mod write;
