//! The one reader of `portail`'s TOML: front matter, `content/data/*.toml`, `portail.toml` and
//! the wizard's rules file share it.
//!
//! [`read`] deserializes a model type from toml's spanned tree with a serde deserializer of its
//! own (`de.rs`), which checks each value against what the model asks for before serde sees it.
//! An error is data ([`Error`]: what was expected, what was found, the byte span of the value),
//! and every error of a file is found, not only the first. French messages are made from that
//! data ([`message`]); the wizard, which walks its file by hand, builds its messages with the
//! same functions, the same "did you mean" ([`words`]) and the same line numbers
//! ([`line_column`]).

mod de;
mod error;
pub mod message;
mod position;
mod read;
mod schema;
pub mod words;

pub use error::{Error, Expected, Found, Kind, Placement};
pub use message::Message;
pub use position::line_column;
pub use read::read;
pub use schema::Schema;
