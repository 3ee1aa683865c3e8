//! The web crate's tests, one binary: sign-in, sessions and the permission matrix (auth),
//! pages and API basics, the Tamazight public pages, and the pinned API answers.

mod auth;
mod basics;
mod snapshots;
mod zgh;
