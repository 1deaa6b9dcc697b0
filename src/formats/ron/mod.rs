//! The RON reader: text to spanned values (`node`, `compound`, `literal`), values to typed items
//! collecting every problem (`decode`, `convert`), and datasets read in steps and chunks (`steps`,
//! `stream`).

mod attributes;
mod compound;
pub mod convert;
pub mod decode;
mod literal;
pub mod load;
pub mod node;
pub mod steps;
pub mod stream;
