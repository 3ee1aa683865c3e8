//! The main navigation as data: each context adds its entries here, with who sees
//! them; the capability is read from the one table of `jisr_domain::access`.

use crate::view::Chrome;
use jisr_domain::access::Capability;

/// Who sees an entry.
#[derive(Debug, Clone, Copy)]
pub enum Shown {
    Everyone,
    SignedIn,
    Can(Capability),
}

/// One entry of the main navigation.
#[derive(Debug)]
pub struct NavItem {
    pub href: &'static str,
    /// The translation key of its label.
    pub label: &'static str,
    /// The path prefixes that make it the current section.
    pub sections: &'static [&'static str],
    pub shown: Shown,
}

impl NavItem {
    pub fn shown_to(&self, chrome: &Chrome) -> bool {
        match self.shown {
            Shown::Everyone => true,
            Shown::SignedIn => chrome.signed_in(),
            Shown::Can(c) => chrome.can(c),
        }
    }

    /// Whether the page is in this entry's section.
    pub fn is_current(&self, chrome: &Chrome) -> bool {
        self.sections.iter().any(|s| chrome.is_section(s))
    }
}

const fn item(
    href: &'static str,
    label: &'static str,
    sections: &'static [&'static str],
    shown: Shown,
) -> NavItem {
    NavItem {
        href,
        label,
        sections,
        shown,
    }
}

/// The entries, in the order shown.
pub static ITEMS: &[NavItem] = &[
    item("/", "nav-home", &["/"], Shown::Everyone),
    item(
        "/territories",
        "nav-territories",
        &["/territories"],
        Shown::Everyone,
    ),
    item(
        "/services",
        "nav-services",
        &["/services", "/track"],
        Shown::Everyone,
    ),
    item(
        "/directory",
        "nav-directory",
        &["/directory"],
        Shown::Everyone,
    ),
    item("/units", "nav-units", &["/units"], Shown::Everyone),
    item(
        "/open-data",
        "nav-open-data",
        &["/open-data"],
        Shown::Everyone,
    ),
    item("/api", "nav-api", &["/api"], Shown::Everyone),
    item(
        "/establishments",
        "nav-establishments",
        &["/establishments"],
        Shown::SignedIn,
    ),
    item(
        "/associations",
        "nav-associations",
        &["/associations"],
        Shown::SignedIn,
    ),
    item(
        "/applications",
        "nav-applications",
        &["/applications"],
        Shown::Can(Capability::ProcessApplications),
    ),
    item(
        "/grievances",
        "nav-grievances",
        &["/grievances"],
        Shown::Can(Capability::ReadGrievances),
    ),
    item(
        "/authorisations",
        "nav-authorisations",
        &["/authorisations"],
        Shown::Can(Capability::DecideAuthorisations),
    ),
    item(
        "/programmes",
        "nav-programmes",
        &["/programmes"],
        Shown::SignedIn,
    ),
    item(
        "/registry/households",
        "nav-registry",
        &["/registry"],
        Shown::Can(Capability::ReadRegistry),
    ),
    item(
        "/quality/plan",
        "nav-quality-plan",
        &["/quality/plan", "/visits"],
        Shown::Can(Capability::PlanInspections),
    ),
    item(
        "/quality/grids",
        "nav-quality-grids",
        &["/quality/grids"],
        Shown::Can(Capability::EditQualityGrids),
    ),
    item(
        "/staffing",
        "nav-staffing",
        &["/staffing", "/staff/"],
        Shown::Can(Capability::ReadStaffRecords),
    ),
    item(
        "/persons/search",
        "nav-persons",
        &["/persons/search", "/persons/new"],
        Shown::Can(Capability::ReadRegistry),
    ),
    item(
        "/persons/duplicates",
        "nav-duplicates",
        &["/persons/duplicates", "/persons/merges"],
        Shown::Can(Capability::ReviewDuplicates),
    ),
    item(
        "/consultations",
        "nav-consultations",
        &["/consultations", "/questionnaires"],
        Shown::Can(Capability::FollowConsultations),
    ),
    item(
        "/consultations",
        "nav-consultations",
        &["/consultations", "/consultation-answers/"],
        Shown::Can(Capability::AnswerConsultations),
    ),
    item(
        "/meetings",
        "nav-meetings",
        &["/meetings"],
        Shown::Can(Capability::HoldPartnerMeetings),
    ),
    item(
        "/staff-surveys",
        "nav-staff-surveys",
        &["/staff-surveys"],
        Shown::Can(Capability::FollowConsultations),
    ),
    item(
        "/grant-applications",
        "grants-apply-nav",
        &["/grant-applications", "/calls/"],
        Shown::Can(Capability::ApplyForGrants),
    ),
    item(
        "/dashboard",
        "nav-dashboard",
        &["/dashboard"],
        Shown::SignedIn,
    ),
    // Every role that runs calls or sits on a committee also follows grants.
    item(
        "/grants",
        "nav-grants",
        &["/grants"],
        Shown::Can(Capability::FollowGrants),
    ),
    item(
        "/annual-reports",
        "nav-annual-reports",
        &["/annual-reports"],
        Shown::Can(Capability::ReadAnnualReports),
    ),
    item(
        "/announcements",
        "nav-announcements",
        &["/announcements"],
        Shown::Can(Capability::PublishAnnouncements),
    ),
];
