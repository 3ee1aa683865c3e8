//! Partner meetings held by a delegation in its province.
