//! What the application pages and the API share: the data-protection notice version
//! recorded with every consent.

/// The version of the data-protection notice shown before submitting; the consent is
/// recorded with it and the authority's reference.
pub const NOTICE_VERSION: &str = "2026-11";

/// The notice's version with the authority's reference, as recorded with the consent.
pub(crate) fn notice_version(reference: &str) -> String {
    match reference.trim() {
        "" => NOTICE_VERSION.to_owned(),
        r => format!("{NOTICE_VERSION}/{r}"),
    }
}
