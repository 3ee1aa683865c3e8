//! Person matching (in progress).
